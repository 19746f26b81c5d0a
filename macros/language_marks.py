"""Marking English that has to appear on a page in another language.

A string of the data with no current translation is wrapped in two private-use characters when the
translated policy is made (translations.py). They survive everything the renderers do to text (placeholders,
escaping, joining), and once a page is HTML `in_language_spans` turns each marked stretch into
`<span lang="en">`, so a screen reader switches voice and the reader sees it is English. Inside a tag
(an attribute) a mark is simply removed.
"""

from __future__ import annotations

import re

OPEN, CLOSE = "\ue000", "\ue001"
ENGLISH_CLASS = "hb-in-english"

_TAG = re.compile(r"<[^>]*>")
# Elements whose content is not HTML: marks there are dropped, never made spans.
_RAW = re.compile(r"<(title|script|style|textarea)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
# Where an inline span cannot continue: it is closed before and opened again after each of these tags.
_BLOCK = re.compile(r"</?(?:p|div|li|ul|ol|dl|dt|dd|h[1-6]|table|thead|tbody|tr|td|th|details|summary|section|"
                    r"blockquote|fieldset|legend|label|form|nav|header|footer|article|aside|figure|figcaption|"
                    r"br|hr|button|input|select|option)\b[^>]*>", re.IGNORECASE)


def mark_english(value: str) -> str:
    return f"{OPEN}{value}{CLOSE}" if value else value


def is_marked(value: object) -> bool:
    return isinstance(value, str) and OPEN in value


def unmarked(value: str) -> str:
    return value.replace(OPEN, "").replace(CLOSE, "")


def _span(inner: str) -> str:
    """An English stretch of HTML as spans, split around block tags so nesting stays valid."""
    opening = f'<span lang="en" class="{ENGLISH_CLASS}">'
    pieces, last = [], 0
    for match in _BLOCK.finditer(inner):
        pieces += [opening + inner[last:match.start()] + "</span>", match.group(0)]
        last = match.end()
    pieces.append(opening + inner[last:] + "</span>")
    return re.sub(f"{re.escape(opening)}(\\s*)</span>", r"\1", "".join(pieces))


def in_language_spans(html: str) -> str:
    """HTML with every marked stretch as `<span lang="en">`; marks inside tags are dropped."""
    if OPEN not in html and CLOSE not in html:
        return html
    html = _RAW.sub(lambda m: unmarked(m.group(0)), html)
    html = _TAG.sub(lambda m: unmarked(m.group(0)), html)
    out, depth, start, position = [], 0, 0, 0
    for index, char in enumerate(html):
        if char == OPEN:
            if depth == 0:
                out.append(html[position:index])
                start = index + 1
            depth += 1
        elif char == CLOSE and depth:
            depth -= 1
            if depth == 0:
                out.append(_span(html[start:index].replace(OPEN, "").replace(CLOSE, "")))
                position = index + 1
    if depth:  # a mark cut off from its end: the rest is English
        out.append(_span(unmarked(html[start:])))
    else:
        out.append(html[position:].replace(CLOSE, ""))
    return "".join(out)
