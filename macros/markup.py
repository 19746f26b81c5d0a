"""Turning data text into safe Markdown.

Text from YAML is never trusted as markup: HTML and Markdown/Jinja punctuation become character
references, so `<script>`, `{{ }}` or `[x](javascript:...)` in a record shows as text.
"""

from __future__ import annotations

import re

_ENTITIES = {c: f"&#{ord(c)};" for c in "&<>\"'`*_[]{}|\\#~^!=+:$%"}
_ENTITIES["&"] = "&amp;"
_ENTITIES["<"] = "&lt;"
_ENTITIES[">"] = "&gt;"
_ESCAPE = re.compile("[" + re.escape("".join(_ENTITIES)) + "]")


def text(value: object) -> str:
    """Plain text on one line, with every character that could start markup escaped."""
    flat = " ".join(str(value).split())
    escaped = _ESCAPE.sub(lambda m: _ENTITIES[m.group(0)], flat)
    if escaped[:1] in ("-", "."):  # a leading hyphen or dot could start a list or rule
        escaped = f"&#{ord(escaped[0])};" + escaped[1:]
    return re.sub(r"^(\d+)\.", r"\1&#46;", escaped)  # "1. " would start a numbered list


def attribute(value: object) -> str:
    """Text for an HTML attribute value inside double quotes."""
    return text(value)


def link(label: str, target: str) -> str:
    """A Markdown link with an escaped label; targets are built by us, never taken from data."""
    return f"[{text(label)}]({target})"


def external_link(label: str, url: str) -> str:
    """A link to an address from the data; the schema only admits https:// addresses."""
    safe = url.replace(" ", "%20").replace(")", "%29").replace("(", "%28").replace("<", "%3C").replace(">", "%3E")
    return f"[{text(label)}]({safe})"


def join(parts: list[str], separator: str = ", ") -> str:
    return separator.join(p for p in parts if p)
