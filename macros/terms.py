"""The term list of a language: the handbook's key terms, English -> translation, with their source.

    terms:
      - en: designated safeguarding lead
        cy: person diogelu dynodedig
        forms: [personau diogelu dynodedig]     # other accepted forms (plural...), optional
        source: TermCymru (BydTermCymru)

The check flags a translated field whose English uses a listed term and whose translation uses neither
the listed Welsh nor one of its forms. Welsh changes the first letter of a word after some words (initial
mutation: polisi, bolisi, mholisi, pholisi), so every mutated form of the term's first word counts as it.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from .language_marks import unmarked
from .problems import Problem
from .yaml_source import read_data_file

# Initial mutations of Welsh: soft, nasal and aspirate, by the letters a word starts with.
_MUTATIONS = {
    "p": ("b", "mh", "ph"), "t": ("d", "nh", "th"), "c": ("g", "ngh", "ch"), "b": ("f", "m"), "d": ("dd", "n"),
    "g": ("", "ng"), "m": ("f",), "ll": ("l",), "rh": ("r",),
}


def mutated_forms(word: str) -> set[str]:
    """A Welsh word and every initial mutation of it (and h- before a vowel, as in "ei henw")."""
    word = word.lower()
    forms = {word}
    for start in ("ll", "rh", "p", "t", "c", "b", "d", "g", "m"):
        if word.startswith(start):
            forms |= {after + word[len(start):] for after in _MUTATIONS[start]}
            break
    if word[:1] in "aeiouwyâêîôûŵŷ":
        forms.add("h" + word)
    return forms


@dataclass(frozen=True)
class Term:
    english: str
    translated: str
    forms: tuple[str, ...]
    source: str
    where: str       # file:line, for messages


def terms_path(language: str) -> str:
    return f"translations/{language}/terms.yml"


def read_terms(data_dir: Path, language: str, shown: str) -> tuple[list[Term], list[Problem]]:
    path = Path(data_dir) / terms_path(language)
    if not path.is_file():
        return [], []
    where = f"{shown}/{terms_path(language)}"
    data_file, problems = read_data_file(path, where)
    if data_file is None:
        return [], [p.found_by("yaml-readable") for p in problems]
    entries = data_file.data.get("terms") if isinstance(data_file.data, dict) else None
    if not isinstance(entries, list):
        return [], [Problem(where, 1, "(file)", "expected `terms:`, a list of terms, each with en, "
                            f"{language} and source", "translation-terms")]
    terms = []
    for index, entry in enumerate(entries):
        line = data_file.line_of(("terms", index))
        if not (isinstance(entry, dict) and isinstance(entry.get("en"), str) and isinstance(entry.get(language), str)):
            problems.append(Problem(where, line, f"term {index + 1}", f"each term needs `en:` and `{language}:` as text",
                                    "translation-terms"))
            continue
        forms = entry.get("forms") or []
        terms.append(Term(entry["en"], entry[language], tuple(str(f) for f in forms), str(entry.get("source", "")),
                          f"{where}:{line}"))
    return terms, problems


def words_of(value) -> str:
    """The words of a field, lower case, without the marks of untranslated English and without placeholders
    such as {accounts.x.handle}: the build fills those in, so their words are never a term."""
    text = unmarked(" ".join(value) if isinstance(value, list) else str(value))
    return re.sub(r"\{[a-z_.]+\}", " ", text).lower()


@functools.lru_cache(maxsize=None)
def term_pattern(term: str, welsh: bool = False, forms: tuple[str, ...] = ()) -> re.Pattern:
    """The term as whole words: in English, singular or plural; in Welsh, with its first word in any
    mutation and its last word with any ending (cyfrif, cyfrifon; neges, negeseuon). A term may give
    alternatives as "llun / lluniau"."""
    choices = []
    for candidate in (alternative.strip() for option in (term, *forms) for alternative in option.split(" / ")):
        words = candidate.lower().split()
        if not words:
            continue
        firsts = mutated_forms(words[0]) if welsh else {words[0]}
        rest = r"\s+".join(re.escape(w) for w in words[1:])
        pattern = r"(?:" + "|".join(re.escape(f) for f in sorted(firsts)) + r")" + (r"\s+" + rest if rest else "")
        choices.append(pattern + ("" if welsh else r"s?(?![\w])"))
    return re.compile(r"(?<![\w])(?:" + "|".join(choices) + ")")


def uses_term(value, term: str, welsh: bool = False, forms: tuple[str, ...] = ()) -> bool:
    """Whether a field's text uses the term (see term_pattern)."""
    return term_pattern(term, welsh, tuple(forms)).search(words_of(value)) is not None
