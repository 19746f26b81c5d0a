"""The policy as typed records, indexed by id, with the school's options resolved.

Built only from files that passed their schemas (see engine.py), so nothing here is defensive: a
field is there with the type its schema gives, or absent and read as its empty value.
"""

from __future__ import annotations

import datetime as dt
from functools import cached_property
from pathlib import Path

from .fingerprint import content_fingerprint
from .records import Record, schema
from .registry import KIND, SCHOOLS_FOLDER, Kind, matches
from .yaml_source import DataFile

AUDIENCES = ("staff", "parents", "pupils")
KIND_LABELS = {"must": "Must", "must-not": "Must not", "should": "Should", "may": "May", "info": "Information"}
CYCLE_WORDS = {1: "every year", 2: "every two years"}
CYCLE_WORDS_IN = {"en": CYCLE_WORDS, "cy": {1: "bob blwyddyn", 2: "bob dwy flynedd"}}
WELSH_MONTHS = ("Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin", "Gorffennaf", "Awst", "Medi", "Hydref",
                "Tachwedd", "Rhagfyr")


class Clause(Record):
    """A clause with its number, its section and the wording chosen by the school's options."""

    number: str
    section_id: str
    kind: str          # the chosen wording's kind: must, must-not, should, may, info
    text: str          # the chosen formal wording
    summary: dict      # audience -> the chosen plain-English wording
    local: Record | None = None        # the school's own clause (schools/<id>/clauses.yml) this one is
    replacement: Record | None = None  # the school's local wording that replaces this shared clause's

    def summary_for(self, audience: str) -> str:
        """The audience's own wording, or the formal text when there is none."""
        return self.summary.get(audience) or self.text

    def wordings(self) -> list[Record]:
        """Every wording the clause can have: itself, or one per option value."""
        return list(self.variants.values()) if self.option else [self]


class Section(Record):
    number: int
    clauses: list[Clause]


def section_numbers(pinned: list[int | None]) -> list[int]:
    """Each section's number, in the order policy.yml lists them: the number its file pins (`number:`),
    or one more than the section before. So adding a section renumbers only the unpinned sections after
    it, and a school that pins a section keeps the numbers governors cite. The one numbering of the
    policy: "What changed" works out an approved version's numbers with it too."""
    numbers: list[int] = []
    for pin in pinned:
        numbers.append(pin if pin is not None else (numbers[-1] if numbers else 0) + 1)
    return numbers


def clause_number(section_number: int, index: int) -> str:
    """The number of the clause at `index` (from 0) in its section: 6.3."""
    return f"{section_number}.{index + 1}"


def _file_records(files: dict[str, DataFile], kind: Kind) -> list[Record]:
    """Every record of a kind, in file order (duplicates included: a check reports them)."""
    found = []
    for relative, file in sorted(files.items()):
        if matches(relative, kind.files):
            if kind.list_key is None:
                found.append(Record.of_file(file, kind.schema))
            else:
                found += [Record.of_file(file, kind.schema, (kind.list_key, i))
                          for i in range(len(file.data.get(kind.list_key, [])))]
    return found


def _read_as_shared(record: Record) -> Clause:
    """A school's local clause read as a shared one is: every field a shared clause can have, absent
    ones empty, so renderers treat both alike."""
    root = schema("section")
    return Clause(record.data, root["properties"]["clauses"]["items"], root, record.where, record._lines)


def _by_id(records: list[Record]) -> dict[str, Record]:
    """Records by id; the first of any duplicates (the check reports the others)."""
    found: dict[str, Record] = {}
    for record in records:
        found.setdefault(record.id, record)
    return found


def file_id(record: Record) -> str:
    """The id a one-record-per-file record takes from its file name."""
    return record.where.file.rsplit("/", 1)[-1][: -len(".yml")]


def school_ids(files: dict[str, DataFile]) -> list[str]:
    """The id of every school with a profile (schools/<school-id>.yml), in order."""
    return sorted(relative.split("/")[1][: -len(".yml")] for relative in files
                  if matches(relative, KIND["school"].files))


def school_files(files: dict[str, DataFile], school_id: str) -> dict[str, DataFile]:
    """The files one school's policy is made of: everything shared, its own profile and its own folder,
    and nothing of any other school."""
    own_profile, own_folder = f"{SCHOOLS_FOLDER}/{school_id}.yml", f"{SCHOOLS_FOLDER}/{school_id}/"
    return {relative: file for relative, file in files.items()
            if not relative.startswith(SCHOOLS_FOLDER + "/") or relative == own_profile
            or relative.startswith(own_folder)}


class Policy:
    """One school's policy: the group's shared files and the school's own, as records.

    A translated policy (languages.translated_policy) has its `language` and the `english` it was made from.

    `files` may hold every school's files (loaded and checked once for the whole group); the policy
    keeps only its school's share. Without `school_id`, the first school (a single school needs no
    choice)."""

    language: str = "en"
    english: "Policy | None" = None

    def __init__(self, files: dict[str, DataFile], school_id: str | None = None):
        self.school_id: str = school_id or school_ids(files)[0]
        files = school_files(files, self.school_id)
        self.files = files
        records = {kind.name: _file_records(files, kind) for kind in KIND.values() if kind.name != "clause"}
        self.records_of_kind = records  # every record as written, duplicates included
        self.profile: Record = records["school"][0]
        self.group: Record = records["group"][0]
        self.meta: Record = records["policy"][0]
        self.title: str = self.meta.title or "Social Media Policy"
        self.option_records = records["option"]
        self.roles = _by_id(records["role"])
        self.legislation = _by_id(records["legislation"])
        self.related_policies = _by_id(records["policy-link"])
        # Where each clause came from is reviewer information; a school that made the policy its own may
        # drop it (policy.yml `sources: dropped`): then no clause names a source.
        self.keeps_sources: bool = self.meta.sources != "dropped"
        self.sources = _by_id(records["source"]) if self.keeps_sources else {}
        self.glossary = records["term"]
        # A school in no trust or federation: the group's role and the glossary's group words are not its
        # business. Clauses keep the role in their data; _resolve takes it off their duties.
        self.has_group: bool = (self.group.group.kind or "none") != "none"
        self.group_only_roles = set() if self.has_group else {k for k, r in self.roles.items() if r.group_only}
        self.roles = {k: r for k, r in self.roles.items() if k not in self.group_only_roles}
        if not self.has_group:
            self.glossary = [term for term in self.glossary if not term.group_only]
        self.dos = records["do"]
        self.donts = records["dont"]
        self.history = records["version"]
        self.section_records = records["section"]
        self.platforms = {file_id(r): r for r in records["platform"]}
        self.guides = {file_id(r): r for r in records["guide"]}
        self.quizzes = {file_id(r): r for r in records["quiz"]}
        self.checklists = {file_id(r): r for r in records["checklist"]}
        self.sections: list[Section] = []
        self.clauses: dict[str, Clause] = {}
        self._build_sections()
        self.local_records: list[Record] = records["local-clause"]
        self._place_local_clauses()

    @cached_property
    def options(self) -> dict[str, str]:
        """Each declared option's chosen value: the school's choice, or the option's default."""
        chosen = dict(self.profile.data.get("options", {}))
        for option in self.option_records:
            if option.default is not None:
                chosen.setdefault(option.id, option.default)
        return chosen

    def by_kind(self, name: str) -> dict[str, Record]:
        """The records of a kind that others cite, by id."""
        return {"clause": self.clauses, "role": self.roles, "legislation": self.legislation,
                "policy-link": self.related_policies, "source": self.sources, "platform": self.platforms,
                "guide": self.guides, "quiz": self.quizzes, "checklist": self.checklists,
                "option": _by_id(self.option_records)}[name]

    def _build_sections(self) -> None:
        by_file = {file_id(s): s for s in self.section_records}
        listed = [s for s in self.meta.sections if s in by_file]
        files = [self.files[f"sections/{section_id}.yml"] for section_id in listed]
        numbers = section_numbers([file.data.get("number") for file in files])
        for number, section_id, file in zip(numbers, listed, files):
            section = Section.of_file(file, "section")
            section.number = number
            section.clauses = []
            for index in range(len(file.data.get("clauses", []))):
                clause = Clause.of_file(file, "section", ("clauses", index))
                clause.number = clause_number(number, index)
                clause.section_id = section_id
                self._resolve(clause)
                section.clauses.append(clause)
                self.clauses.setdefault(clause.id, clause)
            self.sections.append(section)

    def _place_local_clauses(self) -> None:
        """The school's own clauses: each added at the end of its section, or its wording put in place of
        the shared clause it replaces (which keeps its id, number and place, so every reference to it
        reads the school's wording). What cannot be placed is left for the local-clauses rule."""
        sections = {s.id: s for s in self.sections}
        for record in self.local_records:
            if record.replaces:
                shared = self.clauses.get(record.replaces)
                if shared is not None and shared.replacement is None:
                    shared.replacement = record
                    shared.title = record.title or shared.title
                    shared.kind, shared.text = record.kind, record.text
                    shared.summary = {}  # the shared summaries paraphrase the shared wording
            elif record.section in sections and record.id not in self.clauses:
                section = sections[record.section]
                clause = _read_as_shared(record)
                clause.local = record
                clause.number = clause_number(section.number, len(section.clauses))
                clause.section_id = section.id
                clause.kind, clause.text, clause.summary = record.kind, record.text, {}
                section.clauses.append(clause)
                self.clauses[clause.id] = clause

    def _resolve(self, clause: Clause) -> None:
        """Pick the wording for the school's chosen option, if the clause depends on one."""
        if self.group_only_roles:
            clause.roles = [role for role in clause.roles if role not in self.group_only_roles]
        source = clause.variants.get(self.options.get(clause.option)) if clause.option else clause
        if source is None:  # no wording for the chosen value: the options rule reports it
            clause.kind, clause.text, clause.summary = "info", "", {}
            return
        clause.kind = source.data.get("kind", "info")
        clause.text = source.data.get("text", "")
        summary = source.data.get("summary") or clause.data.get("summary") or {}
        clause.summary = dict(summary)

    # --- derived facts -------------------------------------------------------------------------

    @property
    def school_name(self) -> str:
        return self.profile.school.name

    @property
    def logo_path(self) -> Path | None:
        """The school's logo file, if its profile names one (a path inside the data folder)."""
        logo = self.profile.school.logo
        return Path(self.profile.where.file).parent.parent / logo if logo else None

    @property
    def school_folder(self) -> str:
        """The school's own folder inside policy_data/: its history.yml and approved/ snapshots."""
        return f"{SCHOOLS_FOLDER}/{self.school_id}"

    @property
    def profile_file(self) -> str:
        """The school's profile as a path inside policy_data/, for messages: schools/<school-id>.yml."""
        return f"{SCHOOLS_FOLDER}/{self.school_id}.yml"

    @property
    def approval(self) -> Record:
        return self.profile.approval

    @property
    def version(self) -> str:
        return str(self.approval.version or "draft")

    @property
    def is_draft(self) -> bool:
        """A version governors have not approved yet (a new school's 1.0): no approval date, no review due."""
        return self.approval.status == "draft"

    @property
    def approved_on(self) -> dt.date | None:
        return dt.date.fromisoformat(self.approval.approved_on) if self.approval.approved_on else None

    @property
    def review_cycle_years(self) -> int:
        return self.approval.review_cycle_years or 1

    @property
    def next_review(self) -> dt.date | None:
        approved = self.approved_on
        if approved is None:
            return None
        try:
            return approved.replace(year=approved.year + self.review_cycle_years)
        except ValueError:  # 29 February
            return approved.replace(year=approved.year + self.review_cycle_years, day=28)

    def is_overdue(self, today: dt.date | None = None) -> bool:
        next_review = self.next_review
        return next_review is not None and (today or dt.date.today()) > next_review

    @cached_property
    def fingerprint(self) -> str:
        """Changes whenever any data file changes: stamps pages and self-check records."""
        return content_fingerprint({path: file.data for path, file in sorted(self.files.items())})

    def people(self) -> dict[str, Record]:
        return self.profile.people.entries()

    def holder(self, role: Record) -> Record | None:
        """The named person who holds a role in this school, if the profile names one."""
        return self.people().get(role.person) if role.person else None

    def duties(self, role_id: str) -> list[Clause]:
        """The clauses a role is responsible for."""
        return [c for c in self.all_clauses() if role_id in c.roles]

    def questions(self, quiz_id: str) -> list[Record]:
        """The quiz's questions for this school: those whose `when` matches the school's options."""
        return [q for q in self.quizzes[quiz_id].questions if self.applies(q.when)]

    def items(self, checklist_id: str) -> list[Record]:
        """The checklist's items for this school: those whose `when` matches the school's options."""
        return [i for i in self.checklists[checklist_id].items if self.applies(i.when)]

    def applies(self, when: dict) -> bool:
        """True when every option named in `when` has that value for this school."""
        return all(self.options.get(k) == v for k, v in when.items())

    def clauses_for(self, audience: str) -> list[Clause]:
        """The shared clauses addressed to an audience (a school's local additions are in the formal
        policy, not in the shared guides)."""
        return [c for c in self.all_clauses() if audience in c.audiences and c.local is None]

    def all_clauses(self) -> list[Clause]:
        return [c for section in self.sections for c in section.clauses]


def long_date(date: dt.date | None, language: str = "en") -> str:
    """A date as people write it in a policy: 14 October 2026 (14 Hydref 2026)."""
    if language == "cy":
        return f"{date.day} {WELSH_MONTHS[date.month - 1]} {date.year}" if date else "heb ei gofnodi"
    return f"{date.day} {date:%B %Y}" if date else "not recorded"
