"""Rules about the words: placeholders, summaries and paraphrases kept current, no text written twice."""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Iterator

from ..confirmations import clause_fingerprint, has_summary, paraphrase_fingerprint, paraphrases
from ..model import AUDIENCES, Policy
from ..placeholders import has_group, known_values, unknown_conditions, unknown_placeholders
from ..problems import Problem
from ..records import Record
from .common import at


def _placeholder_problems(record: Record, values: dict, label: str | None = None) -> Iterator[Problem]:
    for steps, text in record.texts():
        for condition in unknown_conditions(text):
            yield at(record, f"'{condition}' is not understood: the conditions are {{if group: words}} and "
                             "{if no group: words}, each with its closing brace", *steps, label=label)
        for name, close in unknown_placeholders(text, values):
            if name.startswith("group.") and not has_group(values):
                yield at(record, f"{{{name}}}: this school belongs to no trust or federation (group.yml says "
                                 "kind: none); put the words that name the group inside {if group: ...}, so a "
                                 "school without one reads the sentence without them", *steps, label=label)
                continue
            hint = f"; did you mean {{{close}}}?" if close else "; see policy_data/README.md for the placeholders"
            yield at(record, f"unknown placeholder {{{name}}}{hint}", *steps, label=label)


def _text_records(policy: Policy) -> Iterator[tuple[Record, str | None]]:
    """Every record whose text readers see, with the label a problem names it by (None: its id)."""
    yield from ((c, None) for c in policy.all_clauses())
    yield from ((r, None) for r in policy.local_records if r.replaces)  # a school's wording of a shared clause
    yield from ((r, None) for r in policy.dos + policy.donts + policy.glossary + list(policy.roles.values()))
    yield from ((r, None) for r in policy.records_of_kind.get("question", []))
    for folder in (policy.guides, policy.quizzes, policy.checklists, policy.platforms):
        yield from ((record, record_id) for record_id, record in folder.items())


def placeholders_known(policy: Policy) -> Iterator[Problem]:
    values = known_values(policy)
    for record, label in _text_records(policy):
        yield from _placeholder_problems(record, values, label=label)


def summaries_current(policy: Policy) -> Iterator[Problem]:
    for clause in policy.all_clauses():
        if not has_summary(clause):
            continue
        expected = clause_fingerprint(clause)
        if clause.summary_checked is None:
            yield at(clause, f"summaries need checking against the formal text; when they are right, run "
                             f"`python -m macros confirm {clause.id}`")
        elif clause.summary_checked != expected:
            yield at(clause, "summaries may be stale: the formal text changed since they were checked; re-read "
                             f"them, then run `python -m macros confirm {clause.id}`", "summary_checked")


def paraphrases_current(policy: Policy) -> Iterator[Problem]:
    for name, record in paraphrases(policy):
        if not record.clauses:
            continue
        expected = paraphrase_fingerprint(policy, record)
        if record.checked is None:
            yield at(record, "this text restates clauses but was never checked against them; when it is right, "
                             f"run `python -m macros confirm {name}`")
        elif record.checked != expected:
            yield at(record, "may be stale: a clause it cites was reworded since it was checked; re-read it, "
                             f"then run `python -m macros confirm {name}`", "checked")


def summaries_for_audiences(policy: Policy) -> Iterator[Problem]:
    for clause in policy.all_clauses():
        wordings = [(("summary",), clause.data.get("summary") or {})]
        wordings += [(("variants", k, "summary"), v.data.get("summary") or {}) for k, v in clause.variants.items()]
        for steps, summary in wordings:
            for audience in summary:
                if audience not in clause.audiences:
                    yield at(clause, f"a summary for {audience}, but the clause is not addressed to {audience} "
                                     f"(audiences: {', '.join(clause.audiences)}); add {audience} to its "
                                     "audiences or remove the summary", *steps, audience)


SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
PROSE_FIELDS = {"text", "summary", "explanation", "feedback", "definition", "description", "relevance", "facts",
                "note", "prompt", "answer", "intro"}
LONG_SENTENCE = 45  # shorter ones ("Tell a trusted adult.") may fairly be said in more than one place


def _sentences(policy: Policy) -> Iterator[tuple[str, Record, tuple, str]]:
    """(normalised sentence, record, path, label) for every long sentence in the policy's text."""
    for record, label in _text_records(policy):
        if "when" in record.data:  # twins for other option choices may share their wording
            continue
        for steps, text in record.texts():
            if not PROSE_FIELDS.intersection(s for s in steps if isinstance(s, str)):
                continue  # titles, sources and search words may fairly repeat
            for sentence in SENTENCE_END.split(" ".join(text.split())):
                if len(sentence) >= LONG_SENTENCE:
                    yield sentence.lower(), record, steps, label


def no_repeated_sentences(policy: Policy) -> Iterator[Problem]:
    places = defaultdict(list)
    for sentence, record, steps, label in _sentences(policy):
        places[sentence].append((record, steps, label))
    for sentence, found in places.items():
        first, first_steps, _ = found[0]
        for record, steps, label in found[1:]:
            if record.where == first.where:  # the variants of one clause may share a sentence
                continue
            yield at(record, f"this sentence is also written at {first.where.file}:{first.line_of(*first_steps)}: "
                             f"\"{sentence[:60]}...\"; write it once and cite the clause", *steps, label=label)
