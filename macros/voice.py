"""Who acts in an audience's wording of a clause: the school promises something, the reader is asked to do
something, or it is information. Guides take their labels and styles from this, never from must/should."""

from __future__ import annotations

from .model import Clause, Policy

VOICES = ("promise", "ask", "info")

# A formal clause addressed to the reader without a summary: its kind says whether the reader acts.
KIND_VOICE = {"must": "ask", "must-not": "ask", "should": "ask", "may": "info", "info": "info"}


def chosen_wording(policy: Policy, clause: Clause):
    """The record holding the wording the school's options chose: a variant, or the clause itself."""
    return clause.variants.get(policy.options.get(clause.option)) if clause.option else clause


def voice_for(policy: Policy, clause: Clause, audience: str) -> str:
    """promise, ask or info for the audience's wording of the clause, as the data says."""
    wording = chosen_wording(policy, clause)
    written = (wording.data.get("voice") if wording is not None else None) or clause.data.get("voice") or {}
    if audience in written:
        return written[audience]
    return KIND_VOICE.get(clause.kind, "info")


def wordings(clause: Clause):
    """(path, summary, voice) for each wording of a clause that may carry summaries: the clause itself and
    each variant. A variant without its own voice takes the clause's."""
    base_voice = clause.data.get("voice") or {}
    yield (), clause.data.get("summary") or {}, base_voice
    for value, variant in clause.variants.items():
        summary = variant.data.get("summary") or {}
        yield ("variants", value), summary, variant.data.get("voice") or (base_voice if summary else {})
