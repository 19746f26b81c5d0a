"""Rules about a school's own clauses (schools/<school-id>/clauses.yml): each in the school's id
namespace, added to a named shared section or replacing one shared clause, and a replacement re-read
whenever the group rewords the clause it replaces."""

from __future__ import annotations

from typing import Iterator

from ..confirmations import clause_fingerprint
from ..model import Policy
from ..problems import Problem
from .common import at, suggest

ADDED_NEEDS = ("title", "audiences", "roles")


def local_clauses_placed(policy: Policy) -> Iterator[Problem]:
    sections = {s.id for s in policy.sections}
    shared = {c.id: c for c in policy.all_clauses() if c.local is None}
    replaced: dict[str, int] = {}
    for record in policy.local_records:
        prefix = f"{policy.school_id}."
        if not record.id.startswith(prefix):
            yield at(record, f"a local clause's id starts with the school's id: expected "
                             f"'{prefix}{record.id.split('.')[-1]}'", "id")
        if record.section and record.replaces:
            yield at(record, "a local clause is either added to a `section` or `replaces` a shared clause, "
                             "not both; remove one of them", "replaces")
        elif record.replaces:
            if record.replaces not in shared:
                yield at(record, f"replaces: no shared clause '{record.replaces}'{suggest(record.replaces, shared)}",
                         "replaces")
            elif record.replaces in replaced:
                yield at(record, f"'{record.replaces}' is already replaced at line {replaced[record.replaces]}; "
                                 "a shared clause has at most one local replacement", "replaces")
            else:
                replaced[record.replaces] = record.where.line
        elif record.section:
            if record.section not in sections:
                yield at(record, f"section: no section '{record.section}' in policy.yml"
                                 f"{suggest(record.section, sections)}", "section")
            missing = [name for name in ADDED_NEEDS if not record.has(name)]
            if missing:
                yield at(record, f"a clause added to a section needs {', '.join(f'`{m}`' for m in missing)}")
        else:
            yield at(record, "say where this clause goes: `section: <section id>` adds it at the end of that "
                             "section, `replaces: <clause id>` puts it in place of a shared clause")


def replacements_current(policy: Policy) -> Iterator[Problem]:
    for record in policy.local_records:
        clause = policy.clauses.get(record.replaces) if record.replaces else None
        if clause is None or clause.replacement is not record:
            continue
        now = clause_fingerprint(clause)
        if record.replaces_fingerprint is None:
            yield at(record, f"this replacement was never checked against the shared clause '{clause.id}'; when "
                             f"it is right, run `python -m macros confirm {record.id}`")
        elif record.replaces_fingerprint != now:
            yield at(record, f"stale replacement: the shared clause '{clause.id}' was reworded since this "
                             "replacement was written; read its new wording, change this one if it needs to, "
                             f"then run `python -m macros confirm {record.id}`", "replaces_fingerprint")
