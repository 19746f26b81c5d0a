"""The preview explains itself: while the policy data has a problem, `mkdocs serve` shows every page as the
list of problems (file:line: message) instead of leaving the browser waiting, and turns back into the
handbook by itself once the file is fixed and saved. The terminal, like `mkdocs build` and the check,
ends with the problems, not with the macros plugin's INFO lines or the theme's notice."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from browser_tools import axe_violations
from conftest import PROJECT

BROKEN_FILE = "policy_data/sections/posting.yml"
PROBLEM = re.compile(r"^policy_data/sections/posting\.yml:(\d+): 'posting\.[a-z-]+': 'kind' must be one of ")
TITLE = "The handbook can't be shown until these are fixed"
END_OF_LIFE = "reaches end of life"


def copy_project(root: Path) -> Path:
    """A copy of everything `mkdocs serve` reads, so edits elsewhere in the project do not rebuild it."""
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in ("docs", "overrides", "macros", "schemas", "policy_data"):
        shutil.copytree(PROJECT / name, root / name, ignore=ignore)
    shutil.copy(PROJECT / "mkdocs.yml", root / "mkdocs.yml")
    return root


def break_kind(project: Path) -> tuple[str, int]:
    """Misspell the first clause's `kind`; returns the good text and the line of the mistake."""
    path = project / BROKEN_FILE
    good = path.read_text(encoding="utf-8")
    match = re.search(r"^    kind: must$", good, flags=re.M)
    path.write_text(good[:match.start()] + "    kind: musst" + good[match.end():], encoding="utf-8")
    return good, good.count("\n", 0, match.start()) + 1


def environment() -> dict[str, str]:
    # As the person editing sees it: no edition chosen, and the theme's notice not switched off.
    env = {key: value for key, value in os.environ.items()
           if key not in ("HANDBOOK_EDITION", "NO_MKDOCS_2_WARNING", "DISABLE_MKDOCS_2_WARNING")}
    return {**env, "PYTHONDONTWRITEBYTECODE": "1", "PYTHONUNBUFFERED": "1"}  # in the order a terminal shows


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def after_last_build(output: str) -> list[str]:
    """The lines printed after MkDocs' last line about a build."""
    lines = [line for line in output.splitlines() if line.strip()]
    builds = [i for i, line in enumerate(lines) if re.search(
        r"Serving on |Reloading browsers|Documentation built|Building documentation", line)]
    return lines[builds[-1] + 1:] if builds else lines


def assert_ends_with_problems(output: str, line: int) -> None:
    assert not re.search(r"^INFO .*\[macros\]", output, flags=re.M), output  # the plugin's chatter
    tail = after_last_build(output)
    first = next(i for i, text in enumerate(tail) if PROBLEM.match(text))
    assert PROBLEM.match(tail[first]).group(1) == str(line), tail
    problems_to_end = "\n".join(tail[first:])
    assert END_OF_LIFE not in problems_to_end and "INFO" not in problems_to_end, output
    assert re.search(r"check failed: 1 problem in the policy data", problems_to_end), tail
    # Nothing after the list but the line that says where else it is shown.
    assert tail[-1].startswith(("check failed", "The preview shows this list")), tail


@pytest.fixture
def broken_project(tmp_path) -> tuple[Path, str, int]:
    project = copy_project(tmp_path / "project")
    good, line = break_kind(project)
    return project, good, line


def test_build_and_check_end_with_the_problems_and_write_no_site(broken_project):
    project, _, line = broken_project
    build = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(project / "site")],
                           cwd=project, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                           env=environment(), timeout=300)
    assert build.returncode != 0 and not (project / "site").exists()
    assert_ends_with_problems(build.stdout, line)

    check = subprocess.run([sys.executable, "-m", "macros", "check"],
                           cwd=project, capture_output=True, text=True, env=environment(), timeout=300)
    assert check.returncode == 1
    assert END_OF_LIFE not in check.stdout + check.stderr
    lines = check.stderr.strip().splitlines()
    assert PROBLEM.match(lines[0]).group(1) == str(line) and lines[-1].startswith("check failed: 1 problem")


def wait_for(predicate, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if (result := predicate()):
            return result
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.mark.browser
def test_serve_shows_the_problems_and_reloads_into_the_handbook_when_fixed(broken_project, page):
    """The first build already has the mistake: the server starts anyway and shows it; the fix, saved,
    turns the open page into the handbook; a new mistake turns it back into the list."""
    project, good, line = broken_project
    port = free_port()
    log = project / "serve.log"
    with log.open("w") as out:
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
                                  cwd=project, stdout=out, stderr=subprocess.STDOUT, text=True, env=environment())
    try:
        # The first build, with the mistake already in the data, serves (it does not stop) and the
        # terminal ends with the problem.
        wait_for(lambda: server.poll() is not None or "The preview shows this list" in log.read_text(),
                 60, "the first build")
        output = log.read_text()
        assert server.poll() is None, output
        assert_ends_with_problems(output, line)

        page.goto(f"http://127.0.0.1:{port}/staff/", timeout=30000)
        heading = page.get_by_role("heading", level=1)
        assert heading.inner_text().startswith(TITLE)
        assert page.title().startswith(TITLE)
        items = page.locator("ul.preview-problems > li")
        assert items.count() == 1
        assert items.first.is_visible()
        text = items.first.inner_text()
        assert text.startswith(f"{BROKEN_FILE}:{line}: 'kind' must be one of"), text
        assert "did you mean 'must'?" in text
        assert page.get_by_text("this page reloads by itself").is_visible()
        assert axe_violations(page) == []

        before_fix = len(log.read_text())
        (project / BROKEN_FILE).write_text(good, encoding="utf-8")  # the fix, saved
        try:
            page.get_by_role("heading", level=1, name="Staff guide").wait_for(timeout=90000)  # no reload asked for
        except Exception:
            raise AssertionError("the page did not reload into the handbook; the server said:\n" + log.read_text())
        assert not page.locator("ul.preview-problems").count()
        since_fix = log.read_text()[before_fix:]
        assert "Reloading browsers" in since_fix and "check failed" not in since_fix, since_fix

        break_kind(project)  # and a new mistake while the handbook is open: the page turns into the list
        page.get_by_role("heading", level=1, name=TITLE).wait_for(timeout=90000)
        assert page.locator("ul.preview-problems > li").first.inner_text().startswith(f"{BROKEN_FILE}:{line}:")
        page.goto("about:blank")  # ends the page's live-reload request before the server stops
    finally:
        server.terminate()
        server.wait(timeout=15)
