"""The rule that shared wording reads right for every school: in a trust, in a federation, or in none."""

from __future__ import annotations

import re
from typing import Iterator

from ..model import Policy
from ..placeholders import GROUP_PHRASE, CONDITION
from ..problems import Problem
from .common import at
from .wording import _text_records

# "the federation", "the trust's central team": the words name one kind of group, so they are wrong for
# the other kind and for a school on its own. "Tell a grown-up you trust" is the verb, not a group.
GROUP_WORD = re.compile(r"\b(?<!you )(?<!they )(?<!we )(trusts?|federations?|multi-academy)\b(?!ed)", re.I)
NOT_PROSE = {"id", "sources", "roles", "clauses", "keywords", "option", "when", "set", "audience", "voice"}


def group_named_by_placeholder(policy: Policy) -> Iterator[Problem]:
    for record, label in _text_records(policy):
        if record.data.get("group_only"):
            continue  # the glossary's "Federation" and the group's own role are about groups
        for steps, text in record.texts():
            if set(s for s in steps if isinstance(s, str)) & NOT_PROSE:
                continue
            if CONDITION.search(GROUP_PHRASE.sub("", text)):
                continue  # a condition the placeholders rule reports as not understood
            match = GROUP_WORD.search(GROUP_PHRASE.sub("", text))
            if match:
                yield at(record, f"'{match.group(0)}' names one kind of group; write {{group.name}} or "
                                 "{group.kind} inside {if group: ...}, so a school in a trust, in a federation "
                                 "or in neither reads it right", *steps, label=label)
