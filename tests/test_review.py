"""The yearly review: an overdue policy warns and shows a banner everywhere, the "what changed" pages show
edits, the review report names what to check, and the PDF is a clean formal policy."""

from __future__ import annotations

import datetime as dt
import html
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from browser_tools import site_pages
from conftest import DATA, PROJECT, run_mkdocs

REWORDED = "posting.no-personal-gain"  # a clause without summaries, so none go stale


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def make_project(root: Path) -> Path:
    for name in ("mkdocs.yml", "docs", "overrides", "macros", "schemas"):
        (root / name).symlink_to(PROJECT / name)
    shutil.copytree(DATA, root / "policy_data")
    return root


@pytest.fixture(scope="module")
def reviewed(tmp_path_factory):
    """The default policy with the approval date two years back, one clause reworded and one option changed."""
    root = make_project(tmp_path_factory.mktemp("review"))
    school = root / "policy_data" / "school.yml"
    approved = re.search(r"approved_on: (\d{4})-(\d\d-\d\d)", school.read_text()).group(0)
    year = int(approved.split(": ")[1][:4])
    replace_in(school, approved, approved.replace(str(year), str(year - 2)))
    replace_in(school, "account_monitoring: business-hours", "account_monitoring: seven-days")
    section = root / "policy_data" / "sections" / "posting.yml"
    text = section.read_text(encoding="utf-8")
    start = text.index(f"id: {REWORDED}")
    body = text[start:]
    old_sentence = re.search(r"text: >-\n\s+(\S[^\n]*)", body).group(1)
    replace_in(section, old_sentence, "Staff must never use a school account to sell anything. " + old_sentence)
    result = run_mkdocs(root, root / "site")
    return root, result, old_sentence


def test_an_overdue_policy_builds_with_a_warning(reviewed):
    root, result, _ = reviewed
    assert result.returncode == 0, result.stderr
    assert "The policy was due for review on" in result.stderr


def test_every_page_shows_the_overdue_banner(reviewed):
    root, _, _ = reviewed
    for relative in site_pages(root / "site"):
        page = (root / "site" / relative / "index.html").read_text(encoding="utf-8")
        assert "This policy was due for review on" in page, relative


def test_what_changed_shows_the_reworded_clause_and_the_changed_option(reviewed):
    root, _, old_sentence = reviewed
    page = html.unescape((root / "site" / "changes" / "index.html").read_text(encoding="utf-8"))
    since = page[page.index('id="since-approval"'):]
    since = since[:since.index('id="version-')]
    assert "Staff must never use a school account to sell anything." in since
    assert "<del>" in since and old_sentence.split()[0] in since
    assert "account_monitoring" in since and "business-hours" in since and "seven-days" in since


def test_the_parents_page_lists_only_changes_that_concern_them(built_site):
    page = (built_site / "changes-for-parents" / "index.html").read_text(encoding="utf-8")
    assert "What changed for you in version" in page
    assert "account_monitoring" not in page  # school options are for reviewers, not parents
    assert "pupils.minimum-ages" in page  # WhatsApp's minimum age changed in this version


def test_strict_option_fails_an_overdue_build(tmp_path):
    root = make_project(tmp_path)
    school = root / "policy_data" / "school.yml"
    replace_in(school, "when_overdue: warn", "when_overdue: fail")
    approved = re.search(r"approved_on: \d{4}-\d\d-\d\d", school.read_text()).group(0)
    replace_in(school, approved, f"approved_on: {dt.date.today().year - 3}-01-10")
    history = root / "policy_data" / "history.yml"
    replace_in(history, "date: 2023-09-20", f"date: {dt.date.today().year - 4}-01-10")
    result = run_mkdocs(root, root / "site")
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "approval.when_overdue is 'fail'" in output and "Traceback" not in output
    assert not (root / "site").exists()


def test_review_report_command_lists_repealed_acts_and_people():
    result = subprocess.run([sys.executable, "-m", "macros", "report"], cwd=PROJECT, capture_output=True, text=True)
    assert result.returncode == 0
    assert "Data Protection Act 1998: repealed; cite instead: Data Protection Act 2018" in result.stdout
    assert "Libel Act 1843: abolished" in result.stdout
    assert "Still in post? (school.yml people.dsl)" in result.stdout


def test_review_page_is_built_for_the_reviewer(built_site):
    page = (built_site / "review" / "index.html").read_text(encoding="utf-8")
    assert "Legislation to check" in page and "Data Protection Act 1998" in page


@pytest.mark.browser
def test_pdf_command_prints_a_clean_formal_policy(tmp_path):
    output = tmp_path / "policy.pdf"
    result = subprocess.run([sys.executable, "-m", "macros", "pdf", "--output", str(output)], cwd=PROJECT,
                            capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stderr
    assert output.read_bytes().startswith(b"%PDF")
    text = subprocess.run(["pdftotext", "-layout", str(output), "-"], capture_output=True, text=True).stdout
    assert "Social Media Policy" in text and "Approval and review" in text and "Signed:" in text
    assert re.search(r"9\.4\s+\S", text), "clause numbers are kept"
    assert "Skip to content" not in text and "Table of contents" not in text  # no navigation
    pages = subprocess.run(["pdfinfo", str(output)], capture_output=True, text=True).stdout
    assert int(re.search(r"Pages:\s+(\d+)", pages).group(1)) > 10
