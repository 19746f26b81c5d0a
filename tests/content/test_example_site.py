"""Holds the example school's content to account (its glossary on the built site); a school replacing the content rewrites or deletes these tests."""

from __future__ import annotations


def test_glossary_abbreviations_expand_on_every_page(built_site):
    page = (built_site / "roles" / "index.html").read_text(encoding="utf-8")
    assert '<abbr title="Designated Safeguarding Lead">DSL</abbr>' in page
