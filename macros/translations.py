"""Translations of the policy data, kept as data beside the English they translate.

Each English data file may have a translation at `translations/<language>/<the same path>`, for example
`translations/cy/quizzes/pupils.yml` for `quizzes/pupils.yml`. It holds, for each record of the English
file (by its `id`; `(file)` for fields outside any record), the translated prose fields and:

    from:    the fingerprint of the record's English prose when it was translated
    by:      who translated it (may be given once for the file)
    status:  draft (not yet checked) or checked (checked by a speaker of the language)

A record whose English has changed since (its fingerprint differs) is stale: the page shows the English,
marked, until the translation is brought up to date. Fields are named by their path inside the record:
`prompt`, `summary.parents`, `options.0.feedback`. Lists of words (`keywords`, `does`) are translated whole.

Only prose is translated: ids, references, dates, addresses and choices are never taken from a
translation, so a translation cannot change what the policy cites or decides.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .fingerprint import content_fingerprint
from .language_marks import mark_english
from .problems import Problem
from .yaml_source import DataFile, read_data_file

TRANSLATIONS_FOLDER = "translations"
FILE_RECORD = "(file)"
META_KEYS = ("from", "by", "status")
STATUSES = ("draft", "checked")
LANGUAGE_NAMES = {"cy": "Welsh", "en": "English"}
# Files of a language's folder that translate no data file: the interface's words and the term list.
NOT_RECORDS = ("interface.yml", "terms.yml")

# Keys whose text (or list of words) readers see, wherever they appear in a record.
PROSE_KEYS = frozenset({
    "title", "text", "feedback", "prompt", "explanation", "term", "definition", "topic", "question", "answer",
    "name", "does", "description", "relevance", "abbr", "means", "intro", "when", "short", "keywords",
    "short_name", "role", "type", "working_hours", "changes", "review_responsibility", "approved_by",
    "option_neutral", "never", "anything", "label", "heading", "lead", "help", "central_team", "status_note", "facts",
})
# Keys holding a mapping of prose by reader (`summary: {parents: ...}`). Option variants (`variants:
# {option: {text: ..., summary: ...}}`) are records' fields like any other.
PROSE_MAPS = frozenset({"summary"})
# Fields that look like prose but name a person or a thing in every language.
NEVER_TRANSLATED = (("people", "*", "name"), ("accounts", "*", "name"), ("accounts", "*", "handle"))


def is_prose_path(path: tuple) -> bool:
    return not any(len(path) == len(pattern) and all(p in ("*", s) for p, s in zip(pattern, path))
                   for pattern in NEVER_TRANSLATED)


@dataclass(frozen=True)
class EnglishRecord:
    key: str                    # the record's id, or FILE_RECORD
    steps: tuple                # where the record sits in the English file
    fields: dict[str, Any]      # field path inside the record -> English text (or list of words)
    field_steps: dict[str, tuple]  # field path -> steps in the file, to write back a translation

    @property
    def fingerprint(self) -> str:
        return content_fingerprint(self.fields)


def _is_words(value: Any) -> bool:
    return isinstance(value, str) or (isinstance(value, list) and value and all(isinstance(v, str) for v in value))


def english_records(data: Any) -> dict[str, EnglishRecord]:
    """Every record of a file's data with its prose fields, by key. A record is a mapping with an `id`;
    the prose outside any record belongs to FILE_RECORD."""
    records: dict[str, tuple[tuple, dict, dict]] = {}

    def record_for(key, steps):
        return records.setdefault(key, (steps, {}, {}))

    def walk(value, steps, owner, inside, prose):
        if isinstance(value, dict):
            if isinstance(value.get("id"), str) and steps:
                owner, inside = value["id"], ()
                record_for(owner, steps)
            for key, child in value.items():
                if key == "id":
                    continue
                in_map = key in PROSE_MAPS
                child_steps, child_inside = steps + (key,), inside + (key,)
                if (key in PROSE_KEYS or key in PROSE_MAPS or prose) and _is_words(child) and is_prose_path(child_steps):
                    _, fields, where = record_for(owner, steps[:len(steps) - len(inside)])
                    name = ".".join(str(s) for s in child_inside)
                    fields[name], where[name] = child, child_steps
                elif isinstance(child, (dict, list)):
                    walk(child, child_steps, owner, child_inside, in_map and isinstance(child, dict))
        elif isinstance(value, list):
            for index, child in enumerate(value):
                walk(child, steps + (index,), owner, inside + (index,), False)

    walk(data, (), FILE_RECORD, (), False)
    return {key: EnglishRecord(key, steps, fields, where) for key, (steps, fields, where) in records.items() if fields}


@dataclass(frozen=True)
class RecordTranslation:
    key: str
    fields: dict[str, Any]
    made_from: str | None
    by: str | None
    status: str
    line: int


@dataclass(frozen=True)
class TranslationFile:
    language: str
    translates: str             # the English file's path inside policy_data/
    data_file: DataFile
    records: dict[str, RecordTranslation]


def translation_path(language: str, english_relative: str) -> str:
    return f"{TRANSLATIONS_FOLDER}/{language}/{english_relative}"


def read_translations(data_dir: Path, language: str, shown_prefix: str) -> tuple[dict[str, TranslationFile], list[Problem]]:
    """Every translation file of one language, by the English file it translates, and the problems of
    their shape (the content is compared with the English by `translation_report`)."""
    folder = Path(data_dir) / TRANSLATIONS_FOLDER / language
    found: dict[str, TranslationFile] = {}
    problems: list[Problem] = []
    if not folder.is_dir():
        return found, problems
    for path in sorted(p for p in folder.rglob("*.yml") if p.is_file()):
        english = path.relative_to(folder).as_posix()
        if english in NOT_RECORDS:
            continue
        shown = f"{shown_prefix}/{translation_path(language, english)}"
        data_file, read_problems = read_data_file(path, shown)
        problems += [p.found_by("yaml-readable") for p in read_problems]
        if data_file is None:
            continue
        records, shape_problems = _records(data_file)
        problems += shape_problems
        found[english] = TranslationFile(language, english, data_file, records)
    return found, problems


def _records(data_file: DataFile) -> tuple[dict[str, RecordTranslation], list[Problem]]:
    data, problems, records = data_file.data, [], {}

    def problem(steps, record, message):
        problems.append(Problem(data_file.path, data_file.line_of(steps), record, message, "translation-shape"))

    if not isinstance(data, dict) or not isinstance(data.get("records"), dict):
        problem((), "(file)", "expected `records:`, a mapping from each record's id to its translated fields")
        return records, problems
    default_by, default_status = data.get("by"), data.get("status", "draft")
    for key, entry in data["records"].items():
        steps = ("records", key)
        if not isinstance(entry, dict):
            problem(steps, f"'{key}'", "expected the record's translated fields, `from:` and `status:`")
            continue
        status = entry.get("status", default_status)
        if status not in STATUSES:
            problem(steps + ("status",), f"'{key}'", f"status is '{status}'; use draft (not yet checked by a "
                                                      "speaker of the language) or checked")
        # An empty field is one still to translate: `translate` writes them so.
        fields = {name: value for name, value in entry.items() if name not in META_KEYS and value not in ("", [], None)}
        for name, value in fields.items():
            if not _is_words(value):
                problem(steps + (name,), f"'{key}'", f"'{name}' must be text (or a list of words, like the English)")
        records[key] = RecordTranslation(key, fields, None if entry.get("from") is None else str(entry["from"]),
                                         entry.get("by", default_by), status, data_file.line_of(steps))
    return records, problems


@dataclass(frozen=True)
class FieldState:
    """How one English field stands in one language."""

    file: str          # the English file, inside policy_data/
    record: str
    field: str
    state: str         # current | stale | missing
    status: str | None  # draft or checked, for a current or stale translation
    english_line: int
    translation_line: int | None


def field_states(files: dict[str, DataFile], translations: dict[str, TranslationFile]) -> list[FieldState]:
    """Every prose field of every English file, with its translation's state."""
    states = []
    for relative, data_file in files.items():
        if relative.startswith(TRANSLATIONS_FOLDER + "/"):
            continue
        translated = translations.get(relative)
        for key, record in english_records(data_file.data).items():
            entry = translated.records.get(key) if translated else None
            for name, steps in record.field_steps.items():
                if entry is None or name not in entry.fields:
                    state, status, line = "missing", None, None
                else:
                    state = "current" if entry.made_from == record.fingerprint else "stale"
                    status, line = entry.status, translated.data_file.line_of(("records", key, name))
                states.append(FieldState(relative, key, name, state, status, data_file.line_of(steps), line))
    return states


def translated_files(files: dict[str, DataFile], translations: dict[str, TranslationFile]) -> dict[str, DataFile]:
    """A copy of the English files with every current translation put in its place, and every prose field
    without one marked as English (language_marks.py). The English files are not changed."""
    result = {}
    for relative, data_file in files.items():
        data = copy.deepcopy(data_file.data)
        translated = translations.get(relative)
        for key, record in english_records(data_file.data).items():
            entry = translated.records.get(key) if translated else None
            current = entry is not None and entry.made_from == record.fingerprint
            for name, steps in record.field_steps.items():
                if current and name in entry.fields:
                    _set(data, steps, entry.fields[name])
                else:
                    _set(data, steps, _marked(record.fields[name]))
        result[relative] = DataFile(data_file.path, data, data_file.lines)
    return result


def _marked(value):
    return [mark_english(v) for v in value] if isinstance(value, list) else mark_english(value)


def _set(data, steps, value) -> None:
    for step in steps[:-1]:
        data = data[step]
    data[steps[-1]] = value
