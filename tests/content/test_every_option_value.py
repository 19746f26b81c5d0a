"""The example policy holds for every school option: switching any option to any declared value gives a
clean check, and each quiz still has questions for that choice."""

from __future__ import annotations

import shutil

import pytest
import yaml

from conftest import DATA
from macros.engine import load_checked_policy, load_policy

POLICY = load_checked_policy(DATA)
CHOICES = [(option.id, value.id) for option in POLICY.option_records for value in option.values
           if value.id != POLICY.options[option.id]]


@pytest.mark.parametrize("option,value", CHOICES)
def test_switching_an_option_keeps_the_policy_consistent(option, value, tmp_path):
    data = tmp_path / "policy_data"
    shutil.copytree(DATA, data)
    school = data / "schools" / "bryn-teg.yml"
    profile = yaml.safe_load(school.read_text(encoding="utf-8"))
    profile["options"][option] = value
    school.write_text(yaml.safe_dump(profile, allow_unicode=True, sort_keys=False), encoding="utf-8")
    policy, problems = load_policy(data)
    assert [str(p) for p in problems] == []
    assert policy.options[option] == value
    for quiz_id in POLICY.quizzes:
        assert len(policy.questions(quiz_id)) == len(POLICY.questions(quiz_id)), "a twin is missing for this choice"
