"""Audience guides that answer first: what matters most, then the questions the reader asks, each answered in
a sentence or two with the detail one tap away, then the rules in full. Labels and styles come from who acts
in each wording (voice.py), never from the clause's must/should."""

from __future__ import annotations

from .. import markup
from ..icons import inline_svg
from ..site_map import guide_item_anchor, link
from ..voice import voice_for
from .context import RenderContext
from .questions import VOICE_LABELS, clause_source, question_block, questions_for
from .words import said

RULES_SUMMARY = {"staff": "The rules for this", "pupils": "All the rules about this"}
RULES_HEADING = {"staff": "The rules", "pupils": "All the rules"}


def _icon(name: str | None) -> str:
    return f'<span class="hb-icon-wrap">{inline_svg(name)}</span> ' if name else ""


def first_view(ctx: RenderContext, guide_id: str) -> str:
    """What matters most, first: e.g. what we ask of you, what you can expect from us."""
    record = ctx.policy.guides[guide_id]
    if not record.first:
        return ""
    out = ['<div class="hb-first" markdown>', ""]
    for first in record.first:
        out += [f'<section class="hb-first__list hb-first__list--{first.voice}" markdown>', "",
                f"## {markup.text(first.title)} {{ #{guide_id}-{first.id} }}", ""]
        for clause_id in first.clauses:
            clause = ctx.policy.clauses[clause_id]
            out.append(f"- {ctx.clause_text(clause, record.audience)}")
        out += ["", "</section>", ""]
    out += ["</div>", ""]
    return "\n".join(out)


def rule_item(ctx: RenderContext, guide_id: str, audience: str, clause_id: str) -> str:
    """One rule in full. Parents and pupils read its words, labelled by who acts; staff get a link to the
    clause itself (their guide points to the rules rather than repeating them)."""
    clause = ctx.policy.clauses[clause_id]
    anchor = guide_item_anchor(guide_id, clause.id)
    if audience == "staff":
        return (f'<p class="hb-rule-link" id="{anchor}" markdown="span">'
                f'{markup.link(f"{clause.number} {clause.title}", link("clause", clause.id))}</p>')
    voice = voice_for(ctx.policy, clause, audience)
    source = "" if audience == "pupils" else f" {clause_source(ctx, clause)}"
    return (f'<p class="hb-said hb-said--{voice}" id="{anchor}" markdown="span"><span class="hb-said__label">'
            f"{said(ctx, VOICE_LABELS[audience][voice])}</span> {ctx.clause_text(clause, audience)}{source}</p>")


def rules_in_full(ctx: RenderContext, guide_id: str, group) -> str:
    record = ctx.policy.guides[guide_id]
    audience = record.audience
    count = sum(len(t.clauses) for t in group.topics)
    out = [f'<details class="hb-rules" markdown>',
           f"<summary>{said(ctx, RULES_SUMMARY.get(audience, 'All the rules'))} ({count})</summary>", "",
           f"### {said(ctx, RULES_HEADING.get(audience, 'The rules in full'))}: {markup.text(group.title)} "
           f"{{ #{guide_id}-{group.id}-rules .hb-rules__heading }}", ""]
    for topic in group.topics:
        out += [f'<p class="hb-topic" id="{guide_id}-{group.id}-{topic.id}"><strong>{markup.text(topic.title)}'
                "</strong></p>", ""]
        out += [rule_item(ctx, guide_id, audience, c) for c in topic.clauses]
        out.append("")
    out += ["</details>", ""]
    return "\n".join(out)


def adults(ctx: RenderContext, group) -> str:
    """The people a reader can tell, each named with what they do."""
    if not group.adults:
        return ""
    items = [f'<li class="hb-adult">{_icon(a.icon)}<strong>{ctx.words(a.name)}</strong> '
             f"<span>{ctx.words(a.does)}</span></li>" for a in group.adults]
    return '<ul class="hb-adults">\n' + "\n".join(items) + "\n</ul>\n"


def guide(ctx: RenderContext, guide_id: str) -> str:
    record = ctx.policy.guides[guide_id]
    asked = {q.id: q for q in questions_for(ctx, record.audience)}
    out = [first_view(ctx, guide_id)]
    for group in record.groups:
        out.append(f"## {_icon(group.icon)}{markup.text(group.title)} {{ #{guide_id}-{group.id} }}\n")
        if group.intro:
            out.append(f"{ctx.words(group.intro)}\n")
        out.append(adults(ctx, group))
        out.extend(question_block(ctx, asked[q]) for q in group.questions if q in asked)
        if group.topics:
            out.append(rules_in_full(ctx, guide_id, group))
    return "\n".join(out)


def guide_intro(ctx: RenderContext, guide_id: str) -> str:
    intro = ctx.policy.guides[guide_id].intro
    return f'<p class="hb-lead">{ctx.words(intro)}</p>' if intro else ""


def guide_contents(ctx: RenderContext, guide_id: str) -> str:
    """A line of links to the guide's sections."""
    record = ctx.policy.guides[guide_id]
    parts = [markup.link(g.title, f"#{guide_id}-{g.id}") for g in record.groups]
    return '<p class="hb-jump" markdown="span">' + said(ctx, "Jump to: {links}", links=" · ".join(parts)) + "</p>"


WORDS_PER_MINUTE = 230  # an adult reading plain text on screen


def reading_minutes(ctx: RenderContext, guide_id: str) -> int:
    """Roughly how long the guide's answers take to read, so the page can say so honestly."""
    record = ctx.policy.guides[guide_id]
    asked = {q.id: q for q in questions_for(ctx, record.audience)}
    words = sum(len(asked[q].answer.split()) + len(asked[q].question.split())
                for group in record.groups for q in group.questions if q in asked)
    words += sum(len(ctx.policy.clauses[c].summary_for(record.audience).split())
                 for first in record.first for c in first.clauses)
    return max(1, round(words / WORDS_PER_MINUTE))
