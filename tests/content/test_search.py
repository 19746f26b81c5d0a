"""Holds the example school's content to account (what readers type lands on the answer); a school replacing
the content rewrites the queries in search_queries.yml or deletes these tests.

Every query is typed into the site's own search box in headless Chromium, as a reader would, and counts as
answered when one of its answers is among the links shown for the first three pages of results."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

pytestmark = pytest.mark.browser

QUERIES = yaml.safe_load((Path(__file__).parent / "search_queries.yml").read_text(encoding="utf-8"))
BAR = 0.9  # the share of each kind of query that must be answered in the top three


def open_search(page, site_url: str) -> None:
    """Open the search box and wait until its index has loaded (a first query gets results)."""
    page.goto(site_url)
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator("input.md-search__input").fill("photo")
    page.wait_for_selector(".md-search-result__item", timeout=15000)


def shown_results(page, query: str) -> list[list[str]]:
    """Type the query; return, for each page in the results, the links shown under it (not those folded
    away under "more on this page")."""
    box = page.locator("input.md-search__input")
    box.fill("")
    page.wait_for_timeout(50)
    box.fill(query)
    box.press("End")
    page.wait_for_function(
        "q => document.querySelector('input.md-search__input').value === q && "
        "document.querySelector('.md-search-result__meta').textContent.trim() !== ''", arg=query)
    page.wait_for_timeout(250)  # let the worker answer and the list render
    return page.eval_on_selector_all(
        ".md-search-result__item",
        "items => items.map(item => Array.from(item.querySelectorAll('a.md-search-result__link'))"
        ".filter(a => !a.closest('details:not([open])')).map(a => a.getAttribute('href')))")


def guide_anchors(policy) -> dict[str, set[str]]:
    """Anchors on guide pages -> the clause ids found under them (topics and 'rules in full' headings)."""
    anchors: dict[str, set[str]] = {}
    for guide_id, guide in policy.guides.items():
        for group in guide.groups:
            clauses = {c for topic in group.topics for c in topic.clauses}
            anchors[f"{guide_id}-{group.id}-rules"] = clauses
            for topic in group.topics:
                anchors[f"{guide_id}-{group.id}-{topic.id}"] = set(topic.clauses)
    return anchors


def answers(href: str, expected: list[str], anchors: dict[str, set[str]]) -> bool:
    """True if a result link is one of the expected anchors: a common question (on any page), a clause, its
    item in a guide, or a guide heading under which it stands."""
    anchor = href.split("#", 1)[1] if "#" in href else ""
    return any(anchor == e or anchor.endswith("--" + e) or e in anchors.get(anchor, ()) for e in expected)


def answered_share(page, site_url: str, policy, queries: list[dict]) -> tuple[float, list[str]]:
    open_search(page, site_url)
    anchors = guide_anchors(policy)
    misses = []
    for item in queries:
        top = [href for links in shown_results(page, item["query"])[:3] for href in links]
        if not any(answers(href, item["answers"], anchors) for href in top):
            misses.append(f"{item['query']!r} ({item['audience']}) gave {top[:6]}")
    return 1 - len(misses) / len(queries), misses


def other_anchors(policy) -> set[str]:
    """Glossary terms and laws: pages that fairly answer a keyword such as 'defamation'."""
    from macros.site_map import anchor
    return ({anchor("term", t.id) for t in policy.glossary}
            | {anchor("legislation", law_id) for law_id in policy.legislation})


def test_the_query_set_is_large_and_its_answers_exist(policy):
    questions = {q.id for q in policy.records_of_kind["question"]}
    for kind in ("keywords", "questions"):
        assert len(QUERIES[kind]) >= 40, kind
        assert {q["audience"] for q in QUERIES[kind]} == {"staff", "parents", "pupils", "governors"}, kind
        for item in QUERIES[kind]:
            assert all(a in questions or a in policy.clauses or a in other_anchors(policy)
                       for a in item["answers"]), item


@pytest.mark.parametrize("kind", ["keywords", "questions"])
def test_search_answers_what_readers_type(site_url, page, policy, kind, capsys):
    share, misses = answered_share(page, site_url, policy, QUERIES[kind])
    with capsys.disabled():
        print(f"\nsearch, {kind}: {share:.0%} of {len(QUERIES[kind])} answered in the top 3"
              + "".join(f"\n  missed: {m}" for m in misses))
    assert share >= BAR, "\n".join(misses)


def test_small_words_of_a_question_are_not_searched(site_url, page):
    """'do', 'i', 'be', 'on' alone match nothing useful: the query is left to the words that matter."""
    open_search(page, site_url)
    rewritten = page.evaluate("q => window.handbookSearchQuery(q)", "who do I tell if someone is mean online")
    assert rewritten.split() == ["tell", "mean", "online", "online~1"]
    assert page.evaluate("q => window.handbookSearchQuery(q)", "+photo -video") == "+photo -video"


def test_results_say_whom_the_answer_is_for(site_url, page):
    open_search(page, site_url)
    shown_results(page, "who can i tell if something online upsets me")
    texts = page.eval_on_selector_all(".md-search-result__article, .md-search-result__link",
                                      "items => items.map(i => i.textContent)")
    tags = page.eval_on_selector_all(".md-search-result .md-tag", "tags => tags.map(t => t.textContent.trim())")
    assert any("For pupils:" in t for t in texts) or "Pupils' guide" in tags, (texts[:3], tags)
