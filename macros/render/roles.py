"""Roles and responsibilities: a card per role, and the matrix of duty × role as an appendix."""

from __future__ import annotations

from .. import markup
from ..site_map import anchor, link
from .context import RenderContext
from .words import said


def role_title(role) -> str:
    """A role's name with its abbreviation: "Designated Safeguarding Lead (DSL)"."""
    return role.name + (f" ({role.abbr})" if role.abbr else "")


def role_duties(ctx: RenderContext) -> str:
    """A card per role: who holds it in this school, what the role does in three to six plain
    sentences (roles.yml `does`), and how many clauses give it a duty (the matrix lists them)."""
    policy = ctx.policy
    out = ['<div class="grid cards role-cards" markdown>', ""]
    for role_id, role in policy.roles.items():
        out.append(f"-   ### {markup.text(role_title(role))} {{ #{anchor('role', role_id)} }}\n")
        person = policy.holder(role)
        if person:
            out.append(f'    <p class="role-holder"><strong>{ctx.words(person.name)}</strong>'
                       f"{', ' + ctx.words(person.role) if person.role else ''}</p>\n")
        sentences = role.does or [role.description]
        out.extend(f"    - {ctx.words(sentence)}" for sentence in sentences)
        count = len(policy.duties(role_id))
        if count:
            named = said(ctx, "Named in {count} clause of the policy." if count == 1 else
                         "Named in {count} clauses of the policy.", count=count)
            out.append(f'\n    <p class="role-count">{named}</p>')
        out.append("")
    out += ["</div>", ""]
    return "\n".join(out)


def role_matrix(ctx: RenderContext) -> str:
    """One table per section: a row per clause, a column per role, a tick where the role is responsible.
    Each table scrolls sideways in its own labelled region, so a phone's page never does. Columns are
    centred by the style sheet, not by Markdown's alignment: that would put a style on each of 2,600 cells."""
    policy = ctx.policy
    role_ids = list(policy.roles)
    heads = []
    for role_id in role_ids:
        role = policy.roles[role_id]
        # The abbreviation alone: the abbreviations every page carries expand it (an <abbr> written here
        # would be wrapped in a second one).
        heads.append(markup.text(role.abbr or role.name))
    out = []
    for section in policy.sections:
        title = f"{section.number}. {section.title}"
        out.append(f"### {markup.text(title)} {{ #matrix-{section.id} }}\n")
        out.append(f'<div class="role-matrix" role="region" tabindex="0" '
                   f'aria-label="{markup.attribute(ctx.say("Duties by role: {section}", section=title))}" markdown>\n')
        out.append(f"| {said(ctx, 'Clause')} | " + " | ".join(heads) + " |")
        out.append("|---|" + "|".join("---" for _ in role_ids) + "|")
        tick = f'<span class="tick" role="img" aria-label="{said(ctx, "responsible")}">✓</span>'
        for clause in section.clauses:
            cells = [tick if r in clause.roles else ""
                     for r in role_ids]
            out.append(f"| {ctx.clause_link(clause.id)} | " + " | ".join(cells) + " |")
        out += ["", "</div>", ""]
    return "\n".join(out)


def role_summary_table(ctx: RenderContext) -> str:
    policy = ctx.policy
    out = [f"| {said(ctx, 'Role')} | {said(ctx, 'Duties')} | {said(ctx, 'Named person')} |", "|---|--:|---|"]
    for role_id, role in policy.roles.items():
        count = len(policy.duties(role_id))
        person = policy.holder(role).name if policy.holder(role) else ""
        out.append(f"| {markup.link(role.name, link('role', role_id))} | {count} | {ctx.words(person)} |")
    return "\n".join(out)
