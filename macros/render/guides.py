"""Audience guides: the same clauses, grouped by situation, in each audience's own words."""

from __future__ import annotations

from .. import markup
from ..model import KIND_LABELS
from ..site_map import guide_item_anchor, link
from .context import RenderContext

# Labels that fit however a summary is phrased ("Do not..." or "Only..."), so the words stay the summary's.
PLAIN_KIND = {
    "staff": KIND_LABELS,
    "parents": {"must": "Please", "must-not": "Please", "should": "We ask", "may": "You can", "info": "Good to know"},
    "pupils": {"must": "Important", "must-not": "Important", "should": "Good idea", "may": "You can",
               "info": "Good to know"},
}


def guide_item(ctx: RenderContext, guide_id: str, audience: str, clause_id: str) -> str:
    clause = ctx.policy.clauses[clause_id]
    label = PLAIN_KIND[audience].get(clause.kind, "")
    source = markup.link(f"clause {clause.number}" if audience == "staff" else f"policy clause {clause.number}",
                         link("clause", clause.id))
    return "\n".join([
        f"#### {markup.text(clause.title)} {{ #{guide_item_anchor(guide_id, clause.id)} }}",
        "",
        f'<div class="guide-item guide-item--{clause.kind}" markdown>',
        "",
        f'<strong class="guide-kind">{label}:</strong> {ctx.clause_text(clause, audience)}',
        "",
        f'<p class="guide-source" markdown>From {source}</p>',
        "",
        "</div>",
        "",
    ])


def guide(ctx: RenderContext, guide_id: str) -> str:
    record = ctx.policy.guides[guide_id]
    out = []
    for group in record.groups:
        out.append(f"## {markup.text(group.title)} {{ #{guide_id}-{group.id} }}\n")
        for topic in group.topics:
            out.append(f"### {markup.text(topic.title)} {{ #{guide_id}-{group.id}-{topic.id} }}\n")
            out.extend(guide_item(ctx, guide_id, record.audience, c) for c in topic.clauses)
    return "\n".join(out)


def guide_contents(ctx: RenderContext, guide_id: str) -> str:
    record = ctx.policy.guides[guide_id]
    lines = []
    for group in record.groups:
        topics = ", ".join(markup.link(t.title, f"#{guide_id}-{group.id}-{t.id}") for t in group.topics)
        lines.append(f"- **{markup.link(group.title, f'#{guide_id}-{group.id}')}**: {topics}")
    return "\n".join(lines)


WORDS_PER_MINUTE = 230  # an adult reading plain text on screen


def reading_minutes(ctx: RenderContext, guide_id: str) -> int:
    """Roughly how long the guide's items take to read, so the page can say so honestly."""
    record = ctx.policy.guides[guide_id]
    words = sum(len(ctx.policy.clauses[c].summary_for(record.audience).split())
                for group in record.groups for topic in group.topics for c in topic.clauses)
    return max(1, round(words / WORDS_PER_MINUTE))
