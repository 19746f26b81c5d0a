"""The legal framework: Acts and guidance grouped by subject, with status and official links."""

from __future__ import annotations

from collections import defaultdict

from .. import markup
from ..site_map import anchor, link
from .context import RenderContext
from .words import said

GROUP_TITLES = {
    "data-protection": "Data protection", "privacy-and-human-rights": "Privacy, confidentiality and human rights",
    "defamation": "Defamation", "harassment-and-communications": "Harassment and communications offences",
    "online-safety": "Online safety", "copyright": "Copyright", "safeguarding": "Safeguarding",
    "information": "Freedom of information", "equality": "Equality", "computer-misuse": "Computer misuse",
    "accessibility": "Accessibility", "children's-rights": "Children's rights",
}
STATUS_LABELS = {"in-force": "In force", "amended": "In force, amended", "partly-in-force": "Partly in force",
                 "repealed": "Repealed", "abolished": "Abolished", "not-an-act": "Not an Act of Parliament"}
NO_LONGER_CURRENT = {"repealed", "abolished"}


def _record(ctx: RenderContext, law_id: str, record) -> str:
    policy = ctx.policy
    status = record.status
    current = status not in NO_LONGER_CURRENT
    label = said(ctx, STATUS_LABELS[status]) if status in STATUS_LABELS else status
    badge = f'<strong class="law-status law-status--{status}">{label}</strong>'
    heading = record.title if current else ctx.say("{title} — no longer current", title=record.title)
    out = [f"### {markup.text(heading)} {{ #{anchor('legislation', law_id)} }}\n",
           f'<div class="law{"" if current else " law--superseded"}" markdown>\n']
    line = [badge]
    if record.verify and ctx.shows("to-be-confirmed"):
        line.append(f'<span class="clause-verify">{said(ctx, "Status to be confirmed")}</span>')
    if record.status_note:
        line.append(ctx.words(record.status_note))
    out.append(" · ".join(line) + "\n")
    if record.cited_as:
        out.append(said(ctx, "Cited in older policies as {name}.", name=f"*{markup.text(record.cited_as)}*") + "\n")
    replaced = [markup.link(policy.legislation[s].title, link("legislation", s)) for s in record.superseded_by]
    if replaced:
        out.append(f"**{said(ctx, 'Cite instead:' if not current else 'See also:')}** {markup.join(replaced)}\n")
    out.append(ctx.words(record.relevance or "") + "\n")
    if record.url:
        label = ctx.say("Official text ({id})", id=record.official_id) if record.official_id else ctx.say("Official text")
        out.append(f"{markup.external_link(label, record.url)}\n")
    cited = [c for c in policy.all_clauses() if law_id in c.refs.legislation]
    if cited:
        out.append(f"**{said(ctx, 'Cited by:')}** " + markup.join([ctx.clause_link(c.id) for c in cited]) + "\n")
    out.append("</div>\n")
    return "\n".join(out)


def legal_framework(ctx: RenderContext) -> str:
    groups: dict[str, list] = defaultdict(list)
    for law_id, record in ctx.policy.legislation.items():
        groups[record.group or ""].append((law_id, record))
    out = []
    for group in sorted(groups, key=lambda g: list(GROUP_TITLES).index(g) if g in GROUP_TITLES else 99):
        title = ctx.say(GROUP_TITLES[group]) if group in GROUP_TITLES else group
        out.append(f"## {markup.text(title)} {{ #group-{group.replace(chr(39), '')} }}\n")
        records = sorted(groups[group], key=lambda item: item[1].status in NO_LONGER_CURRENT)
        out.extend(_record(ctx, law_id, record) for law_id, record in records)
    return "\n".join(out)
