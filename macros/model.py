"""The policy as objects: records from the data files, indexed by id, with options resolved.

Built from files that may still have problems, so every accessor is forgiving; the checks module
reports what is wrong.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property

from .fingerprint import content_fingerprint
from .yaml_source import DataFile

AUDIENCES = ("staff", "parents", "pupils")
KIND_LABELS = {"must": "Must", "must-not": "Must not", "should": "Should", "may": "May", "info": "Information"}


def _strings(value) -> list[str]:
    """The text items of a list; anything else (a typo'd value the schema reports) is ignored here."""
    return [item for item in value if isinstance(item, str)] if isinstance(value, list) else []


@dataclass
class Located:
    """Where a record lives, so a problem about it can name the file and line."""

    file: str
    line: int
    path: tuple = ()  # the record's place inside its file, to find the line of any of its fields


@dataclass
class Clause:
    id: str
    title: str
    record: dict
    section_id: str
    number: str
    where: Located
    kind: str = "info"
    text: str = ""
    summary: dict = field(default_factory=dict)

    @property
    def audiences(self) -> list[str]:
        return _strings(self.record.get("audiences"))

    @property
    def roles(self) -> list[str]:
        return _strings(self.record.get("roles"))

    @property
    def keywords(self) -> list[str]:
        return _strings(self.record.get("keywords"))

    @property
    def refs(self) -> dict[str, list[str]]:
        refs = self.record.get("refs")
        return {k: _strings(v) for k, v in refs.items()} if isinstance(refs, dict) else {}

    @property
    def sources(self) -> list[dict]:
        return [s for s in self.record.get("sources") or [] if isinstance(s, dict)]

    @property
    def option(self) -> str | None:
        return self.record.get("option")

    def summary_for(self, audience: str) -> str:
        """The audience's own wording, or the formal text when there is none."""
        return self.summary.get(audience) or self.text


@dataclass
class Section:
    id: str
    title: str
    number: int
    description: str
    clauses: list[Clause]
    where: Located


def _records(file: DataFile | None, key: str) -> list[tuple[dict, Located]]:
    """The list of records under `key` in a file, each with its line."""
    if file is None or not isinstance(file.data, dict):
        return []
    items = file.data.get(key)
    if not isinstance(items, list):
        return []
    return [(item, Located(file.path, file.line_of((key, i)), (key, i))) for i, item in enumerate(items)
            if isinstance(item, dict) and isinstance(item.get("id", ""), str)]


def _by_id(file: DataFile | None, key: str) -> dict[str, tuple[dict, Located]]:
    """The records under `key`, by id (the first of any duplicates; the checks report the rest)."""
    found: dict[str, tuple[dict, Located]] = {}
    for record, where in _records(file, key):
        if isinstance(record.get("id"), str):
            found.setdefault(record["id"], (record, where))
    return found


def _mapping(file: DataFile | None) -> dict:
    return file.data if file is not None and isinstance(file.data, dict) else {}


class Policy:
    """Everything in policy_data/, indexed for rendering and checking."""

    def __init__(self, files: dict[str, DataFile]):
        self.files = files
        self.school = _mapping(files.get("school.yml"))
        self.options = self.school.get("options") if isinstance(self.school.get("options"), dict) else {}
        self.meta = _mapping(files.get("policy.yml"))
        self.title = self.meta.get("title", "Social Media Policy")
        self.roles = _by_id(files.get("roles.yml"), "roles")
        self.legislation = _by_id(files.get("legislation.yml"), "legislation")
        self.related_policies = _by_id(files.get("related_policies.yml"), "policies")
        self.sources = _by_id(files.get("sources.yml"), "sources")
        self.glossary = [r for r, _ in _records(files.get("glossary.yml"), "terms")]
        dos_file = files.get("dos_and_donts.yml")
        self.dos = _records(dos_file, "dos")
        self.donts = _records(dos_file, "donts")
        self.history = [r for r, _ in _records(files.get("history.yml"), "versions")]
        self.platforms = self._by_folder("platforms")
        self.guides = self._by_folder("guides")
        self.quizzes = self._by_folder("quizzes")
        self.checklists = self._by_folder("checklists")
        self.sections: list[Section] = []
        self.clauses: dict[str, Clause] = {}
        self._build_sections()

    def _by_folder(self, folder: str) -> dict[str, tuple[dict, Located, str]]:
        found = {}
        for relative, file in sorted(self.files.items()):
            if relative.startswith(folder + "/") and isinstance(file.data, dict):
                record_id = file.data.get("id") or relative.rsplit("/", 1)[-1][:-4]
                found[str(record_id)] = (file.data, Located(file.path, file.line_of(("id",))), relative)
        return found

    def line_of(self, where: Located, *field_path) -> int:
        """The line of a field of the record at `where` (or of the record itself)."""
        file = next((f for f in self.files.values() if f.path == where.file), None)
        return file.line_of(where.path + field_path) if file else where.line

    def section_files(self) -> dict[str, DataFile]:
        return {rel[len("sections/"):-4]: f for rel, f in self.files.items() if rel.startswith("sections/")}

    def _build_sections(self) -> None:
        order = [s for s in self.meta.get("sections") or [] if isinstance(s, str)]
        files = self.section_files()
        for number, section_id in enumerate([s for s in order if s in files], start=1):
            file = files[section_id]
            data = _mapping(file)
            clauses = []
            for index, (record, where) in enumerate(_records(file, "clauses"), start=1):
                clause = Clause(id=str(record.get("id", "")), title=str(record.get("title", "")), record=record,
                                section_id=section_id, number=f"{number}.{index}", where=where)
                self._resolve(clause)
                clauses.append(clause)
                self.clauses.setdefault(clause.id, clause)
            self.sections.append(Section(section_id, str(data.get("title", section_id)), number,
                                         str(data.get("description", "")), clauses,
                                         Located(file.path, file.line_of(("id",)))))

    def _resolve(self, clause: Clause) -> None:
        """Pick the wording for the school's chosen option, if the clause depends on one."""
        record = clause.record
        source = record
        variants = record.get("variants")
        if clause.option and isinstance(variants, dict):
            chosen = variants.get(self.options.get(clause.option))
            source = chosen if isinstance(chosen, dict) else {}
        clause.kind = str(source.get("kind") or "info")
        clause.text = str(source.get("text") or "")
        summary = source.get("summary") if isinstance(source.get("summary"), dict) else record.get("summary")
        clause.summary = {k: str(v) for k, v in (summary or {}).items() if isinstance(v, str)}

    # --- derived facts -------------------------------------------------------------------------

    @property
    def approval(self) -> dict:
        approval = self.school.get("approval")
        return approval if isinstance(approval, dict) else {}

    @property
    def version(self) -> str:
        return str(self.approval.get("version", "draft"))

    @property
    def approved_on(self) -> dt.date | None:
        try:
            return dt.date.fromisoformat(str(self.approval.get("approved_on")))
        except ValueError:
            return None

    @property
    def review_cycle_years(self) -> int:
        years = self.approval.get("review_cycle_years")
        return years if years in (1, 2) else 1

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

    def people(self) -> dict[str, dict]:
        people = self.school.get("people")
        return {k: v for k, v in people.items() if isinstance(v, dict)} if isinstance(people, dict) else {}

    def questions(self, quiz_id: str) -> list[dict]:
        """The quiz's questions for this school: those whose `when` matches the school's options."""
        quiz = self.quizzes.get(quiz_id, ({}, None, ""))[0]
        return [q for q in quiz.get("questions") or [] if isinstance(q, dict) and self.applies(q.get("when"))]

    def applies(self, when) -> bool:
        """True when every option named in `when` has that value in the school profile."""
        return not isinstance(when, dict) or all(self.options.get(k) == v for k, v in when.items())

    def clauses_for(self, audience: str) -> list[Clause]:
        return [c for section in self.sections for c in section.clauses if audience in c.audiences]

    def all_clauses(self) -> list[Clause]:
        return [c for section in self.sections for c in section.clauses]


def long_date(date: dt.date | None) -> str:
    """A date as people write it in a policy: 14 October 2026."""
    return f"{date.day} {date:%B %Y}" if date else "not recorded"
