"""Checks for what readers use: audience guides, quizzes and checklists."""

from __future__ import annotations

from typing import Iterator

from .checks import _suggest, check, duplicate_ids, option_values
from .model import Located, Policy
from .problems import Problem
from .references import Backlink, register_source


def _cited(policy: Policy, where: Located, record_id: str, clause_ids, path: tuple) -> Iterator[Problem]:
    for position, target in enumerate(clause_ids or []):
        if isinstance(target, str) and target not in policy.clauses:
            yield Problem(where.file, policy.line_of(where, *path, position), f"'{record_id}'",
                          f"no clause '{target}'{_suggest(target, policy.clauses)}")


def _items(record: dict, key: str) -> list:
    return [i for i in record.get(key) or [] if isinstance(i, dict)] if isinstance(record.get(key), list) else []


def _files(policy: Policy, folder: dict) -> Iterator[tuple[dict, Located]]:
    """Each record of a one-record-per-file folder (quizzes, checklists, guides) and where it starts."""
    for record, _, relative in folder.values():
        yield record, Located(policy.files[relative].path, 1)


@check
def quizzes_are_answerable(policy: Policy) -> Iterator[Problem]:
    for quiz, where in _files(policy, policy.quizzes):
        questions = _items(quiz, "questions")
        yield from duplicate_ids(where.file, questions, lambda i: policy.line_of(where, "questions", i), "question")
        for index, question in enumerate(questions):
            qid = str(question.get("id"))
            options = _items(question, "options")
            correct = sum(1 for o in options if o.get("correct") is True)
            line = policy.line_of(where, "questions", index)
            if options and correct == 0:
                yield Problem(where.file, line, f"'{qid}'", "no option is marked `correct: true`; "
                                                          "a question needs at least one right answer")
            elif correct > 1 and not question.get("multiple"):
                yield Problem(where.file, line, f"'{qid}'", f"{correct} options are correct; set `multiple: true` "
                                                          "or mark only one option correct")
            if options and correct == len(options):
                yield Problem(where.file, line, f"'{qid}'", "every option is correct; add at least one wrong answer")
            yield from _cited(policy, where, qid, question.get("clauses"), ("questions", index, "clauses"))
            yield from _when_names_options(policy, where, qid, question.get("when"), ("questions", index, "when"))
            audience = quiz.get("audience")
            for target in question.get("clauses") or []:
                clause = policy.clauses.get(target)
                if clause and audience not in clause.audiences:
                    yield Problem(where.file, policy.line_of(where, "questions", index, "clauses"), f"'{qid}'",
                                  f"clause '{target}' is not addressed to {audience} (its audiences: "
                                  f"{', '.join(clause.audiences)}); cite a clause for this quiz's audience")


def _when_names_options(policy: Policy, where: Located, record_id: str, when, path: tuple) -> Iterator[Problem]:
    allowed = option_values()
    for name, value in (when or {}).items() if isinstance(when, dict) else []:
        line = policy.line_of(where, *path)
        if name not in allowed:
            yield Problem(where.file, line, f"'{record_id}'",
                          f"when: no option '{name}' in school.yml `options`{_suggest(name, allowed)}")
        elif value not in allowed[name]:
            yield Problem(where.file, line, f"'{record_id}'",
                          f"when: {name} must be one of {', '.join(allowed[name])} (got '{value}')")


@check
def checklists_cite_clauses(policy: Policy) -> Iterator[Problem]:
    for checklist, where in _files(policy, policy.checklists):
        items = _items(checklist, "items")
        yield from duplicate_ids(where.file, items, lambda i: policy.line_of(where, "items", i), "item")
        for index, item in enumerate(items):
            yield from _cited(policy, where, str(item.get("id")), item.get("clauses"), ("items", index, "clauses"))


@check
def guides_show_their_audience(policy: Policy) -> Iterator[Problem]:
    for guide, where in _files(policy, policy.guides):
        audience = guide.get("audience")
        shown = set()
        for g, group in enumerate(_items(guide, "groups")):
            for t, topic in enumerate(_items(group, "topics")):
                path = ("groups", g, "topics", t, "clauses")
                yield from _cited(policy, where, str(topic.get("id")), topic.get("clauses"), path)
                for position, target in enumerate(topic.get("clauses") or []):
                    clause = policy.clauses.get(target)
                    if clause is None:
                        continue
                    if target in shown:
                        yield Problem(where.file, policy.line_of(where, *path, position), f"'{topic.get('id')}'",
                                      f"clause '{target}' is already shown earlier in this guide")
                    if audience not in clause.audiences:
                        yield Problem(where.file, policy.line_of(where, *path, position), f"'{topic.get('id')}'",
                                      f"clause '{target}' is not addressed to {audience}; add {audience} to its "
                                      "audiences or leave it out of this guide")
                    shown.add(target)
        if audience in ("parents", "pupils"):
            for clause in policy.clauses_for(audience):
                if clause.id not in shown:
                    yield Problem(clause.where.file, clause.where.line, f"'{clause.id}'",
                                  f"this clause is for {audience} but the {audience} guide ({where.file}) does not "
                                  "show it; add it to a topic there")


@register_source
def reader_backlinks(policy: Policy):
    for guide_id, (guide, _, _) in policy.guides.items():
        for group in _items(guide, "groups"):
            for topic in _items(group, "topics"):
                for target in topic.get("clauses") or []:
                    yield target, Backlink("guide", f"{guide.get('title', guide_id)}: {topic.get('title', '')}",
                                           f"{guide_id}.md#{guide_id}--{target}")
    for quiz_id, (quiz, _, _) in policy.quizzes.items():
        for number, question in enumerate(policy.questions(quiz_id), start=1):
            for target in question.get("clauses") or []:
                yield target, Backlink("quiz", f"{quiz.get('title', quiz_id)}, question {number}",
                                       f"quiz-{quiz_id}.md#q-{question.get('id')}")
    for checklist_id, (checklist, _, _) in policy.checklists.items():
        for item in _items(checklist, "items"):
            for target in item.get("clauses") or []:
                yield target, Backlink("checklist", f"Checklist: {checklist.get('title', checklist_id)}",
                                       f"checklists.md#checklist-{checklist_id}")
