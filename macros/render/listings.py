"""Smaller reference pages: related policies, do's and don'ts, glossary, platforms."""

from __future__ import annotations

from .. import markup
from ..site_map import anchor
from .context import RenderContext


def related_policies(ctx: RenderContext) -> str:
    out = []
    for policy_id, (record, _) in ctx.policy.related_policies.items():
        out.append(f"### {markup.text(record['title'])} {{ #{anchor('policy', policy_id)} }}\n")
        if record.get("note"):
            out.append(ctx.words(record["note"]) + "\n")
        if record.get("url"):
            out.append(markup.external_link("Read the policy", record["url"]) + "\n")
        cited = [c for c in ctx.policy.all_clauses() if policy_id in (c.refs.get("policies") or [])]
        if cited:
            out.append("**Referred to in:** " + markup.join([ctx.clause_link(c.id) for c in cited]) + "\n")
    return "\n".join(out)


def dos_and_donts(ctx: RenderContext, which: str) -> str:
    items = ctx.policy.dos if which == "dos" else ctx.policy.donts
    kind = "do" if which == "dos" else "dont"
    out = []
    for record, _ in items:
        refs = markup.join([ctx.clause_link(c, with_title=False) for c in record.get("clauses") or []])
        out.append(f'- <span id="{anchor(kind, record["id"])}">{ctx.words(record["text"])}</span> '
                   f"<small>(clause {refs})</small>")
    return "\n".join(out)


def glossary(ctx: RenderContext) -> str:
    out = []
    for term in sorted(ctx.policy.glossary, key=lambda t: str(t.get("term", "")).lower()):
        name = term.get("term", "") + (f" ({term['abbr']})" if term.get("abbr") else "")
        out.append(f"### {markup.text(name)} {{ #{anchor('glossary', term.get('id', ''))} }}\n")
        out.append(ctx.words(term.get("definition", "")) + "\n")
    return "\n".join(out)


def abbreviations(ctx: RenderContext) -> str:
    """Definitions for the abbr extension, appended to every page so SLT, DSL... expand on hover."""
    lines = []
    for term in ctx.policy.glossary:
        if term.get("abbr"):
            lines.append(f"*[{term['abbr']}]: {' '.join(str(term.get('term', '')).split())}")
    for role_id, (role, _) in ctx.policy.roles.items():
        if role.get("abbr") and not any(t.get("abbr") == role["abbr"] for t in ctx.policy.glossary):
            lines.append(f"*[{role['abbr']}]: {role['name']}")
    return "\n".join(lines)


def platforms(ctx: RenderContext) -> str:
    policy = ctx.policy
    accounts = policy.school.get("accounts") if isinstance(policy.school.get("accounts"), dict) else {}
    out = []
    for platform_id, (record, _, _) in policy.platforms.items():
        name = record.get("name", platform_id) + (f" (formerly {record['formerly']})" if record.get("formerly") else "")
        out.append(f"## {markup.text(name)} {{ #{anchor('platform', platform_id)} }}\n")
        facts = [f"**Kind:** {markup.text(record.get('kind', ''))}"]
        if record.get("minimum_age") is not None:
            facts.append(f"**Minimum age:** {int(record['minimum_age'])}")
        facts.append(f"**Facts checked:** {markup.text(record.get('facts_checked', ''))}")
        out.append(" · ".join(facts) + "\n")
        out.extend(f"- {ctx.words(fact)}" for fact in record.get("facts") or [])
        out.append("")
        account = accounts.get(record.get("school_account") or "")
        if account:
            label = account.get("handle") or account.get("name") or account.get("url")
            out.append(f"**The school's account:** {markup.external_link(label, account['url'])}\n")
        protocol = record.get("protocol") if isinstance(record.get("protocol"), dict) else {}
        for side, title in (("school", "How the school uses its account"), ("users", "Rules for everyone who follows or uses it")):
            clause_ids = [c for c in protocol.get(side) or [] if c in policy.clauses]
            if not clause_ids:
                continue
            out.append(f"### {title} {{ #platform-{platform_id}-{side} }}\n")
            for clause_id in clause_ids:
                clause = policy.clauses[clause_id]
                out.append(f"- {ctx.clause_text(clause)} ({ctx.clause_link(clause_id, with_title=False)})")
            out.append("")
        cited = [c for c in policy.all_clauses() if platform_id in (c.refs.get("platforms") or [])]
        if cited:
            out.append("**Mentioned in:** " + markup.join([ctx.clause_link(c.id) for c in cited]) + "\n")
    return "\n".join(out)
