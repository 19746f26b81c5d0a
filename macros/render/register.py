"""The clause register, for the person reviewing the policy: every clause with what the formal page
leaves out (its id, kind, audiences, option, responsible roles, platforms, sources, search words)."""

from __future__ import annotations

from .. import markup
from ..model import AUDIENCES, KIND_LABELS, Clause
from ..site_map import link
from .context import RenderContext
from .words import said

AUDIENCE_LABELS = {"staff": "Staff", "parents": "Parents and carers", "pupils": "Pupils"}


def _entry(ctx: RenderContext, clause: Clause) -> str:
    """One list item per clause: a table of seven columns does not fit a phone or even a laptop."""
    policy = ctx.policy
    readers = ", ".join(said(ctx, AUDIENCE_LABELS[a]) for a in AUDIENCES if a in clause.audiences)
    facts = [said(ctx, KIND_LABELS[clause.kind]), said(ctx, "for {readers}", readers=readers)]
    if clause.option:
        facts.append(said(ctx, "option {option}: {value}", option=f"<code>{markup.text(clause.option)}</code>",
                          value=markup.text(policy.options.get(clause.option, ""))))
    if clause.verify:
        facts.append(f"**{said(ctx, 'to be confirmed at the next review')}**")
    fields = [
        ("Responsible", markup.join([markup.link(policy.roles[r].name, link("role", r)) for r in clause.roles])),
        ("Platforms", markup.join([markup.link(policy.platforms[p].name, link("platform", p)) for p in clause.refs.platforms])),
        ("Drawn from", "; ".join(markup.text((policy.sources[s.policy].short or s.policy) + (f" {s.ref}" if s.ref else ""))
                                 for s in clause.sources if s.policy in policy.sources)),
        ("Search words", ", ".join(markup.text(k) for k in clause.keywords)),
    ]
    details = "".join(f"<br>{said(ctx, name)}: {value}" for name, value in fields if value)
    return (f"- {ctx.clause_link(clause.id)} <code>{markup.text(clause.id)}</code>  \n"
            f"  {' · '.join(facts)}{details}")


def clause_register(ctx: RenderContext) -> str:
    out = []
    for section in ctx.policy.sections:
        out += [f"## {section.number}. {markup.text(section.title)} {{ #register-{section.id} }}", ""]
        out += [_entry(ctx, clause) for clause in section.clauses]
        out.append("")
    return "\n".join(out)


def source_map(ctx: RenderContext) -> str:
    """Each published policy the model was drawn from, with the clauses that came from it: where a rule
    came from is for the reviewer, never under a clause of the school's formal policy."""
    policy = ctx.policy
    if not policy.sources:
        return (said(ctx, "The policy names no sources: {setting} in {file}.", setting="`sources: dropped`",
                     file="`policy_data/policy.yml`") if not policy.keeps_sources else "")
    drawn: dict[str, list[str]] = {source_id: [] for source_id in policy.sources}
    for clause in policy.all_clauses():
        for source in clause.sources:
            if source.policy in drawn:
                drawn[source.policy].append(ctx.clause_link(clause.id, with_title=False))
    out = []
    for source_id, source in policy.sources.items():
        clauses = drawn[source_id]
        described = (said(ctx, "{title}, a {kind}.", title=markup.text(source.title), kind=markup.text(source.kind))
                     if source.kind else f"{markup.text(source.title)}.")
        listed = said(ctx, "{count} clause: {clauses}." if len(clauses) == 1 else "{count} clauses: {clauses}.",
                      count=len(clauses), clauses=", ".join(clauses) or said(ctx, "none"))
        out += [f"### {markup.text(source.short or source_id)} {{ #source-{source_id} }}", "", f"{described} {listed}", ""]
    return "\n".join(out)
