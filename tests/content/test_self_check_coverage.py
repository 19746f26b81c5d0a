"""The cross-reference bar: every must and must-not clause is tested by a quiz question or checklist item."""

from __future__ import annotations

import pytest

from conftest import DATA
from macros.engine import load_policy

POLICY, PROBLEMS = load_policy(DATA)
RULES = [c.id for c in POLICY.all_clauses() if c.kind in ("must", "must-not")]
QUIZ_MINIMUMS = {"staff": 25, "parents": 8, "pupils": 8}


def clauses_under_test() -> set[str]:
    cited = set()
    for quiz_id in POLICY.quizzes:
        cited.update(c for q in POLICY.questions(quiz_id) for c in q["clauses"])
    for checklist, _, _ in POLICY.checklists.values():
        cited.update(c for item in checklist["items"] for c in item["clauses"])
    return cited


@pytest.mark.parametrize("clause_id", RULES)
def test_every_rule_is_tested_by_a_question_or_checklist_item(clause_id):
    assert clause_id in clauses_under_test()


@pytest.mark.parametrize("quiz_id,minimum", QUIZ_MINIMUMS.items())
def test_quiz_is_long_enough(quiz_id, minimum):
    assert len(POLICY.questions(quiz_id)) >= minimum


def test_staff_quiz_tests_every_staff_rule_not_covered_by_a_checklist():
    staff_rules = {c.id for c in POLICY.all_clauses() if c.kind in ("must", "must-not") and "staff" in c.audiences}
    quiz = {c for q in POLICY.questions("staff") for c in q["clauses"]}
    checklists = {c for record, _, _ in POLICY.checklists.values() for item in record["items"] for c in item["clauses"]}
    assert staff_rules <= quiz | checklists


@pytest.mark.parametrize("quiz_id", sorted(POLICY.quizzes))
def test_every_question_has_feedback_for_every_option_and_cites_existing_clauses(quiz_id):
    for question in POLICY.quizzes[quiz_id][0]["questions"]:
        assert all(option["feedback"].strip() for option in question["options"]), question["id"]
        assert all(c in POLICY.clauses for c in question["clauses"]), question["id"]


@pytest.mark.parametrize("checklist_id", sorted(POLICY.checklists))
def test_every_checklist_item_cites_existing_clauses(checklist_id):
    for item in POLICY.checklists[checklist_id][0]["items"]:
        assert item["clauses"] and all(c in POLICY.clauses for c in item["clauses"]), item["id"]
