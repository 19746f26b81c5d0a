"""What `mkdocs serve` shows while the policy data has problems.

Stopping the build, as `mkdocs build` must, leaves the preview's browser waiting for a site that never
comes, with the reason only in the terminal. So under `mkdocs serve` the adapter records the problems here
instead, every page is built as the list of them (site_hooks.py), and the terminal ends with the same list.
MkDocs' live reload is on every page it serves, so the page turns back into the handbook once the
fixed file is saved.
"""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass, field

from markupsafe import escape

from .problems import EARLY_RULES, Problem

TITLE = "The handbook can't be shown until these are fixed"
_KEY = "preview_failure"  # in the MkDocs config's `extra`: set by the adapter, read by the hooks
_WANTED = "preview_shows_problems"  # set by the hooks under `mkdocs serve` only


@dataclass(frozen=True)
class Failure:
    text: str  # for the terminal: the problems as `python -m macros check` prints them
    problems: list[Problem] = field(default_factory=list)  # empty when the checker could not say where


def show_problems_in_pages(config, serving: bool) -> None:
    config["extra"][_WANTED] = serving
    config["extra"].pop(_KEY, None)


def record(config, text: str, problems: list[Problem] = ()) -> bool:
    """Keep the problems for the pages to show; False when this build must stop instead."""
    if not config["extra"].get(_WANTED):
        return False
    config["extra"][_KEY] = Failure(text.strip("\n"), list(problems))
    return True


def failure(config) -> Failure | None:
    return config["extra"].get(_KEY)


# Every page of the preview: no navigation (each entry would carry the same title), no macros, not searched.
PAGE_META = {"render_macros": False, "hide": ["navigation", "toc", "footer"], "search": {"exclude": True}}


def page_markdown(found: Failure) -> str:
    """The page every URL of the preview shows. Problem text is escaped HTML, so nothing in it is read as
    Markdown or as a macro."""
    items = [_item(problem) for problem in found.problems] or [f"<li>{escape(found.text)}</li>"]
    lines = [
        f"# {TITLE}",
        "",
        '<p class="preview-what-to-do">Open each file named below at the line shown, make the change and save: '
        "this page reloads by itself when the data is right.</p>",
        "",
    ]
    count = len(found.problems)
    if count:
        lines += [f"<p>{count} problem{'s' if count != 1 else ''} in the policy data:</p>", ""]
    lines += ['<ul class="preview-problems">', *items, "</ul>", ""]
    if any(problem.rule in EARLY_RULES for problem in found.problems):
        lines += ["<p>The other checks run once every file can be read and matches its schema: fix these first.</p>", ""]
    return "\n".join(lines)


def _item(problem: Problem) -> str:
    where = f"{problem.file}:{problem.line}" if problem.line else problem.file
    record_name = f" <small>({escape(problem.record)})</small>" if problem.record else ""
    return f"<li><code>{escape(where)}</code>: {escape(problem.message)}{record_name}</li>"


class _TerminalEnding(logging.Handler):
    """Prints the problems after the server's own last line of a build ("Serving on …" at the start,
    "Reloading browsers" after a rebuild), so the terminal ends with them, not with server chatter."""

    _LAST_LINES = ("Serving on ", "Reloading browsers")

    def __init__(self):
        super().__init__(level=logging.INFO)
        self.pending: str | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if self.pending and record.name == "mkdocs.livereload" and any(
                line in record.getMessage() for line in self._LAST_LINES):
            _print(self.pending)
            self.pending = None


_terminal_ending = _TerminalEnding()


def watch_terminal() -> None:
    """Added after MkDocs' own handler on its logger, so it prints after the line that triggers it."""
    logger = logging.getLogger("mkdocs")
    if _terminal_ending not in logger.handlers:
        logger.addHandler(_terminal_ending)


def after_build(config) -> None:
    found = failure(config)
    _terminal_ending.pending = None
    if found is None:
        return
    if logging.getLogger("mkdocs.livereload").isEnabledFor(logging.INFO):
        _terminal_ending.pending = found.text
    else:  # `mkdocs serve -q`: the server's lines are not printed, so nothing would trigger the list
        _print(found.text)


def _print(text: str) -> None:
    print("\n" + text + "\nThe preview shows this list on every page until it is fixed.\n", file=sys.stderr, flush=True)
