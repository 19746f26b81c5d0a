"""The full policy: numbered sections, one anchored heading per clause, links both ways."""

from __future__ import annotations

from .. import markup
from ..model import KIND_LABELS, AUDIENCES, Clause
from ..site_map import link
from .context import RenderContext

AUDIENCE_LABELS = {"staff": "Staff", "parents": "Parents and carers", "pupils": "Pupils"}


def clause_heading(clause: Clause, level: int = 3) -> str:
    return f"{'#' * level} {clause.number} {markup.text(clause.title)} {{ #{clause.id} .clause-heading }}"


def _refs_line(ctx: RenderContext, clause: Clause) -> list[str]:
    policy = ctx.policy
    refs = clause.refs
    lines = []
    roles = [markup.link(policy.roles[r].name, link("role", r)) for r in clause.roles]
    if roles:
        lines.append(f"**Responsible:** {markup.join(roles)}")
    see = [ctx.clause_link(c) for c in refs.clauses]
    if see:
        lines.append(f"**See also:** {markup.join(see)}")
    laws = [markup.link(policy.legislation[law].title, link("legislation", law)) for law in refs.legislation]
    if laws:
        lines.append(f"**Law and guidance:** {markup.join(laws)}")
    related = [markup.link(policy.related_policies[p].title, link("policy-link", p)) for p in refs.policies]
    if related:
        lines.append(f"**Related policies:** {markup.join(related)}")
    platforms = [markup.link(policy.platforms[p].name, link("platform", p)) for p in refs.platforms]
    if platforms:
        lines.append(f"**Platforms:** {markup.join(platforms)}")
    return lines


def _backlinks_line(ctx: RenderContext, clause: Clause) -> str:
    """Guides, quizzes, checklists and clauses that point here (the roles are shown as "Responsible")."""
    backlinks = [b for b in ctx.incoming.get(clause.id, []) if b.kind != "role"]
    if not backlinks:
        return ""
    return "**Referred to from:** " + markup.join([markup.link(b.label, b.target) for b in backlinks])


def _sources_line(ctx: RenderContext, clause: Clause) -> str:
    parts = []
    for source in clause.sources:
        record = ctx.policy.sources[source.policy]
        parts.append(markup.text((record.short or source.policy) + (f" ({source.ref})" if source.ref else "")))
    return f"**Drawn from:** {'; '.join(parts)}" if parts else ""


def clause_block(ctx: RenderContext, clause: Clause) -> str:
    audiences = ", ".join(AUDIENCE_LABELS[a] for a in AUDIENCES if a in clause.audiences)
    meta = [f'<strong class="clause-kind clause-kind--{clause.kind}">{KIND_LABELS.get(clause.kind, clause.kind)}</strong>',
            f"For: {audiences}", f'Clause id: <code>{markup.text(clause.id)}</code>']
    if clause.option:
        chosen = ctx.policy.options.get(clause.option, "")
        meta.append(f"School option: <code>{markup.text(clause.option)}: {markup.text(chosen)}</code>")
    if clause.verify:
        meta.append('<span class="clause-verify">To be confirmed at the next review</span>')
    details = _refs_line(ctx, clause)
    sources = _sources_line(ctx, clause)
    if sources:
        details.append(sources)
    keywords = ", ".join(markup.text(k) for k in clause.keywords)
    parts = [
        clause_heading(clause),
        "",
        f'<div class="clause clause--{clause.kind}" markdown>',
        "",
        f'<p class="clause-meta">{" · ".join(meta)}</p>',
        "",
        ctx.clause_text(clause),
        "",
        '<div class="clause-links" markdown>',
        "",
        "  \n".join(details),
        "",
        "</div>",
    ]
    backlinks = _backlinks_line(ctx, clause)
    if backlinks:  # a separate block, left out of the printed policy
        parts += ["", f'<p class="clause-backlinks" markdown>{backlinks}</p>']
    if keywords:
        parts += ["", f'<p class="clause-keywords">Search words: {keywords}</p>']
    parts += ["", "</div>", ""]
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
                     f"({len(section.clauses)} clauses)")
    return "\n".join(lines)
