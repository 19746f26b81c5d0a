"""Holds the example school's content to account (the length of its quizzes); a school replacing the content rewrites or deletes these tests."""

from __future__ import annotations

import pytest

QUIZ_MINIMUMS = {"staff": 25, "parents": 8, "pupils": 8}


@pytest.mark.parametrize("quiz_id,minimum", QUIZ_MINIMUMS.items())
def test_quiz_is_long_enough(policy, quiz_id, minimum):
    assert len(policy.questions(quiz_id)) >= minimum
