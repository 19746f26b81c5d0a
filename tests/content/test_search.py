"""Holds the example school's content to account (search questions land on its clauses); a school replacing the content rewrites or deletes these tests."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

# (what a reader types, clause ids any of which answers it)
QUESTIONS = [
    ("friend request former pupil", ["personal-use.former-pupils", "personal-use.pupil-friend-requests"]),
    ("WhatsApp", ["parents.purpose-of-apps", "parents.no-abuse-of-parents", "pupils.minimum-ages"]),
    ("photo consent", ["posting.image-consent"]),
    ("tag", ["posting.no-tagging", "personal-use.guidance-images-tagging"]),
    ("ex-pupil", ["personal-use.former-pupils"]),
    ("disclaimer", ["personal-use.identify-employer", "organisation.staff-personal-accounts"]),
    ("personal-use.identify-employer", ["personal-use.identify-employer"]),
    ("number plates", ["posting.no-number-plates"]),
    ("geolocation", ["x-account.school-no-geolocation", "posting.no-location"]),
    ("message teacher evening", ["parents.working-hours", "parents.staff-through-school-platforms"]),
    ("complaint", ["parents.raise-concerns-directly", "monitoring.grievances-offline", "parents.offensive-posts"]),
    ("upset online tell", ["pupils.tell-a-trusted-adult", "safeguarding.child-upset-online"]),
]


def search(page, site_url: str, query: str) -> list[list[str]]:
    """Type the query into the site's own search box; return, for each page in the results, the links
    of the sections shown under it (Material groups results by page)."""
    page.goto(site_url)
    page.locator("label.md-search__icon, .md-search__input").first.click()
    box = page.locator("input.md-search__input")
    box.fill("")
    box.type(query, delay=15)
    page.wait_for_selector(".md-search-result__item", timeout=10000)
    page.wait_for_timeout(300)  # let the worker finish ranking
    return page.eval_on_selector_all(
        ".md-search-result__item",
        "items => items.map(item => Array.from(item.querySelectorAll('a.md-search-result__link'))"
        ".map(a => a.getAttribute('href')).filter(href => href.includes('#')))")


def guide_topics(policy) -> dict[str, set[str]]:
    """Anchor of each guide topic heading -> the clauses shown under it."""
    topics = {}
    for guide_id, guide in policy.guides.items():
        for group in guide.groups:
            for topic in group.topics:
                topics[f"{guide_id}-{group.id}-{topic.id}"] = set(topic.clauses)
    return topics


def lands_on(href: str, clause_ids: list[str], topics: dict[str, set[str]]) -> bool:
    """True if the result is the clause itself, its item in a guide, or the guide topic that shows it."""
    anchor = href.split("#", 1)[1] if "#" in href else ""
    return any(anchor == c or anchor.endswith("--" + c) or c in topics.get(anchor, ()) for c in clause_ids)


def test_answers_exist(policy):
    for _, clause_ids in QUESTIONS:
        assert any(c in policy.clauses for c in clause_ids), clause_ids


@pytest.mark.parametrize("query,clause_ids", QUESTIONS, ids=[q for q, _ in QUESTIONS])
def test_search_lands_on_the_answer(site_url, page, policy, query, clause_ids):
    top = [href for sections in search(page, site_url, query)[:3] for href in sections[:4]]
    topics = guide_topics(policy)
    assert any(lands_on(href, clause_ids, topics) for href in top), f"{query!r} gave {top}"


def test_results_say_which_guide_they_come_from(site_url, page):
    search(page, site_url, "WhatsApp")
    tags = page.eval_on_selector_all(".md-search-result .md-tag", "tags => tags.map(t => t.textContent.trim())")
    assert "Parents' guide" in tags
