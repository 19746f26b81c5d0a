"""The languages a school publishes its handbook in, and the translated policy each edition shows.

A school's profile lists its languages in order (`languages: [cy, en]`); without the list, English only.
Each language is a build of its own: the first at the site's root, every other in a folder named by its
code (`en/`, `cy/`), with the same page paths, so each page's twin is the same path in the other folder.

The language of one build is chosen, in order, by the HANDBOOK_LANGUAGE environment variable, then
`extra.language` in the MkDocs config (build-all writes it), else English.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

from .language_marks import unmarked
from .model import Policy
from .translations import read_translations, translated_files

ENGLISH = "en"
ENVIRONMENT_VARIABLE = "HANDBOOK_LANGUAGE"
# Each language's own name for itself, as a language selector shows it.
NAMES = {"en": "English", "cy": "Cymraeg"}


class LanguageError(ValueError):
    pass


def choose_language(configured: object, environ: Mapping[str, str]) -> str:
    for value, where in ((environ.get(ENVIRONMENT_VARIABLE, "").strip(), f"the environment variable {ENVIRONMENT_VARIABLE}"),
                         (str(configured or "").strip(), "extra.language in mkdocs.yml")):
        if value:
            if value not in NAMES:
                raise LanguageError(f"{where} is '{value}': the handbook can be built in {', '.join(NAMES)}")
            return value
    return ENGLISH


def school_languages(policy: Policy) -> list[str]:
    return list(policy.profile.data.get("languages") or [ENGLISH])


@dataclass(frozen=True)
class Edition:
    """One language's build of a school's site: where it sits inside the school's folder."""

    language: str
    folder: str   # "" for the root language, else "<code>/"

    @property
    def name(self) -> str:
        return NAMES[self.language]


def editions_of(languages: list[str]) -> list[Edition]:
    return [Edition(code, "" if index == 0 else f"{code}/") for index, code in enumerate(languages)]


def alternates(languages: list[str], current: str) -> list[dict]:
    """`extra.twins` for one edition: every edition's root, as a path from this edition's root. (Not
    Material's `extra.alternate`: its script would send a reader to the other edition's home page unless
    the site's address is known; every page links straight to its twin instead.)"""
    editions = editions_of(languages)
    here = next(e for e in editions if e.language == current)
    up = "../" * here.folder.count("/")
    return [{"name": e.name, "lang": e.language, "link": (up + e.folder) or "./"} for e in editions]


def translated_policy(policy: Policy, data_dir: Path, language: str) -> Policy:
    """The school's policy with its prose in `language`: every current translation in place, every other
    prose field in English and marked. The English policy stays the one that is checked, approved and
    fingerprinted; the translation only changes what readers see."""
    if language == ENGLISH:
        return policy
    translations, _ = read_translations(Path(data_dir), language, "policy_data")
    translated = Policy(translated_files(policy.files, translations), policy.school_id)
    translated.language = language
    translated.english = policy
    translated.__dict__["fingerprint"] = policy.fingerprint  # the approved content is the English
    return translated


def other_name(policy: Policy) -> tuple[str, str] | None:
    """The school's name in its other language, and that language's code, to show under its name: the
    Welsh name on an English page, the English name on a Welsh one; None if there is no other name."""
    school = policy.profile.school
    if policy.english is not None:
        english = policy.english.profile.school.name
        return (english, ENGLISH) if english != unmarked(school.name) else None  # untranslated: one name
    second = school.second_language_name
    if not second:
        return None
    return second, "cy" if (school.second_language or "").lower() in ("welsh", "cymraeg") else ""
