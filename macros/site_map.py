"""Where each kind of record is rendered: page file and anchor. Links are Markdown, so MkDocs
rewrites them for any sub-path and fails the strict build if one does not resolve."""

from __future__ import annotations

PAGES = {
    "clause": "policy.md",
    "role": "roles.md",
    "legislation": "legal-framework.md",
    "policy": "related-policies.md",
    "platform": "platforms.md",
    "do": "dos-and-donts.md",
    "dont": "dos-and-donts.md",
    "glossary": "glossary.md",
}


def anchor(kind: str, record_id: str) -> str:
    """The HTML id of a record on its page; clause ids are used as they are, so links read well."""
    if kind == "clause":
        return record_id
    prefix = {"role": "role", "legislation": "law", "policy": "policy", "platform": "platform",
              "glossary": "term"}.get(kind, kind)
    return f"{prefix}-{record_id}"


def link(kind: str, record_id: str) -> str:
    """A page-relative Markdown link target; every generated page sits at the top of docs/."""
    return f"{PAGES[kind]}#{anchor(kind, record_id)}"
