"""The rule that each audience's summary says who acts, and that its first words do not contradict it."""

from __future__ import annotations

import re
from typing import Iterator

from ..model import Policy
from ..problems import Problem
from ..voice import wordings
from .common import at

# Openings that give the reader something to do: a promise cannot start like this.
ASKING = re.compile(r"^(please|do not|don't|never|always|ask|tell|keep|only contact|you must|you should)\b", re.I)
# Openings that say what the school does: an ask cannot start like this.
PROMISING = re.compile(r"^(we will|we never|we do not|we only|we always|the school will|staff will)\b", re.I)


def _opening(text: str) -> str:
    return " ".join(text.split()[:3])


def summaries_say_who_acts(policy: Policy) -> Iterator[Problem]:
    for clause in policy.all_clauses():
        for steps, summary, voice in wordings(clause):
            for audience, text in summary.items():
                if audience not in clause.audiences:
                    continue  # summaries-for-audiences reports a summary for someone the clause is not for
                said = voice.get(audience)
                if said is None:
                    yield at(clause, f"the {audience} summary does not say who acts; add `voice: {{{audience}: "
                                     "promise}` (the school does it), `ask` (the reader is asked to) or `info`",
                             *steps, "summary", audience)
                elif said == "promise" and ASKING.match(text.strip()):
                    yield at(clause, f"the {audience} summary is marked `promise` but starts \"{_opening(text)}\", "
                                     "which asks the reader; mark it `ask`, or say what the school will do",
                             *steps, "summary", audience)
                elif said == "info" and ASKING.match(text.strip()):
                    yield at(clause, f"the {audience} summary is marked `info` but starts \"{_opening(text)}\", "
                                     "which asks the reader; mark it `ask`", *steps, "summary", audience)
                elif said == "ask" and PROMISING.match(text.strip()):
                    yield at(clause, f"the {audience} summary is marked `ask` but starts \"{_opening(text)}\", "
                                     "which is the school's promise; mark it `promise`, or say what the reader "
                                     "is asked to do", *steps, "summary", audience)
            for audience in voice:
                if audience not in summary and steps == () and not any(
                        audience in (v.data.get("summary") or {}) for v in clause.variants.values()):
                    yield at(clause, f"`voice` names {audience}, but there is no {audience} summary; remove it "
                                     "or write the summary", *steps, "voice", audience)
