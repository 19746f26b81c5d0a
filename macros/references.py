"""Who refers to each clause, from every kind of record, listed in one place: the index behind
back-links and behind the rule that every clause is referenced."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterator

from .model import Policy
from .site_map import guide_item_anchor, guide_page, link, question_anchor, quiz_page


@dataclass(frozen=True)
class Backlink:
    """One place that refers to a clause: shown under the clause as "Referred to from"."""

    kind: str    # clause, role, do, dont, platform, guide, quiz, checklist
    label: str   # what the reader sees
    target: str  # page-relative Markdown link
    source: str = field(default="", compare=False)  # the id of the referring record


def _references(policy: Policy) -> Iterator[tuple[str, Backlink]]:
    """(clause id, back-link) for every reference any record makes to a clause."""
    for clause in policy.all_clauses():
        for target in clause.refs.clauses:
            yield target, Backlink("clause", f"{clause.number} {clause.title}", link("clause", clause.id), clause.id)
        for role_id in clause.roles:
            name = policy.roles[role_id].name if role_id in policy.roles else role_id
            yield clause.id, Backlink("role", f"Duties of {name}", link("role", role_id), role_id)
    for kind, records, prefix in (("do", policy.dos, "Do: "), ("dont", policy.donts, "Don't: ")):
        for record in records:
            for target in record.clauses:
                yield target, Backlink(kind, prefix + record.text.rstrip("."), link(kind, record.id), record.id)
    for platform_id, platform in policy.platforms.items():
        for target in platform.protocol.school + platform.protocol.users:
            yield target, Backlink("platform", f"{platform.name} protocol", link("platform", platform_id), platform_id)
    for guide_id, guide in policy.guides.items():
        for group in guide.groups:
            for topic in group.topics:
                for target in topic.clauses:
                    yield target, Backlink("guide", f"{guide.title}: {topic.title}",
                                           f"{guide_page(guide_id)}#{guide_item_anchor(guide_id, target)}", topic.id)
    for quiz_id, quiz in policy.quizzes.items():
        for number, question in enumerate(policy.questions(quiz_id), start=1):
            for target in question.clauses:
                yield target, Backlink("quiz", f"{quiz.title}, question {number}",
                                       f"{quiz_page(quiz_id)}#{question_anchor(question.id)}", question.id)
    for checklist_id, checklist in policy.checklists.items():
        for item in policy.items(checklist_id):
            for target in item.clauses:
                yield target, Backlink("checklist", f"Checklist: {checklist.title}", link("checklist", checklist_id),
                                       item.id)


def incoming_references(policy: Policy) -> dict[str, list[Backlink]]:
    incoming: dict[str, list[Backlink]] = defaultdict(list)
    for clause_id, backlink in _references(policy):
        if backlink not in incoming[clause_id] and not (backlink.kind == "clause" and backlink.source == clause_id):
            incoming[clause_id].append(backlink)
    return incoming
