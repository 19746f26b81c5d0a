"""Text written from a clause (audience summaries, quiz questions, checklist items, do's and don'ts)
records the fingerprint of the clause wording it was checked against, so the check can say when the
clause has changed since. `python -m macros confirm ID` stamps a reviewed text as current.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator

from .fingerprint import fingerprint
from .model import Clause, Policy
from .records import Record


def clause_fingerprint(clause: Clause) -> str:
    """Fingerprint of a clause's formal wording (every variant), which its summaries paraphrase."""
    if clause.option:
        return fingerprint(" | ".join(v.text for _, v in sorted(clause.variants.items())))
    return fingerprint(clause.data.get("text", ""))


def has_summary(clause: Clause) -> bool:
    return bool(clause.data.get("summary")) or any(v.data.get("summary") for v in clause.variants.values())


def paraphrase_fingerprint(policy: Policy, record: Record) -> str:
    """Fingerprint of the wording of every clause a paraphrasing record cites."""
    return fingerprint(" | ".join(clause_fingerprint(policy.clauses[c]) for c in record.clauses
                                  if c in policy.clauses))


def paraphrases(policy: Policy) -> Iterator[tuple[str, Record]]:
    """(the id to confirm it by, record) for every record that paraphrases clauses."""
    for quiz_id, quiz in policy.quizzes.items():
        for question in quiz.questions:
            yield f"{quiz_id}/{question.id}", question
    for checklist_id, checklist in policy.checklists.items():
        for item in checklist.items:
            yield f"{checklist_id}/{item.id}", item
    for record in policy.dos:
        yield f"dos/{record.id}", record
    for record in policy.donts:
        yield f"donts/{record.id}", record
    for record in policy.records_of_kind.get("question", []):
        yield f"questions/{record.id}", record


def confirmable(policy: Policy) -> dict[str, tuple[Record, str, str]]:
    """Every confirmable text by its id: (record, field holding the fingerprint, current fingerprint)."""
    found = {c.id: (c, "summary_checked", clause_fingerprint(c)) for c in policy.all_clauses() if has_summary(c)}
    for name, record in paraphrases(policy):
        found[name] = (record, "checked", paraphrase_fingerprint(policy, record))
    for clause in policy.all_clauses():  # a school's replacement, re-read against the shared clause
        if clause.replacement is not None:
            found[clause.replacement.id] = (clause.replacement, "replaces_fingerprint", clause_fingerprint(clause))
    return found


def stamp(data_dir: Path, policy: Policy, record: Record, field: str, value: str) -> None:
    """Write `field: "value"` into the record's YAML, keeping every comment and the rest of the file.

    An existing field of the record is replaced; otherwise the field goes after the record's first line."""
    relative = next(rel for rel, file in policy.files.items() if file.path == record.where.file)
    path = data_dir / relative
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    start = record.where.line - 1
    first = lines[start]
    indent = len(first) - len(first.lstrip(" -")) if first.lstrip().startswith("- ") else 0
    end = start + 1
    while end < len(lines):
        body = lines[end].strip()
        if body and not body.startswith("#") and len(lines[end]) - len(lines[end].lstrip(" ")) < indent:
            break
        end += 1
    if indent == 0:  # a record that is the whole file
        end = len(lines)
    pattern = re.compile(rf"^ {{{indent}}}{field}:")
    new_line = f'{" " * indent}{field}: "{value}"\n'
    for index in range(start, end):
        if pattern.match(lines[index]):
            lines[index] = new_line
            break
    else:
        lines.insert(start + 1, new_line)
    path.write_text("".join(lines), encoding="utf-8")
