"""Rules about ids and files: what must hold before any reference can be followed."""

from __future__ import annotations

from typing import Iterator

from ..model import Policy, file_id
from ..problems import Problem
from ..records import Record
from ..registry import KINDS
from .common import at, suggest


def _duplicates(records: list[Record], noun: str = "") -> Iterator[Problem]:
    seen: dict[str, Record] = {}
    for record in records:
        first = seen.setdefault(record.id, record)
        if first is not record:
            place = (f"line {first.where.line}" if first.where.file == record.where.file
                     else f"{first.where.file}:{first.where.line}")
            yield at(record, f"duplicate {noun + ' ' if noun else ''}id (already used at {place}); "
                             "give this one a new id")


def ids_unique(policy: Policy) -> Iterator[Problem]:
    yield from _duplicates([c for s in policy.sections for c in s.clauses], "clause")
    for kind in KINDS:
        if kind.list_key and kind.name not in ("clause", "version"):  # versions are checked by date
            yield from _duplicates(policy.records_of_kind[kind.name])
    for quiz in policy.quizzes.values():
        yield from _duplicates(quiz.questions, "question")
    for checklist in policy.checklists.values():
        yield from _duplicates(checklist.items, "item")


def ids_match_files(policy: Policy) -> Iterator[Problem]:
    for section in policy.section_records:
        if section.id != file_id(section):
            yield at(section, f"the section id must match the file name: expected '{file_id(section)}'", "id")
    for section in policy.sections:
        section_id = file_id(section)  # the file name is the id (a differing `id:` is reported above)
        for clause in section.clauses:
            if clause.local is None and not clause.id.startswith(section_id + "."):  # local: the school's id
                yield at(clause, f"a clause id must start with its section id: expected "
                                 f"'{section_id}.{clause.id.split('.')[-1]}'")
    for folder in (policy.platforms, policy.guides, policy.quizzes, policy.checklists):
        for record_id, record in folder.items():
            if record.id is not None and record.id != record_id:
                yield at(record, f"the id must match the file name: expected '{record_id}'", "id")


def sections_listed(policy: Policy) -> Iterator[Problem]:
    files = {file_id(s): s for s in policy.section_records}
    listed = policy.meta.sections
    for index, section_id in enumerate(listed):
        if section_id not in files:
            yield at(policy.meta, f"no file sections/{section_id}.yml for this section{suggest(section_id, files)}",
                     "sections", index, label=section_id)
    for section_id, section in files.items():
        if section_id not in listed:
            yield Problem(section.where.file, 1, f"'{section_id}'",
                          "this section is not listed in policy_data/policy.yml `sections`; add it where it belongs")


def logo_exists(policy: Policy) -> Iterator[Problem]:
    logo = policy.profile.school.logo
    if logo and not policy.logo_path.is_file():
        yield at(policy.profile, f"logo: there is no file {logo} in the policy data folder; put the image there "
                                 "or correct the name", "school", "logo", label="school")
