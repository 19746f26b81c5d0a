"""The readers' pages: guides that answer first, common questions and the A to Z, built from the data, in
each reader's words, labelled by who acts, on a phone screen and without JavaScript."""

from __future__ import annotations

import html
import re
from urllib.parse import urlparse

import pytest

from browser_tools import axe_violations, shown_text
from conftest import MINIMAL
from macros.engine import load_checked_policy
from macros.placeholders import fill, known_values
from macros.voice import voice_for

READER_PAGES = ["parents/", "pupils/", "staff/", "common-questions/", "a-to-z/"]


def guide_clause_ids(policy, audience: str) -> list[str]:
    guide = policy.guides[audience]
    return [c for group in guide.groups for topic in group.topics for c in topic.clauses]


def page_text(site, name: str) -> str:
    """The page's text as a reader sees it: inline markup (abbreviations, links) removed without a gap."""
    page = (site / name / "index.html").read_text(encoding="utf-8")
    page = re.sub(r"</?(abbr|a|em|strong|code|span)\b[^>]*>", "", page)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def school_questions(policy) -> list:
    return [q for q in policy.records_of_kind["question"] if policy.applies(q.when)]


@pytest.mark.parametrize("audience", ["parents", "pupils"])
def test_every_clause_for_the_reader_is_in_their_guide_in_their_words(built_site, policy, audience):
    """Parents and pupils find every rule for them in their guide (under 'All the rules'), in their words."""
    text = page_text(built_site, audience)
    values = known_values(policy)
    shown = guide_clause_ids(policy, audience)
    assert set(shown) == {c.id for c in policy.clauses_for(audience)}
    for clause_id in shown:
        words = " ".join(fill(policy.clauses[clause_id].summary_for(audience), values).split())
        assert words in text, f"{clause_id}: not shown in the {audience} guide"


def test_the_staff_guide_points_to_the_rules_instead_of_repeating_them(built_site, policy):
    page = (built_site / "staff" / "index.html").read_text(encoding="utf-8")
    text = page_text(built_site, "staff")
    values = known_values(policy)
    for clause_id in guide_clause_ids(policy, "staff"):
        assert f'href="../policy/#{clause_id}"' in page, clause_id
    repeated = [c for c in guide_clause_ids(policy, "staff")
                if " ".join(fill(policy.clauses[c].text, values).split()) in text]
    cited = {c for q in school_questions(policy) if q.audience == "staff" for c in q.clauses}
    assert set(repeated) <= cited, "formal wording repeated outside a question's detail"
    assert len(repeated) < len(guide_clause_ids(policy, "staff")) / 4


@pytest.mark.parametrize("audience", ["staff", "parents", "pupils"])
def test_each_question_for_the_reader_is_answered_in_their_guide(built_site, policy, audience):
    page = (built_site / audience / "index.html").read_text(encoding="utf-8")
    text = page_text(built_site, audience)
    values = known_values(policy)
    for question in school_questions(policy):
        if question.audience == audience:
            assert f'id="{question.id}"' in page
            assert " ".join(fill(question.answer, values).split()) in text, question.id


def test_common_questions_page_groups_every_question_by_reader(built_site, policy):
    page = (built_site / "common-questions" / "index.html").read_text(encoding="utf-8")
    questions = school_questions(policy)
    assert len(questions) >= 40
    for question in questions:
        assert page.count(f'id="{question.id}"') == 1, question.id
    order = [page.index(f'id="for-{reader}"') for reader in ("parents", "pupils", "staff", "governors")]
    assert order == sorted(order)
    for reader in ("parents", "pupils", "staff", "governors"):
        block = page.split(f'id="for-{reader}"', 1)[1].split('id="for-', 1)[0]
        assert f"For {reader}" in block or (reader == "parents" and "For parents and carers" in block)


def test_a_pupils_guide_links_to_the_adult_policy_once_for_grown_ups(built_site):
    page = (built_site / "pupils" / "index.html").read_text(encoding="utf-8")
    article = page.split("<article", 1)[1].split("</article>", 1)[0]
    into_policy = re.findall(r'<a [^>]*href="\.\./(policy|roles|legal-framework|dos-and-donts)/[^"]*"[^>]*>(.*?)</a>',
                             article)
    assert len(into_policy) == 1, into_policy
    assert "grown-ups" in article.split(into_policy[0][1])[0][-80:]


def test_pupils_are_told_who_to_tell_by_name(built_site, policy):
    text = page_text(built_site, "pupils")
    dsl = policy.people()["dsl"].name
    assert f"{dsl} The person at school whose job is to keep children safe." in text
    assert "Who can I tell?" in text


def test_guide_sections_have_bundled_icons_inline(built_site):
    for name in ("parents", "pupils", "staff"):
        page = (built_site / name / "index.html").read_text(encoding="utf-8")
        headings = re.findall(r"<h2 [^>]*>(.*?)</h2>", page, re.S)
        with_icon = [h for h in headings if 'class="hb-icon"' in h]
        assert len(with_icon) >= 4, name


def test_a_clause_without_a_summary_falls_back_to_its_formal_text():
    policy = load_checked_policy(MINIMAL)
    with_summary = next(c for c in policy.all_clauses() if c.summary)
    audience = next(iter(with_summary.summary))
    assert with_summary.summary_for(audience) == with_summary.summary[audience] != with_summary.text
    without = next(c for c in policy.all_clauses() if not c.summary)
    assert without.summary_for(without.audiences[0]) == without.text


def test_who_acts_comes_from_the_data_not_from_must_or_should(policy):
    # The issue's example: a must-not clause whose parents' words are the school's promise.
    clause = policy.clauses["posting.no-full-names"]
    assert clause.kind == "must-not" and voice_for(policy, clause, "parents") == "promise"
    assert voice_for(policy, policy.clauses["parents.no-abuse-of-parents"], "parents") == "ask"


def test_guides_carry_audience_tags_for_search(built_site):
    index = (built_site / "search" / "search_index.json").read_text(encoding="utf-8")
    for tag in ("Staff guide", "Parents' guide", "Pupils' guide"):
        assert tag.replace("'", "\\u0027") in index or tag in index


# --- in the browser ---------------------------------------------------------------------------------------

ASKING = re.compile(r"^(please|do not|don't|never|always|ask|tell|keep|only contact|you must|you should)\b", re.I)
PROMISING = re.compile(r"^(we will|we never|we do not|we only|we always|the school will|staff will)\b", re.I)


@pytest.mark.browser
@pytest.mark.parametrize("path", READER_PAGES[:4])
def test_labels_agree_with_who_acts(page, site_url, policy, path):
    page.goto(site_url + path)
    page.eval_on_selector_all("details", "ds => ds.forEach(d => d.open = true)")
    items = page.eval_on_selector_all(
        ".hb-said", "els => els.map(e => ({cls: e.className, id: e.id, label: e.querySelector('.hb-said__label')"
                    ".textContent, words: e.textContent.slice(e.querySelector('.hb-said__label').textContent.length)"
                    ".trim(), colour: getComputedStyle(e).borderLeftColor}))")
    assert items
    labels = {"promise": {"Our promise", "School promise", "The school will", "The policy says"},
              "ask": {"We ask you", "What to do", "What you do", "The policy says"},
              "info": {"Good to know", "The policy says"}}
    for item in items:
        voice = re.search(r"hb-said--(\w+)", item["cls"]).group(1)
        assert item["label"] in labels[voice], item
        if voice == "promise":
            assert not ASKING.match(item["words"]), item
        if voice == "ask":
            assert not PROMISING.match(item["words"]), item
        assert item["colour"] not in ("rgb(183, 28, 28)",), "a red 'don't' bar"
        if "--" in item["id"]:  # a rule in full: its voice is the data's
            guide_id, clause_id = item["id"].split("--", 1)
            audience = policy.guides[guide_id].audience
            assert voice == voice_for(policy, policy.clauses[clause_id], audience), item
    first = page.eval_on_selector_all(".hb-first__list", "ls => ls.map(l => l.className)")
    if path == "parents/":
        assert len(first) == 2 and "hb-first__list--ask" in first[0] and "hb-first__list--promise" in first[1]


VISIBLE_WORDS = """() => {
  const article = document.querySelector('article');
  const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
  let words = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (el.closest('.headerlink') || !el.checkVisibility({visibilityProperty: true, opacityProperty: true})) continue;
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    words += node.textContent.split(/\\s+/).filter(w => /[\\p{L}\\p{N}]/u.test(w)).length;
  }
  return words;
}"""


@pytest.mark.browser
def test_parents_first_view_is_at_most_700_words_on_a_phone(browser, site_url, capsys):
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True)
    page = context.new_page()
    try:
        page.goto(site_url + "parents/")
        assert page.eval_on_selector_all("article details[open]", "ds => ds.length") == 0
        closed = page.evaluate(VISIBLE_WORDS)
        page.eval_on_selector_all("article details", "ds => ds.forEach(d => d.open = true)")
        opened = page.evaluate(VISIBLE_WORDS)
        with capsys.disabled():
            print(f"\nparents' guide at 375 px: {closed} words with details closed, {opened} open")
        assert closed <= 700 and opened > 2 * closed  # the detail is there, one tap away
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.parametrize("path", READER_PAGES)
def test_reader_pages_show_no_raw_markdown(page, site_url, path):
    page.goto(site_url + path)
    page.eval_on_selector_all("details", "ds => ds.forEach(d => d.open = true)")
    text = shown_text(page)
    for raw in ("](", "**", "{ #", "{#", "{{", "<p", "&amp;", "&#"):
        assert raw not in text, f"{path} shows {raw!r}"


@pytest.mark.browser
@pytest.mark.parametrize("width", [375, 1280])
def test_reader_pages_are_axe_clean_and_make_no_third_party_requests(browser, site_url, width):
    context = browser.new_context(viewport={"width": width, "height": 900}, is_mobile=width < 500)
    page = context.new_page()
    hosts = set()
    page.on("request", lambda request: hosts.add(urlparse(request.url).hostname))
    try:
        for path in READER_PAGES:
            page.goto(site_url + path)
            page.eval_on_selector_all("details", "ds => ds.forEach(d => d.open = true)")
            assert axe_violations(page) == [], path
            overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert overflow <= 0, f"{path} scrolls sideways by {overflow}px"
    finally:
        context.close()
    assert hosts <= {"127.0.0.1"}, hosts


@pytest.mark.browser
def test_without_javascript_search_becomes_links_to_questions_and_the_a_to_z(browser, site_url):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 375, "height": 740})
    page = context.new_page()
    try:
        page.goto(site_url + "staff/")
        assert not page.locator(".md-search").is_visible()
        links = page.locator(".hb-search-fallback a")
        assert links.count() == 2 and links.first.is_visible()
        links.first.click()
        page.wait_for_url("**/common-questions/")
        assert page.locator("h3.hb-question").count() >= 40
        page.go_back()
        page.locator(".hb-search-fallback a").nth(1).click()
        page.wait_for_url("**/a-to-z/")
        letters = page.locator(".hb-letters a")
        assert letters.count() >= 15
        assert page.locator(".hb-az dd a").count() >= 100
        letters.nth(1).click()  # without JavaScript a letter is a closed section the reader opens
        letter = page.locator("details.hb-az-letter").nth(1)
        letter.locator("summary").click()
        assert letter.locator("dd a").first.is_visible()
    finally:
        context.close()


@pytest.mark.browser
def test_an_a_to_z_letter_link_opens_that_letter_and_only_it(page, site_url):
    page.goto(site_url + "a-to-z/")
    assert page.locator("details.hb-az-letter[open]").count() == 0  # 900 topics are not laid out at once
    page.locator(".hb-letters a", has_text="P").first.click()
    opened = page.locator("details.hb-az-letter[open]")
    assert opened.count() == 1 and opened.get_attribute("id") == "az-p"
    assert opened.locator("dd a").first.is_visible()


@pytest.mark.browser
def test_with_javascript_the_fallback_links_give_way_to_the_search_box(page, site_url):
    page.goto(site_url + "staff/")
    assert page.locator(".md-search__input").count() == 1
    assert not page.locator(".hb-search-fallback").is_visible()


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
