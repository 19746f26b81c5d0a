"""Rules that every record is used: clauses referenced, records cited, rules self-checked, and
self-check questions that follow the school's options."""

from __future__ import annotations

from typing import Iterator

from ..model import Policy
from ..problems import Problem
from ..references import incoming_references
from ..registry import KINDS
from .common import at, conditional_records


def option_questions_have_when(policy: Policy) -> Iterator[Problem]:
    for record in conditional_records(policy):
        if record.option_neutral:
            continue
        for position, target in enumerate(record.clauses):
            option = policy.clauses[target].option if target in policy.clauses else None
            if option and option not in record.when:
                yield at(record, f"clause '{target}' depends on the option {option}: add `when: {{{option}: ...}}` "
                                 "with a twin for each other choice, or `option_neutral: true` if the text is right "
                                 "whatever the school chooses", "clauses", position)


def clauses_referenced(policy: Policy) -> Iterator[Problem]:
    incoming = incoming_references(policy)
    for clause in policy.all_clauses():
        if clause.local is None and not any(b.kind != "role" for b in incoming.get(clause.id, [])):
            yield at(clause, "nothing refers to this clause: cite it from another clause, a do or don't, a platform "
                             "protocol, a guide topic, a quiz question or a checklist item, or fold it into another")


def records_cited(policy: Policy) -> Iterator[Problem]:
    for kind in KINDS:
        if kind.cited_as is None:
            continue
        field = kind.cited_as.split(".")
        cited = set()
        for clause in policy.all_clauses():
            cited.update(clause.roles if field == ["roles"] else getattr(clause.refs, field[1]))
        if kind.name == "legislation":  # a law cited only as the replacement of a cited law is in use
            cited.update(t for law_id in list(cited) if law_id in policy.legislation
                         for t in policy.legislation[law_id].superseded_by)
        for record_id, record in policy.by_kind(kind.name).items():
            if record_id not in cited:
                yield at(record, f"no clause cites this {kind.noun}; cite it in a clause's {kind.cited_as} "
                                 "or remove it")


def must_clauses_self_checked(policy: Policy) -> Iterator[Problem]:
    tested = {c for quiz_id in policy.quizzes for q in policy.questions(quiz_id) for c in q.clauses}
    tested |= {c for checklist_id in policy.checklists for i in policy.items(checklist_id) for c in i.clauses}
    for clause in policy.all_clauses():  # a school's own clauses are tested by its own means, not the shared quizzes
        if clause.local is None and clause.kind in ("must", "must-not") and clause.id not in tested:
            yield at(clause, f"a {clause.kind} rule that no quiz question or checklist item tests (for the "
                             "school's chosen options); add a question or a checklist item citing it")
