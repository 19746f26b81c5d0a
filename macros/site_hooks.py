"""MkDocs hooks (named in mkdocs.yml `hooks:`): the part of the adapter that needs MkDocs events the
macros plugin does not offer. It chooses the edition (only `on_startup` knows whether this is `serve`
or `build`), leaves reviewer pages out of the public build, adds the school's logo to the site, and
keeps previous/next links inside one reader's part of the navigation. Under `mkdocs serve`, while the
data has problems, every page lists them instead (macros/preview.py).
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # hooks load by path, not as a package
from macros import preview  # noqa: E402
from macros import language_pages  # noqa: E402
from macros.editions import PUBLIC, EditionError, choose_edition, is_reviewer_page, without_reviewer_pages  # noqa: E402

_command: str | None = None


def on_startup(command: str, dirty: bool) -> None:
    global _command
    _command = command
    # The macros plugin logs about eight INFO lines a build (modules found, variables, macros): they pushed
    # the data's problems off the screen. Its warnings still show, and `mkdocs -v` shows everything.
    if logging.getLogger("mkdocs").getEffectiveLevel() >= logging.INFO:
        logging.getLogger("mkdocs.plugins.mkdocs_macros").setLevel(logging.WARNING)
    if command == "serve":
        preview.watch_terminal()


@event_priority(100)  # before the macros plugin, whose pages ask which edition this is
def on_config(config):
    try:
        edition = choose_edition(config.extra.get("edition"), os.environ, _command)
    except EditionError as error:
        raise Abort(str(error)) from None
    config.extra["edition"] = edition
    try:
        language_pages.set_language(config)
    except ValueError as error:
        raise Abort(str(error)) from None
    preview.show_problems_in_pages(config, serving=_command == "serve")  # `mkdocs build` stops instead
    if edition == PUBLIC and config.nav:
        config.nav = without_reviewer_pages(config.nav)
    return config


def on_files(files, config):
    if config.extra["edition"] == PUBLIC:
        for file in [f for f in files if is_reviewer_page(f.src_uri)]:
            files.remove(file)  # not built, so not in the search index or the site map either
    logo = config.extra.get("school_logo")
    if logo:  # set by the adapter from the school profile
        files.append(File.generated(config, logo["site_path"], abs_src_path=logo["source"]))
    return files


def _reader_part(page):
    """The top-level section of the navigation a page belongs to (None for top-level pages)."""
    item, top = page, None
    while item.parent is not None:
        item = top = item.parent
    return top


def on_nav(nav, config, files):
    """Previous/next stay with one reader: a parent on the parents' self-check is never sent on to the
    pupils' guide. Each top-level section of the navigation is one reader's path."""
    for page in nav.pages:
        part = _reader_part(page)
        if page.previous_page is not None and (part is None or _reader_part(page.previous_page) is not part):
            page.previous_page = None
        if page.next_page is not None and (part is None or _reader_part(page.next_page) is not part):
            page.next_page = None
    return nav


@event_priority(100)  # before the macros plugin, which would run the page's macros
def on_page_markdown(markdown, page, config, files):
    failure = preview.failure(config)
    if failure is None:
        return language_pages.page_markdown(markdown, page, config)
    page.meta = dict(preview.PAGE_META)
    page.title = preview.TITLE
    return preview.page_markdown(failure)


def on_page_content(html, page, config, files):
    return language_pages.page_content(html, page, config)


def on_post_page(output, page, config):
    return language_pages.finished_page(output, config)


def on_post_build(config):
    language_pages.after_build(config)
    preview.after_build(config)  # the terminal ends with the problems
