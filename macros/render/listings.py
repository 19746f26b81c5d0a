"""Smaller reference pages: related policies, do's and don'ts, glossary, platforms."""

from __future__ import annotations

from .. import markup
from ..site_map import anchor
from .context import RenderContext
from .words import said


def related_policies(ctx: RenderContext) -> str:
    out = []
    for policy_id, record in ctx.policy.related_policies.items():
        out.append(f"### {markup.text(record.title)} {{ #{anchor('policy-link', policy_id)} }}\n")
        if record.note:
            out.append(ctx.words(record.note) + "\n")
        if record.url:
            out.append(markup.external_link(ctx.say("Read the policy"), record.url) + "\n")
        cited = [c for c in ctx.policy.all_clauses() if policy_id in c.refs.policies]
        if cited:
            out.append(f"**{said(ctx, 'Referred to in:')}** " + markup.join([ctx.clause_link(c.id) for c in cited]) + "\n")
    return "\n".join(out)


def dos_and_donts(ctx: RenderContext, which: str) -> str:
    items = ctx.policy.dos if which == "dos" else ctx.policy.donts
    kind = "do" if which == "dos" else "dont"
    out = []
    for record in items:
        refs = markup.join([ctx.clause_link(c, with_title=False) for c in record.clauses])
        out.append(f'- <span id="{anchor(kind, record.id)}">{ctx.words(record.text)}</span> '
                   f"<small>{said(ctx, '(clause {clauses})', clauses=refs)}</small>")
    return "\n".join(out)


def glossary(ctx: RenderContext) -> str:
    out = []
    for term in sorted(ctx.policy.glossary, key=lambda t: t.term.lower()):
        name = term.term + (f" ({term.abbr})" if term.abbr else "")
        out.append(f"### {markup.text(name)} {{ #{anchor('term', term.id)} }}\n")
        out.append(ctx.words(term.definition) + "\n")
    return "\n".join(out)


def abbreviations(ctx: RenderContext) -> str:
    """Definitions for the abbr extension, appended to every page so SLT, DSL... expand on hover."""
    expansions = {term.abbr: term.term for term in ctx.policy.glossary if term.abbr}
    for role in ctx.policy.roles.values():
        if role.abbr:
            expansions.setdefault(role.abbr, role.name)
    # The abbr extension reads the expansion as plain text up to the end of the line: escape it like
    # any data text. Abbreviations themselves are letters and digits (the schemas say so).
    lines = [f"*[{abbr}]: {markup.text(expansion)}" for abbr, expansion in expansions.items()]
    return "\n".join(lines)


def platforms(ctx: RenderContext) -> str:
    policy = ctx.policy
    accounts = policy.profile.accounts
    out = []
    for platform_id, record in policy.platforms.items():
        name = record.name + (" " + ctx.say("(formerly {name})", name=record.formerly) if record.formerly else "")
        out.append(f"## {markup.text(name)} {{ #{anchor('platform', platform_id)} }}\n")
        facts = [f"**{said(ctx, 'Kind:')}** {markup.text(ctx.say(record.kind))}"]
        if record.minimum_age is not None:
            facts.append(f"**{said(ctx, 'Minimum age:')}** {int(record.minimum_age)}")
        facts.append(f"**{said(ctx, 'Facts checked:')}** {markup.text(record.facts_checked)}")
        out.append(" · ".join(facts) + "\n")
        out.extend(f"- {ctx.words(fact)}" for fact in record.facts)
        out.append("")
        account = accounts.get(record.school_account or "")
        if account:
            label = account.handle or account.name or account.url
            heading = said(ctx, "The school's account:")
            out.append(f"**{heading}** {markup.external_link(label, account.url)}\n")
        elif record.school_account:  # the group's protocol for an account this school does not have
            out.append(said(ctx, "The school has no {platform} account.", platform=markup.text(record.name)) + "\n")
        for side, title in (("school", "How the school uses its account"), ("users", "Rules for everyone who follows or uses it")):
            clause_ids = getattr(record.protocol, side)
            if not clause_ids or (record.school_account and not account):
                continue
            out.append(f"### {said(ctx, title)} {{ #platform-{platform_id}-{side} }}\n")
            for clause_id in clause_ids:
                clause = policy.clauses[clause_id]
                out.append(f"- {ctx.clause_text(clause)} ({ctx.clause_link(clause_id, with_title=False)})")
            out.append("")
        cited = [c for c in policy.all_clauses() if platform_id in c.refs.platforms]
        if cited:
            out.append(f"**{said(ctx, 'Mentioned in:')}** " + markup.join([ctx.clause_link(c.id) for c in cited]) + "\n")
    return "\n".join(out)
