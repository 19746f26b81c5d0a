"""Checks that the data hangs together: ids, references, options, placeholders, dates, usage.

Each check is a small function taking the policy and yielding problems; `engine.load_policy` runs them
all, so an editor sees every problem at once.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
from collections import Counter
from typing import Callable, Iterator

from .fingerprint import fingerprint
from .model import Clause, Located, Policy
from .placeholders import known_values, unknown_placeholders
from .problems import Problem
from .references import incoming_references
from .schema_check import SCHEMA_DIR

Check = Callable[[Policy], Iterator[Problem]]
CHECKS: list[Check] = []


def check(function: Check) -> Check:
    CHECKS.append(function)
    return function


def _at(where: Located, record: str, message: str) -> Problem:
    return Problem(where.file, where.line, f"'{record}'" if record != "(file)" else record, message)


def _suggest_record(name: str, known: dict) -> str:
    """Like _suggest, but also knows former names: 'twitter' suggests 'x' (formerly Twitter)."""
    for record_id, entry in known.items():
        record = entry[0] if isinstance(entry, tuple) else None
        if isinstance(record, dict) and str(record.get("formerly", "")).lower() == name.lower():
            return f"; did you mean '{record_id}' (formerly {record['formerly']})?"
    return _suggest(name, known)


def _suggest(name: str, known) -> str:
    close = difflib.get_close_matches(name, list(known), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


# --- ids -----------------------------------------------------------------------------------------

@check
def unique_clause_ids(policy: Policy) -> Iterator[Problem]:
    first: dict[str, Clause] = {}
    for clause in policy.all_clauses():
        if clause.id in first and first[clause.id] is not clause:
            other = first[clause.id].where
            yield _at(clause.where, clause.id, f"duplicate clause id (already used at {other.file}:{other.line}); "
                                               "give this clause a new id")
        first.setdefault(clause.id, clause)


def duplicate_ids(file: str, items: list, line_for: Callable[[int], int], noun: str = "") -> Iterator[Problem]:
    """A problem for each record whose id was already used earlier in the same list."""
    seen: dict[str, int] = {}
    for index, record in enumerate(items):
        if not isinstance(record, dict) or not isinstance(record.get("id"), str):
            continue
        line = line_for(index)
        if record["id"] in seen:
            yield Problem(file, line, f"'{record['id']}'",
                          f"duplicate {noun + ' ' if noun else ''}id (already used on line {seen[record['id']]}); "
                          "ids must be unique")
        seen.setdefault(record["id"], line)


@check
def unique_record_ids(policy: Policy) -> Iterator[Problem]:
    for name, key in [("roles.yml", "roles"), ("legislation.yml", "legislation"), ("related_policies.yml", "policies"),
                      ("sources.yml", "sources"), ("glossary.yml", "terms"), ("dos_and_donts.yml", "dos"),
                      ("dos_and_donts.yml", "donts")]:
        file = policy.files.get(name)
        if file is not None and isinstance(file.data, dict) and isinstance(file.data.get(key), list):
            yield from duplicate_ids(file.path, file.data[key], lambda index: file.line_of((key, index)))


@check
def ids_match_their_place(policy: Policy) -> Iterator[Problem]:
    for section_id, file in policy.section_files().items():
        data = file.data if isinstance(file.data, dict) else {}
        if isinstance(data.get("id"), str) and data["id"] != section_id:
            yield Problem(file.path, file.line_of(("id",)), f"'{data['id']}'",
                          f"the section id must match the file name: expected '{section_id}'")
    for section in policy.sections:
        for clause in section.clauses:
            if clause.id and not clause.id.startswith(section.id + "."):
                yield _at(clause.where, clause.id,
                          f"a clause id must start with its section id: expected '{section.id}.{clause.id.split('.')[-1]}'")
    for folder in (policy.platforms, policy.guides, policy.quizzes, policy.checklists):
        for record_id, (record, where, relative) in folder.items():
            expected = relative.rsplit("/", 1)[-1][:-4]
            if record.get("id") is not None and record_id != expected:
                yield _at(where, record_id, f"the id must match the file name: expected '{expected}'")


@check
def sections_listed(policy: Policy) -> Iterator[Problem]:
    file = policy.files.get("policy.yml")
    if file is None:
        yield Problem("policy_data/policy.yml", 0, "(file)", "the file is missing; it lists the sections in order")
        return
    listed = policy.meta.get("sections") if isinstance(policy.meta.get("sections"), list) else []
    files = policy.section_files()
    for index, section_id in enumerate(listed):
        if isinstance(section_id, str) and section_id not in files:
            yield Problem(file.path, file.line_of(("sections", index)), f"'{section_id}'",
                          f"no file sections/{section_id}.yml for this section{_suggest(section_id, files)}")
    for section_id, section_file in files.items():
        if section_id not in listed:
            yield Problem(section_file.path, 1, f"'{section_id}'",
                          "this section is not listed in policy_data/policy.yml `sections`; add it where it belongs")


REQUIRED_FILES = ["school.yml", "policy.yml", "roles.yml", "legislation.yml", "related_policies.yml",
                  "dos_and_donts.yml", "glossary.yml", "sources.yml", "history.yml"]


@check
def required_files_present(policy: Policy) -> Iterator[Problem]:
    for name in REQUIRED_FILES:
        if name not in policy.files:
            yield Problem(f"policy_data/{name}", 0, "(file)", "this file is missing or could not be read")


# --- references ----------------------------------------------------------------------------------

REF_TARGETS = {
    "clauses": ("clause", lambda p: p.clauses),
    "legislation": ("legislation record", lambda p: p.legislation),
    "policies": ("related policy", lambda p: p.related_policies),
    "platforms": ("platform", lambda p: p.platforms),
}


@check
def clause_references_resolve(policy: Policy) -> Iterator[Problem]:
    for clause in policy.all_clauses():
        for key, (noun, index) in REF_TARGETS.items():
            targets = clause.refs.get(key) or []
            known = index(policy)
            for position, target in enumerate(targets if isinstance(targets, list) else []):
                line = policy.line_of(clause.where, "refs", key, position)
                if target == clause.id:
                    yield Problem(clause.where.file, line, f"'{clause.id}'",
                                  "a clause cannot refer to itself; remove it from refs.clauses")
                elif isinstance(target, str) and target not in known:
                    yield Problem(clause.where.file, line, f"'{clause.id}'",
                                  f"refs.{key}: no {noun} '{target}'{_suggest_record(target, known)}")
        for position, role in enumerate(clause.roles):
            if role not in policy.roles:
                yield Problem(clause.where.file, policy.line_of(clause.where, "roles", position), f"'{clause.id}'",
                              f"roles: no role '{role}' in roles.yml{_suggest(role, policy.roles)}")
        for position, source in enumerate(clause.sources):
            name = source.get("policy")
            if isinstance(name, str) and name not in policy.sources:
                yield Problem(clause.where.file, policy.line_of(clause.where, "sources", position), f"'{clause.id}'",
                              f"sources: no source policy '{name}' in sources.yml{_suggest(name, policy.sources)}")


def _cited_clauses(policy: Policy, file_name: str, key: str) -> Iterator[Problem]:
    for record, where in (policy.dos if key == "dos" else policy.donts):
        for position, target in enumerate(record.get("clauses") or []):
            if isinstance(target, str) and target not in policy.clauses:
                line = policy.line_of(where, "clauses", position)
                yield Problem(where.file, line, f"'{record.get('id')}'",
                              f"no clause '{target}'{_suggest(target, policy.clauses)}")


@check
def dos_and_donts_cite_clauses(policy: Policy) -> Iterator[Problem]:
    yield from _cited_clauses(policy, "dos_and_donts.yml", "dos")
    yield from _cited_clauses(policy, "dos_and_donts.yml", "donts")


@check
def platform_references_resolve(policy: Policy) -> Iterator[Problem]:
    accounts = policy.school.get("accounts") if isinstance(policy.school.get("accounts"), dict) else {}
    for platform_id, (record, where, relative) in policy.platforms.items():
        file = policy.files[relative]
        protocol = record.get("protocol") if isinstance(record.get("protocol"), dict) else {}
        for side in ("school", "users"):
            for position, target in enumerate(protocol.get(side) or []):
                if isinstance(target, str) and target not in policy.clauses:
                    yield Problem(where.file, file.line_of(("protocol", side, position)), f"'{platform_id}'",
                                  f"protocol.{side}: no clause '{target}'{_suggest(target, policy.clauses)}")
        account = record.get("school_account")
        if isinstance(account, str) and account not in accounts:
            yield Problem(where.file, file.line_of(("school_account",)), f"'{platform_id}'",
                          f"school_account: no account '{account}' under `accounts` in school.yml"
                          f"{_suggest(account, accounts)}")


@check
def legislation_references_resolve(policy: Policy) -> Iterator[Problem]:
    for law_id, (record, where) in policy.legislation.items():
        for position, target in enumerate(record.get("superseded_by") or []):
            if target == law_id:
                yield _at(where, law_id, "a record cannot be superseded by itself")
            elif isinstance(target, str) and target not in policy.legislation:
                line = policy.line_of(where, "superseded_by", position)
                yield Problem(where.file, line, f"'{law_id}'",
                              f"superseded_by: no legislation record '{target}'{_suggest(target, policy.legislation)}")
        if record.get("status") in ("repealed", "abolished") and not record.get("superseded_by"):
            yield _at(where, law_id, "a repealed or abolished record must say what replaced it in `superseded_by`")


@check
def roles_name_known_people(policy: Policy) -> Iterator[Problem]:
    people = policy.people()
    for role_id, (record, where) in policy.roles.items():
        person = record.get("person")
        if isinstance(person, str) and person not in people:
            yield _at(where, role_id, f"person: no '{person}' under `people` in school.yml{_suggest(person, people)}")


# --- options, placeholders, summaries --------------------------------------------------------------

def option_values() -> dict[str, list[str]]:
    """Each option of school.yml with its allowed values, from the school schema."""
    schema = json.loads((SCHEMA_DIR / "school.schema.json").read_text(encoding="utf-8"))
    options = schema["properties"]["options"]["properties"]
    return {name: spec["enum"] for name, spec in options.items() if "enum" in spec}


@check
def options_are_known(policy: Policy) -> Iterator[Problem]:
    allowed = option_values()
    for clause in policy.all_clauses():
        if not clause.option:
            continue
        if clause.option not in allowed:
            yield _at(clause.where, clause.id, f"option: no option '{clause.option}' in school.yml `options`"
                                               f"{_suggest(clause.option, allowed)}")
            continue
        variants = clause.record.get("variants") if isinstance(clause.record.get("variants"), dict) else {}
        missing = [v for v in allowed[clause.option] if v not in variants]
        extra = [v for v in variants if v not in allowed[clause.option]]
        if missing or extra:
            yield _at(clause.where, clause.id,
                      f"variants must be exactly {', '.join(allowed[clause.option])}"
                      + (f" (missing {', '.join(missing)})" if missing else "")
                      + (f" (unknown {', '.join(extra)})" if extra else ""))


def _texts_of(clause: Clause) -> Iterator[tuple[tuple, str]]:
    record = clause.record
    if isinstance(record.get("text"), str):
        yield ("text",), record["text"]
    for name, variant in (record.get("variants") or {}).items() if isinstance(record.get("variants"), dict) else []:
        if isinstance(variant, dict):
            if isinstance(variant.get("text"), str):
                yield ("variants", name, "text"), variant["text"]
            for audience, words in (variant.get("summary") or {}).items():
                if isinstance(words, str):
                    yield ("variants", name, "summary", audience), words
    for audience, words in (record.get("summary") or {}).items() if isinstance(record.get("summary"), dict) else []:
        if isinstance(words, str):
            yield ("summary", audience), words


def _other_texts(policy: Policy) -> Iterator[tuple[str, int, str, str]]:
    """(file, line, record, text) for text outside clauses that may hold placeholders."""
    for record, where in policy.dos + policy.donts:
        if isinstance(record.get("text"), str):
            yield where.file, where.line, str(record.get("id")), record["text"]


@check
def placeholders_are_known(policy: Policy) -> Iterator[Problem]:
    values = known_values(policy)
    for clause in policy.all_clauses():
        for path, text in _texts_of(clause):
            for name, close in unknown_placeholders(text, values):
                hint = f"; did you mean {{{close}}}?" if close else "; see policy_data/README.md for the placeholders"
                yield Problem(clause.where.file, policy.line_of(clause.where, *path), f"'{clause.id}'",
                              f"unknown placeholder {{{name}}}{hint}")
    for file, line, record, text in _other_texts(policy):
        for name, close in unknown_placeholders(text, values):
            hint = f"; did you mean {{{close}}}?" if close else ""
            yield Problem(file, line, f"'{record}'", f"unknown placeholder {{{name}}}{hint}")


def summary_fingerprint(clause: Clause) -> str:
    """Fingerprint of the formal wording (all variants) the summaries were written against."""
    record = clause.record
    if isinstance(record.get("variants"), dict):
        return fingerprint(" | ".join(str(v.get("text", "")) for _, v in sorted(record["variants"].items())
                                      if isinstance(v, dict)))
    return fingerprint(str(record.get("text", "")))


def has_summary(clause: Clause) -> bool:
    record = clause.record
    if isinstance(record.get("summary"), dict) and record["summary"]:
        return True
    variants = record.get("variants") if isinstance(record.get("variants"), dict) else {}
    return any(isinstance(v, dict) and v.get("summary") for v in variants.values())


@check
def summaries_are_current(policy: Policy) -> Iterator[Problem]:
    for clause in policy.all_clauses():
        if not has_summary(clause):
            continue
        expected = summary_fingerprint(clause)
        checked = clause.record.get("summary_checked")
        if checked is None:
            yield _at(clause.where, clause.id, f"summaries need `summary_checked: \"{expected}\"` "
                                               "(the fingerprint of the text they were checked against)")
        elif checked != expected:
            yield Problem(clause.where.file, policy.line_of(clause.where, "summary_checked"), f"'{clause.id}'",
                          f"summaries may be stale: the formal text changed since they were checked ({checked}); "
                          f"re-read them, then set `summary_checked: \"{expected}\"`")


# --- dates ---------------------------------------------------------------------------------------

def _date(value) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


@check
def dates_make_sense(policy: Policy) -> Iterator[Problem]:
    school_file = policy.files.get("school.yml")
    today = dt.date.today()
    approved = policy.approved_on
    if school_file and approved and approved > today:
        yield Problem(school_file.path, school_file.line_of(("approval", "approved_on")), "'approval'",
                      f"approved_on {approved} is in the future; give the date governors approved the policy")
    history = policy.files.get("history.yml")
    previous = None
    for index, version in enumerate(policy.history):
        date = _date(version.get("date"))
        line = history.line_of(("versions", index, "date")) if history else 0
        label = f"'version {version.get('version')}'"
        if date and approved and date >= approved:
            yield Problem(history.path, line, label,
                          f"an earlier version's date ({date}) must be before the current approval date "
                          f"({approved}, approval.approved_on in school.yml)")
        if date and previous and date <= previous:
            yield Problem(history.path, line, label, "versions must be listed oldest first, with increasing dates")
        if str(version.get("version")) == policy.version:
            yield Problem(history.path, history.line_of(("versions", index, "version")), label,
                          "this is the version in force (school.yml approval.version); earlier versions only here")
        previous = date or previous
    for platform_id, (record, where, relative) in policy.platforms.items():
        checked = _date(record.get("facts_checked"))
        if checked and checked > today:
            yield Problem(where.file, policy.files[relative].line_of(("facts_checked",)), f"'{platform_id}'",
                          f"facts_checked {checked} is in the future")


# --- usage ---------------------------------------------------------------------------------------

@check
def every_clause_is_referenced(policy: Policy) -> Iterator[Problem]:
    incoming = incoming_references(policy)
    for clause in policy.all_clauses():
        if not incoming.get(clause.id):
            yield _at(clause.where, clause.id, "nothing refers to this clause: give it a responsible role, cite it "
                                               "from another clause, a do or don't, a quiz question or a checklist item")


@check
def every_record_is_used(policy: Policy) -> Iterator[Problem]:
    cited = Counter()
    for clause in policy.all_clauses():
        for key in ("legislation", "policies", "platforms"):
            cited.update((key, t) for t in clause.refs.get(key) or [] if isinstance(t, str))
        cited.update(("roles", r) for r in clause.roles)
    for law_id, (record, _) in policy.legislation.items():
        cited.update(("legislation", t) for t in record.get("superseded_by") or [] if ("legislation", law_id) in cited)
    for noun, key, index in [("legislation record", "legislation", policy.legislation),
                             ("related policy", "policies", policy.related_policies),
                             ("role", "roles", policy.roles)]:
        for record_id, (record, where) in index.items():
            if not cited[(key, record_id)]:
                yield _at(where, record_id, f"no clause cites this {noun}; cite it in a clause's "
                                            f"{'roles' if key == 'roles' else 'refs.' + key} or remove it")
