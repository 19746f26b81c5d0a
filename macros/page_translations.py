"""Translated pages: `docs/<language>/<page>.md` is the page `docs/<page>.md` in that language.

A translated page is the English page's Markdown written in the language, with the same macros in it
(they fill in the translated policy), and in its front matter:

    translation: {from: 1a2b3c4d, by: ..., status: draft}

where `from` is the English page's fingerprint (`page_fingerprint`) when it was translated. The English
build leaves these folders out (`exclude_docs` in mkdocs.yml); a build in another language reads each
page from its folder, at the English page's path.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from .fingerprint import fingerprint


def page_fingerprint(english_page: Path) -> str:
    return fingerprint(Path(english_page).read_text(encoding="utf-8"))


def translated_page_path(docs_dir: Path, language: str, src_uri: str) -> Path:
    return Path(docs_dir) / language / src_uri


def split_front_matter(text: str) -> tuple[dict, str]:
    """(front matter, Markdown) of a page; a page without front matter has {}."""
    if text.startswith("---\n"):
        end = text.find("\n---", 4)
        if end != -1:
            meta = yaml.safe_load(text[4:end]) or {}
            return (meta if isinstance(meta, dict) else {}), text[end + 4:].lstrip("\n")
    return {}, text


@dataclass(frozen=True)
class PageState:
    src_uri: str
    state: str                 # current | stale | missing
    status: str | None         # draft | checked
    english_fingerprint: str
    file: str                  # the translated page, as the editor would find it


def page_states(docs_dir: Path, language: str, src_uris: list[str]) -> list[PageState]:
    states = []
    for src_uri in src_uris:
        english = Path(docs_dir) / src_uri
        translated = translated_page_path(docs_dir, language, src_uri)
        now = page_fingerprint(english)
        shown = f"docs/{language}/{src_uri}"
        if not translated.is_file():
            states.append(PageState(src_uri, "missing", None, now, shown))
            continue
        meta, _ = split_front_matter(translated.read_text(encoding="utf-8"))
        about = meta.get("translation") if isinstance(meta.get("translation"), dict) else {}
        state = "current" if str(about.get("from", "")) == now else "stale"
        states.append(PageState(src_uri, state, about.get("status", "draft"), now, shown))
    return states
