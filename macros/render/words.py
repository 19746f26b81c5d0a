"""Interface words (not policy) as the renderers put them into Markdown and HTML.

`ctx.say` returns plain text. Where a renderer used to write an English literal straight into the page,
`said(ctx, "...")` keeps that English exactly as written (it is our own text, in the code), and escapes a
translation like any data text (it comes from a YAML file: translations/<language>/interface.yml).
Values given for `{placeholders}` are inserted as they are: they are markup the caller made (a link, a
number, data already escaped), never escaped twice.
"""

from __future__ import annotations

import datetime as dt
import html
from typing import Callable

from .. import markup
from ..interface import ENGLISH
from ..model import long_date

_SLOT = "\ue0f0{}\ue0f1"  # a private-use stand-in for a value while the words around it are escaped


def _escaped(ctx, english: str, escape: Callable[[str], str], values: dict) -> str:
    if ctx.language == ENGLISH:
        return ctx.say(english, **values)
    slots = {name: _SLOT.format(index) for index, name in enumerate(values)}
    words = escape(ctx.say(english, **slots))
    for name, slot in slots.items():
        words = words.replace(escape(slot), str(values[name]))
    return words


def said(ctx, english: str, **values) -> str:
    """Words for Markdown (or HTML inside Markdown) where the English literal was written as it is."""
    return _escaped(ctx, english, markup.text, values)


def said_html(ctx, english: str, **values) -> str:
    """The same for a standalone HTML document (document.py)."""
    return _escaped(ctx, english, lambda s: html.escape(s, quote=True), values)


def date(ctx, day: dt.date | None) -> str:
    """A date as people write it in a policy, in the page's language: 14 October 2026 (14 Hydref 2026)."""
    return long_date(day, ctx.language)
