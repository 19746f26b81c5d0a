"""The "What changed" pages: for governors (every change, word by word) and for parents (a short
plain-English summary of what concerns them). Unapproved edits, option ids and clause ids are for the
reviewer's edition only."""

from __future__ import annotations

from difflib import SequenceMatcher

from .. import markup
from ..changes import Changes, Move, Renumbered
from ..model import KIND_LABELS
from ..placeholders import fill
from ..site_map import link
from .context import RenderContext
from .words import date, said


def word_diff(old: str, new: str, ctx: RenderContext | None = None) -> str:
    """The new wording with the words taken out struck through and the words put in marked, so a reader
    sees what changed inside a sentence instead of two whole paragraphs. Both are plain text."""
    removed, added = (said(ctx, "removed:"), said(ctx, "added:")) if ctx else ("removed:", "added:")
    before, after = old.split(), new.split()
    out = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, before, after, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(markup.text(" ".join(before[i1:i2])))
            continue
        if i2 > i1:
            out.append(f'<del><span class="visually-hidden">{removed} </span>{markup.text(" ".join(before[i1:i2]))}</del>')
        if j2 > j1:
            out.append(f'<ins><span class="visually-hidden">{added} </span>{markup.text(" ".join(after[j1:j2]))}</ins>')
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
        out.append(f"### {said(ctx, 'New ({count})', count=len(changes.added))} {{ #{_anchor(changes, 'new')} }}\n")
        for clause_id in changes.added:
            clause = policy.clauses.get(clause_id)
            if clause:
                out.append(f"- {_clause_name(ctx, clause_id, clause.title)}: {ctx.clause_text(clause)}")
        out.append("")
    if changes.reworded:
        out.append(f"### {said(ctx, 'Reworded ({count})', count=len(changes.reworded))} "
                   f"{{ #{_anchor(changes, 'reworded')} }}\n")
        out.append(said(ctx, "Words taken out are struck through; words put in are underlined.") + "\n")
        for item in changes.reworded:
            kind_note = "" if item.old_kind == item.new_kind else \
                " " + said(ctx, "(was {old}, now {new})", old=f"*{_kind(ctx, item.old_kind)}*",
                           new=f"*{_kind(ctx, item.new_kind)}*")
            out += ['<div class="change" markdown>', "", f"**{_clause_name(ctx, item.clause_id, item.title)}**{kind_note}", "",
                    f'<p class="change-words">{word_diff(fill(item.old_text, ctx.values), fill(item.new_text, ctx.values), ctx)}</p>',
                    "", "</div>", ""]
    if changes.removed:
        out.append(f"### {said(ctx, 'Taken out ({count})', count=len(changes.removed))} "
                   f"{{ #{_anchor(changes, 'removed')} }}\n")
        for clause_id, old in changes.removed:
            name = f"*{markup.text(old.get('title', clause_id))}*"
            if ctx.shows("clause-ids"):
                name += f" <code>{markup.text(clause_id)}</code>"
            out.append(f"- {name}: {ctx.words(old.get('text', ''))}")
        out.append("")
    out += _renumbered(ctx, changes)
    return out


def _kind(ctx: RenderContext, kind: str) -> str:
    """A clause's kind as the policy names it: Must, Should, Information."""
    return said(ctx, KIND_LABELS[kind]) if kind in KIND_LABELS else kind


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
    heading = said(ctx, "Renumbered ({count})", count=len(changes.renumbered)) if changes.renumbered else \
        said(ctx, "Renumbered")
    out = [f"### {heading} {{ #{_anchor(changes, 'renumbered')} }}\n"]
    if changes.renumbered:
        out.append(said(ctx, "These clauses have a new number, because a section or clause was added or taken out "
                        "before them (any change to their wording is listed above).") + "\n")
        out += [_move(ctx, move) for move in changes.moves]
        out += ["", '<details class="renumbered" markdown>',
                f"<summary>{said(ctx, 'Every renumbered clause: old number → new number')}</summary>", ""]
        out += [f"- {_moved_clause(ctx, item)}" for item in changes.renumbered]
        out += ["", "</details>", ""]
    else:
        out.append(said(ctx, "No renumbered clause was found.") + "\n")
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
    line = (f"- **{ctx.words(option.means)}** {said(ctx, 'Now: {choice}', choice=ctx.words(after))} "
            f"<span class=\"change-before\">{said(ctx, '(Before: {choice})', choice=ctx.words(before))}</span>")
    if ctx.shows("option-ids"):
        line += f" <code>{markup.text(name)}: {markup.text(old)} → {markup.text(new)}</code>"
    return line


def _people_change(ctx: RenderContext, key: str, old: str, new: str) -> str:
    roles = [r.name for r in ctx.policy.roles.values() if r.person == key]
    role = roles[0] if roles else key.replace("_", " ").capitalize()
    if not new:
        return f"- {markup.text(role)}: " + said(ctx, "no longer named (was {name}).", name=markup.text(old))
    return f"- {markup.text(role)}: " + (said(ctx, "now {name} (was {old}).", name=f"**{markup.text(new)}**",
                                              old=markup.text(old)) if old else
                                         said(ctx, "now {name}.", name=f"**{markup.text(new)}**"))


def _changes_block(ctx: RenderContext, changes: Changes) -> str:
    if changes.empty:
        return said(ctx, "No changes.") + "\n"
    out = _clause_changes(ctx, changes)
    if changes.options:
        heading = said(ctx, "The school's choices ({count})", count=len(changes.options))
        out.append(f"### {heading} {{ #{_anchor(changes, 'options')} }}\n")
        out += [option_change(ctx, *change) for change in changes.options]
        out.append("")
    if changes.people:
        out.append(f"### {said(ctx, 'Named people ({count})', count=len(changes.people))} "
                   f"{{ #{_anchor(changes, 'people')} }}\n")
        out += [_people_change(ctx, *change) for change in changes.people]
        out.append("")
    return "\n".join(out)


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
        return said(ctx, "Nothing in this version changes what the policy says to you.") + "\n"
    out = [said(ctx, "Version {version}, approved {date}, changes 1 thing that concerns you. This is what the policy "
                     "says now:" if total == 1 else
                "Version {version}, approved {date}, changes {count} things that concern you. This is what the "
                "policy says now:", version=markup.text(mine.new_version), date=date(ctx, policy.approved_on),
                count=total) + "\n"]
    new, changed = said(ctx, "New:"), said(ctx, "Changed:")
    for clause_id in mine.added:
        clause = policy.clauses.get(clause_id)
        if clause:
            out.append(f"- **{new}** {ctx.clause_text(clause, audience)} ({ctx.clause_link(clause_id, with_title=False)})")
    for item in mine.reworded:
        clause = policy.clauses.get(item.clause_id)
        if clause:
            out.append(f"- **{changed}** {ctx.clause_text(clause, audience)} "
                       f"({ctx.clause_link(item.clause_id, with_title=False)})")
    for _, old in mine.removed:
        out.append(f"- **{said(ctx, 'No longer in the policy:')}** {markup.text(old.get('title', ''))}.")
    meaning = {o.id: {v.id: v.means for v in o.values} for o in policy.option_records}
    for name, _, new in changes.options:
        if name in options:
            out.append(f"- **{changed}** {ctx.words(meaning.get(name, {}).get(new, new))}")
    out.append("")
    return "\n".join(out)


def what_changed(ctx: RenderContext, audience: str | None = None) -> str:
    since, in_force = ctx.changes
    out = []
    if audience is None and ctx.shows("unapproved-changes"):
        out.append(f"## {said(ctx, 'Changes since version {version} was approved', version=markup.text(ctx.policy.version))}"
                   " { #since-approval }\n")
        if since is None:
            out.append(said(ctx, "No snapshot of the approved version is stored yet: run {command} when governors "
                                 "approve the policy.", command="`python -m macros snapshot`") + "\n")
        else:
            out.append(said(ctx, "Edits made in the current review, not yet approved.") + "\n")
            out.append(_changes_block(ctx, since))
    if in_force is None:
        out.append(said(ctx, "There is no earlier approved version to compare with.") + "\n")
        return "\n".join(out)
    version = in_force.new_version
    anchor = f"version-{version.replace('.', '-')}"
    if audience is None:
        out.append(f"## {said(ctx, 'What changed in version {version}', version=markup.text(version))} {{ #{anchor} }}\n")
        out.append(said(ctx, "Compared with version {version}.", version=markup.text(in_force.old_version)) + "\n")
        out.append(_changes_block(ctx, in_force))
    else:
        out.append(f"## {said(ctx, 'What changed for you in version {version}', version=markup.text(version))} "
                   f"{{ #{anchor} }}\n")
        out.append(for_families(ctx, in_force, audience))
    return "\n".join(out)
