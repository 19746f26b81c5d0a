"""What the rules share: how a problem names its record, and "did you mean" suggestions."""

from __future__ import annotations

import difflib
from typing import Iterator

from ..model import Policy
from ..problems import Problem
from ..records import Record


def at(record: Record, message: str, *steps, label: str | None = None) -> Problem:
    """A problem about `record`, at the line of the field `steps` inside it (or the record itself)."""
    return Problem(record.where.file, record.line_of(*steps), f"'{label if label is not None else record.id}'",
                   message)


def suggest(name: str, known) -> str:
    close = difflib.get_close_matches(name, list(known), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


def declared(policy: Policy) -> dict[str, list[str]]:
    """Each declared option with its values ([] for a free-text option such as working hours)."""
    return {o.id: [v.id for v in o.values] for o in policy.option_records}


def conditional_records(policy: Policy) -> Iterator[Record]:
    """Every quiz question, checklist item and common question (the records that may say `when:`)."""
    for quiz in policy.quizzes.values():
        yield from quiz.questions
    for checklist in policy.checklists.values():
        yield from checklist.items
    yield from policy.records_of_kind.get("question", [])
