"""The "What changed" pages: for governors (every change, word by word) and for parents (a short
plain-English summary of what concerns them). Unapproved edits, option ids and clause ids are for the
reviewer's edition only."""

from __future__ import annotations

from difflib import SequenceMatcher

from .. import markup
from ..changes import Changes, Move, Renumbered
from ..model import KIND_LABELS, long_date
from ..placeholders import fill
from ..site_map import link
from .context import RenderContext


def word_diff(old: str, new: str) -> str:
    """The new wording with the words taken out struck through and the words put in marked, so a reader
    sees what changed inside a sentence instead of two whole paragraphs. Both are plain text."""
    before, after = old.split(), new.split()
    out = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, before, after, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(markup.text(" ".join(before[i1:i2])))
            continue
        if i2 > i1:
            out.append(f'<del><span class="visually-hidden">removed: </span>{markup.text(" ".join(before[i1:i2]))}</del>')
        if j2 > j1:
            out.append(f'<ins><span class="visually-hidden">added: </span>{markup.text(" ".join(after[j1:j2]))}</ins>')
    return " ".join(out)


def _clause_name(ctx: RenderContext, clause_id: str, title: str) -> str:
    name = ctx.clause_link(clause_id) if clause_id in ctx.policy.clauses else markup.text(title)
    if ctx.shows("clause-ids"):
        name += f" <code>{markup.text(clause_id)}</code>"
    return name


def _clause_changes(ctx: RenderContext, changes: Changes) -> list[str]:
    out = []
    policy = ctx.policy
    if changes.added:
        out.append(f"### New ({len(changes.added)}) {{ #{_anchor(changes, 'new')} }}\n")
        for clause_id in changes.added:
            clause = policy.clauses.get(clause_id)
            if clause:
                out.append(f"- {_clause_name(ctx, clause_id, clause.title)}: {ctx.clause_text(clause)}")
        out.append("")
    if changes.reworded:
        out.append(f"### Reworded ({len(changes.reworded)}) {{ #{_anchor(changes, 'reworded')} }}\n")
        out.append("Words taken out are struck through; words put in are underlined.\n")
        for item in changes.reworded:
            kind_note = "" if item.old_kind == item.new_kind else \
                (f" (was *{KIND_LABELS.get(item.old_kind, item.old_kind)}*, "
                 f"now *{KIND_LABELS.get(item.new_kind, item.new_kind)}*)")
            out += ['<div class="change" markdown>', "", f"**{_clause_name(ctx, item.clause_id, item.title)}**{kind_note}", "",
                    f'<p class="change-words">{word_diff(fill(item.old_text, ctx.values), fill(item.new_text, ctx.values))}</p>',
                    "", "</div>", ""]
    if changes.removed:
        out.append(f"### Taken out ({len(changes.removed)}) {{ #{_anchor(changes, 'removed')} }}\n")
        for clause_id, old in changes.removed:
            name = f"*{markup.text(old.get('title', clause_id))}*"
            if ctx.shows("clause-ids"):
                name += f" <code>{markup.text(clause_id)}</code>"
            out.append(f"- {name}: {ctx.words(old.get('text', ''))}")
        out.append("")
    out += _renumbered(ctx, changes)
    return out


def _moved_clause(ctx: RenderContext, item: Renumbered) -> str:
    """7.3 → 8.3 and the clause's title, linked while the clause is in the policy."""
    title = (markup.link(fill(item.title, ctx.values), link("clause", item.clause_id))
             if item.clause_id in ctx.policy.clauses else ctx.words(item.title))
    return f"{item.old} → {item.new} {title}"


def _move(ctx: RenderContext, move: Move) -> str:
    if not move.sections and len(move.clauses) == 1:
        return f"- {_moved_clause(ctx, move.clauses[0])}"
    head, moved = move.parts()  # section titles come filled; escaped here like every data text
    if head:
        return f"- **{markup.text(head)}:** {markup.text(moved)}."
    return f"- **{markup.text(moved)}.**"


def _renumbered(ctx: RenderContext, changes: Changes) -> list[str]:
    """Governors cite clauses by number, so a clause whose number moved is listed: each group that moved
    together in a line, then every clause, old number → new number."""
    if not changes.renumbered and not (changes.numbers_partial and ctx.reviewer):
        return []  # nothing moved; that some old numbers are unknown is for the reviewer only
    count = f" ({len(changes.renumbered)})" if changes.renumbered else ""
    out = [f"### Renumbered{count} {{ #{_anchor(changes, 'renumbered')} }}\n"]
    if changes.renumbered:
        out.append("These clauses have a new number, because a section or clause was added or taken out before "
                   "them (any change to their wording is listed above).\n")
        out += [_move(ctx, move) for move in changes.moves]
        out += ["", '<details class="renumbered" markdown>',
                "<summary>Every renumbered clause: old number → new number</summary>", ""]
        out += [f"- {_moved_clause(ctx, item)}" for item in changes.renumbered]
        out += ["", "</details>", ""]
    else:
        out.append("No renumbered clause was found.\n")
    if changes.numbers_note:
        out.append(f'<p class="change-note">{markup.text(changes.numbers_note)}</p>\n')
    return out


def _anchor(changes: Changes, what: str) -> str:
    return f"v{changes.old_version}-{changes.new_version}-{what}".replace(".", "-")


def option_change(ctx: RenderContext, name: str, old: str, new: str) -> str:
    """An option change in words, from what options.yml says each option and value means."""
    option = next((o for o in ctx.policy.option_records if o.id == name), None)
    if option is None:
        return f"- {markup.text(name)}: {markup.text(old)} → {markup.text(new)}"
    meaning = {v.id: v.means for v in option.values}
    before, after = meaning.get(old, old), meaning.get(new, new)
    line = (f"- **{ctx.words(option.means)}** Now: {ctx.words(after)} "
            f"<span class=\"change-before\">(Before: {ctx.words(before)})</span>")
    if ctx.shows("option-ids"):
        line += f" <code>{markup.text(name)}: {markup.text(old)} → {markup.text(new)}</code>"
    return line


def _people_change(ctx: RenderContext, key: str, old: str, new: str) -> str:
    roles = [r.name for r in ctx.policy.roles.values() if r.person == key]
    role = roles[0] if roles else key.replace("_", " ").capitalize()
    if not new:
        return f"- {markup.text(role)}: no longer named (was {markup.text(old)})."
    return f"- {markup.text(role)}: now **{markup.text(new)}**" + (f" (was {markup.text(old)})." if old else ".")


def _changes_block(ctx: RenderContext, changes: Changes) -> str:
    if changes.empty:
        return "No changes.\n"
    out = _clause_changes(ctx, changes)
    if changes.options:
        out.append(f"### The school's choices ({len(changes.options)}) {{ #{_anchor(changes, 'options')} }}\n")
        out += [option_change(ctx, *change) for change in changes.options]
        out.append("")
    if changes.people:
        out.append(f"### Named people ({len(changes.people)}) {{ #{_anchor(changes, 'people')} }}\n")
        out += [_people_change(ctx, *change) for change in changes.people]
        out.append("")
    return "\n".join(out)


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def for_families(ctx: RenderContext, changes: Changes, audience: str) -> str:
    """A short plain-English summary: how many things changed for this reader, then each one as the
    plain-English summary the data keeps for them, linked to the clause."""
    policy = ctx.policy
    mine = changes.for_audience(audience)
    shown = {c for c in mine.added} | {r.clause_id for r in mine.reworded}
    # A changed choice that shapes their clauses, unless a clause it reworded is listed already.
    options = [name for name, _, _ in changes.options
               if any(c.option == name and audience in c.audiences for c in policy.all_clauses())
               and not any(policy.clauses[c].option == name for c in shown if c in policy.clauses)]
    total = len(mine.added) + len(mine.reworded) + len(mine.removed) + len(options)
    if not total:
        return "Nothing in this version changes what the policy says to you.\n"
    out = [f"Version {markup.text(mine.new_version)}, approved {long_date(policy.approved_on)}, changes "
           f"{_count(total, 'thing', 'things')} that concern you. This is what the policy says now:\n"]
    for clause_id in mine.added:
        clause = policy.clauses.get(clause_id)
        if clause:
            out.append(f"- **New:** {ctx.clause_text(clause, audience)} ({ctx.clause_link(clause_id, with_title=False)})")
    for item in mine.reworded:
        clause = policy.clauses.get(item.clause_id)
        if clause:
            out.append(f"- **Changed:** {ctx.clause_text(clause, audience)} "
                       f"({ctx.clause_link(item.clause_id, with_title=False)})")
    for _, old in mine.removed:
        out.append(f"- **No longer in the policy:** {markup.text(old.get('title', ''))}.")
    meaning = {o.id: {v.id: v.means for v in o.values} for o in policy.option_records}
    for name, _, new in changes.options:
        if name in options:
            out.append(f"- **Changed:** {ctx.words(meaning.get(name, {}).get(new, new))}")
    out.append("")
    return "\n".join(out)


def what_changed(ctx: RenderContext, audience: str | None = None) -> str:
    since, in_force = ctx.changes
    out = []
    if audience is None and ctx.shows("unapproved-changes"):
        out.append(f"## Changes since version {markup.text(ctx.policy.version)} was approved {{ #since-approval }}\n")
        if since is None:
            out.append("No snapshot of the approved version is stored yet: run `python -m macros snapshot` "
                       "when governors approve the policy.\n")
        else:
            out.append("Edits made in the current review, not yet approved.\n")
            out.append(_changes_block(ctx, since))
    if in_force is None:
        out.append("There is no earlier approved version to compare with.\n")
        return "\n".join(out)
    version = in_force.new_version
    anchor = f"version-{version.replace('.', '-')}"
    if audience is None:
        out.append(f"## What changed in version {markup.text(version)} {{ #{anchor} }}\n")
        out.append(f"Compared with version {markup.text(in_force.old_version)}.\n")
        out.append(_changes_block(ctx, in_force))
    else:
        out.append(f"## What changed for you in version {markup.text(version)} {{ #{anchor} }}\n")
        out.append(for_families(ctx, in_force, audience))
    return "\n".join(out)
