"""The approval and review block, and the version stamp shown in every page's footer."""

from __future__ import annotations

from .. import markup
from ..model import long_date
from ..model import CYCLE_WORDS
from .context import RenderContext
from .words import date, said


def approval_block(ctx: RenderContext, signatures: bool = False) -> str:
    policy = ctx.policy
    approval = policy.approval
    rows = [
        ("Policy version", markup.text(policy.version)),
        ("Approved by", markup.text(approval.approved_by or "")),
        ("Approved on", date(ctx, policy.approved_on)),
        ("Review cycle", said(ctx, CYCLE_WORDS[policy.review_cycle_years].capitalize())),
        ("Next review due", date(ctx, policy.next_review)),
        ("Review led by", markup.text(approval.review_responsibility or "")),
    ]
    if ctx.shows("fingerprint"):
        rows.append(("Content fingerprint", f"<code>{policy.fingerprint}</code>"))
    out = ['<table class="approval-block">', f"<caption>{said(ctx, 'Approval and review')}</caption>", "<tbody>"]
    out += [f'<tr><th scope="row">{said(ctx, label)}</th><td>{value}</td></tr>' for label, value in rows if value]
    out += ["</tbody>", "</table>", ""]
    if signatures:
        people = policy.people()
        signers = [(ctx.say(title), people[key].name if key in people else "")
                   for title, key in (("Head teacher", "head_teacher"), ("Chair of governors", "chair_of_governors"))]
        out.append('<div class="signature-lines">')
        for role, name in signers:
            out.append(f'<p class="signature-line"><span>{said(ctx, "Signed:")} </span><span class="signature-space"></span>'
                       f"<span>{markup.text(role)}{', ' + markup.text(name) if name else ''}</span>"
                       f'<span class="signature-date">{said(ctx, "Date:")} </span></p>')
        out.append("</div>")
    return "\n".join(out)


def version_stamp(policy) -> dict:
    """Values the footer template shows on every page, its dates in the policy's language."""
    language = getattr(policy, "language", "en")
    return {
        "version": policy.version,
        "approved_on": long_date(policy.approved_on, language),
        "next_review": long_date(policy.next_review, language),
        "fingerprint": policy.fingerprint,
        "overdue": policy.is_overdue(),
        "draft": policy.is_draft,
    }
