"""The three audience guides: built from the clauses, in each audience's words, on a phone screen."""

from __future__ import annotations

import html
import re

import pytest

from conftest import MINIMAL
from macros.engine import load_checked_policy
from macros.placeholders import fill, known_values


def guide_clause_ids(policy, audience: str) -> list[str]:
    guide = policy.guides[audience]
    return [c for group in guide.groups for topic in group.topics for c in topic.clauses]


def page_text(site, name: str) -> str:
    """The page's text as a reader sees it: inline markup (abbreviations, links) removed without a gap."""
    page = (site / name / "index.html").read_text(encoding="utf-8")
    page = re.sub(r"</?(abbr|a|em|strong|code|span)\b[^>]*>", "", page)
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


@pytest.mark.parametrize("audience", ["staff", "parents", "pupils"])
def test_guide_shows_each_clause_in_the_audiences_words(built_site, policy, audience):
    text = " ".join(page_text(built_site, audience).split())
    values = known_values(policy)
    for clause_id in guide_clause_ids(policy, audience):
        clause = policy.clauses[clause_id]
        words = " ".join(fill(clause.summary_for(audience), values).split())
        assert words in text, f"{clause_id}: {'summary' if audience in clause.summary else 'formal text'} not shown"


def test_a_clause_without_a_summary_falls_back_to_its_formal_text():
    policy = load_checked_policy(MINIMAL)
    with_summary = next(c for c in policy.all_clauses() if c.summary)
    audience = next(iter(with_summary.summary))
    assert with_summary.summary_for(audience) == with_summary.summary[audience] != with_summary.text
    without = next(c for c in policy.all_clauses() if not c.summary)
    assert without.summary_for(without.audiences[0]) == without.text


def test_guide_items_link_to_their_clause(built_site, policy):
    page = (built_site / "parents" / "index.html").read_text(encoding="utf-8")
    for clause_id in guide_clause_ids(policy, "parents"):
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
