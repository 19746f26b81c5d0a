"""Rules about what readers use: quizzes that can be answered, guides that show their audience and answer
first, common questions shown to the reader who asks them."""

from __future__ import annotations

from typing import Iterator

from ..icons import icon_file
from ..model import Policy
from ..problems import Problem
from ..voice import voice_for
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
                clause = policy.clauses.get(target)  # None: refs-resolve says it does not exist
                if clause is not None and quiz.audience not in clause.audiences:
                    yield at(question, f"clause '{target}' is not addressed to {quiz.audience} (its audiences: "
                                       f"{', '.join(clause.audiences)}); cite a clause for this quiz's audience",
                             "clauses", position)


def guides_show_audience(policy: Policy) -> Iterator[Problem]:
    for guide in policy.guides.values():
        shown = set()
        for group in guide.groups:
            for topic in group.topics:
                for position, target in enumerate(topic.clauses):
                    clause = policy.clauses.get(target)
                    if clause is None:
                        continue  # refs-resolve says it does not exist
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


def _questions(policy: Policy) -> list:
    """The question bank (questions.yml), every question as written, twins for other options included."""
    return policy.records_of_kind.get("question", [])


def guides_answer_first(policy: Policy) -> Iterator[Problem]:
    """What a guide shows first agrees with who acts, and its icons come with the theme."""
    for guide_id, guide in policy.guides.items():
        for first in guide.first:
            for position, target in enumerate(first.clauses):
                clause = policy.clauses.get(target)
                if clause is None:
                    continue  # refs-resolve says it does not exist
                if guide.audience not in clause.audiences:
                    yield at(first, f"clause '{target}' is not addressed to {guide.audience}; choose one of "
                                    f"their clauses", "clauses", position)
                    continue
                said = voice_for(policy, clause, guide.audience)
                if said != first.voice:
                    yield at(first, f"clause '{target}' is marked `{said}` for {guide.audience}, but this list "
                                    f"shows `{first.voice}`; move it to the other list or correct its voice",
                             "clauses", position)
        for group in guide.groups:
            icons = [(("icon",), group.icon)] + [(("adults", i, "icon"), a.icon) for i, a in enumerate(group.adults)]
            for steps, icon in icons:
                if icon and not icon_file(icon).is_file():
                    yield at(group, f"no icon '{icon}' in the theme's bundled set; name a file of "
                                    "mkdocs-material's .icons/material folder, e.g. material/heart-outline", *steps)


def questions_for_their_reader(policy: Policy) -> Iterator[Problem]:
    """Each question cites its reader's clauses and is shown in its reader's guide, once."""
    shown: dict[str, str] = {}
    for guide_id, guide in policy.guides.items():
        for group in guide.groups:
            for position, question_id in enumerate(group.questions):
                question = next((q for q in _questions(policy) if q.id == question_id), None)
                if question is None:
                    continue  # refs-resolve names it
                if question_id in shown:
                    yield at(group, f"question '{question_id}' is already shown in the {shown[question_id]} guide",
                             "questions", position)
                elif question.audience != guide.audience:
                    yield at(group, f"question '{question_id}' is for {question.audience}; show it in the "
                                    f"{question.audience} guide, or change its audience", "questions", position)
                shown.setdefault(question_id, guide_id)
    audiences = {guide.audience for guide in policy.guides.values()}
    for question in _questions(policy):
        for position, target in enumerate(question.clauses):
            clause = policy.clauses.get(target)
            if clause is not None and question.audience != "governors" and question.audience not in clause.audiences:
                yield at(question, f"clause '{target}' is not addressed to {question.audience} (its audiences: "
                                   f"{', '.join(clause.audiences)}); cite a clause for this question's reader",
                         "clauses", position)
        if question.audience in audiences and question.id not in shown:
            yield at(question, f"this question is for {question.audience} but their guide does not show it; add "
                               f"it to a section's `questions` in guides/")
