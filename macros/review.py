"""The yearly review report: what a reviewer should confirm, change or look at again."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .confirmations import clause_fingerprint, has_summary
from .model import Policy, long_date


@dataclass
class ReviewItem:
    title: str      # what to look at
    detail: str     # why, in a sentence
    cited_by: list[str] = field(default_factory=list)  # clause ids


@dataclass
class ReviewReport:
    today: dt.date
    dates: list[ReviewItem]
    legislation: list[ReviewItem]
    people: list[ReviewItem]
    addresses: list[ReviewItem]
    summaries: list[ReviewItem]
    platforms: list[ReviewItem]
    to_confirm: list[ReviewItem]

    def sections(self) -> list[tuple[str, list[ReviewItem]]]:
        return [("Dates", self.dates), ("Legislation to check", self.legislation),
                ("Named people and contact routes to confirm", self.people),
                ("Summaries that may be stale", self.summaries), ("Platform facts to re-check", self.platforms),
                ("Facts marked to be confirmed", self.to_confirm),
                ("External addresses the site links to", self.addresses)]


def _cited_by(policy: Policy, law_id: str) -> list[str]:
    return [c.id for c in policy.all_clauses() if law_id in c.refs.legislation]


def build_report(policy: Policy, today: dt.date | None = None) -> ReviewReport:
    today = today or dt.date.today()
    if policy.is_draft:
        dates = [ReviewItem("Draft", f"Version {policy.version} is a draft: when governors approve it, set "
                                     f"approval.status: approved with approved_by and approved_on in "
                                     f"policy_data/{policy.profile_file}, then run `python -m macros snapshot`.")]
    else:
        dates = [ReviewItem("Approved", f"Version {policy.version}, approved by {policy.approval.approved_by or '?'} "
                                        f"on {long_date(policy.approved_on)}.")]
    next_review = policy.next_review
    if next_review and today > next_review:
        dates.append(ReviewItem("Review overdue", f"The review was due on {long_date(next_review)} "
                                                  f"({(today - next_review).days} days ago)."))
    elif next_review:
        dates.append(ReviewItem("Next review", f"Due on {long_date(next_review)} (in {(next_review - today).days} days)."))

    legislation = []
    for law_id, record in policy.legislation.items():
        status = record.status
        reasons = []
        if status in ("repealed", "abolished"):
            replaced = ", ".join(policy.legislation[s].title for s in record.superseded_by)
            reasons.append(f"{status}; cite instead: {replaced}")
        elif status == "partly-in-force":
            reasons.append("only partly in force")
        if record.verify:
            reasons.append("marked to be checked against an official copy")
        if reasons:
            legislation.append(ReviewItem(record.title, "; ".join(reasons) + ".", _cited_by(policy, law_id)))

    people = []
    for key, person in policy.people().items():
        detail = (person.role or "") + (f", {person.email}" if person.email else "")
        people.append(ReviewItem(person.name, f"{detail}. Still in post? ({policy.profile_file} people.{key})"))
    for key, contact in policy.profile.data.get("contacts", {}).items():
        shown = ", ".join(str(v) for k, v in contact.items() if k in ("email", "phone", "url"))
        people.append(ReviewItem(f"Contact: {key}", f"{shown or 'see ' + policy.profile_file} ({policy.profile_file} contacts.{key})"))

    summaries = [ReviewItem(c.id, "The formal text changed since the summaries were last checked.")
                 for c in policy.all_clauses()
                 if has_summary(c) and c.summary_checked != clause_fingerprint(c)]

    platforms = []
    for record in policy.platforms.values():
        checked = dt.date.fromisoformat(record.facts_checked) if record.facts_checked else None
        stale = checked is None or (policy.approved_on and checked < policy.approved_on - dt.timedelta(days=365)) \
            or (today - checked).days > 365 * policy.review_cycle_years
        if stale:
            platforms.append(ReviewItem(record.name, f"Facts last checked {long_date(checked)}."))
        elif next_review and today > next_review:
            platforms.append(ReviewItem(record.name,
                                        f"Facts checked {long_date(checked)}; confirm them in this review."))

    to_confirm = [ReviewItem(c.id, c.title) for c in policy.all_clauses() if c.verify]

    addresses = sorted(set(_addresses(policy)))
    return ReviewReport(today, dates, legislation, people,
                        [ReviewItem(url, where) for url, where in addresses], summaries, platforms, to_confirm)


def _addresses(policy: Policy):
    def walk(node, where):
        if isinstance(node, dict):
            for key, value in node.items():
                yield from walk(value, f"{where}.{key}" if where else str(key))
        elif isinstance(node, list):
            for index, value in enumerate(node):
                yield from walk(value, f"{where}[{index}]")
        elif isinstance(node, str) and node.startswith("https://"):
            yield node, where

    for relative, file in sorted(policy.files.items()):
        for url, where in walk(file.data, ""):
            yield url, f"{relative}: {where}"


def format_text(report: ReviewReport) -> str:
    lines = [f"Review report, {long_date(report.today)}", ""]
    for title, items in report.sections():
        lines.append(f"{title} ({len(items)})")
        lines.append("-" * len(lines[-1]))
        if not items:
            lines.append("  nothing to report")
        for item in items:
            lines.append(f"  * {item.title}: {item.detail}")
            if item.cited_by:
                lines.append(f"      cited by: {', '.join(item.cited_by)}")
        lines.append("")
    return "\n".join(lines)
