"""How complete and current a school's translation is, and what is wrong in the translation files.

`translation_problems` is part of the check: a translation naming a record or field the English does not
have, a status that is not draft or checked, a key term translated otherwise than the term list says,
and, for a school whose profile says `translation: {when_incomplete: fail}`, every stale or missing
translation. `translation_status` is what the check prints and the translation status page shows: per
page, how many fields are translated, draft, checked, stale or missing, and where each stale one is.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from fnmatch import fnmatch
from pathlib import Path

from .languages import ENGLISH, school_languages
from .model import Policy
from .page_translations import page_states
from .problems import Problem
from .rules.common import near_miss
from .terms import read_terms, term_pattern, words_of
from .translations import (FILE_RECORD, LANGUAGE_NAMES, english_records, field_states, read_translations,
                           translation_path)

# Which page shows the records of each English file (a file not listed here is seen on every page).
PAGE_OF_FILE = (
    ("guides/*.yml", "{stem}.md"),
    ("quizzes/*.yml", "quiz-{stem}.md"),
    ("checklists/*.yml", "checklists.md"),
    ("questions.yml", "common-questions.md"),
    ("sections/*.yml", "policy.md"),
    ("roles.yml", "roles.md"),
    ("glossary.yml", "glossary.md"),
    ("dos_and_donts.yml", "dos-and-donts.md"),
    ("legislation.yml", "legal-framework.md"),
    ("platforms/*.yml", "platforms.md"),
    ("related_policies.yml", "related-policies.md"),
)
EVERY_PAGE = "(every page)"


def page_of(english_file: str) -> str:
    for pattern, page in PAGE_OF_FILE:
        if fnmatch(english_file, pattern):
            return page.format(stem=Path(english_file).stem)
    return EVERY_PAGE


def required_complete(policy: Policy) -> bool:
    wanted = policy.profile.data.get("translation") or {}
    return wanted.get("when_incomplete") == "fail"


def languages_to_check(policy: Policy) -> list[str]:
    return [code for code in school_languages(policy) if code != ENGLISH]


def _shown(data_dir_shown: str, language: str, english: str) -> str:
    return f"{data_dir_shown}/{translation_path(language, english)}"


def data_dir_shown(policy: Policy) -> str:
    """policy_data as the editor sees it, from where the profile was read."""
    profile = policy.profile.where.file
    return profile[: profile.rfind("/schools/")] if "/schools/" in profile else "policy_data"


def translation_problems(policy: Policy, data_dir: Path, languages: list[str] | None = None) -> list[Problem]:
    problems: list[Problem] = []
    shown = data_dir_shown(policy)
    for language in languages if languages is not None else languages_to_check(policy):
        translations, shape = read_translations(Path(data_dir), language, shown)
        problems += shape
        for english_file, translated in translations.items():
            problems += _unknown(policy, english_file, translated)
        problems += _terms(policy, Path(data_dir), language, translations, shown)
        if required_complete(policy):
            problems += _incomplete(policy, language, translations, shown)
    return problems


def _unknown(policy: Policy, english_file: str, translated) -> list[Problem]:
    """Translations of records or fields the English file does not have."""
    data_file = translated.data_file
    english = policy.files.get(english_file)
    if english is None:
        if english_file.startswith("schools/"):
            return []  # another school's profile: checked with that school
        return [Problem(data_file.path, 1, "(file)", f"there is no English file policy_data/{english_file} to "
                        "translate; the translation's path must be the English file's path", "translation-matches-english")]
    records = english_records(english.data)
    found = []
    for key, entry in translated.records.items():
        record = records.get(key)
        if record is None:
            close = near_miss(key, records)
            found.append(Problem(data_file.path, entry.line, f"'{key}'",
                                 f"{english_file} has no record '{key}'" + (f"; did you mean '{close}'?" if close else
                                 "; it may have been removed from the English: remove it here"),
                                 "translation-matches-english"))
            continue
        for name in entry.fields:
            if name not in record.fields:
                found.append(Problem(data_file.path, data_file.line_of(("records", key, name)), f"'{key}'",
                                     f"'{name}' is not a field of the record's English to translate (its fields: "
                                     f"{', '.join(record.fields)}); remove it", "translation-matches-english"))
    return found


def _terms(policy: Policy, data_dir: Path, language: str, translations, shown: str) -> list[Problem]:
    terms, problems = read_terms(data_dir, language, shown)
    if not terms:
        return problems
    for english_file, translated in translations.items():
        english = policy.files.get(english_file)
        if english is None:
            continue
        records = english_records(english.data)
        for key, entry in translated.records.items():
            record = records.get(key)
            if record is None:
                continue
            for name, words in entry.fields.items():
                if name not in record.fields or name.split(".")[-1] == "keywords":
                    continue  # search words may be any word a reader types
                english_words, translated_words = words_of(record.fields[name]), words_of(words)
                for term in terms:
                    if term_pattern(term.english).search(english_words) and not \
                            term_pattern(term.translated, True, term.forms).search(translated_words):
                        problems.append(Problem(
                            translated.data_file.path, translated.data_file.line_of(("records", key, name)), f"'{key}'",
                            f"'{name}': the English says '{term.english}', which the term list "
                            f"({term.where}) gives as '{term.translated}'; use it here (a mutated form is fine), or "
                            "add this form to the term's `forms:`", "translation-terms"))
    return problems


def _incomplete(policy: Policy, language: str, translations, shown: str) -> list[Problem]:
    states = field_states(policy.files, translations)
    problems = []
    for state in states:
        if state.state == "current":
            continue
        target = _shown(shown, language, state.file)
        if state.state == "stale":
            problems.append(Problem(target, state.translation_line or 1, f"'{state.record}'",
                                    f"'{state.field}' is stale: {stale_advice(policy, state)}", "translation-complete"))
        else:
            problems.append(Problem(f"{shown}/{state.file}", state.english_line, f"'{state.record}'",
                                    f"'{state.field}' has no {LANGUAGE_NAMES.get(language, language)} translation "
                                    f"in {target}, and {policy.profile_file} asks for a complete one "
                                    f"(translation.when_incomplete: fail); `python -m macros translate {language} "
                                    f"{state.file}` adds it to translate", "translation-complete"))
    return problems


def stale_advice(policy: Policy, state) -> str:
    record = english_records(policy.files[state.file].data)[state.record]
    return (f"the English has changed since it was translated ({data_dir_shown(policy)}/{state.file}:"
            f"{state.english_line}); the page shows the English until the translation is updated: re-read the "
            f"English, update the translation, then set from: {record.fingerprint}")


@dataclass
class PageCount:
    page: str
    counts: Counter = field(default_factory=Counter)   # current-draft, current-checked, stale, missing


@dataclass
class TranslationStatus:
    language: str
    pages: dict[str, PageCount]
    stale: list                # FieldState
    page_files: list           # PageState of the translated Markdown pages
    translation_files: dict[str, str]  # English file -> its translation as shown

    @property
    def total(self) -> Counter:
        total = Counter()
        for page in self.pages.values():
            total.update(page.counts)
        return total


def translation_status(policy: Policy, data_dir: Path, language: str, docs_dir: Path | None = None,
                       page_uris: list[str] | None = None) -> TranslationStatus:
    shown = data_dir_shown(policy)
    translations, _ = read_translations(Path(data_dir), language, shown)
    pages: dict[str, PageCount] = {}
    stale = []
    for state in field_states(policy.files, translations):
        page = pages.setdefault(page_of(state.file), PageCount(page_of(state.file)))
        key = state.state if state.state != "current" else f"current-{state.status or 'draft'}"
        page.counts[key] += 1
        if state.state == "stale":
            stale.append(state)
    files = {english: _shown(shown, language, english) for english in translations}
    page_files = page_states(docs_dir, language, page_uris) if docs_dir and page_uris else []
    return TranslationStatus(language, dict(sorted(pages.items())), stale, page_files, files)


def status_lines(policy: Policy, status: TranslationStatus) -> list[str]:
    """What the check prints about one school's translation."""
    name = LANGUAGE_NAMES.get(status.language, status.language)
    total = status.total
    done = total["current-draft"] + total["current-checked"]
    everything = done + total["stale"] + total["missing"]
    lines = [f"{policy.school_id}: {name}: {done} of {everything} fields translated ({total['current-checked']} checked, "
             f"{total['current-draft']} draft); {total['stale']} stale, {total['missing']} not yet translated"]
    for page in status.pages.values():
        counts = page.counts
        if counts["stale"] or counts["missing"]:
            lines.append(f"  {page.page}: {counts['stale']} stale, {counts['missing']} not yet translated")
    shown = data_dir_shown(policy)
    by_record: dict[tuple[str, str], list] = {}
    for state in status.stale:
        by_record.setdefault((state.file, state.record), []).append(state)
    for (english_file, record), states in by_record.items():
        first = min(states, key=lambda s: s.translation_line or 0)
        lines.append(f"  {_shown(shown, status.language, english_file)}:{first.translation_line}: '{record}': stale "
                     f"({', '.join(s.field for s in states)}): {stale_advice(policy, first)}")
    for page in status.page_files:
        if page.state != "current":
            what = "has no translation" if page.state == "missing" else "is stale (the English page has changed)"
            lines.append(f"  docs/{page.src_uri} {what}: {page.file} shows it; set its translation.from: "
                         f"{page.english_fingerprint} once it is up to date")
    return lines
