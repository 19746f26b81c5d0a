"""Explain a YAML syntax error in plain words, at the line where the mistake is.

PyYAML reports where it gave up, which is often far from the mistake: a quote left open runs on to the
next quote in the file and the error surfaces lines later; `kind:must` (no space) is read as text and
the error lands on the next line. So we look at the source and the scanner's tokens for the usual
editing mistakes before falling back to PyYAML's own words.
"""

from __future__ import annotations

import re

import yaml

# A line that starts with a field name followed by a colon and no space: `kind:must-not`, `- id:x`.
# Not a web address (`https://`) or `mailto:`; times such as 10:30 cannot match (a name starts with a letter).
_NO_SPACE = re.compile(r"^\s*(?:-\s+)?([A-Za-z_][\w-]*):(?!//)(\S.*)$")
# A line that begins a field, `key:` or `- key:`, as seen inside a quote that ran on too far.
_FIELD = re.compile(r"^\s*(?:-\s+)?[A-Za-z_][\w-]*:(\s|$)")
_QUOTE_NAME = {'"': 'closing "', "'": "closing '"}


def syntax_message(error: yaml.YAMLError, text: str) -> tuple[int, str]:
    """The line to report and the message, for a YAML error raised while reading `text`."""
    lines = text.split("\n")
    mark = getattr(error, "problem_mark", None)
    line = mark.line if mark else 0
    problem = getattr(error, "problem", None) or str(error)
    context = getattr(error, "context", None) or ""
    if isinstance(error, yaml.constructor.ConstructorError):
        diagnoses = ()  # the file's layout is fine; a value could not be made (PyYAML's words will do)
    else:
        # Most telling first: a quote left open makes every later check look at the wrong lines.
        diagnoses = (_conflict_markers, _quote_left_open, _tab, _escape, _missing_space, _dash_without_space,
                     _bracket_left_open, _text_after_quote, _no_colon, _colon_in_text, _indentation)
    for diagnose in diagnoses:
        found = diagnose(error, text, lines, line)
        if found:
            return found[0] + 1, "YAML syntax: " + found[1]
    message = f"YAML syntax: {problem}"
    if context:
        context_mark = getattr(error, "context_mark", None)
        at_line = f" on line {context_mark.line + 1}" if context_mark and context_mark.line != line else ""
        message += f" ({context}{at_line})"
    return line + 1, message + "; compare this line with the similar lines around it"


def _indent(source_line: str) -> int:
    return len(source_line) - len(source_line.lstrip(" "))


def _key_column(source_line: str) -> int:
    """Where the field name starts: `  - id: x` has its name at column 4."""
    match = re.match(r"^(\s*(?:-\s+)*)", source_line)
    return len(match.group(1))


def _quote_left_open(error, text, lines, line):
    """A quote with no closing quote on its line, found either at the end of the file (the quote is
    never closed) or paired by accident with the next quote in the file, which swallows whole fields."""
    candidates = []
    for token in _tokens_before_error(text):
        if isinstance(token, yaml.ScalarToken) and token.style in _QUOTE_NAME \
                and token.end_mark.line > token.start_mark.line:
            # Text that goes on over several lines is indented under its field; a swallowed field is not.
            opened = _key_column(lines[token.start_mark.line])
            inside = text[token.start_mark.index:token.end_mark.index].split("\n")[1:]
            if any(_FIELD.match(row) and _indent(row) <= opened for row in inside):
                quote = text[token.start_mark.index]
                closed_on = token.end_mark.line + 1
                candidates.append((token.start_mark.line,
                                   f"this quote is never closed, so everything up to the next {quote} (line "
                                   f"{closed_on}) is read as one text; add the {_QUOTE_NAME[quote]} at the end "
                                   "of the text"))
                break
    context_mark = getattr(error, "context_mark", None)
    if "while scanning a quoted scalar" in (getattr(error, "context", None) or "") and context_mark:
        quote = text[context_mark.index] if context_mark.index < len(text) else '"'
        candidates.append((context_mark.line,
                           f"this quote is never closed; add the {_QUOTE_NAME.get(quote, 'closing quote')} at "
                           "the end of the text"))
    return min(candidates) if candidates else None


def _tokens_before_error(text):
    """The tokens the scanner read before it failed (the scanner reads a little ahead of the parser)."""
    tokens = []
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            tokens.append(token)
    except yaml.YAMLError:
        pass
    return tokens


def _conflict_markers(error, text, lines, line):
    """A merge left both versions in the file, between <<<<<<<, ======= and >>>>>>> lines."""
    for row, source_line in enumerate(lines):
        if re.match(r"^<{7}( |$)", source_line):  # where the two versions start
            return row, ("this file still holds the marks of a merge (<<<<<<<, =======, >>>>>>>); keep one "
                         "version of the lines between them and delete the marks")
    return None


def _tab(error, text, lines, line):
    if line < len(lines) and "\t" in lines[line]:
        return line, "this line contains a tab character; indent with spaces only"
    return None


def _escape(error, text, lines, line):
    problem, context = getattr(error, "problem", None) or "", getattr(error, "context", None) or ""
    if "escape" in problem and "double-quoted" in context:
        return line, ("a backslash inside double quotes starts a special character; write \\\\ for a backslash, "
                      "or use single quotes around the text")
    return None


def _missing_space(error, text, lines, line):
    """`kind:must-not` is one piece of text to YAML, so the error lands on a later line: look back a little."""
    context_mark = getattr(error, "context_mark", None)
    start = min(line, context_mark.line) if context_mark else line
    for row in range(min(line, len(lines) - 1), max(0, start - 2) - 1, -1):
        match = _NO_SPACE.match(lines[row])
        if match:
            written = f"{match.group(1)}:{match.group(2)}".rstrip()
            written = written if len(written) <= 40 else written[:37].rstrip() + "..."
            return row, f"put a space after the colon in '{written}'"
    return None


def _dash_without_space(error, text, lines, line):
    """`-id: x` is a field named '-id', not a list item."""
    for row in range(min(line, len(lines) - 1), max(0, line - 2) - 1, -1):
        match = re.match(r"^\s*-([A-Za-z_][\w-]*)", lines[row])
        if match:
            return row, f"put a space after the dash in '-{match.group(1)}' to start a list item"
    return None


_CLOSING = {"[": "]", "{": "}"}


def _bracket_left_open(error, text, lines, line):
    """`[staff, parents` with no `]`: the list runs on into the next line, where PyYAML gives up."""
    context_mark = getattr(error, "context_mark", None)
    context = getattr(error, "context", None) or ""
    if not context_mark or "flow" not in context or context_mark.line == line:
        return None
    opening = text[context_mark.index] if context_mark.index < len(text) else ""
    if opening not in _CLOSING:
        return None
    rest = lines[context_mark.line][context_mark.column:]
    if rest.count(opening) > rest.count(_CLOSING[opening]):
        what = "list" if opening == "[" else "group of fields"
        return context_mark.line, (f"this {opening} is never closed; add the closing {_CLOSING[opening]} at the "
                                   f"end of the {what}")
    return None


def _no_colon(error, text, lines, line):
    """A line with no colon after its first words: a forgotten colon, or text that should be indented."""
    context_mark = getattr(error, "context_mark", None)
    if "could not find expected ':'" not in (getattr(error, "problem", None) or "") or not context_mark:
        return None
    return context_mark.line, ("this line has no colon after its field name; write it as 'name: value', or, if "
                               "it continues the text on the line above, indent it further than that field's name")


def _text_after_quote(error, text, lines, line):
    """`title: "No full" names` or `'the school's'`: the quote closes early and text is left over."""
    mark = getattr(error, "problem_mark", None)
    if mark is None or "expected" not in (getattr(error, "problem", None) or ""):
        return None
    before = [t for t in _tokens_before_error(text) if t.end_mark.index <= mark.index]
    if not before:
        return None
    last = before[-1]
    if isinstance(last, yaml.ScalarToken) and last.style in _QUOTE_NAME and last.end_mark.line == line:
        quote = text[last.start_mark.index]
        words = last.value.split()
        after = f" after '{words[-1]}'" if words else ""
        if quote == "'":
            return line, (f"the quoted text ends early, at the '{after}; inside single quotes write an "
                          "apostrophe as two ('') or put the text in double quotes")
        return line, (f"the quoted text ends early, at the \"{after}; put all of the text inside the quotes, "
                      "or write a quotation mark inside them as \\\"")
    return None


def _colon_in_text(error, text, lines, line):
    """`text: Staff: must not` — a second ': ' on a correctly indented line."""
    mark = getattr(error, "problem_mark", None)
    if mark is None or "mapping values are not allowed" not in (getattr(error, "problem", None) or ""):
        return None
    if line < len(lines) and _FIELD.match(lines[line]) and lines[line].index(":") < mark.column \
            and _indentation(error, text, lines, line) is None:
        return line, ("this text contains a colon followed by a space, which YAML reads as a new field; "
                      "put the whole text in double quotes")
    return None


def _structural(source_line: str) -> bool:
    """A line that starts a field or a list item (not a comment, a blank or a continued text)."""
    stripped = source_line.strip()
    return bool(_FIELD.match(source_line)) or stripped == "-" or stripped.startswith("- ")


def _is_item(source_line: str) -> bool:
    stripped = source_line.strip()
    return stripped == "-" or stripped.startswith("- ")


def _opens_block(source_line: str) -> bool:
    return source_line.split(" #")[0].rstrip().endswith(":")


def _key_of(source_line: str) -> str:
    match = re.match(r"^\s*(?:-\s+)?([^:\s]+)", source_line)
    return match.group(1) if match else source_line.strip()


def _indentation(error, text, lines, line):
    """Blame indentation only when this line lines up with nothing still open above it."""
    if line >= len(lines) or not _structural(lines[line]):
        return None
    here = lines[line]
    indent, is_item = _indent(here), _is_item(here)
    above = [row for row in range(line - 1, -1, -1) if _structural(lines[row])]
    if not above:
        return None
    previous = above[0]
    if _opens_block(lines[previous]) and indent > _indent(lines[previous]):
        return None  # the first line inside a new block may be indented as far as it likes
    levels = set()  # (column, is an item) that a line here could line up with
    lowest = None
    for row in above:
        column = _indent(lines[row])
        if lowest is not None and column >= lowest:
            continue  # inside a block that has ended
        lowest = column
        if _is_item(lines[row]):
            levels |= {(column, True), (_key_column(lines[row]), False)}
        else:
            levels.add((column, False))
            if row == previous and _opens_block(lines[row]):
                levels.add((column, True))  # a list may start level with its field name
        if column == 0:
            break
    if (indent, is_item) in levels:
        return None
    odd_one_out = _previous_out_of_line(lines, line, above, indent, is_item)
    if odd_one_out:
        return odd_one_out
    if is_item:
        columns = [column for column, item in levels if item]
        if columns:
            sibling = min(columns, key=lambda column: abs(column - indent))
            row = next(row for row in above if _is_item(lines[row]) and _indent(lines[row]) == sibling)
            how = "more" if indent > sibling else "less"
            return line, (f"this list item is indented {how} than the one on line {row + 1} ({indent} "
                          f"spaces instead of {sibling}); line it up with the other items of its list")
    sibling = _key_column(lines[previous])
    how = "more" if indent > sibling else "less"
    return line, (f"this line is indented {how} than '{_key_of(lines[previous])}' on line {previous + 1} "
                  f"({indent} spaces instead of {sibling}); line it up with the fields it belongs with")


def _previous_out_of_line(lines, line, above, indent, is_item):
    """The first line of a block may be indented as far as it likes, so YAML only complains at the line
    after it. If that line and the one after it agree, the first line is the one out of line."""
    previous = above[0]
    if is_item or _is_item(lines[previous]) or len(above) < 2 or not _opens_block(lines[above[1]]):
        return None
    after = next((row for row in range(line + 1, len(lines)) if _structural(lines[row])), None)
    if not (_indent(lines[above[1]]) < indent < _indent(lines[previous]) and after is not None
            and _indent(lines[after]) == indent and not _is_item(lines[after])):
        return None
    return previous, (f"this line is indented more than the lines after it ({_indent(lines[previous])} spaces "
                      f"instead of {indent}); line it up with the fields it belongs with")
