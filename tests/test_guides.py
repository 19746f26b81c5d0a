"""The three audience guides: built from the clauses, in each audience's words, readable, searchable."""

from __future__ import annotations

import html
import re

import pytest

from conftest import DATA
from macros.engine import load_policy
from macros.placeholders import fill, known_values
from readability import reading_ease

POLICY, _ = load_policy(DATA)
VALUES = known_values(POLICY)
READING_EASE_BAR = {"parents": 60, "pupils": 70}  # staff text is reported, not held


def guide_clause_ids(audience: str) -> list[str]:
    record = POLICY.guides[audience][0]
    return [c for group in record["groups"] for topic in group["topics"] for c in topic["clauses"]]


def guide_text(audience: str) -> str:
    return " ".join(fill(POLICY.clauses[c].summary_for(audience), VALUES) for c in guide_clause_ids(audience))


def page_text(site, name: str) -> str:
    """The page's text as a reader sees it: inline markup (abbreviations, links) removed without a gap."""
    page = (site / name / "index.html").read_text(encoding="utf-8")
    page = re.sub(r"</?(abbr|a|em|strong|code|span)\b[^>]*>", "", page)
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


@pytest.mark.parametrize("audience", ["parents", "pupils"])
def test_every_clause_for_the_audience_is_in_its_guide(audience):
    shown = set(guide_clause_ids(audience))
    missing = [c.id for c in POLICY.clauses_for(audience) if c.id not in shown]
    assert not missing


@pytest.mark.parametrize("audience", ["staff", "parents", "pupils"])
def test_guide_shows_each_clause_in_the_audiences_words(built_site, audience):
    text = " ".join(page_text(built_site, audience).split())
    for clause_id in guide_clause_ids(audience):
        clause = POLICY.clauses[clause_id]
        words = " ".join(fill(clause.summary_for(audience), VALUES).split())
        assert words in text, f"{clause_id}: {'summary' if audience in clause.summary else 'formal text'} not shown"


def test_a_clause_without_a_summary_falls_back_to_its_formal_text():
    clause = next(c for c in POLICY.clauses_for("staff") if "staff" not in c.summary)
    assert clause.summary_for("staff") == clause.text
    with_summary = next(c for c in POLICY.clauses_for("parents") if "parents" in c.summary)
    assert with_summary.summary_for("parents") == with_summary.summary["parents"] != with_summary.text


@pytest.mark.parametrize("audience", ["staff", "parents", "pupils"])
def test_reading_ease_of_each_guide(audience, capsys):
    score = reading_ease(guide_text(audience))
    with capsys.disabled():
        bar = READING_EASE_BAR.get(audience)
        print(f"\nFlesch reading ease, {audience} guide: {score:.1f}" + (f" (must be {bar} or more)" if bar else " (reported)"))
    if audience in READING_EASE_BAR:
        assert score >= READING_EASE_BAR[audience]


def test_guide_items_link_to_their_clause(built_site):
    page = (built_site / "parents" / "index.html").read_text(encoding="utf-8")
    for clause_id in guide_clause_ids("parents"):
        assert f'id="parents--{clause_id}"' in page
        assert f'href="../policy/#{clause_id}"' in page


def test_guides_carry_audience_tags_for_search(built_site):
    index = (built_site / "search" / "search_index.json").read_text(encoding="utf-8")
    for tag in ("Staff guide", "Parents' guide", "Pupils' guide"):
        assert tag.replace("'", "\\u0027") in index or tag in index


@pytest.mark.browser
@pytest.mark.parametrize("path", ["", "staff/", "parents/", "pupils/", "quiz-parents/", "checklists/"])
def test_pages_fit_a_375_pixel_phone_screen(browser, site_url, path):
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True)
    page = context.new_page()
    try:
        page.goto(site_url + path)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{path or 'home'} scrolls sideways by {overflow}px"
    finally:
        context.close()
