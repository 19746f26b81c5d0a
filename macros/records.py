"""Records typed by their JSON Schema: fields read as attributes, absent fields as their empty value.

A kind of record is described once, in its schema. A `Record` wraps data that has already passed that
schema, so a field is either there with the right type or absent; absent lists read as [], absent
groups of fields as an empty record, anything else as None. Asking for a field the schema does not
define is a programming error and raises AttributeError, so a typo in a renderer cannot hide.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schemas"


@dataclass(frozen=True)
class Where:
    """Where a record lives: its file as the editor types it, its line, and its path inside the file."""

    file: str
    line: int
    path: tuple = ()


@lru_cache(maxsize=None)
def schema(name: str) -> dict:
    return json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))


def inlined(node, root: dict | None = None):
    """The schema with every local `$ref` replaced by the shape it names (siblings such as a
    `description` kept). Validating against it gives the same errors, without the cost of resolving
    thousands of references on every build; the files keep `$defs` for people and editors."""
    root = node if root is None else root
    if isinstance(node, list):
        return [inlined(item, root) for item in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node and node["$ref"].startswith("#/"):
        node = _resolve(node, root)
    return {key: inlined(value, root) for key, value in node.items() if key != "$defs"}


def _resolve(node: dict, root: dict) -> dict:
    """Follow a local `$ref` (#/$defs/...) to the shape it names."""
    while isinstance(node, dict) and "$ref" in node:
        ref = node["$ref"]
        if not ref.startswith("#/"):
            raise ValueError(f"only local $ref is supported in record schemas, not {ref!r}")
        target = root
        for step in ref[2:].split("/"):
            target = target[step]
        node = {**target, **{k: v for k, v in node.items() if k != "$ref"}}
    return node


def _fields(node: dict, root: dict) -> dict[str, dict]:
    """Every field a shape can have, across its oneOf/anyOf/allOf branches."""
    node = _resolve(node, root)
    found = dict(node.get("properties", {}))
    for key in ("oneOf", "anyOf", "allOf"):
        for branch in node.get(key, []):
            for name, shape in _fields(branch, root).items():
                found.setdefault(name, shape)
    return found


class Record:
    """One schema-checked record (or a group of fields inside one)."""

    def __init__(self, data: dict, shape: dict, root: dict, where: Where, lines=None):
        self._data = data
        self._shape = _resolve(shape, root)
        self._root = root
        self._fields = _fields(self._shape, root)
        self._lines = lines  # the file's DataFile, to find the line of any field
        self.where = where

    @classmethod
    def of_file(cls, data_file, schema_name: str, path: tuple = ()):
        """The record at `path` inside a data file (the whole file when `path` is empty)."""
        root = schema(schema_name)
        shape: dict = root
        data: Any = data_file.data
        for step in path:
            shape = _resolve(shape, root)
            shape = shape["items"] if isinstance(step, int) else _fields(shape, root)[step]
            data = data[step]
        where = Where(data_file.path, data_file.line_of(path), tuple(path))
        return cls(data, shape, root, where, data_file)

    # --- reading fields ---------------------------------------------------------------------------

    def __getattr__(self, name: str):
        if name.startswith("_"):
            raise AttributeError(name)
        key = name.rstrip("_")  # `from_` reads the field `from`
        if key not in self._fields:
            raise AttributeError(f"a {self._shape.get('title', 'record')} has no field '{key}'")
        value = self._wrap(self._data.get(key), self._fields[key], (key,))
        object.__setattr__(self, name, value)  # records never change: read each field once (treat it as read-only)
        return value

    def _wrap(self, value, shape: dict, steps: tuple):
        shape = _resolve(shape, self._root)
        kind = shape.get("type")
        if kind == "array":
            items = value if value is not None else []
            return [self._wrap(item, shape.get("items", {}), steps + (i,)) for i, item in enumerate(items)]
        if kind == "object" and (shape.get("properties") or "additionalProperties" not in shape):
            return self._child(value or {}, shape, steps)
        if kind == "object":  # a map: keys chosen by the editor (option values, account names...)
            inner = shape["additionalProperties"]
            return {k: self._wrap(v, inner if isinstance(inner, dict) else {}, steps + (k,))
                    for k, v in (value or {}).items()}
        if isinstance(value, dict):
            return self._child(value, shape, steps)
        return value

    def _child(self, data: dict, shape: dict, steps: tuple) -> "Record":
        path = self.where.path + steps
        line = self._lines.line_of(path) if self._lines else self.where.line
        return Record(data, shape, self._root, Where(self.where.file, line, path), self._lines)

    def entries(self) -> dict:
        """The fields the editor wrote, by name, read as attributes would be (for groups such as
        `people` whose fields are looked up by key)."""
        return {key: getattr(self, key) for key in self._data if key in self._fields}

    def has(self, name: str) -> bool:
        """Whether the editor wrote the field (an empty list written out counts)."""
        return name in self._data

    def line_of(self, *steps) -> int:
        """The line of a field of this record, e.g. `record.line_of("clauses", 2)`."""
        return self._lines.line_of(self.where.path + steps) if self._lines else self.where.line

    @property
    def data(self) -> dict:
        """The record as plain data (for fingerprints and snapshots)."""
        return self._data

    def texts(self) -> Iterator[tuple[tuple, str]]:
        """Every free-text value in the record, with its path inside the record."""
        def walk(value, steps):
            if isinstance(value, str):
                yield steps, value
            elif isinstance(value, dict):
                for k, v in value.items():
                    yield from walk(v, steps + (k,))
            elif isinstance(value, list):
                for i, v in enumerate(value):
                    yield from walk(v, steps + (i,))
        yield from walk(self._data, ())

    def __repr__(self) -> str:
        return f"<{self._shape.get('title', 'record')} {self._data.get('id', '')!s} at {self.where.file}:{self.where.line}>"
