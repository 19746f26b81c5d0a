"""Unit tests of the engine's pure functions: escaping, placeholders, fingerprints, options, dates,
changes between versions and the review report."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from conftest import MINIMAL
from macros import markup
from macros.changes import compare, snapshot_of
from macros.engine import load_checked_policy
from macros.fingerprint import fingerprint
from macros.placeholders import fill, known_values, unknown_placeholders
from macros.render.context import RenderContext
from macros.render.formal import formal_policy
from macros.review import build_report

MINIMAL_POLICY = load_checked_policy(MINIMAL)


@pytest.mark.parametrize("dangerous", ["<script>alert(1)</script>", '<img src=x onerror="alert(1)">',
                                       "[click](javascript:alert(1))", "{{ config }}", "{% include 'x' %}",
                                       "{ #injected }", "**bold** _it_ `code`"])
def test_markup_text_leaves_no_markup_characters(dangerous):
    escaped = markup.text(dangerous)
    assert not set(escaped) & set("<>[]{}*_`\"'")


def test_markup_text_does_not_start_a_list_or_heading():
    assert markup.text("- not a list").startswith("&#45;")
    assert markup.text("1. not a list").startswith("1&#46;")
    assert markup.text("# not a heading").startswith("&#35;")


def test_placeholders_fill_from_the_school_profile():
    values = known_values(MINIMAL_POLICY)
    assert fill("Ask {people.dsl.name} at {school.name}.", values) == "Ask Mr Safe at Test School."
    assert values["review.cycle"] == "every year"
    assert values["review.next_date"] == "10 January 2027"


def test_unknown_placeholder_suggests_the_nearest():
    values = known_values(MINIMAL_POLICY)
    assert unknown_placeholders("{school.nam} and {nothing.like.it}", values) == [
        ("school.nam", "school.name"), ("nothing.like.it", None)]


def test_fingerprint_ignores_layout_but_not_words():
    assert fingerprint("Staff must  not\npost.") == fingerprint("Staff must not post.")
    assert fingerprint("Staff must not post.") != fingerprint("Staff must post.")
    assert len(fingerprint("x")) == 8


def test_option_picks_the_schools_wording(tmp_path):
    clause = MINIMAL_POLICY.clauses["personal-use.at-work"]
    assert clause.kind == "may" and clause.text.startswith("Staff may make reasonable use")
    shutil.copytree(MINIMAL, tmp_path / "data")
    school = tmp_path / "data" / "schools" / "test-school.yml"
    school.write_text(school.read_text().replace("reasonable-access", "not-on-premises"))
    other = load_checked_policy(tmp_path / "data").clauses["personal-use.at-work"]
    assert other.kind == "must-not" and other.text.startswith("Staff must not use")


def test_next_review_follows_the_cycle_and_flags_overdue():
    assert MINIMAL_POLICY.next_review == dt.date(2027, 1, 10)
    assert not MINIMAL_POLICY.is_overdue(dt.date(2027, 1, 10))
    assert MINIMAL_POLICY.is_overdue(dt.date(2027, 1, 11))


def test_formal_policy_gives_each_clause_a_numbered_anchored_heading():
    markdown = formal_policy(RenderContext(MINIMAL_POLICY))
    assert "### 1.1 No full names { #posting.no-full-names .clause-heading }" in markdown
    assert "Staff must not post the full name of a pupil of Test School." in markdown
    assert "[Data Protection Act 2018](legal-framework.md#law-data-protection-act-2018)" in markdown


def test_compare_finds_added_removed_reworded_options_and_people():
    old = snapshot_of(MINIMAL_POLICY)
    new = snapshot_of(MINIMAL_POLICY)
    new["clauses"]["posting.no-full-names"] = {**new["clauses"]["posting.no-full-names"], "text": "Changed."}
    new["clauses"]["posting.new-rule"] = {"title": "New", "kind": "must", "text": "New.", "audiences": ["parents"]}
    del new["clauses"]["posting.report-to-dsl"]
    new["options"] = {**new["options"], "account_monitoring": "seven-days"}
    new["people"] = {**new["people"], "dsl": {"name": "Ms New", "role": "DSL"}}
    changes = compare(old, new)
    assert [r.clause_id for r in changes.reworded] == ["posting.no-full-names"]
    assert changes.reworded[0].old_text.startswith("Staff must not post") and changes.reworded[0].new_text == "Changed."
    assert changes.added == ["posting.new-rule"]
    assert [c for c, _ in changes.removed] == ["posting.report-to-dsl"]
    assert changes.options == [("account_monitoring", "business-hours", "seven-days")]
    assert changes.people == [("dsl", "Mr Safe", "Ms New")]
    for_parents = changes.for_audience("parents")
    assert for_parents.added == ["posting.new-rule"] and [r.clause_id for r in for_parents.reworded] == [
        "posting.no-full-names"] and for_parents.removed == []


def test_review_report_lists_repealed_acts_with_the_clauses_citing_them_and_people_to_confirm():
    report = build_report(MINIMAL_POLICY, today=dt.date(2026, 11, 23))
    repealed = {item.title: item for item in report.legislation}
    assert "Data Protection Act 1998" in repealed
    assert "repealed" in repealed["Data Protection Act 1998"].detail
    assert repealed["Data Protection Act 1998"].cited_by
    names = [item.title for item in report.people]
    assert "Mr Safe" in names


def test_review_report_says_when_the_review_is_overdue():
    report = build_report(MINIMAL_POLICY, today=dt.date(2028, 1, 1))
    assert any(item.title == "Review overdue" for item in report.dates)
