"""YAML syntax errors are reported at the mistake, in words that say what to do, for the usual editing
slips made on every line of a real data file (the corpus in tests/bad_edits/ pins the exact messages)."""

from __future__ import annotations

import re

import pytest

from conftest import MINIMAL
from macros.yaml_source import read_data_file

SOURCE = (MINIMAL / "sections" / "posting.yml").read_text(encoding="utf-8").split("\n")
FIELD = re.compile(r"^(\s*(?:-\s+)?[a-z_]+:) ([^\s\[{\"'].*)$")  # a field with a plain value on its line


def problems_after(tmp_path, lines: list[str]) -> list[tuple[int, str]]:
    path = tmp_path / "posting.yml"
    path.write_text("\n".join(lines), encoding="utf-8")
    data, problems = read_data_file(path, "posting.yml")
    return [(p.line, p.message) for p in problems]


def edited(number: int, new_line: str) -> list[str]:
    return SOURCE[:number - 1] + [new_line] + SOURCE[number:]


PLAIN_FIELDS = [number for number, line in enumerate(SOURCE, 1) if FIELD.match(line)]


@pytest.mark.parametrize("number", PLAIN_FIELDS)
def test_a_missing_space_after_a_colon_is_reported_on_its_own_line(tmp_path, number):
    key, value = FIELD.match(SOURCE[number - 1]).groups()
    [(line, message)] = problems_after(tmp_path, edited(number, key + value))
    assert line == number
    written = key.split()[-1] + value  # long lines are cut short with "..."
    assert message == f"YAML syntax: put a space after the colon in '{written}'" or \
        message.startswith(f"YAML syntax: put a space after the colon in '{written[:30]}") and message.endswith("...'")


@pytest.mark.parametrize("quote", ['"', "'"])
@pytest.mark.parametrize("number", PLAIN_FIELDS)
def test_a_quote_left_open_is_reported_where_it_opens(tmp_path, number, quote):
    key, value = FIELD.match(SOURCE[number - 1]).groups()
    [(line, message)] = problems_after(tmp_path, edited(number, f"{key} {quote}{value}"))
    assert line == number
    assert message.startswith("YAML syntax: this quote is never closed") or \
        message.startswith(f"YAML syntax: the quoted text ends early, at the {quote}")
    assert "indent" not in message


@pytest.mark.parametrize("number", [n for n in PLAIN_FIELDS if not SOURCE[n - 1].lstrip().startswith("-")
                                    and FIELD.match(SOURCE[n - 2])])
def test_a_field_indented_too_far_is_blamed_on_indentation_at_its_line(tmp_path, number):
    [(line, message)] = problems_after(tmp_path, edited(number, "  " + SOURCE[number - 1]))
    assert line == number
    assert re.fullmatch(r"YAML syntax: this line is indented more than '\w+' on line \d+ \(\d+ spaces instead of "
                        r"\d+\); line it up with the fields it belongs with", message)


def test_a_colon_in_text_is_not_called_an_indentation_problem(tmp_path):
    number = SOURCE.index("    text: Staff must not post the full name of a pupil of {school.name}.") + 1
    [(line, message)] = problems_after(tmp_path, edited(number, "    text: Note: staff must not post full names."))
    assert line == number
    assert "indent" not in message and "colon followed by a space" in message


def test_text_quoted_over_several_lines_is_not_mistaken_for_a_quote_left_open(tmp_path):
    """A long quoted text wrapped onto indented lines is fine; the real mistake further down is reported."""
    lines = list(SOURCE)
    number = lines.index("    title: No full names") + 1
    lines[number - 1] = '    title: "No full names,\n      ever: not even first names"'
    lines = "\n".join(lines).split("\n")
    kind = lines.index("    kind: must") + 1
    lines[kind - 1] = "    kind:must"
    assert problems_after(tmp_path, lines) == [(kind, "YAML syntax: put a space after the colon in 'kind:must'")]


def test_a_web_address_after_a_field_is_not_a_missing_space(tmp_path):
    lines = SOURCE[:20] + ["    see: https://example.org/policy", "    title Report concerns"] + SOURCE[21:]
    [(line, message)] = problems_after(tmp_path, lines)
    assert (line, message) == (22, "YAML syntax: this line has no colon after its field name; write it as "
                                   "'name: value', or, if it continues the text on the line above, indent it "
                                   "further than that field's name")


@pytest.mark.parametrize("cut", range(1, len("\n".join(SOURCE)), 7))
def test_any_damage_gives_one_message_on_a_line_of_the_file_and_never_fails(tmp_path, cut):
    """Cut a stretch of characters out anywhere: the explanation must still come out."""
    text = "\n".join(SOURCE)
    damaged = (text[:cut] + text[cut + 5:]).split("\n")
    found = problems_after(tmp_path, damaged)
    for line, message in found:
        assert 1 <= line <= len(damaged)
        assert message
