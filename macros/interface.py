"""The words of the handbook's interface that are not policy: headings the renderers add, button labels,
notes in the footer. They are written in English in the code, and that English is the key to their
translation in `translations/<language>/interface.yml`:

    strings:
      "Check my answers": "Gwirio fy atebion"

A string with no translation is shown in English, marked as English (language_marks.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .language_marks import mark_english
from .yaml_source import read_data_file

ENGLISH = "en"
# The words the page scripts (docs/assets/selfcheck.js, handbook.js) show, which each page not in English
# carries translated (overrides/main.html, `hb-words`). `{name}` is filled in by the script. The record's field
# names are read back by `macros register` (acknowledgements.py).
SCRIPT_STRINGS: list[str] = [
    # quiz feedback
    "Right.", "Not quite.", "The right answer is", "The right answers are", "Why: {reason}", "Choose an answer first.",
    "Set done: {right} of {total} right.", "To look at again:", "Next:",
    "{answered} of {total} answered, {right} right · {sets_done} of {sets} sets done",
    "You got {right} of {total} questions right.", "To read again:", "Well done: nothing to read again.",
    # checklists
    "{count} of {total} ticked.", "Not ticked", "Ticked",
    # start again
    "Cleared. You can start again.",
    # the acknowledgement record
    "Name", "Role", "For", "School", "Self-check", "Checklist", "Date", "Total", "{count} of {total}",
    "Policy version", "Policy fingerprint", "Statement", "(not yet ticked)", "Code", "Acknowledgement record",
    "Acknowledgement: {title}, {name}", "Type your name and tick the statement to complete the record.",
    "First type your name and tick the statement.",
    # the record's date, where the browser may not know the page's language
    *(f"{{day}} {month} {{year}}" for month in ("January", "February", "March", "April", "May", "June", "July",
                                                 "August", "September", "October", "November", "December")),
    # wide tables
    "Table", "{table} (scrolls sideways)",
]


def interface_path(language: str) -> str:
    return f"translations/{language}/interface.yml"


@dataclass
class Interface:
    language: str = ENGLISH
    strings: dict[str, str] = field(default_factory=dict)
    missing: set[str] = field(default_factory=set)  # asked for and not translated, for the status page

    def say(self, english: str, **values) -> str:
        """The words in this language; `{name}` in them is filled from `values` (never from data's braces)."""
        if self.language == ENGLISH:
            words = english
        elif self.strings.get(english):
            words = self.strings[english]
        else:
            self.missing.add(english)
            words = mark_english(english)
        return words.format(**values) if values else words


def load_interface(data_dir: Path | None, language: str) -> Interface:
    if language == ENGLISH or data_dir is None:
        return Interface(language)
    path = Path(data_dir) / interface_path(language)
    if not path.is_file():
        return Interface(language)
    data_file, _ = read_data_file(path, interface_path(language))
    strings = (data_file.data or {}).get("strings") if data_file and isinstance(data_file.data, dict) else None
    return Interface(language, {str(k): str(v) for k, v in (strings or {}).items() if v})
