"""Who refers to each clause: the index behind back-links and the "every clause is used" check."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from .model import Policy
from .site_map import link


@dataclass(frozen=True)
class Backlink:
    """One place that refers to a clause: shown under the clause as "Referred to from"."""

    kind: str    # clause, role, do, dont, platform, guide, quiz, checklist
    label: str   # what the reader sees
    target: str  # page-relative Markdown link


def incoming_references(policy: Policy) -> dict[str, list[Backlink]]:
    incoming: dict[str, list[Backlink]] = defaultdict(list)

    def add(clause_id, backlink):
        if isinstance(clause_id, str) and backlink not in incoming[clause_id]:
            incoming[clause_id].append(backlink)

    for clause in policy.all_clauses():
        for target in clause.refs.get("clauses") or []:
            if target != clause.id:
                add(target, Backlink("clause", f"{clause.number} {clause.title}", link("clause", clause.id)))
        for role_id in clause.roles:
            role = policy.roles.get(role_id, ({"name": role_id}, None))[0]
            add(clause.id, Backlink("role", f"Duties of {role.get('name', role_id)}", link("role", role_id)))
    for kind, items in (("do", policy.dos), ("dont", policy.donts)):
        for record, _ in items:
            for target in record.get("clauses") or []:
                label = ("Do: " if kind == "do" else "Don't: ") + str(record.get("text", ""))
                add(target, Backlink(kind, label, link(kind, str(record.get("id")))))
    for platform_id, (record, _, _) in policy.platforms.items():
        protocol = record.get("protocol") if isinstance(record.get("protocol"), dict) else {}
        for side in ("school", "users"):
            for target in protocol.get(side) or []:
                add(target, Backlink("platform", f"{record.get('name', platform_id)} protocol", link("platform", platform_id)))
    for source in _extra_sources:
        for clause_id, backlink in source(policy):
            add(clause_id, backlink)
    return incoming


# Other renderings (guides, quizzes, checklists) register a function yielding (clause id, Backlink).
_extra_sources = []


def register_source(function):
    _extra_sources.append(function)
    return function
