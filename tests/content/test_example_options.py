"""Holds the example school's content to account (its options and the quiz questions they select); a school replacing the content rewrites or deletes these tests."""

from __future__ import annotations

import shutil

from conftest import DATA
from macros.engine import load_policy


def test_quiz_questions_follow_the_schools_options(tmp_path):
    policy, _ = load_policy(DATA)
    shown = {q.id for q in policy.questions("staff")}
    assert "lunchtime-scrolling" in shown and "lunchtime-scrolling-not-on-premises" not in shown
    shutil.copytree(DATA, tmp_path / "data")
    school = tmp_path / "data" / "schools" / "bryn-teg.yml"
    school.write_text(school.read_text().replace("personal_use_at_work: reasonable-access",
                                                 "personal_use_at_work: not-on-premises"))
    other, problems = load_policy(tmp_path / "data")
    assert not problems
    shown = {q.id for q in other.questions("staff")}
    assert "lunchtime-scrolling-not-on-premises" in shown and "lunchtime-scrolling" not in shown
