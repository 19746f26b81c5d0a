"""Check each data file against the JSON Schema for its kind, with messages an editor can act on."""

from __future__ import annotations

import difflib
from functools import lru_cache

from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import ValidationError

from .problems import Problem
from .records import inlined, schema
from .registry import schema_for
from .yaml_source import DataFile


@lru_cache(maxsize=None)
def validator(name: str) -> Draft202012Validator:
    return Draft202012Validator(inlined(schema(name)), format_checker=FormatChecker())


def _record_label(data, path) -> str:
    """The nearest record around `path` that has an id, e.g. "clause 'posting.no-full-names'"."""
    path = list(path)
    node, label = data, "(file)"
    if isinstance(data, dict) and isinstance(data.get("id"), str):
        label = f"'{data['id']}'"  # a file that is one record (a section, platform, quiz...)
    elif path and isinstance(path[0], str) and isinstance(data, dict):
        label = f"'{path[0]}'"  # files without record ids (a school's profile): name the top-level block
    for step in path:
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(node, dict) and isinstance(node.get("id"), str):
            label = f"'{node['id']}'"
    return label


def _field(path) -> str:
    named = [str(p) for p in path if isinstance(p, str)]
    return f"'{named[-1]}'" if named else "the file"


def _shown(value) -> str:
    if isinstance(value, str):
        return f"'{value[:60]}{'...' if len(value) > 60 else ''}'"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, dict)):
        return "a list" if isinstance(value, list) else "a mapping"
    if value is None:
        return "nothing"
    return str(value)


TYPE_WORDS = {"string": "text", "array": "a list", "object": "a mapping of fields", "integer": "a whole number",
              "boolean": "true or false", "number": "a number"}


def _message(error: ValidationError, schema_name: str) -> str:
    where = _field(error.absolute_path)
    if not error.absolute_path and error.validator == "type":
        return (f"the file must be a mapping of fields (got {_shown(error.instance)}); "
                f"see schemas/{schema_name}.schema.json for what it holds")
    schema = error.schema
    expected = schema.get("description")
    kind = error.validator
    if kind == "required":
        missing = error.message.split("'")[1]
        described = error.schema.get("properties", {}).get(missing, {}).get("description")
        return f"missing required field '{missing}'" + (f" ({described})" if described else "")
    if kind == "additionalProperties":
        allowed = sorted(schema.get("properties", {}))
        extras = sorted(set(error.instance) - set(allowed)) if isinstance(error.instance, dict) else []
        parts = []
        for extra in extras:
            close = difflib.get_close_matches(extra, allowed, n=1, cutoff=0.6)
            hint = f"did you mean '{close[0]}'?" if close else f"expected one of: {', '.join(allowed)}"
            parts.append(f"unknown field '{extra}'; {hint}")
        return "; ".join(parts)
    if kind == "enum":
        options = ", ".join(str(o) for o in schema["enum"])
        close = difflib.get_close_matches(str(error.instance), [str(o) for o in schema["enum"]], n=1, cutoff=0.6)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        return f"{where} must be one of {options} (got {_shown(error.instance)}){hint}"
    if kind == "type":
        wanted = TYPE_WORDS.get(schema["type"], schema["type"])
        return f"{where} must be {wanted} (got {_shown(error.instance)})" + (f"; expected {expected}" if expected else "")
    if kind == "pattern":
        return f"{where} must be {expected or 'in the expected form'} (got {_shown(error.instance)})"
    if kind == "format":
        return f"{where} must be a real date written YYYY-MM-DD (got {_shown(error.instance)})"
    if kind == "minItems":
        return f"{where} must list at least {schema['minItems']} item{'s' if schema['minItems'] > 1 else ''}"
    if kind == "uniqueItems":
        return f"{where} lists the same item twice"
    if kind == "minLength":
        return f"{where} must not be empty"
    if kind == "maxLength":
        return f"{where} is too long ({len(error.instance)} characters; at most {schema['maxLength']})"
    if kind in ("minimum", "maximum"):
        return f"{where} must be between {schema.get('minimum', 0)} and {schema.get('maximum')} (got {error.instance})"
    if kind == "minProperties":
        return f"{where} must give at least {schema['minProperties']} entries"
    if kind == "oneOf":
        return error.schema.get("description", "does not match any allowed form").replace("a clause: ", "a clause needs ")
    return error.message


def check_schema(file: DataFile, relative_path: str) -> list[Problem]:
    name = schema_for(relative_path)
    if name is None:
        return [Problem(file.path, 1, "(file)", "no schema is registered for this file; "
                        "move it to the folder for its kind (policy_data/README.md lists them)")]
    problems = []
    for error in validator(name).iter_errors(file.data):
        path = tuple(error.absolute_path)
        if error.validator == "additionalProperties" and isinstance(error.instance, dict):
            extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
            if extra:
                path = path + (extra[0],)
        problems.append(Problem(file.path, file.line_of(path), _record_label(file.data, error.absolute_path),
                                _message(error, name)))
    return problems
