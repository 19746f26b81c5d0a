"""The built site: strict build, clause anchors and text, back-links, no third parties, accessibility."""

from __future__ import annotations

import html
from html.parser import HTMLParser
import re
from urllib.parse import urlparse

import pytest

from browser_tools import axe_violations, shown_text, site_pages


def read(site, page: str) -> str:
    return (site / page / "index.html").read_text(encoding="utf-8")


def reader_text(page: str) -> str:
    """The page's text as a reader sees it: inline markup (abbreviations, links) removed without a gap."""
    page = re.sub(r"</?(abbr|a|em|strong|code|span)\b[^>]*>", "", page)
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


def test_policy_page_shows_each_clause_with_its_anchor_and_text(built_site, policy):
    from macros.placeholders import fill, known_values
    page = read(built_site, "policy")
    text = " ".join(reader_text(page).split())
    values = known_values(policy)
    missing = []
    for clause in policy.all_clauses():
        assert f'id="{clause.id}"' in page, clause.id
        if " ".join(fill(clause.text, values).split()) not in text:
            missing.append(clause.id)
    assert not missing, f"formal text not shown for {missing}"


def clause_block(page: str, clause_id: str) -> str:
    """The HTML from a clause's heading to the next clause heading."""
    start = page.index(f'id="{clause_id}"')
    end = page.find('class="clause-heading"', start + 1)
    return page[start:end if end != -1 else None]


def test_every_clause_shows_where_it_is_referred_from(built_site, policy):
    from macros.render.context import RenderContext
    page = read(built_site, "policy")
    incoming = RenderContext(policy).incoming  # the public edition's: no reviewer-only checklists
    missing = []
    for clause in policy.all_clauses():
        backlinks = [b for b in incoming.get(clause.id, []) if b.kind != "role"]
        block = clause_block(page, clause.id)
        if backlinks and "Referred to from" not in block:
            missing.append(clause.id)
    assert not missing


def test_every_page_shows_the_version_stamp_and_only_the_reviewers_edition_its_fingerprint(built_site, reviewer_site,
                                                                                            policy):
    from macros.model import long_date
    stamp = f"Version {policy.version}, approved {long_date(policy.approved_on)}"
    for site, shows_fingerprint in ((built_site, False), (reviewer_site, True)):
        for relative in site_pages(site):
            page = (site / relative / "index.html").read_text(encoding="utf-8")
            footer = page[page.index('<footer class="md-footer">'):]
            assert stamp in footer, relative
            assert "Accessibility statement</a>" in footer, relative
            assert (policy.fingerprint in footer) == shows_fingerprint, (site.name, relative)


def test_no_page_references_a_third_party_resource(built_site):
    """Scripts, styles, fonts and images all come from the site itself."""
    pattern = re.compile(r'<(?:script|link|img|iframe|source)\b[^>]*(?:src|href)="(https?:)?//', re.I)
    for html_file in built_site.rglob("*.html"):
        found = pattern.search(html_file.read_text(encoding="utf-8"))
        assert not found, f"{html_file}: {found.group(0)}"


@pytest.mark.browser
def test_pages_make_no_third_party_requests(built_site, site_url, page):
    origin = urlparse(site_url).netloc
    outside = []
    page.on("request", lambda request: outside.append(request.url)
            if urlparse(request.url).netloc not in (origin, "") and not request.url.startswith("data:") else None)
    for relative in site_pages(built_site):
        page.goto(site_url + relative)
        page.wait_for_load_state("networkidle")
    assert not outside


@pytest.mark.browser
@pytest.mark.parametrize("edition", ["public", "reviewer"])
def test_every_page_passes_axe_wcag_22_aa(edition, request, page, built_site):
    site = request.getfixturevalue("built_site" if edition == "public" else "reviewer_site")
    url = request.getfixturevalue("site_url" if edition == "public" else "reviewer_url")
    failures = []
    for relative in _pages_of_the_edition(site, built_site):
        page.goto(url + relative)
        failures += [f"{relative or '(home)'}: {v}" for v in axe_violations(page)]
    assert not failures, "\n".join(failures)


def _article(site, relative: str) -> str | None:
    file = site / relative / "index.html"
    found = file.is_file() and re.search(r"<article.*?</article>", file.read_text(encoding="utf-8"), re.S)
    return found.group(0) if found else None


def _pages_of_the_edition(site, public_site) -> list[str]:
    """Every page of the public site; of the reviewer's edition, the pages whose content is its own (its
    reviewer pages, and public pages with reviewer-only parts) and the home page for the footer all share.
    The other pages are the same as the public ones, already scanned."""
    pages = site_pages(site)
    if site == public_site:
        return pages
    return [p for p in pages if p == "" or _article(site, p) != _article(public_site, p)]


class _LinksAndIds(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.add(attributes["id"])
        if tag == "a" and attributes.get("href"):
            self.links.append(attributes["href"])


def _parse(path):
    parser = _LinksAndIds()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_no_broken_internal_link_or_anchor_anywhere_in_the_site(built_site):
    """Every relative link in every page leads to a page that exists and, if it names one, to an anchor on it."""
    parsed = {path: _parse(path) for path in built_site.rglob("*.html")}
    broken = []
    for path, page in parsed.items():
        for href in page.links:
            if re.match(r"^[a-z]+:", href) or href.startswith("//"):
                continue  # https:, mailto: — outside the site
            target, _, anchor = href.partition("#")
            target = target.split("?")[0]
            if target.startswith("/"):  # only the 404 page: MkDocs roots it at site_url
                resolved = (built_site / target.lstrip("/")).resolve()
            else:
                resolved = (path.parent / target).resolve() if target else path
            if resolved.is_dir():
                resolved = resolved / "index.html"
            if not resolved.exists():
                broken.append(f"{path.relative_to(built_site)}: {href}")
            elif anchor and resolved.suffix == ".html" and anchor not in parsed[resolved].ids:
                broken.append(f"{path.relative_to(built_site)}: {href} (no such anchor)")
    assert not broken, "\n".join(broken[:30])


def test_legal_framework_marks_repealed_acts_and_only_them(built_site, policy):
    page = read(built_site, "legal-framework")
    for law_id, record in policy.legislation.items():
        heading = page[page.index(f'id="law-{law_id}"'):]
        heading = heading[:heading.index("</h3>")]
        assert ("no longer current" in heading) == (record.status in ("repealed", "abolished")), law_id


@pytest.mark.browser
def test_the_policy_reads_as_a_policy_and_the_register_keeps_the_reviewers_facts(site_url, reviewer_url, page, policy):
    page.goto(site_url + "policy/")
    shown = shown_text(page)  # what a reader sees: hidden search words are not in it
    for clause in policy.all_clauses():
        assert clause.id not in shown
    for furniture in ["Clause id", "Drawn from", "Search words", "Responsible:", "For: Staff"]:
        assert furniture not in shown
    assert not any(source.title in shown for source in policy.sources.values())
    page.goto(reviewer_url + "clause-register/")
    register = shown_text(page)
    assert all(clause.id in register for clause in policy.all_clauses())
    assert all((policy.sources[s.policy].short or s.policy) in register
               for clause in policy.all_clauses() for s in clause.sources)


def test_no_abbreviation_is_wrapped_in_another(built_site):
    """Every SLT, DSL... is expanded once: an abbreviation inside another reads its expansion twice."""
    nested = re.compile(r"<abbr\b[^>]*>(?:(?!</abbr>).)*?<abbr\b", re.S)
    pages = sorted(built_site.rglob("index.html"))
    assert any("<abbr" in html.read_text(encoding="utf-8") for html in pages)
    found = [str(html.relative_to(built_site)) for html in pages if nested.search(html.read_text(encoding="utf-8"))]
    assert not found, f"an abbreviation inside another on {found}"
