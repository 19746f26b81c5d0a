"""The review report as a page for the reviewer."""

from __future__ import annotations

from .. import markup
from ..review import build_report
from .context import RenderContext
from .words import said


def review_report(ctx: RenderContext) -> str:
    report = build_report(ctx.policy)
    out = []
    for title, items in report.sections():
        anchor = "review-" + "".join(ch if ch.isalnum() else "-" for ch in title.lower()).strip("-")
        out.append(f"## {markup.text(ctx.say(title))} ({len(items)}) {{ #{anchor} }}\n")  # the anchor stays English
        if not items:
            out.append(said(ctx, "Nothing to report.") + "\n")
            continue
        for item in items:
            is_clause = item.title in ctx.policy.clauses
            head = ctx.clause_link(item.title) if is_clause else markup.text(item.title)
            line = f"- **{head}**: {markup.text(item.detail)}"
            if item.cited_by:
                line += " " + said(ctx, "Cited by {clauses}.",
                                   clauses=markup.join([ctx.clause_link(c, with_title=False) for c in item.cited_by]))
            out.append(line)
        out.append("")
    return "\n".join(out)
