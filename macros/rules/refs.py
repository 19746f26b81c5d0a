"""The rule that every id a record cites exists, for every kind of reference, in one place."""

from __future__ import annotations

from typing import Iterator

from ..model import Policy
from ..problems import Problem
from ..records import Record
from .common import at, clause_suggester, suggest


def _suggest_platform(name: str, platforms: dict[str, Record]) -> str:
    """Platforms also answer to their former names: 'twitter' suggests 'x' (formerly Twitter)."""
    for platform_id, platform in platforms.items():
        if (platform.formerly or "").lower() == name.lower():
            return f"; did you mean '{platform_id}' (formerly {platform.formerly})?"
    return suggest(name, platforms)


def _missing(record: Record, targets: list[str], known: dict, field: tuple, what: str, label=None,
             suggester=suggest) -> Iterator[Problem]:
    for position, target in enumerate(targets):
        if target not in known:
            yield at(record, what.format(f"'{target}'") + suggester(target, known), *field, position, label=label)


def refs_resolve(policy: Policy) -> Iterator[Problem]:
    clauses = policy.clauses
    about_clause = clause_suggester(policy)
    if policy.keeps_sources and not policy.sources and any(c.sources for c in policy.all_clauses()):
        yield at(policy.meta, "sources.yml is missing, but clauses name the published policies they came from; "
                              "restore it, or add `sources: dropped` to policy.yml to leave sources out",
                 label="sources")
    for clause in policy.all_clauses():
        refs = clause.refs
        for position, target in enumerate(refs.clauses):
            if target == clause.id:
                yield at(clause, "a clause cannot refer to itself; remove it from refs.clauses",
                         "refs", "clauses", position)
        others = [t for t in refs.clauses if t != clause.id]
        yield from _missing(clause, others, clauses, ("refs", "clauses"), "refs.clauses: no clause {}",
                            suggester=about_clause)
        yield from _missing(clause, refs.legislation, policy.legislation, ("refs", "legislation"),
                            "refs.legislation: no legislation record {}")
        yield from _missing(clause, refs.policies, policy.related_policies, ("refs", "policies"),
                            "refs.policies: no related policy {}")
        yield from _missing(clause, refs.platforms, policy.platforms, ("refs", "platforms"),
                            "refs.platforms: no platform {}", suggester=_suggest_platform)
        yield from _missing(clause, clause.roles, policy.roles, ("roles",), "roles: no role {} in roles.yml")
        if policy.keeps_sources and policy.sources:
            yield from _missing(clause, [s.policy for s in clause.sources], policy.sources, ("sources",),
                                "sources: no source policy {} in sources.yml")
    for record in policy.dos + policy.donts:
        yield from _missing(record, record.clauses, clauses, ("clauses",), "no clause {}", suggester=about_clause)
    for platform_id, platform in policy.platforms.items():
        for side in ("school", "users"):
            yield from _missing(platform, getattr(platform.protocol, side), clauses, ("protocol", side),
                                f"protocol.{side}: no clause {{}}", label=platform_id,
                                suggester=about_clause)
        accounts = policy.profile.accounts
        # In a group, one school may have an account where another has none: its protocol then applies only
        # where the account exists. A near-miss of an account the school has is a typo.
        hint = ""
        if platform.school_account:
            hint = _suggest_platform(platform.school_account, {k: v for k, v in policy.platforms.items() if k in accounts}) \
                or suggest(platform.school_account, accounts)
        if platform.school_account and platform.school_account not in accounts and hint:
            yield at(platform, f"school_account: no account '{platform.school_account}' under `accounts` in "
                               f"{policy.profile_file}{hint}", "school_account", label=platform_id)
    for law_id, law in policy.legislation.items():
        if law_id in law.superseded_by:
            yield at(law, "a record cannot be superseded by itself", "superseded_by")
        yield from _missing(law, [t for t in law.superseded_by if t != law_id], policy.legislation,
                            ("superseded_by",), "superseded_by: no legislation record {}")
    for role in policy.roles.values():
        if role.person and role.person not in policy.people():
            yield at(role, f"person: no '{role.person}' under `people` in {policy.profile_file}"
                           f"{suggest(role.person, policy.people())}", "person")
    for quiz in policy.quizzes.values():
        for question in quiz.questions:
            yield from _missing(question, question.clauses, clauses, ("clauses",), "no clause {}",
                                suggester=about_clause)
    for checklist in policy.checklists.values():
        for item in checklist.items:
            yield from _missing(item, item.clauses, clauses, ("clauses",), "no clause {}", suggester=about_clause)
    questions = {q.id: q for q in policy.records_of_kind.get("question", [])}
    for guide in policy.guides.values():
        for first in guide.first:
            yield from _missing(first, first.clauses, clauses, ("clauses",), "no clause {}", suggester=about_clause)
        for group in guide.groups:
            yield from _missing(group, group.questions, questions, ("questions",), "no question {} in questions.yml")
            for topic in group.topics:
                yield from _missing(topic, topic.clauses, clauses, ("clauses",), "no clause {}", suggester=about_clause)
    for question in questions.values():
        yield from _missing(question, question.clauses, clauses, ("clauses",), "no clause {}", suggester=about_clause)


def repealed_names_replacement(policy: Policy) -> Iterator[Problem]:
    for law in policy.legislation.values():
        if law.status in ("repealed", "abolished") and not law.superseded_by:
            yield at(law, "a repealed or abolished record must say what replaced it in `superseded_by`")
