"""The "What changed" pages: for reviewers (everything) and for parents (what concerns them)."""

from __future__ import annotations

from .. import markup
from ..changes import Changes
from ..model import KIND_LABELS
from .context import RenderContext


def _clause_changes(ctx: RenderContext, changes: Changes, audience: str | None) -> list[str]:
    out = []
    policy = ctx.policy
    if changes.added:
        out.append(f"**New rules ({len(changes.added)})**\n")
        for clause_id in changes.added:
            clause = policy.clauses.get(clause_id)
            if clause:
                out.append(f"- {ctx.clause_link(clause_id)}: {ctx.clause_text(clause, audience)}")
        out.append("")
    if changes.reworded:
        out.append(f"**Reworded ({len(changes.reworded)})**\n")
        for item in changes.reworded:
            kind_note = "" if item.old_kind == item.new_kind else \
                f" (was *{KIND_LABELS.get(item.old_kind, item.old_kind)}*, now *{KIND_LABELS.get(item.new_kind, item.new_kind)}*)"
            out += ['<div class="change" markdown>', "",
                    f"{ctx.clause_link(item.clause_id) if item.clause_id in policy.clauses else markup.text(item.title)}{kind_note}",
                    "", f'<p class="change-old"><strong>Before:</strong> <del>{ctx.words(item.old_text)}</del></p>',
                    f'<p class="change-new"><strong>Now:</strong> <ins>{ctx.words(item.new_text)}</ins></p>', "",
                    "</div>", ""]
    if changes.removed:
        out.append(f"**Removed ({len(changes.removed)})**\n")
        for clause_id, old in changes.removed:
            out.append(f"- *{markup.text(old.get('title', clause_id))}* (<code>{markup.text(clause_id)}</code>): "
                       f"{ctx.words(old.get('text', ''))}")
        out.append("")
    return out


def _changes_block(ctx: RenderContext, changes: Changes, audience: str | None = None) -> str:
    if changes.empty:
        return "No changes.\n"
    out = _clause_changes(ctx, changes, audience)
    if changes.options and audience is None:
        out.append(f"**School options changed ({len(changes.options)})**\n")
        out += [f"- <code>{markup.text(n)}</code>: {markup.text(old)} → **{markup.text(new)}**" for n, old, new in changes.options]
        out.append("")
    if changes.people and audience is None:
        out.append(f"**Named people changed ({len(changes.people)})**\n")
        out += [f"- {markup.text(k.replace('_', ' '))}: {markup.text(old) or '(none)'} → **{markup.text(new) or '(none)'}**"
                for k, old, new in changes.people]
        out.append("")
    return "\n".join(out)


def what_changed(ctx: RenderContext, audience: str | None = None) -> str:
    since, in_force = ctx.changes
    out = []
    if audience is None:
        out.append(f"## Changes since version {markup.text(ctx.policy.version)} was approved {{ #since-approval }}\n")
        if since is None:
            out.append("No snapshot of the approved version is stored yet: run `python -m macros snapshot` "
                       "when governors approve the policy.\n")
        else:
            out.append("Edits made in the current review, not yet approved.\n")
            out.append(_changes_block(ctx, since))
    if in_force is None:
        out.append("There is no earlier approved version to compare with.\n")
    else:
        shown = in_force if audience is None else in_force.for_audience(audience)
        title = (f"What changed in version {in_force.new_version}" if audience is None
                 else f"What changed for you in version {in_force.new_version}")
        out.append(f"## {markup.text(title)} {{ #version-{in_force.new_version.replace('.', '-')} }}\n")
        out.append(f"Compared with version {markup.text(in_force.old_version)}.\n")
        out.append(_changes_block(ctx, shown, audience))
    return "\n".join(out)
