"""Read a YAML data file into plain Python data, remembering the line of every value.

PyYAML's loaders forget where values came from and silently accept duplicate keys; editors need
both, so we compose the node tree ourselves and convert it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problems import Problem
from .yaml_syntax import syntax_message

Path_ = tuple  # a path into the data: keys and list indexes


@dataclass
class DataFile:
    """A parsed data file: its data and the line on which each value starts."""

    path: str  # as shown to the editor, relative to the project
    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)

    def line_of(self, path: Path_) -> int:
        """The line of the value at `path`, or of its nearest ancestor we know."""
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), 1)


_constructor = yaml.SafeLoader("")  # only used to construct scalars
# libyaml's parser is many times faster and keeps line numbers; pure Python where it is missing.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _scalar(node: yaml.ScalarNode) -> Any:
    if node.tag == "tag:yaml.org,2002:timestamp":
        return node.value  # dates stay text; the schema checks they are real dates
    return _constructor.construct_object(node)


def _convert(node: yaml.Node, path: Path_, lines: dict, problems: list, shown: str) -> Any:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.ScalarNode):
        return _scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return [_convert(child, path + (i,), lines, problems, shown) for i, child in enumerate(node.value)]
    result: dict = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            problems.append(Problem(shown, key_node.start_mark.line + 1, "(file)", "a key must be plain text"))
            continue
        key = str(_scalar(key_node))
        if key in result:
            problems.append(Problem(
                shown, key_node.start_mark.line + 1, "(file)",
                f"duplicate key '{key}' (first given on line {lines[path + (key,)]}); keep only one"))
            continue
        result[key] = _convert(value_node, path + (key,), lines, problems, shown)
        lines[path + (key,)] = key_node.start_mark.line + 1
    return result


def read_data_file(file: Path, shown: str) -> tuple[DataFile | None, list[Problem]]:
    """Parse one file. Returns the data (None if unreadable) and the problems found."""
    raw = file.read_bytes()
    try:
        text = raw.decode("utf-8-sig")  # a byte-order mark is harmless: drop it
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [Problem(shown, line, "(file)",
                              f"the file is not UTF-8 text (byte 0x{raw[error.start]:02x} cannot be read); "
                              "save it with UTF-8 encoding")]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()):
        return None, [Problem(shown, 1, "(file)", "the file is empty; expected YAML data")]
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError:
        try:  # parse again in pure Python, whose errors yaml_syntax explains
            yaml.compose(text, Loader=yaml.SafeLoader)
        except yaml.YAMLError as error:
            line, message = syntax_message(error, text)
            return None, [Problem(shown, line, "(file)", message)]
        raise
    problems: list[Problem] = []
    lines: dict = {}
    try:
        data = _convert(node, (), lines, problems, shown)
    except yaml.YAMLError as error:
        line, message = syntax_message(error, text)
        return None, [Problem(shown, line, "(file)", message)]
    return DataFile(shown, data, lines), problems
