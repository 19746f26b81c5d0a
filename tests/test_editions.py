"""The public site and the reviewer's edition: what each builds and shows, previous/next links that stay
with one reader, and the school's short name in a phone's header. Each holds for any valid policy."""

from __future__ import annotations

import json
import re
from urllib.parse import urljoin

import pytest
import yaml

from browser_tools import shown_text, site_pages
from conftest import PROJECT
from macros.editions import REVIEWER_PAGES, EditionError, choose_edition

REVIEWER_DIRS = [page[: -len(".md")] + "/" for page in REVIEWER_PAGES]


def test_the_edition_follows_the_environment_then_the_config_then_the_command():
    assert choose_edition(None, {}, "serve") == "reviewer"
    assert choose_edition(None, {}, "build") == "public"
    assert choose_edition(None, {}, None) == "public"
    assert choose_edition("reviewer", {}, "build") == "reviewer"
    assert choose_edition("reviewer", {"HANDBOOK_EDITION": "public"}, "serve") == "public"
    with pytest.raises(EditionError, match="HANDBOOK_EDITION is 'draft': use public or reviewer"):
        choose_edition(None, {"HANDBOOK_EDITION": "draft"}, "build")


def test_reviewer_pages_are_built_only_in_the_reviewers_edition_and_never_indexed_for_the_public(
        built_site, reviewer_site):
    public_pages, reviewer_pages = set(site_pages(built_site)), set(site_pages(reviewer_site))
    assert public_pages < reviewer_pages
    assert reviewer_pages - public_pages == set(REVIEWER_DIRS)
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    indexed = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert not indexed & set(REVIEWER_DIRS)
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    assert not any(f"/{d}<" in sitemap for d in REVIEWER_DIRS)


def _furniture(policy) -> list[tuple[str, re.Pattern]]:
    """What only the reviewer should see, as patterns over a page's visible text."""
    ids = "|".join(re.escape(c.id) for c in policy.all_clauses())
    return [
        ("a clause id", re.compile(rf"(?<![\w.-])(?:{ids})(?![\w-])")),
        ("the content fingerprint", re.compile(rf"\b{re.escape(policy.fingerprint)}\b")),
        ("a data file path", re.compile(r"\b(?:school|schools/[\w-]+)\.yml\b|\bpeople\.\w+|\bcontacts\.\w+|\w+\.yml: ")),
        ("a 'to be confirmed' status", re.compile(r"to be confirmed", re.I)),
    ]


def _visible(page) -> str:
    return shown_text(page, "body")


@pytest.mark.browser
def test_no_public_page_shows_reviewer_furniture_and_the_reviewers_edition_has_it(built_site, site_url, reviewer_url,
                                                                                 page, policy):
    furniture = _furniture(policy)
    found = []
    for relative in site_pages(built_site):
        page.goto(site_url + relative)
        text = _visible(page)
        found += [f"{relative or '(home)'}: {what}: {m.group(0)!r}" for what, pattern in furniture
                  for m in [pattern.search(text)] if m]
        links = page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
        found += [f"{relative or '(home)'}: links to the reviewer page {href}" for href in links
                  if any(href.split("#")[0].endswith("/" + d) for d in REVIEWER_DIRS)]
    assert not found, "\n".join(found)

    seen = {}
    for relative in ["clause-register/", "review/", ""]:
        page.goto(reviewer_url + relative)
        text = _visible(page)
        seen.update({what: True for what, pattern in furniture if pattern.search(text)})
    assert {"a clause id", "the content fingerprint", "a data file path"} <= set(seen)
    if any(law.verify for law in policy.legislation.values()) or any(c.verify for c in policy.all_clauses()):
        assert "a 'to be confirmed' status" in seen


def _reader_paths() -> dict[str, str]:
    """Each page of mkdocs.yml's navigation with the top-level section it sits in ('' for top-level pages)."""
    class Loader(yaml.SafeLoader):
        pass
    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    nav = yaml.load((PROJECT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)["nav"]
    paths = {}
    for item in nav:
        (title, target), = item.items() if isinstance(item, dict) else ((None, item),)
        for child in (target if isinstance(target, list) else [{title: target}]):
            (_, file), = child.items()
            paths["" if file == "index.md" else file[: -len(".md")] + "/"] = title if isinstance(target, list) else ""
    return paths


@pytest.mark.browser
@pytest.mark.parametrize("direction", ["next", "prev"])
def test_previous_and_next_never_leave_a_readers_path(built_site, site_url, page, direction):
    """Following the footer's links in the browser from every page stays inside its part of the
    navigation, and a path of more than one page is walked from end to end."""
    paths = {page_: part for page_, part in _reader_paths().items() if page_ in set(site_pages(built_site))}
    crossings, longest = [], 1
    # A walk from the first page of a part (the last, going back) passes every page of it; a page outside
    # every part is tried on its own. So each page is opened about once, not once per page before it.
    parts = list(dict.fromkeys(paths.values()))
    starts = [p for part in parts for p in (
        [[m for m, q in paths.items() if q == part][0 if direction == "next" else -1]] if part
        else [m for m, q in paths.items() if q == part])]
    for start in starts:
        part = paths[start]
        page.goto(site_url + start)
        walked = [start]
        while True:
            link = page.query_selector(f"a.md-footer__link--{direction}")
            if link is None:
                break
            link.click()
            page.wait_for_load_state()
            here = page.url[len(site_url):].split("#")[0]
            if paths.get(here) != part or not part:
                crossings.append(f"{' -> '.join(walked)} -> {here} ({part or 'a top-level page'} -> {paths.get(here)})")
                break
            if here in walked:
                break
            walked.append(here)
        longest = max(longest, len(walked))
        members = [p for p, q in paths.items() if q == part and part]
        if members and start == (members[0] if direction == "next" else members[-1]):
            assert walked == (members if direction == "next" else members[::-1]), walked
    assert not crossings, "\n".join(crossings)
    assert longest > 1


@pytest.mark.browser
def test_the_header_shows_the_schools_short_name_on_a_phone_and_its_full_name_on_a_desktop(browser, site_url, policy):
    school = policy.profile.school
    short = school.short_name or school.name
    for width, shown in ((375, short), (1280, f"{school.name} social media handbook")):
        context = browser.new_context(viewport={"width": width, "height": 800})
        page = context.new_page()
        page.goto(site_url)
        visible = page.evaluate("""() => [...document.querySelectorAll('.md-header__topic:first-child .site-name')]
            .filter(e => e.getBoundingClientRect().width > 2)
            .map(e => ({text: e.textContent.trim(), cut: e.scrollWidth > e.clientWidth + 1}))""")
        context.close()
        assert visible == [{"text": shown, "cut": False}], (width, visible)
    assert page.url  # the page was opened at both widths
