"""School-specific values in clause text: `{school.name}`, `{people.dsl.name}` and so on.

A placeholder is a dotted path into the school's profile (schools/<school-id>.yml), `group.` followed by a
path into group.yml's `group` block, plus a few computed values under `review.`.
"""

from __future__ import annotations

import difflib
import re

from .model import CYCLE_WORDS, Policy, long_date

PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]*(?:\.[a-z0-9_]+)+)\}")



def known_values(policy: Policy) -> dict[str, str]:
    """Every placeholder the school profile can fill, with its value."""
    values: dict[str, str] = {}

    def walk(node, prefix):
        if isinstance(node, dict):
            for key, child in node.items():
                walk(child, f"{prefix}.{key}" if prefix else str(key))
        elif isinstance(node, (str, int, float)) and not isinstance(node, bool) and "." in prefix:
            values[prefix] = str(node)

    walk(policy.profile.data, "")
    walk(policy.group.data.get("group", {}), "group")  # {group.name}, {group.central_team}
    values.update({f"options.{name}": str(value) for name, value in policy.options.items()})  # defaults too
    values["review.cycle"] = CYCLE_WORDS[policy.review_cycle_years]
    values["review.next_date"] = long_date(policy.next_review)
    values["approval.date"] = long_date(policy.approved_on)
    return values


def fill(text: str, values: dict[str, str]) -> str:
    """Replace every known placeholder; unknown ones are left for the check to report."""
    return PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), text)


def unknown_placeholders(text: str, values: dict[str, str]) -> list[tuple[str, str | None]]:
    """(placeholder, nearest known one or None) for every placeholder the profile cannot fill."""
    found = []
    for name in PLACEHOLDER.findall(text):
        if name not in values:
            close = difflib.get_close_matches(name, list(values), n=1, cutoff=0.6)
            found.append((name, close[0] if close else None))
    return found

