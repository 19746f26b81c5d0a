"""Text from YAML never runs and never breaks the page: scripts, event handlers, javascript: links and
Markdown or Jinja syntax in the data show as plain text — checked in the real browser."""

from __future__ import annotations

import re
import shutil

import pytest

from conftest import DATA, PROJECT, run_mkdocs

pytestmark = pytest.mark.browser

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
    school = root / "policy_data" / "school.yml"
    school.write_text(school.read_text(encoding="utf-8").replace(
        "  second_language_name: Ysgol Gynradd Bryn Teg", f"  second_language_name: '{SCHOOL_NAME}'"), encoding="utf-8")
    result = run_mkdocs(root, root / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


@pytest.fixture
def hostile_url(hostile_site, tmp_path_factory):
    import functools
    import http.server
    import threading
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(hostile_site))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.mark.parametrize("path,shown", [("policy/", TITLE), ("policy/", "{{ config.site_name }}"),
                                        ("staff/", "[click me](javascript:"), ("parents/", "<svg onload="),
                                        ("", SCHOOL_NAME)])
def test_hostile_text_is_shown_as_text_and_never_runs(hostile_url, page, path, shown):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(hostile_url + path)
    page.wait_for_load_state("networkidle")
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert not dialogs
    assert shown in page.locator("article").inner_text()
    assert page.locator("article a[href^='javascript:'], article img[onerror], article svg[onload], "
                        "article [onmouseover]").count() == 0
