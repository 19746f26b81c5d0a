"""Rules for the self-check: short sets a reader finishes, and questions a reader cannot pass by ticking
every box."""

from __future__ import annotations

from typing import Iterator

from ..model import Policy
from ..problems import Problem
from .common import at, suggest

SET_SIZE = (5, 8)  # long enough to cover a topic, short enough for one sitting on a phone


def right_answers_allowed(options: int) -> int:
    """At most half the options (rounded up) may be right in a multiple-answer question. With 6 options
    that is 3: a reader who ticks every box, or every box but the odd one out, still ticks a wrong one,
    so each option has to be judged on its own."""
    return (options + 1) // 2


def quiz_sets(policy: Policy) -> Iterator[Problem]:
    low, high = SET_SIZE
    for quiz_id, quiz in policy.quizzes.items():
        declared = [s.id for s in quiz.sets]
        misplaced = False
        for question in quiz.questions:
            if declared and not question.set:
                misplaced = True
                yield at(question, f"name the set this question belongs to (`set:`), one of: {', '.join(declared)}")
            elif question.set and question.set not in declared:
                misplaced = True
                known = ", ".join(declared) if declared else "none declared"
                yield at(question, f"set '{question.set}' is not one of this quiz's `sets` ({known})"
                                   f"{suggest(question.set, declared)}", "set")
        if misplaced:  # the sizes of the sets follow once every question is in one
            continue
        shown = policy.questions(quiz_id)
        if not declared and len(shown) > high:
            yield at(quiz, f"{len(shown)} questions on one page; declare `sets` of {low} to {high} questions by topic "
                           "and give each question its `set:`")
        for quiz_set in quiz.sets:
            count = sum(1 for q in shown if q.set == quiz_set.id)
            if not low <= count <= high:
                yield at(quiz_set, f"this set has {count} questions for this school's options; a set holds {low} to "
                                   f"{high}, so that it can be done in one sitting")


def not_passable_by_ticking_all(policy: Policy) -> Iterator[Problem]:
    for quiz in policy.quizzes.values():
        for question in quiz.questions:
            if not question.multiple:
                continue
            right = sum(1 for o in question.options if o.correct)
            limit = right_answers_allowed(len(question.options))
            if limit < right < len(question.options):  # every option right: quizzes-answerable says so
                yield at(question, f"{right} of {len(question.options)} options are right; at most {limit} may be, "
                                   "so that ticking (nearly) every box cannot pass; turn a right option into a "
                                   "realistic wrong one", "options")
