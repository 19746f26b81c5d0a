"""Text from YAML never runs and never breaks the page: scripts, event handlers, javascript: links and
Markdown or Jinja syntax in the data show as plain text — checked in the real browser.

The first tests put hostile text into every free-text field the schemas allow (found by walking
schemas/, see hostile_data.py), build the minimal policy with it once and open every page; the last one
puts hostile text into a few fields of the full example policy."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest

from browser_tools import shown_text
from conftest import DATA, PROJECT, run_mkdocs, serve_folder, serve_under_sub_path
from hostile_data import MARKER, PIECES, confirm_restatements, hostile_policy, shown

pytestmark = pytest.mark.browser

PAGES = sorted("" if doc.stem == "index" else f"{doc.stem}/" for doc in (PROJECT / "docs").glob("*.md"))


@pytest.fixture(scope="module")
def every_field(tmp_path_factory):
    """The minimal policy with hostile text in every free-text field, built once and served."""
    root = tmp_path_factory.mktemp("every-field")
    for name in ("mkdocs.yml", "docs", "overrides", "macros", "schemas"):
        (root / name).symlink_to(PROJECT / name)
    hostile = hostile_policy(root / "policy_data")
    result = run_mkdocs(root, root / "site")
    assert result.returncode == 0, f"the hostile policy must build:\n{result.stdout}\n{result.stderr}"
    for url in serve_under_sub_path(root / "site", root / "web"):
        yield SimpleNamespace(hostile=hostile, site=root / "site", url=url)


# What the page holds: whether a script from the data ran, elements with event handlers or javascript:
# addresses, scripts that mention __pwned, and all its text outside scripts and styles (hidden text
# included: quiz feedback is shown only after an answer).
INSPECT = """() => {
  const found = [];
  const context = el => {  // the element with up to 300 characters of HTML either side
    const parent = el.parentElement || el, html = parent.innerHTML, at = Math.max(0, html.indexOf(el.outerHTML));
    return html.slice(Math.max(0, at - 300), at + el.outerHTML.length + 300);
  };
  for (const el of document.querySelectorAll('*')) {
    for (const a of el.attributes) {
      const name = a.name.toLowerCase();
      if (name.startsWith('on'))
        found.push({what: `${name} attribute`, html: el.outerHTML.slice(0, 160), context: context(el)});
      if (['href', 'src', 'action', 'formaction', 'xlink:href', 'data'].includes(name) &&
          /^\\s*javascript:/i.test(a.value))
        found.push({what: `javascript: ${name}`, html: el.outerHTML.slice(0, 160), context: context(el)});
    }
    if (el.tagName === 'SCRIPT' && el.textContent.includes('__pwned'))
      found.push({what: 'script from the data', html: el.outerHTML.slice(0, 160), context: context(el)});
  }
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {acceptNode: node =>
    node.parentElement.closest('script, style, noscript, template') ? NodeFilter.FILTER_REJECT
                                                                     : NodeFilter.FILTER_ACCEPT});
  const parts = [];
  while (walker.nextNode()) parts.push(walker.currentNode.nodeValue);
  return {pwned: typeof window.__pwned, found, text: parts.join('')};
}"""


def _fields_in(hostile, html: str) -> list[str]:
    """The data fields whose markers occur in a piece of HTML, e.g. "roles.yml roles[1].name"."""
    return sorted({f"{hostile.values[m][0]} {hostile.values[m][1]}" for m in MARKER.findall(html)
                   if m in hostile.values})


def _open(page, url: str) -> tuple[dict, list[str]]:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(url, wait_until="load")
    return page.evaluate(INSPECT), dialogs


def test_every_free_text_field_of_every_schema_gets_hostile_text(every_field, capsys):
    hostile = every_field.hostile
    missed = hostile.missed
    with capsys.disabled():
        print(f"\nhostile text in {len(hostile.covered)} of {len(hostile.fields)} free-text field paths "
              f"({len(hostile.values)} values); not reachable: "
              + "; ".join(f"{schema} {path}: {why}" for (schema, path), why in sorted(missed.items())))
    assert len(hostile.fields) >= 60, "the schema walk found too few free-text fields"
    unplaced = sorted(set(missed) - set(hostile.rejected))
    assert not unplaced, ("free-text fields with no hostile value; add a record holding them to hostile_data.py: "
                          + ", ".join(f"{schema} {path}" for schema, path in unplaced))


def test_every_built_page_is_inspected(every_field):
    built = sorted("" if p.parent == every_field.site else p.parent.relative_to(every_field.site).as_posix() + "/"
                   for p in every_field.site.rglob("index.html"))
    assert built == PAGES


@pytest.mark.parametrize("path", PAGES)
def test_hostile_text_in_every_field_shows_as_text_and_never_runs(every_field, page, path):
    hostile = every_field.hostile
    state, dialogs = _open(page, every_field.url + path)
    broken = [f"{item['what']}: {item['html']} (fields nearby: {', '.join(_fields_in(hostile, item['context']))})"
              for item in state["found"]]
    assert state["pwned"] == "undefined" and not dialogs and not broken, (
        f"data text became markup on /{path} (window.__pwned is {state['pwned']}, dialogs {dialogs}):\n"
        + "\n".join(broken))
    text = shown(state["text"])
    markers = sorted(set(MARKER.findall(text)) & set(hostile.values))
    mangled = [f"{hostile.values[m][0]} {hostile.values[m][1]}" for m in markers
               if shown(hostile.values[m][2]) not in text]
    assert not mangled, f"on /{path} these fields do not show their text as it was written: {mangled}"
    evaluated = [f"{hostile.values[m][0]} {hostile.values[m][1]}" for m in markers if PIECES[3] in hostile.values[m][2]
                 and shown(hostile.values[m][2].replace(PIECES[3], "49")) in text]
    assert not evaluated, f"on /{path} Jinja in the data was evaluated ({PIECES[3]} became 49): {evaluated}"


def test_hostile_text_reaches_the_pages(every_field, capsys):
    """Most fields are shown somewhere; the rest are only used (ids of sources, keywords for search...)."""
    hostile = every_field.hostile
    text = " ".join(p.read_text(encoding="utf-8") for p in every_field.site.rglob("index.html"))
    unseen = sorted(f"{file} {path}" for marker, (file, path, _) in hostile.values.items() if marker not in text)
    with capsys.disabled():
        print(f"\n{len(hostile.values) - len(unseen)} of {len(hostile.values)} hostile values are shown on a page; "
              f"not shown: {', '.join(unseen) or 'none'}")
    assert len(unseen) < len(hostile.values) / 2


def test_search_results_show_hostile_text_as_text(every_field, page):
    state, dialogs = _open(page, every_field.url)
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator("input.md-search__input").type("raw", delay=15)  # a word of every hostile value
    page.wait_for_selector(".md-search-result__item", timeout=10000)
    page.wait_for_timeout(300)  # let the worker finish rendering the results
    state = page.evaluate(INSPECT)
    assert state["pwned"] == "undefined" and not dialogs
    assert not state["found"], [item["html"] for item in state["found"]]

TITLE = '<script>window.pwned = "title"</script>Not for gain'
TEXT = ('Staff must not <img src=x onerror="window.pwned = \'img\'"> use accounts for gain; '
        '[click me](javascript:window.pwned="link") {{ config.site_name }} {% if true %}x{% endif %} *not bold*.')
SCHOOL_NAME = '<b onmouseover="window.pwned = 1">Ysgol</b> {{ 7 * 7 }}'
SUMMARY = '<svg onload="window.pwned = \'svg\'"></svg> Be kind {# not a comment #} <a href="javascript:alert(1)">x</a>'


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    for name in ("mkdocs.yml", "docs", "overrides", "macros", "schemas"):
        (root / name).symlink_to(PROJECT / name)
    shutil.copytree(DATA, root / "policy_data")
    posting = root / "policy_data" / "sections" / "posting.yml"
    text = posting.read_text(encoding="utf-8")
    start = text.index("  - id: posting.no-personal-gain")
    end = text.index("    audiences:", start)
    record = ("  - id: posting.no-personal-gain\n"
              f"    title: '{TITLE}'\n    kind: must-not\n    text: '{TEXT.replace(chr(39), chr(39) * 2)}'\n")
    posting.write_text(text[:start] + record + text[end:], encoding="utf-8")
    parents = root / "policy_data" / "sections" / "parents.yml"
    text = parents.read_text(encoding="utf-8")
    start = text.index("  - id: parents.post-appropriately")
    summary_at = text.index("      parents: >-", start)
    summary_end = re.compile(r"\n {4,6}(?=[a-z_]+:)").search(text, summary_at + 20).start()  # next field
    parents.write_text(text[:summary_at] + f"      parents: '{SUMMARY.replace(chr(39), chr(39) * 2)}'" +
                       text[summary_end:], encoding="utf-8")
    school = root / "policy_data" / "schools" / "bryn-teg.yml"
    school.write_text(school.read_text(encoding="utf-8").replace(
        "  second_language_name: Ysgol Gynradd Bryn Teg", f"  second_language_name: '{SCHOOL_NAME}'"), encoding="utf-8")
    confirm_restatements(root / "policy_data")  # quiz and checklist text restating the reworded clause
    result = run_mkdocs(root, root / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


@pytest.fixture
def hostile_url(hostile_site):
    yield from serve_folder(hostile_site)


@pytest.mark.parametrize("path,shown", [("policy/", TITLE), ("policy/", "{{ config.site_name }}"),
                                        ("policy/", "[click me](javascript:"), ("staff/", TITLE),
                                        ("parents/", "<svg onload="),
                                        ("", SCHOOL_NAME)])
def test_hostile_text_is_shown_as_text_and_never_runs(hostile_url, page, path, shown):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(hostile_url + path)
    page.wait_for_load_state("networkidle")
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert not dialogs
    page.evaluate("document.querySelectorAll('article details').forEach(d => { d.open = true; })")  # as a reader taps
    assert shown in shown_text(page)  # every part laid out, as a reader scrolls
    assert page.locator("article a[href^='javascript:'], article img[onerror], article svg[onload], "
                        "article [onmouseover]").count() == 0


@pytest.mark.parametrize("document", ["policy", "leaflet"])
def test_hostile_text_in_the_printed_documents_shows_as_text_and_never_runs(every_field, page, document):
    """The PDF's documents are HTML too, printed by Chromium: script in the data must not run there."""
    from macros.engine import load_checked_policy
    from macros.render.context import RenderContext
    from macros.render.document import parents_leaflet, policy_document
    data = every_field.site.parent / "policy_data"
    ctx = RenderContext(load_checked_policy(data), data)
    html = policy_document(ctx) if document == "policy" else parents_leaflet(ctx)
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.set_content(html, wait_until="load")
    state = page.evaluate(INSPECT)
    assert state["pwned"] == "undefined" and not dialogs and not state["found"], state["found"][:3]
    hostile = every_field.hostile
    text = shown(state["text"])
    markers = sorted(set(MARKER.findall(text)) & set(hostile.values))
    assert markers, "no hostile text reached the document"
    mangled = [f"{hostile.values[m][0]} {hostile.values[m][1]}" for m in markers
               if shown(hostile.values[m][2]) not in text]
    assert not mangled, f"these fields do not show their text as written in the {document}: {mangled}"
