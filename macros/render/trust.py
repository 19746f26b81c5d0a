"""The group's own site: the shared policy, its schools, how they differ, the group's people and every
school's review status. Each page is Markdown built from the checked policies of all the schools; text
from the data is escaped like everywhere else (markup.text)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .. import markup
from ..confirmations import clause_fingerprint
from ..model import KIND_LABELS, Policy, long_date
from ..placeholders import PLACEHOLDER

KIND_WORDS = {"trust": "trust", "federation": "federation"}


@dataclass(frozen=True)
class Replacement:
    school_id: str
    local_id: str
    replaces: str
    title: str
    reason: str
    stale: bool  # the shared clause was reworded since the school's wording was checked against it


def _t(value) -> str:
    return markup.text(value if value is not None else "")


def _group_values(group) -> dict[str, str]:
    return {f"group.{key}": str(value) for key, value in group.data.get("group", {}).items()
            if isinstance(value, str)}


def shared_text(raw: str, group) -> str:
    """Shared wording as the group reads it: group values filled in, each school's own values named
    in brackets ("[school name]", "[dsl name]") rather than one school's."""
    values = _group_values(group)

    def name(match: re.Match) -> str:
        path = match.group(1)
        if path in values:
            return values[path]
        parts = [p for p in path.split(".") if p not in ("people", "contacts", "options")]
        return "[" + " ".join(parts).replace("_", " ") + "]"
    return _t(PLACEHOLDER.sub(name, raw))


def replacements(policies: dict[str, Policy]) -> list[Replacement]:
    found = []
    for school_id, policy in policies.items():
        for clause in policy.all_clauses():
            record = clause.replacement
            if record is not None:
                found.append(Replacement(school_id, record.id, clause.id, clause.title, record.reason or "",
                                         record.replaces_fingerprint != clause_fingerprint(clause)))
    return found


def _school_link(policy: Policy) -> str:
    return f'<a href="{policy.school_id}/">{_t(policy.school_name)}</a>'


def status_words(policy: Policy, today: dt.date, stale: int) -> list[str]:
    """What needs attention at a school (nothing: it is up to date)."""
    notes = []
    if policy.is_overdue(today):
        notes.append(f"Review overdue since {long_date(policy.next_review)}")
    if stale:
        notes.append(f"{stale} local replacement{'s' if stale != 1 else ''} to re-read")
    return notes


def _status(policy: Policy, today: dt.date, stale: int) -> str:
    notes = status_words(policy, today, stale)
    return "; ".join(f'<strong class="trust-alert">{_t(n)}</strong>' for n in notes) or "Up to date"


def _table(head: list[str], rows: list[list[str]], caption: str) -> str:
    """An HTML table (escaped cells come in ready), so a caption names it for screen readers."""
    out = [f'<div class="trust-table" role="region" aria-label="{markup.attribute(caption)}" tabindex="0">',
           f"<table>\n<caption>{_t(caption)}</caption>\n<thead><tr>"
           + "".join(f'<th scope="col">{h}</th>' for h in head) + "</tr></thead>\n<tbody>"]
    for row in rows:
        out.append("<tr>" + f'<th scope="row">{row[0]}</th>' + "".join(f"<td>{c}</td>" for c in row[1:]) + "</tr>")
    out.append("</tbody>\n</table>\n</div>\n")
    return "\n".join(out)


def _any(policies: dict[str, Policy]) -> Policy:
    return next(iter(policies.values()))


def group_name(policies: dict[str, Policy]) -> str:
    return _any(policies).group.group.name


def home_page(policies: dict[str, Policy], today: dt.date | None = None) -> str:
    today = today or dt.date.today()
    first = _any(policies)
    group = first.group
    kind = KIND_WORDS[group.group.kind]
    stale = _stale_by_school(policies)
    count = len(policies)
    out = [f"# {_t(group.group.name)}\n",
           f"{_t(group.group.name)} is a {kind} of {count} school{'s' if count != 1 else ''} that share one social "
           f"media policy. The {kind} approves the shared policy; each school's governing body adopts it with its "
           "own choices, on its own date, and publishes its own handbook.\n"]
    approval = group.approval
    if approval.version:
        out.append(f"The shared policy in force is version {_t(approval.version)}, approved by "
                   f"{_t(approval.approved_by)} on {_t(long_date(dt.date.fromisoformat(approval.approved_on)))}.\n")
    out.append("## The schools\n")
    out.append("Each school's handbook is its own site:\n")
    out.append('<ul class="trust-schools">')
    for school_id, p in policies.items():  # a list, not a table: it reads on a phone without scrolling sideways
        school = p.profile.school
        lang = ' lang="cy"' if (school.second_language or "").lower() == "welsh" else ""
        other = f" <span{lang}>({_t(school.second_language_name)})</span>" if school.second_language_name else ""
        out.append(f'<li><strong>{_school_link(p)}</strong>{other}<br>{_t(school.type)}. Version {_t(p.version)} '
                   f"adopted on {_t(long_date(p.approved_on))}; next review {_t(long_date(p.next_review))}. "
                   f"{_status(p, today, stale.get(school_id, 0))}.</li>")
    out.append("</ul>\n")
    out.append("## On this site\n")
    out.append("- [The shared policy](policy.md): every clause as the schools share it, with the wording each "
               "option gives.\n- [How the schools differ](variations.md): each school's choices, its own clauses "
               "and its replacements of shared ones.\n- [The group's people](roles.md): who works for the "
               f"{kind} and what the policy asks of it.\n- [Review status](review.md): every school's approval "
               "and next review.\n")
    return "\n".join(out)


def policy_page(policies: dict[str, Policy]) -> str:
    first = _any(policies)
    group = first.group
    labels = {o.id: o for o in first.option_records}
    out = [f"# {_t(first.title)}: the shared policy\n",
           "The wording every school of the group shares. Words in brackets, such as [school name], are filled "
           "in from each school's profile; where a clause depends on a school's choice, each wording is shown. "
           "Schools may add clauses of their own or replace a shared clause; [How the schools differ]"
           "(variations.md) lists them.\n"]
    for section in first.sections:
        out.append(f"## {section.number}. {_t(section.title)}\n")
        if section.description:
            out.append(shared_text(section.description, group) + "\n")
        for clause in section.clauses:
            if clause.local is not None:
                continue
            title = clause.data.get("title", "")
            out.append(f'<p class="trust-clause" id="{clause.id}"><strong>{clause.number} {_t(title)}</strong></p>\n')
            if clause.option:
                option = labels.get(clause.option)
                out.append(f"Depends on each school's choice: {_t(option.means if option else clause.option)}\n")
                for value, variant in sorted(clause.variants.items()):
                    out.append(f"- *{_t(value)}* ({_t(KIND_LABELS.get(variant.kind, variant.kind))}): "
                               f"{shared_text(variant.text, group)}")
                out.append("")
            else:
                out.append(shared_text(clause.data.get("text", ""), group) + "\n")
    return "\n".join(out)


def _stale_by_school(policies: dict[str, Policy]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for item in replacements(policies):
        if item.stale:
            counts[item.school_id] = counts.get(item.school_id, 0) + 1
    return counts


def variations_page(policies: dict[str, Policy], today: dt.date | None = None) -> str:
    today = today or dt.date.today()
    first = _any(policies)
    names = {school_id: _t(p.profile.school.short_name or p.school_name) for school_id, p in policies.items()}
    out = ["# How the schools differ\n",
           "Each school chooses a value for every option, may add clauses of its own and may replace a shared "
           "clause with its own wording. A replacement is re-read whenever the group rewords the clause it "
           "replaces.\n", "## Options\n"]
    rows = []
    for option in first.option_records:
        cells = [f"{_t(option.means)}<br><small><code>{_t(option.id)}</code></small>"]
        for p in policies.values():
            value = p.options.get(option.id, "")
            default = option.default is not None and value == option.default
            cells.append(f"{_t(value)}" + ("" if default or not option.values else " <small>(not the default)</small>"))
        rows.append(cells)
    out.append(_table(["Option"] + list(names.values()), rows, "Each school's choice for each option"))
    out.append("What each value means:\n")
    for option in first.option_records:
        for value in option.values:
            out.append(f"- *{_t(value.id)}*: {_t(value.means)}")
    out.append("\n## Local clauses\n")
    added = [(school_id, c) for school_id, p in policies.items() for c in p.all_clauses() if c.local is not None]
    if added:
        out.append(_table(["Clause", "School", "Section", "Kind", "Why"],
                          [[f"{c.number} {_t(c.title)}<br><small><code>{_t(c.id)}</code></small>", names[s],
                            _t(next(x.title for x in policies[s].sections if x.id == c.section_id)),
                            _t(KIND_LABELS.get(c.kind, c.kind)), _t(c.local.reason)] for s, c in added],
                          "Clauses schools have added to the shared policy"))
    else:
        out.append("No school has added a clause of its own.\n")
    out.append("## Replacements of shared clauses\n")
    found = replacements(policies)
    if found:
        rows = [[f"{_t(first.clauses[r.replaces].number)} {_t(first.clauses[r.replaces].data.get('title', ''))}"
                 f"<br><small><code>{_t(r.replaces)}</code></small>", names[r.school_id],
                 f"{_t(r.title)}<br><small><code>{_t(r.local_id)}</code></small>", _t(r.reason),
                 '<strong class="trust-alert">Stale: the shared clause was reworded; the school must re-read its '
                 'wording</strong>' if r.stale else "Checked against the current shared wording"]
                for r in found]
        out.append(_table(["Shared clause", "School", "School's wording", "Why", "Status"], rows,
                          "Shared clauses a school words its own way"))
    else:
        out.append("No school has replaced a shared clause.\n")
    out.append("## Approval and review\n")
    out.append(_approval_table(policies, today))
    return "\n".join(out)


def _approval_table(policies: dict[str, Policy], today: dt.date) -> str:
    stale = _stale_by_school(policies)
    rows = [[_school_link(p), f"Version {_t(p.version)}, {_t(long_date(p.approved_on))}, by {_t(p.approval.approved_by)}",
             _t(long_date(p.next_review)), _status(p, today, stale.get(school_id, 0))]
            for school_id, p in policies.items()]
    return _table(["School", "Adopted", "Next review", "Status"], rows,
                  "Each school's approval of the policy and its next review")


def roles_page(policies: dict[str, Policy]) -> str:
    first = _any(policies)
    group = first.group
    kind = KIND_WORDS[group.group.kind]
    out = [f"# The {kind}'s people and duties\n",
           f"The people who work for {_t(group.group.name)} across its schools. Each school's own people are "
           "named in that school's handbook.\n"]
    people = group.people or {}
    if people:
        rows = [[_t(person.name), _t(person.role), _t(person.email or "")] for person in people.values()]
        out.append(_table(["Name", "Role", "E-mail"], rows, f"People of the {kind}"))
    out.append(f"## What the policy asks of the {kind}\n")
    out.append(f"{_t(group.group.central_team[:1].upper() + group.group.central_team[1:])} handles what the "
               f"policy gives to the {kind}:\n")
    for role in first.roles.values():
        if role.id != "trust":
            continue
        out.append(_t(role.description) + "\n")
        for clause in first.duties(role.id):
            if clause.local is None:
                out.append(f"- {markup.link(f'{clause.number} ' + clause.data.get('title', ''), f'policy.md#{clause.id}')}")
    out.append("")
    return "\n".join(out)


def review_page(policies: dict[str, Policy], today: dt.date | None = None) -> str:
    today = today or dt.date.today()
    overdue = [p for p in policies.values() if p.is_overdue(today)]
    stale = _stale_by_school(policies)
    out = ["# Review status\n",
           f"Every school's approval of the shared policy, as of {_t(long_date(today))}. "
           + (f"{len(overdue)} school{'s are' if len(overdue) != 1 else ' is'} overdue for review. " if overdue
              else "No school is overdue for review. ")
           + (f"{sum(stale.values())} local replacement{'s' if sum(stale.values()) != 1 else ''} need re-reading."
              if stale else "Every local replacement was checked against the current shared wording.") + "\n",
           _approval_table(policies, today)]
    return "\n".join(out)


def text_report(policies: dict[str, Policy], today: dt.date | None = None) -> str:
    """The review status of every school, as lines for the terminal."""
    today = today or dt.date.today()
    stale = _stale_by_school(policies)
    lines = [f"{group_name(policies)}: {len(policies)} schools"]
    for school_id, p in policies.items():
        status = "; ".join(status_words(p, today, stale.get(school_id, 0))) or "up to date"
        lines.append(f"  {school_id}: {p.school_name}, version {p.version} adopted {long_date(p.approved_on)}, "
                     f"next review {long_date(p.next_review)}: {status}")
    return "\n".join(lines)


PAGES = {"index.md": home_page, "policy.md": policy_page, "variations.md": variations_page,
         "roles.md": roles_page, "review.md": review_page}
