"""School-specific values in clause text: `{school.name}`, `{people.dsl.name}` and so on.

A placeholder is a dotted path into the school's profile (schools/<school-id>.yml), `group.` followed by a
path into group.yml's `group` block, plus a few computed values under `review.`.

Words that only make sense in a trust or federation are written inside `{if group: ...}`: "bring
{school.name}{if group: or {group.name}} into disrepute". A school that belongs to no group (group.yml
`kind: none`) reads "bring Bryn Teg into disrepute"; the others read the words inside. `{if no group:
...}` holds words for a school on its own ("pupils{if group:, the school or {group.name}}{if no group:
or the school}").
"""

from __future__ import annotations

import difflib
import re

from .languages import other_name
from .model import CYCLE_WORDS_IN, Policy, long_date

PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]*(?:\.[a-z0-9_]+)+)\}")
# `{if group: words}` and `{if no group: words}`; the words may hold placeholders, one level of braces deep.
GROUP_PHRASE = re.compile(r"\{if (no )?group:((?:[^{}]|\{[^{}]*\})*)\}")
CONDITION = re.compile(r"\{if ([^:}]*):")
NO_GROUP = "none"
# What a group is, in words, for a page in another language (group.yml's kind is one of these in English).
GROUP_KIND_WORDS = {"cy": {"trust": "ymddiriedolaeth", "federation": "ffederasiwn"}}


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
    values["review.cycle"] = CYCLE_WORDS_IN[policy.language][policy.review_cycle_years]
    values["review.next_date"] = long_date(policy.next_review, policy.language)
    values["approval.date"] = long_date(policy.approved_on, policy.language)
    kind = values.get("group.kind")
    if kind in GROUP_KIND_WORDS.get(policy.language, {}):  # "federation" is a word in a sentence too
        values["group.kind"] = GROUP_KIND_WORDS[policy.language][kind]
    # The school's name in English, and its name in the page's other language (with that language's code),
    # for a page that gives both names.
    values["school.english_name"] = (policy.english or policy).profile.school.name
    other = other_name(policy)
    if other:
        values["school.other_name"], values["school.other_language"] = other
    return values


def has_group(values: dict[str, str]) -> bool:
    return values.get("group.kind", NO_GROUP) != NO_GROUP


def with_group_phrases(text: str, values: dict[str, str]) -> str:
    """The text with each `{if group: ...}` phrase kept (its words only) or left out."""
    group = has_group(values)
    return GROUP_PHRASE.sub(lambda m: m.group(2) if group != bool(m.group(1)) else "", text)


def fill(text: str, values: dict[str, str]) -> str:
    """Group-only phrases resolved and every known placeholder replaced; unknown ones are left for the
    check to report."""
    return PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), with_group_phrases(text, values))


def unknown_placeholders(text: str, values: dict[str, str]) -> list[tuple[str, str | None]]:
    """(placeholder, nearest known one or None) for every placeholder the profile cannot fill."""
    found = []
    for name in PLACEHOLDER.findall(with_group_phrases(text, values)):
        if name not in values:
            close = difflib.get_close_matches(name, list(values), n=1, cutoff=0.6)
            found.append((name, close[0] if close else None))
    return found



def unknown_conditions(text: str) -> list[str]:
    """Every `{if ...:` other than `{if group:` and `{if no group:`, and one whose closing brace is missing."""
    found = [f"{{if {name}:" for name in CONDITION.findall(text) if name not in ("group", "no group")]
    if len(re.findall(r"\{if (?:no )?group:", text)) > len(GROUP_PHRASE.findall(text)):
        found.append("{if group:")
    return found
