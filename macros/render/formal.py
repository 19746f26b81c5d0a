"""The full policy as a policy reads: numbered sections, numbered clauses with their wording, links both ways."""

from __future__ import annotations

from .. import markup
from ..model import Clause
from ..site_map import link
from .context import RenderContext
from .words import said

def clause_heading(clause: Clause, level: int = 3) -> str:
    return f"{'#' * level} {clause.number} {markup.text(clause.title)} {{ #{clause.id} .clause-heading }}"


def _refs_line(ctx: RenderContext, clause: Clause) -> str:
    """The references a reader of the policy follows: other clauses, law and guidance, related policies."""
    policy = ctx.policy
    parts = []
    see = [ctx.clause_link(c, with_title=False) for c in clause.refs.clauses]
    if see:
        parts.append(said(ctx, "See also {clauses}", clauses=markup.join(see)))
    laws = [markup.link(policy.legislation[law].title, link("legislation", law)) for law in clause.refs.legislation]
    if laws:
        parts.append(said(ctx, "Law and guidance: {laws}", laws=markup.join(laws)))
    related = [markup.link(policy.related_policies[p].title, link("policy-link", p)) for p in clause.refs.policies]
    if related:
        parts.append(said(ctx, "Related policies: {policies}", policies=markup.join(related)))
    return ". ".join(parts) + "." if parts else ""


def _backlinks_line(ctx: RenderContext, clause: Clause) -> str:
    """Guides, quizzes, checklists and clauses that point here (the roles are on the roles page)."""
    backlinks = [b for b in ctx.incoming.get(clause.id, []) if b.kind != "role"]
    if not backlinks:
        return ""
    return said(ctx, "Referred to from: {places}", places=markup.join([markup.link(b.label, b.target) for b in backlinks]))


def clause_block(ctx: RenderContext, clause: Clause) -> str:
    """A clause as a policy states it: its number and title (the permanent link), then its wording.
    Ids, duties, platforms and sources are for the reviewer, on the clause register."""
    parts = [clause_heading(clause), "", f'<div class="clause" markdown>', "", ctx.clause_text(clause), ""]
    refs = _refs_line(ctx, clause)
    if refs:
        parts += [f'<p class="clause-links" markdown>{refs}</p>', ""]
    backlinks = _backlinks_line(ctx, clause)
    if backlinks:  # a separate block, left out of the printed policy
        parts += [f'<p class="clause-backlinks" markdown>{backlinks}</p>', ""]
    if clause.keywords:  # found by search, never shown or read out
        parts += [f'<p class="clause-keywords" hidden>{", ".join(markup.text(k) for k in clause.keywords)}</p>', ""]
    parts += ["</div>", ""]
    return "\n".join(parts)


def formal_policy(ctx: RenderContext) -> str:
    out = []
    for section in ctx.policy.sections:
        out.append(f"## {section.number}. {markup.text(section.title)} {{ #{section.id} }}\n")
        if section.description:
            out.append(f'<p class="section-description">{ctx.words(section.description)}</p>\n')
        out.extend(clause_block(ctx, clause) for clause in section.clauses)
    return "\n".join(out)


def contents(ctx: RenderContext) -> str:
    """A numbered list of sections with their clause counts."""
    lines = []
    for section in ctx.policy.sections:
        lines.append(f"{section.number}. {markup.link(section.title, f'policy.md#{section.id}')} "
                     + said(ctx, "({count} clauses)", count=len(section.clauses)))
    return "\n".join(lines)
