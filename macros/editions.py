"""The two editions of the handbook: the public site readers see, and the reviewer's edition for the
people who maintain the policy. Everything that belongs only to the reviewer's edition is declared here,
once; pages, templates and renderers ask `is_reviewer_page` or `RenderContext.shows(part)`.

The edition is chosen, in order, by the HANDBOOK_EDITION environment variable, `extra.edition` in the
MkDocs config, then the command: `mkdocs serve` (someone editing the data) shows the reviewer's
edition, `mkdocs build` (what gets published) the public one.
"""

from __future__ import annotations

from typing import Mapping

PUBLIC = "public"
REVIEWER = "reviewer"
EDITIONS = (PUBLIC, REVIEWER)
ENVIRONMENT_VARIABLE = "HANDBOOK_EDITION"

# Pages built only in the reviewer's edition: left out of the public site, its navigation and its search.
REVIEWER_PAGES = {
    "review.md": "the yearly review report",
    "clause-register.md": "every clause's id, kind, roles, platforms, sources and search words",
    "publishing.md": "how to build and publish the handbook",
    "benchmark.md": "build, accessibility and speed measurements",
    "translation-status.md": "how complete and current each translation is",
}

# Checklists for the people who maintain the policy, shown on the checklists page of the reviewer's edition only.
REVIEWER_CHECKLISTS = {
    "yearly-review": "the yearly review of the policy, which names the data files to edit",
}

# Parts of pages that both editions build, shown only in the reviewer's edition.
REVIEWER_PARTS = {
    "fingerprint": "the content fingerprint, in the footer and the approval block",
    "to-be-confirmed": "'to be confirmed' marks on facts the reviewer still has to check",
    "unapproved-changes": "edits made in the current review and not yet approved",
    "option-ids": "the ids and values of the school's options, on the changes page",
    "clause-ids": "clause ids beside clause titles, on the changes page",
}


class EditionError(ValueError):
    pass


def choose_edition(configured: object, environ: Mapping[str, str], command: str | None) -> str:
    """The edition to build; a value that is not an edition stops the build with a plain message."""
    from_environment = environ.get(ENVIRONMENT_VARIABLE, "").strip()
    if from_environment:
        return _checked(from_environment, f"the environment variable {ENVIRONMENT_VARIABLE}")
    if configured not in (None, ""):
        return _checked(str(configured), "extra.edition in mkdocs.yml")
    return REVIEWER if command == "serve" else PUBLIC


def _checked(value: str, where: str) -> str:
    if value not in EDITIONS:
        raise EditionError(f"{where} is '{value}': use {' or '.join(EDITIONS)}")
    return value


def is_reviewer_page(src_uri: str) -> bool:
    return src_uri in REVIEWER_PAGES


def shows(edition: str, part: str) -> bool:
    """Whether a page part appears in this edition; an undeclared part is a mistake in the code."""
    if part not in REVIEWER_PARTS:
        raise KeyError(f"'{part}' is not a declared reviewer-only part (macros/editions.py)")
    return edition == REVIEWER


def without_reviewer_pages(nav: list) -> list:
    """The nav of mkdocs.yml with reviewer pages (and sections left empty) taken out."""
    kept = []
    for item in nav:
        if isinstance(item, str):
            if not is_reviewer_page(item):
                kept.append(item)
            continue
        (title, target), = item.items()
        if isinstance(target, list):
            children = without_reviewer_pages(target)
            if children:
                kept.append({title: children})
        elif not is_reviewer_page(target):
            kept.append(item)
    return kept
