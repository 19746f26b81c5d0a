"""Holds the example school's content to account (the reading ease of its guides); a school replacing the content rewrites or deletes these tests."""

from __future__ import annotations

import pytest

from macros.placeholders import fill, known_values
from readability import reading_ease

READING_EASE_BAR = {"parents": 60, "pupils": 70}  # staff text is reported, not held


def guide_text(policy, audience: str) -> str:
    guide = policy.guides[audience]
    ids = [c for group in guide.groups for topic in group.topics for c in topic.clauses]
    values = known_values(policy)
    return " ".join(fill(policy.clauses[c].summary_for(audience), values) for c in ids)


@pytest.mark.parametrize("audience", ["staff", "parents", "pupils"])
def test_reading_ease_of_each_guide(policy, audience, capsys):
    score = reading_ease(guide_text(policy, audience))
    with capsys.disabled():
        bar = READING_EASE_BAR.get(audience)
        print(f"\nFlesch reading ease, {audience} guide: {score:.1f}" + (f" (must be {bar} or more)" if bar else " (reported)"))
    if audience in READING_EASE_BAR:
        assert score >= READING_EASE_BAR[audience]
