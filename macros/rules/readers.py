"""Rules about what readers use: quizzes that can be answered, guides that show their audience."""

from __future__ import annotations

from typing import Iterator

from ..model import Policy
from ..problems import Problem
from .common import at


def quizzes_answerable(policy: Policy) -> Iterator[Problem]:
    for quiz in policy.quizzes.values():
        for question in quiz.questions:
            correct = sum(1 for o in question.options if o.correct)
            if correct == 0:
                yield at(question, "no option is marked `correct: true`; a question needs at least one right answer")
            elif correct > 1 and not question.multiple:
                yield at(question, f"{correct} options are correct; set `multiple: true` or mark only one option "
                                   "correct")
            if correct == len(question.options):
                yield at(question, "every option is correct; add at least one wrong answer")
            for position, target in enumerate(question.clauses):
                clause = policy.clauses[target]
                if quiz.audience not in clause.audiences:
                    yield at(question, f"clause '{target}' is not addressed to {quiz.audience} (its audiences: "
                                       f"{', '.join(clause.audiences)}); cite a clause for this quiz's audience",
                             "clauses", position)


def guides_show_audience(policy: Policy) -> Iterator[Problem]:
    for guide in policy.guides.values():
        shown = set()
        for group in guide.groups:
            for topic in group.topics:
                for position, target in enumerate(topic.clauses):
                    clause = policy.clauses[target]
                    if target in shown:
                        yield at(topic, f"clause '{target}' is already shown earlier in this guide",
                                 "clauses", position)
                    if guide.audience not in clause.audiences:
                        yield at(topic, f"clause '{target}' is not addressed to {guide.audience}; add "
                                        f"{guide.audience} to its audiences or leave it out of this guide",
                                 "clauses", position)
                    shown.add(target)
        if guide.audience in ("parents", "pupils"):
            for clause in policy.clauses_for(guide.audience):
                if clause.id not in shown:
                    yield at(clause, f"this clause is for {guide.audience} but the {guide.audience} guide "
                                     f"({guide.where.file}) does not show it; add it to a topic there")
