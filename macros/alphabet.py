"""Letters and alphabetical order for an A to Z, in the page's language.

Welsh has letters of two characters (ch, dd, ff, ng, ll, ph, rh, th) and its own order (ng after g,
j after i, no k, q, v, x or z): "llun" is under Ll, after "lôn". Accents never make a letter of their own
(ô is o). Marks of untranslated English (language_marks.py) are ignored.
"""

from __future__ import annotations

import unicodedata

from .language_marks import unmarked

WELSH = ("a", "b", "c", "ch", "d", "dd", "e", "f", "ff", "g", "ng", "h", "i", "j", "l", "ll", "m", "n", "o", "p",
         "ph", "r", "rh", "s", "t", "th", "u", "w", "y")
_WELSH_PAIRS = tuple(letter for letter in WELSH if len(letter) == 2)


def _plain(word: str) -> str:
    """Lower case, without accents or marks: 'Ôl' -> 'ol'."""
    decomposed = unicodedata.normalize("NFD", unmarked(word).lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _letters(word: str, language: str) -> list[str]:
    plain = _plain(word)
    if language != "cy":
        return list(plain)
    found, index = [], 0
    while index < len(plain):
        pair = plain[index:index + 2]
        step = 2 if pair in _WELSH_PAIRS else 1
        found.append(plain[index:index + step])
        index += step
    return found


def first_letter(word: str, language: str = "en") -> str:
    """The letter a word is filed under: 'Ll' for 'llun' in Welsh, '0–9' for a number or a sign."""
    letters = _letters(word, language)
    if not letters or not letters[0][:1].isalpha():
        return "0–9"
    return letters[0].capitalize()


def sort_key(word: str, language: str = "en") -> tuple:
    """Order in the language's alphabet."""
    if language != "cy":
        return (_plain(word), word)
    rank = {letter: index for index, letter in enumerate(WELSH)}
    return (tuple((rank.get(letter, len(WELSH)), letter) for letter in _letters(word, language)), word)


def capitalised(word: str) -> str:
    """The word with its first letter (not a mark before it) in capitals."""
    plain = unmarked(word)
    return word.replace(plain, plain[:1].upper() + plain[1:], 1) if plain else word
