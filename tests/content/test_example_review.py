"""Holds the example school's content to account (its history, laws and people in the review pages); a school replacing the content rewrites or deletes these tests."""

from __future__ import annotations

import subprocess
import sys

from conftest import PROJECT


def test_the_parents_page_lists_only_changes_that_concern_them(built_site):
    page = (built_site / "changes-for-parents" / "index.html").read_text(encoding="utf-8")
    assert "What changed for you in version" in page
    assert "account_monitoring" not in page  # school options are for reviewers, not parents
    assert "pupils.minimum-ages" in page  # WhatsApp's minimum age changed in this version


def test_review_report_command_lists_repealed_acts_and_people():
    result = subprocess.run([sys.executable, "-m", "macros", "report"], cwd=PROJECT, capture_output=True, text=True)
    assert result.returncode == 0
    assert "Data Protection Act 1998: repealed; cite instead: Data Protection Act 2018" in result.stdout
    assert "Libel Act 1843: abolished" in result.stdout
    assert "Still in post? (schools/bryn-teg.yml people.dsl)" in result.stdout


def test_review_page_is_built_for_the_reviewer(reviewer_site):
    page = (reviewer_site / "review" / "index.html").read_text(encoding="utf-8")
    assert "Legislation to check" in page and "Data Protection Act 1998" in page
