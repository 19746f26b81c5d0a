"""Each validation rule, shown on a small fixture of bad data, with the exact message an editor sees."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import MINIMAL
from macros.engine import load_policy


@pytest.fixture
def data(tmp_path, monkeypatch) -> Path:
    """A copy of the minimal valid policy, with the test's working directory beside it."""
    target = tmp_path / "policy_data"
    shutil.copytree(MINIMAL, target)
    monkeypatch.chdir(tmp_path)
    return target


def messages(data: Path) -> list[str]:
    """Each problem as the editor reads it, without the rule name (the bad-edit corpus asserts those)."""
    _, problems = load_policy(data)
    return [f"{p.file}:{p.line}: {p.record}: {p.message}" for p in problems]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found: {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_minimal_policy_is_valid(data):
    assert messages(data) == []


def test_dangling_clause_reference(data):
    edit(data / "sections/posting.yml", "clauses: [personal-use.at-work]", "clauses: [personal-use.at-wrok]")
    assert "policy_data/sections/posting.yml:15: 'posting.no-full-names': refs.clauses: no clause " \
           "'personal-use.at-wrok'; did you mean 'personal-use.at-work'?" in messages(data)


def test_unknown_role(data):
    edit(data / "sections/posting.yml", "roles: [staff, dsl]", "roles: [staff, dls]")
    assert "policy_data/sections/posting.yml:25: 'posting.report-to-dsl': roles: no role 'dls' in roles.yml; " \
           "did you mean 'dsl'?" in messages(data)


def test_unknown_field_suggests_the_right_one(data):
    edit(data / "sections/posting.yml", "    title: No full names", "    titel: No full names")
    found = messages(data)
    assert "policy_data/sections/posting.yml:5: 'posting.no-full-names': unknown field 'titel'; did you mean 'title'?" in found
    assert "policy_data/sections/posting.yml:4: 'posting.no-full-names': missing required field 'title' " \
           "(a short line of up to 200 characters)" in found


def test_audience_that_does_not_exist(data):
    edit(data / "sections/posting.yml", "audiences: [staff, parents]", "audiences: [teachers, parents]")
    assert "policy_data/sections/posting.yml:8: 'posting.no-full-names': 'audiences' must be one of staff, parents, " \
           "pupils (got 'teachers')" in messages(data)


def test_duplicate_clause_id(data):
    edit(data / "sections/posting.yml", "id: posting.report-to-dsl", "id: posting.no-full-names")
    assert "policy_data/sections/posting.yml:20: 'posting.no-full-names': duplicate clause id (already used at " \
           "line 4); give this one a new id" in messages(data)


def test_unknown_placeholder(data):
    edit(data / "sections/posting.yml", "{people.dsl.name}", "{people.dls.name}")
    assert "policy_data/sections/posting.yml:23: 'posting.report-to-dsl': unknown placeholder {people.dls.name}; " \
           "did you mean {people.dsl.name}?" in messages(data)


def test_badly_formed_date(data):
    edit(data / "schools" / "test-school.yml", "approved_on: 2026-01-10", "approved_on: 2026-13-45")
    assert "policy_data/schools/test-school.yml:31: 'approval': 'approved_on' must be a real date written YYYY-MM-DD " \
           "(got '2026-13-45')" in messages(data)


def test_stale_summary(data):
    edit(data / "sections/posting.yml", "must not post the full name", "must never post the full name")
    found = messages(data)
    assert ("policy_data/sections/posting.yml:13: 'posting.no-full-names': summaries may be stale: the formal text "
            "changed since they were checked; re-read them, then run `python -m macros confirm posting.no-full-names`"
            in found), found


def test_confirm_stamps_a_reread_summary_and_paraphrases_as_current(data):
    import subprocess
    import sys
    from conftest import PROJECT
    edit(data / "sections/posting.yml", "must not post the full name", "must never post the full name")
    ids = ["posting.no-full-names", "before-you-post/no-full-names", "donts/full-names"]
    run = subprocess.run([sys.executable, "-m", "macros", "--data", str(data), "confirm", *ids],
                         capture_output=True, text=True, cwd=PROJECT)
    assert run.returncode == 0, run.stderr
    assert messages(data) == []



def test_self_reference(data):
    edit(data / "sections/posting.yml", "clauses: [personal-use.at-work]", "clauses: [posting.no-full-names]")
    assert "policy_data/sections/posting.yml:15: 'posting.no-full-names': a clause cannot refer to itself; " \
           "remove it from refs.clauses" in messages(data)


def test_option_variants_must_match_the_option(data):
    edit(data / "sections/personal-use.yml", "not-on-premises:", "off-site:")
    assert "policy_data/sections/personal-use.yml:9: 'personal-use.at-work': variants must be exactly " \
           "reasonable-access, not-on-premises (missing not-on-premises) (unknown off-site)" in messages(data)


def test_unused_legislation(data):
    edit(data / "sections/posting.yml", "legislation: [data-protection-act-1998]", "legislation: []")
    assert "policy_data/legislation.yml:9: 'data-protection-act-1998': no clause cites this legislation record; " \
           "cite it in a clause's refs.legislation or remove it" in messages(data)


def test_all_problems_are_reported_at_once(data):
    edit(data / "sections/posting.yml", "roles: [staff, dsl]", "roles: [staff, dls]")
    edit(data / "roles.yml", "person: dsl", "person: dsll")
    assert len(messages(data)) >= 2
