"""What the rules share: how a problem names its record, and what to suggest for an id that does not exist."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator

from ..model import Policy
from ..problems import PolicyDataError, Problem
from ..records import Record
from ..snapshots import read_snapshots


def at(record: Record, message: str, *steps, label: str | None = None) -> Problem:
    """A problem about `record`, at the line of the field `steps` inside it (or the record itself)."""
    return Problem(record.where.file, record.line_of(*steps), f"'{label if label is not None else record.id}'",
                   message)


def suggest(name: str, known) -> str:
    close = near_miss(name, known)
    return f"; did you mean '{close}'?" if close else ""


def near_miss(name: str, known) -> str | None:
    """The known id that `name` is a slip of the keyboard for, if there is one.

    A suggestion is only worth making for a typo: a wrong guess sends the editor to a clause they did
    not mean ('posting.be-kind' is not 'posting.report-to-dsl', though difflib finds them 60% alike).
    A slip is one of: up to one character wrong, added, missing or swapped with its neighbour (two in
    an id of ten characters or more), as in 'postng', 'child-nmae', 'report-to-dls'; the same words in
    another order ('at-work.personal-use'); or the same words with one left out or added
    ('faces_on_accounts' for 'faces_on_school_accounts'). Changing a whole word ('at-home' for
    'at-work') is a different id, not a typo."""
    allowed = 2 if len(name) >= 10 else 1
    words = _words(name)
    best = None
    for candidate in known:
        candidate = str(candidate)
        if candidate == name:
            continue
        distance = _distance(name, candidate, allowed)
        if distance > allowed:
            theirs = _words(candidate)
            if sorted(words) == sorted(theirs):
                distance = allowed  # the same words, reordered
            elif len(words) >= 2 and len(theirs) >= 2 and _one_word_apart(words, theirs):
                distance = allowed + 1
            else:
                continue
        if best is None or distance < best[0]:
            best = (distance, candidate)
    return best[1] if best else None


def _words(name: str) -> list[str]:
    return [word for word in re.split(r"[-._ ]+", name.lower()) if word]


def _one_word_apart(words: list[str], theirs: list[str]) -> bool:
    """The same words, in the same order, but for one word more in one of them."""
    shorter, longer = sorted((words, theirs), key=len)
    return len(longer) == len(shorter) + 1 and any(longer[:i] + longer[i + 1:] == shorter for i in range(len(longer)))


def _distance(a: str, b: str, limit: int) -> int:
    """Edits (change, add, remove a character, or swap two neighbours) turning a into b; anything over
    `limit` is reported as limit + 1."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous, row = None, list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            current[j] = min(row[j] + 1, current[j - 1] + 1, row[j - 1] + (a[i - 1] != b[j - 1]))
            if previous is not None and i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous[j - 2] + 1)
        previous, row = row, current
        if min(row) > limit:
            return limit + 1
    return min(row[len(b)], limit + 1)


CLAUSE_WHAT_TO_DO = "remove it from this list, or point it at another clause"


def clause_suggester(policy: Policy):
    """What to say after "no clause 'X'": a clause the school's approved policy had was taken out on
    purpose, so no near-miss is offered for it; a typo gets its near-miss; anything else, what to do."""
    removed: list[dict[str, str]] = []  # read the snapshots only once a reference is missing

    def suggester(name: str, known) -> str:
        if not removed:
            removed.append(removed_clauses(policy))
        if name in removed[0]:
            return f": it was removed after version {removed[0][name]} was approved; {CLAUSE_WHAT_TO_DO}"
        return suggest(name, known) or f"; {CLAUSE_WHAT_TO_DO}"
    return suggester


def removed_clauses(policy: Policy) -> dict[str, str]:
    """Each clause id in one of the school's approved snapshots but not in its policy now, with the last
    approved version that had it."""
    # The policy does not keep its data folder; its profile's path, as shown, starts with it.
    profile = policy.files.get(policy.profile_file)
    if profile is None or not profile.path.endswith(policy.profile_file):
        return {}
    data_dir = Path(profile.path[: -len(policy.profile_file)] or ".")
    try:
        snapshots = read_snapshots(data_dir / policy.school_folder)
    except PolicyDataError:
        return {}  # reported by the snapshots-intact rule, which runs first
    current = {clause.id for clause in policy.all_clauses()}
    found: dict[str, str] = {}
    for version, snapshot in snapshots.items():  # oldest first: the last version that had it wins
        for clause_id in (snapshot.get("clauses") or {}):
            if clause_id not in current:
                found[clause_id] = version
    return found


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
