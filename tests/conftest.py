"""Shared test fixtures: the site is built once per session and one browser serves every browser test."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent
DATA = PROJECT / "policy_data"
MINIMAL = Path(__file__).resolve().parent / "fixtures" / "minimal_policy"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
SUB_PATH = "/handbook/"  # the site is served from a sub-path, as on a school website


def run_mkdocs(project: Path, site_dir: Path, *extra: str, edition: str = "reviewer") -> subprocess.CompletedProcess:
    """Build in a subprocess: the macros package stays imported in this one, so builds must not share it.
    The reviewer's edition by default: it holds every page and page part, so a test of what any page
    shows sees them all; the public site is `built_site`."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1", "HANDBOOK_EDITION": edition}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site_dir), *extra],
                          cwd=project, capture_output=True, text=True, env=env, timeout=600)


@pytest.fixture(scope="session")
def policy():
    from macros.engine import load_checked_policy
    return load_checked_policy(DATA)


def _build(tmp_path_factory, edition: str) -> Path:
    site = tmp_path_factory.mktemp(f"site-{edition}")
    result = run_mkdocs(PROJECT, site, edition=edition)
    assert result.returncode == 0, f"mkdocs build --strict ({edition}) failed:\n{result.stdout}\n{result.stderr}"
    return site


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The public site, as `mkdocs build` makes it for publishing."""
    return _build(tmp_path_factory, "public")


@pytest.fixture(scope="session")
def reviewer_site(tmp_path_factory) -> Path:
    """The reviewer's edition: every public page plus the review pages and reviewer-only parts."""
    return _build(tmp_path_factory, "reviewer")


def build_all(output: Path, data: Path = DATA, *extra: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("HANDBOOK_EDITION", None)
    return subprocess.run([sys.executable, "-m", "macros", "--data", str(data), "build-all", "--output", str(output),
                           *extra], cwd=PROJECT, capture_output=True, text=True, env=env, timeout=1200)


@pytest.fixture(scope="session")
def built_all(tmp_path_factory) -> Path:
    """The example group built once by build-all: DIR/ (the group), DIR/<school-id>/ (each school, in its
    first language) and DIR/<school-id>/<language>/ (its other languages)."""
    output = tmp_path_factory.mktemp("all") / "site"
    result = build_all(output)
    assert result.returncode == 0, result.stdout + result.stderr
    return output


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, without a log line per request."""

    def log_message(self, *args):
        pass


def serve_folder(folder: Path):
    """Serve a folder at http://127.0.0.1:PORT/ until the generator is closed (a fixture's yield)."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def copy_data(tmp_path: Path) -> Path:
    """A copy of the policy data to edit in a test."""
    data = tmp_path / "policy_data"
    shutil.copytree(DATA, data)
    return data


def serve_under_sub_path(site: Path, root: Path):
    """Serve a built site under the sub-path, as a school's website would (a fixture's yield)."""
    shutil.copytree(site, root / SUB_PATH.strip("/"))
    for url in serve_folder(root):
        yield url.rstrip("/") + SUB_PATH


def _serve(site: Path, tmp_path_factory):
    yield from serve_under_sub_path(site, tmp_path_factory.mktemp("webroot"))


@pytest.fixture(scope="session")
def site_url(built_site, tmp_path_factory) -> str:
    """The public site served over HTTP under a sub-path, e.g. http://127.0.0.1:PORT/handbook/."""
    yield from _serve(built_site, tmp_path_factory)


@pytest.fixture(scope="session")
def reviewer_url(reviewer_site, tmp_path_factory) -> str:
    """The reviewer's edition, served the same way."""
    yield from _serve(reviewer_site, tmp_path_factory)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright
    assert Path(CHROMIUM).exists(), f"browser tests need Debian's chromium at {CHROMIUM} (apt-get install chromium)"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--no-first-run", "--disable-quic"])
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    """A fresh page (own storage) that fails the test on any console error or uncaught exception."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.console_errors = errors
    yield page
    context.close()
    assert not errors, f"console errors: {errors}"
