"""Roles and responsibilities: each role's duties, and a matrix of duty × role."""

from __future__ import annotations

from .. import markup
from ..site_map import anchor, link
from .context import RenderContext


def role_title(role) -> str:
    """A role's name with its abbreviation: "Designated Safeguarding Lead (DSL)"."""
    return role.name + (f" ({role.abbr})" if role.abbr else "")


def role_duties(ctx: RenderContext) -> str:
    policy = ctx.policy
    out = []
    for role_id, role in policy.roles.items():
        out.append(f"### {markup.text(role_title(role))} {{ #{anchor('role', role_id)} }}\n")
        out.append(ctx.words(role.description or "") + "\n")
        person = policy.holder(role)
        if person:
            out.append(f"**In this school:** {ctx.words(person.name)}, {ctx.words(person.role or '')}\n")
        duties = policy.duties(role_id)
        out.append(f"**Duties ({len(duties)}):**\n")
        out.extend(f"- {ctx.clause_link(c.id)}" for c in duties)
        out.append("")
    return "\n".join(out)


def role_matrix(ctx: RenderContext) -> str:
    """One table per section: a row per clause, a column per role, a tick where the role is responsible."""
    policy = ctx.policy
    role_ids = list(policy.roles)
    heads = []
    for role_id in role_ids:
        role = policy.roles[role_id]
        heads.append(f'<abbr title="{markup.attribute(role.name)}">{markup.text(role.abbr)}</abbr>'
                     if role.abbr else markup.text(role.name))
    out = []
    for section in policy.sections:
        out.append(f"### {section.number}. {markup.text(section.title)} {{ #matrix-{section.id} }}\n")
        out.append("| Duty | " + " | ".join(heads) + " |")
        out.append("|---|" + "|".join(":-:" for _ in role_ids) + "|")
        for clause in section.clauses:
            cells = ['<span class="tick" role="img" aria-label="responsible">✓</span>' if r in clause.roles else ""
                     for r in role_ids]
            out.append(f"| {ctx.clause_link(clause.id)} | " + " | ".join(cells) + " |")
        out.append("")
    return "\n".join(out)


def role_summary_table(ctx: RenderContext) -> str:
    policy = ctx.policy
    out = ["| Role | Duties | Named person |", "|---|--:|---|"]
    for role_id, role in policy.roles.items():
        count = len(policy.duties(role_id))
        person = policy.holder(role).name if policy.holder(role) else ""
        out.append(f"| {markup.link(role.name, link('role', role_id))} | {count} | {ctx.words(person)} |")
    return "\n".join(out)
