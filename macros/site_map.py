"""Where each record is shown: page file and anchor, read from the registry of kinds, plus the anchors
of the reader pages (guides, quizzes). Links are Markdown, so MkDocs rewrites them for any sub-path
and fails the strict build if one does not resolve."""

from __future__ import annotations

from .registry import KIND


def anchor(kind: str, record_id: str) -> str:
    """The HTML id of a record on its page; clause ids are used as they are, so links read well."""
    return KIND[kind].anchor_prefix + record_id


def link(kind: str, record_id: str) -> str:
    """A page-relative Markdown link target; every generated page sits at the top of docs/."""
    return f"{KIND[kind].page}#{anchor(kind, record_id)}"


def guide_page(guide_id: str) -> str:
    return f"{guide_id}.md"


def guide_item_anchor(guide_id: str, clause_id: str) -> str:
    return f"{guide_id}--{clause_id}"


def quiz_page(quiz_id: str) -> str:
    return f"quiz-{quiz_id}.md"


def question_anchor(question_id: str) -> str:
    return f"q-{question_id}"
