"""The Welsh edition: a school whose profile lists `languages: [cy, en]` gets its handbook in Welsh at its
site's root and in English at en/, page for page; Welsh pages are Welsh throughout (any English on them
marked as English), each links to its twin, Welsh search finds Welsh words, and a change to the English
makes its translation stale in the check, naming the file and line."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml

from browser_tools import axe_violations, site_pages
from conftest import DATA, PROJECT, copy_data, serve_folder

WELSH_SCHOOL = next(p.stem for p in sorted((DATA / "schools").glob("*.yml"))
                    if (yaml.safe_load(p.read_text(encoding="utf-8")).get("languages") or ["en"])[0] == "cy")
# Words that are English and never Welsh: a run of text with two of them is English.
ENGLISH_ONLY_WORDS = {"the", "and", "of", "to", "is", "you", "your", "with", "for", "not", "this", "that", "are", "we",
                      "our", "will", "be", "it", "on", "or", "if", "what", "who", "when", "have", "has", "can", "about"}


PHONE_PAGES = ("", "parents/", "pupils/", "quiz-parents/", "quiz-pupils/", "common-questions/", "changes-for-parents/",
               "accessibility/")


def welsh_root(built_all: Path) -> Path:
    return built_all / WELSH_SCHOOL


def welsh_pages(built_all: Path) -> list[str]:
    root = welsh_root(built_all)
    return [p for p in site_pages(root) if not p.startswith("en/")]


@pytest.fixture(scope="module")
def school_url(built_all):
    """The Welsh school's folder served as a school's web host would: Welsh at /, English at /en/."""
    yield from serve_folder(welsh_root(built_all))


def test_the_welsh_school_has_both_editions_at_the_same_paths(built_all):
    root = welsh_root(built_all)
    welsh = set(welsh_pages(built_all))
    english = {p.removeprefix("en/") for p in site_pages(root) if p.startswith("en/")}
    assert len(welsh) >= 20
    assert welsh == english


def test_every_welsh_page_says_it_is_welsh_and_every_english_one_english(built_all):
    root = welsh_root(built_all)
    for path in welsh_pages(built_all):
        assert '<html lang="cy"' in (root / path / "index.html").read_text(encoding="utf-8"), path
        assert '<html lang="en"' in (root / "en" / path / "index.html").read_text(encoding="utf-8"), path


def test_no_third_school_gets_a_welsh_edition(built_all):
    others = [p for p in built_all.iterdir() if p.is_dir() and (p / "index.html").exists()
              and (p / "sitemap.xml").exists() and p.name != WELSH_SCHOOL]
    assert others, "the example group has English-only schools"
    for school in others:
        assert not (school / "cy").exists() and not (school / "en").exists()


@pytest.mark.browser
def test_each_page_links_to_its_twin_and_the_twin_links_back(school_url, page):
    for path in ["", "parents/", "pupils/", "quiz-pupils/", "common-questions/", "policy/"]:
        page.goto(school_url + path)
        twin = page.locator('.hb-twin a[hreflang="en"]')
        assert twin.get_attribute("lang") == "en"
        twin.click()
        assert page.url == school_url + "en/" + path
        assert page.locator("html").get_attribute("lang") == "en"
        selector = page.locator('.md-select__link[hreflang="cy"]')
        assert urljoin(page.url, selector.get_attribute("href")) == school_url + path
        page.locator('.hb-twin a[hreflang="cy"]').click()
        assert page.url == school_url + path


WELSH_TEXT_SCRIPT = """() => {
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode, parent = node.parentElement;
    if (!parent || parent.closest('script, style, [hidden], [aria-hidden="true"] svg')) continue;
    const text = node.textContent.replace(/\\s+/g, ' ').trim();
    if (!text) continue;
    const lang = parent.closest('[lang]').getAttribute('lang');
    found.push([lang, text]);
  }
  return found;
}"""


def english_runs(texts: list[list[str]]) -> list[str]:
    """Text outside lang="en" that reads as English: two or more words only English uses."""
    runs = []
    for lang, text in texts:
        if lang.startswith("en"):
            continue
        words = re.findall(r"[a-z']+", text.lower())
        if len([w for w in words if w in ENGLISH_ONLY_WORDS]) >= 2:
            runs.append(text[:120])
    return runs


@pytest.mark.browser
def test_no_english_on_a_welsh_page_outside_lang_en(built_all, school_url, page):
    found = {}
    for path in welsh_pages(built_all):
        page.goto(school_url + path)
        runs = english_runs(page.evaluate(WELSH_TEXT_SCRIPT))
        if runs:
            found[path or "(home)"] = runs[:3]
    assert found == {}


def test_the_english_check_finds_english_outside_lang_en():
    """The test above would catch an unmarked English sentence (and lets Welsh and marked English be)."""
    assert english_runs([["cy", "Please talk to the school first, not on social media."]])
    assert not english_runs([["cy", "Siaradwch â'r ysgol yn gyntaf, nid ar y cyfryngau cymdeithasol."]])
    assert not english_runs([["en", "Please talk to the school first."]])


@pytest.mark.browser
@pytest.mark.parametrize("width", [1280, 375])
def test_every_welsh_page_is_axe_clean_and_never_scrolls_sideways(built_all, school_url, browser, width):
    """Welsh words run longer than English ones: no page may grow wider than a phone."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    failures = {}
    for path in welsh_pages(built_all):
        page.goto(school_url + path)
        # Every page at desktop width; on a phone, the pages families and pupils open (the English suite
        # scans every page at both widths, and the Welsh pages share its templates).
        violations = axe_violations(page) if width == 1280 or path in PHONE_PAGES else []
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        if overflow > 0:
            violations.append(f"scrolls sideways by {overflow}px")
        if violations:
            failures[path or "(home)"] = violations
    context.close()
    assert failures == {}


def _search(page, query: str) -> list[str]:
    box = page.locator("input.md-search__input")
    box.fill(query)
    page.wait_for_function(
        "q => document.querySelector('input.md-search__input').value === q && "
        "document.querySelector('.md-search-result__meta').textContent.trim() !== ''", arg=query)
    page.wait_for_timeout(250)
    return page.eval_on_selector_all("a.md-search-result__link", "links => links.map(a => a.getAttribute('href'))")


@pytest.mark.browser
def test_welsh_search_finds_welsh_words_and_keeps_words_english_would_drop(school_url, page):
    page.goto(school_url + "parents/")
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator("input.md-search__input").fill("ysgol")
    page.wait_for_selector(".md-search-result__item", timeout=15000)  # the index has loaded
    # bwlio (bullying), lluniau (photos): Welsh words the pages use.
    for word in ("bwlio", "lluniau", "caniatâd"):
        assert _search(page, word), f"no Welsh result for {word!r}"
    # English stop words are not applied to Welsh: "am" (about, for) is a Welsh word English search drops.
    assert _search(page, "am")
    links = _search(page, "cwyn")  # the unmutated keyword of the parents' complaints question
    assert any("common-questions" in link or "parents" in link for link in links), links


def test_the_welsh_search_index_has_no_stemmer_or_stop_words(built_all):
    import json
    config = json.loads((welsh_root(built_all) / "search" / "search_index.json").read_text(encoding="utf-8"))["config"]
    assert config["pipeline"] == ["trimmer"]
    english = json.loads((welsh_root(built_all) / "en" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert "stopWordFilter" in english["config"]["pipeline"]  # English keeps its own settings


def _check(data: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "macros", "--data", str(data), "check"], cwd=PROJECT,
                          capture_output=True, text=True, timeout=300)


def _translated_clause(data: Path) -> tuple[str, str, str]:
    """(section file, clause id, its English text) of a clause whose Welsh translation is current."""
    sys.path.insert(0, str(PROJECT))
    from macros.loading import load_files
    from macros.translations import english_records, field_states, read_translations
    files, _ = load_files(data)
    translations, _ = read_translations(data, "cy", "x")
    for state in field_states(files, translations):
        if state.file.startswith("sections/") and state.field == "text" and state.state == "current":
            record = english_records(files[state.file].data)[state.record]
            return state.file, state.record, record.fields["text"]
    raise AssertionError("no clause has a current Welsh translation")


def test_changing_an_english_clause_makes_its_welsh_stale_naming_file_and_line(tmp_path):
    data = copy_data(tmp_path)
    section, clause_id, text = _translated_clause(data)
    english_file = data / section
    source = english_file.read_text(encoding="utf-8")
    first_words = " ".join(text.split()[:4])
    assert first_words in " ".join(source.split())
    changed = re.sub(r"(- id: " + re.escape(clause_id) + r"\n(?:.*\n)*?\s+text: >-\n\s+)", r"\1Since 2027, ", source, 1)
    assert changed != source
    english_file.write_text(changed, encoding="utf-8")
    result = _check(data)
    assert result.returncode == 0, result.stderr  # a stale translation is reported, not fatal, by default
    translation = f"translations/cy/{section}"
    line = next(i for i, ln in enumerate((data / translation).read_text(encoding="utf-8").splitlines(), 1)
                if ln.strip() == f"{clause_id}:")
    stale = [ln for ln in result.stdout.splitlines() if f"'{clause_id}': stale" in ln]
    assert stale, result.stdout
    assert re.search(re.escape(translation) + r":(\d+):", stale[0])
    assert line <= int(re.search(re.escape(translation) + r":(\d+):", stale[0]).group(1)) <= line + 6  # in the record
    english_line = next(i for i, ln in enumerate(changed.splitlines(), 1) if "Since 2027" in ln)
    assert f"{section}:" in stale[0] and re.search(rf"{re.escape(section)}:(\d+)\)", stale[0])
    assert abs(int(re.search(rf"{re.escape(section)}:(\d+)\)", stale[0]).group(1)) - english_line) <= 8
    assert "set from: " in stale[0]


def test_a_school_that_requires_a_complete_translation_fails_the_check_while_one_is_stale(tmp_path):
    data = copy_data(tmp_path)
    profile = data / "schools" / f"{WELSH_SCHOOL}.yml"
    profile.write_text(profile.read_text(encoding="utf-8").replace(
        "languages: [cy, en]", "languages: [cy, en]\ntranslation: {when_incomplete: fail}"), encoding="utf-8")
    result = _check(data)
    assert result.returncode == 1
    assert "[translation-complete]" in result.stderr
    assert "asks for a complete one" in result.stderr or "is stale" in result.stderr


def test_a_translation_of_a_record_the_english_lacks_is_named_with_its_line(tmp_path):
    data = copy_data(tmp_path)
    target = data / "translations" / "cy" / "quizzes" / "pupils.yml"
    text = target.read_text(encoding="utf-8").rstrip("\n") + "\n  stranger-in-a-gmae:\n    from: 1234abcd\n    prompt: Helo\n"
    target.write_text(text, encoding="utf-8")
    result = _check(data)
    assert result.returncode == 1
    line = len(text.splitlines()) - 2
    assert (f"translations/cy/quizzes/pupils.yml:{line}: 'stranger-in-a-gmae': quizzes/pupils.yml has no record "
            "'stranger-in-a-gmae'; did you mean 'stranger-in-a-game'?") in result.stderr


def test_a_key_term_translated_otherwise_is_flagged(tmp_path):
    data = copy_data(tmp_path)
    sys.path.insert(0, str(PROJECT))
    from macros.loading import load_files
    from macros.translations import english_records, read_translations
    files, _ = load_files(data)
    translations, _ = read_translations(data, "cy", "x")
    # A Welsh field saying "bwlio" where its English says "bullying": say "camdriniaeth" (abuse) instead.
    english_file, key, name = next(
        (f, key, name) for f, t in translations.items() for key, entry in t.records.items()
        for name, words in entry.fields.items()
        if isinstance(words, str) and " bwlio" in words and name != "keywords"
        and "bullying" in str(english_records(files[f].data)[key].fields.get(name, "")).lower())
    target = data / "translations" / "cy" / english_file
    line = translations[english_file].data_file.line_of(("records", key, name))
    lines = target.read_text(encoding="utf-8").splitlines()
    lines[line - 1] = lines[line - 1].replace(" bwlio", " camdriniaeth")
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = _check(data)
    assert result.returncode == 1
    assert f"translations/cy/{english_file}:{line}: '{key}': '{name}': the English says 'bullying'" in result.stderr
    assert "[translation-terms]" in result.stderr
