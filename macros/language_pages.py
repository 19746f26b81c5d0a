"""The pages of one language's build: its theme language, search settings and navigation, each page read
from its translation (page_translations.py), the English still on it marked, and a link to its twin in
every other language the school publishes. Called by site_hooks.py; knows nothing of the policy.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from .interface import load_interface
from .language_marks import ENGLISH_CLASS, in_language_spans, unmarked
from .languages import ENGLISH, NAMES, choose_language
from .page_translations import split_front_matter, translated_page_path

# Said once at the top of a page that still shows English, in the page's language and in English.
STILL_IN_ENGLISH = {
    "cy": ("Mae rhai rhannau o'r dudalen hon yn Saesneg o hyd, oherwydd nad ydyn nhw wedi cael eu cyfieithu eto.",
           "Some parts of this page are still in English, because they have not been translated yet."),
}
# "Read this page in <language>", in that language.
READ_IN = {"en": "Read this page in English", "cy": "Darllenwch y dudalen hon yn Gymraeg"}


def _language(config) -> str:
    return config.extra.get("language", ENGLISH)


def set_language(config) -> None:
    """The build's language, from HANDBOOK_LANGUAGE or extra.language, into the theme, search and nav."""
    language = choose_language(config.extra.get("language"), os.environ)
    config.extra["language"] = language
    config.theme["language"] = language
    if language == ENGLISH:
        return
    for name, plugin in config.plugins.items():
        if name.endswith("search"):
            # No stemmer exists for Welsh, and English stop words and stemming would spoil Welsh words.
            plugin.config.lang = ["en"]
            plugin.config.pipeline = ["trimmer"]
    if config.nav:
        data_dir = Path(config.config_file_path).parent / "policy_data"
        config.nav = translated_nav(config.nav, load_interface(data_dir, language).say)


def translated_nav(nav: list, say) -> list:
    """The nav of mkdocs.yml with every title said in the build's language."""
    result = []
    for item in nav:
        if isinstance(item, dict):
            (title, target), = item.items()
            # An untranslated title keeps its mark: the finished page shows it as English (finished_page).
            result.append({say(title): translated_nav(target, say) if isinstance(target, list) else target})
        else:
            result.append(item)
    return result


def page_markdown(markdown: str, page, config) -> str:
    """A page in another language: its translation at the English page's path; without one, the English
    page, marked as English."""
    language = _language(config)
    if language == ENGLISH:
        return markdown
    translated = translated_page_path(Path(config.docs_dir), language, page.file.src_uri)
    if not translated.is_file():
        return f'<div lang="en" class="{ENGLISH_CLASS}" markdown>\n\n{markdown}\n\n</div>\n'
    meta, body = split_front_matter(translated.read_text(encoding="utf-8"))
    meta.pop("translation", None)
    page.meta = {**page.meta, **meta}
    return body


def _twins(page, config) -> str:
    """Links to this page in the school's other languages (extra.twins, written by build-all)."""
    alternates = config.extra.get("twins") or []
    language = _language(config)
    up = "../" * page.url.count("/")
    links = [f'<a href="{up}{alt["link"].removeprefix("./")}{page.url}" hreflang="{alt["lang"]}" lang="{alt["lang"]}">'
             f'{READ_IN.get(alt["lang"], NAMES[alt["lang"]])}</a>'
             for alt in alternates if alt.get("lang") != language and alt.get("lang") in NAMES]
    return f'<p class="hb-twin">{" · ".join(links)}</p>\n' if links else ""


def page_content(html: str, page, config) -> str:
    language = _language(config)
    if language != ENGLISH:
        html = in_language_spans(html)
        if f'class="{ENGLISH_CLASS}"' in html and language in STILL_IN_ENGLISH:
            own, english = STILL_IN_ENGLISH[language]
            html = (f'<div class="admonition note hb-still-in-english"><p>{own} <span lang="en">{english}</span></p>'
                    f"</div>\n" + html)
    return _twins(page, config) + html


def finished_page(output: str, config) -> str:
    """The whole page (navigation, headings in the table of contents, the title) with marks made spans."""
    return in_language_spans(output) if _language(config) != ENGLISH else output


def after_build(config) -> None:
    """Titles in the search index came from marked headings: the index holds plain text."""
    if _language(config) == ENGLISH:
        return
    index = Path(config.site_dir) / "search" / "search_index.json"
    if index.is_file():
        index.write_text(unmarked(index.read_text(encoding="utf-8")), encoding="utf-8")
