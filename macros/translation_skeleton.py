"""`python -m macros translate LANGUAGE FILE...`: start or extend the translation of data files.

For each English file it writes `translations/<language>/<file>` (or adds to it): every record not yet
translated, with its fingerprint in `from:`, `status: draft`, and each prose field as an empty value with
the English above it as a comment. Records already there are left exactly as they are; for a stale one
(its English changed) it prints what to re-read and the fingerprint to put in `from:` once updated.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from .translations import FILE_RECORD, english_records, read_translations, translation_path
from .yaml_source import read_data_file


def schema_line(language: str, english_relative: str) -> str:
    """The comment that lets an editor's YAML extension check the file against its schema."""
    depth = len(Path(translation_path(language, english_relative)).parts)  # policy_data/ adds one, the file takes one
    return f"# yaml-language-server: $schema={'../' * depth}schemas/translation.schema.json\n"


def _scalar(value) -> str:
    return yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=10_000).strip().removesuffix("...").strip()


def _comment(value) -> str:
    text = ", ".join(value) if isinstance(value, list) else " ".join(str(value).split())
    return text


def _record_yaml(record) -> list[str]:
    key = record.key if record.key != FILE_RECORD else "(file)"
    lines = [f"  {_scalar(key)}:", f"    from: {_scalar(record.fingerprint)}", "    status: draft"]
    for name, english in record.fields.items():
        lines.append(f"    # {_comment(english)}")
        lines.append(f"    {_scalar(name)}: {'[]' if isinstance(english, list) else chr(34) * 2}")
    return lines + [""]


def write_skeleton(data_dir: Path, language: str, english_relative: str, by: str) -> list[str]:
    """Add the untranslated records of one English file to its translation; returns what it did."""
    data_dir = Path(data_dir)
    source = data_dir / english_relative
    if not source.is_file():
        return [f"there is no file {english_relative} in {data_dir.as_posix()}/ to translate; give the English "
                "file's path inside it, e.g. quizzes/pupils.yml"]
    english, problems = read_data_file(source, english_relative)
    if english is None:
        return [str(p) for p in problems] or [f"{english_relative}: cannot be read"]
    existing, _ = read_translations(data_dir, language, data_dir.as_posix())
    current = existing.get(english_relative)
    done = current.records if current else {}
    records = english_records(english.data)
    target = data_dir / translation_path(language, english_relative)
    messages = []
    for key, record in records.items():
        entry = done.get(key)
        if entry is not None and entry.made_from != record.fingerprint:
            messages.append(f"{target.as_posix()}:{entry.line}: '{key}' is stale: re-read the English in "
                            f"{english_relative}, update the translation, then set from: {record.fingerprint}")
    new = [records[key] for key in records if key not in done]
    if not new:
        return messages + [f"{target.as_posix()}: every record of {english_relative} has a translation"]
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():
        text = target.read_text(encoding="utf-8").rstrip("\n") + "\n\n"
    else:
        text = (schema_line(language, english_relative) +
                f"# {language}: the translation of {english_relative}. Each record: the translated fields, `from:` (the\n"
                "# English fingerprint it was made from), `status:` draft or checked (by a speaker of the language).\n"
                "# Empty fields show the English, marked. Run `python -m macros check` after editing.\n"
                f"translates: {english_relative}\nby: {_scalar(by)}\nrecords:\n")
    text += "\n".join(line for record in new for line in _record_yaml(record))
    target.write_text(text.rstrip("\n") + "\n", encoding="utf-8")
    return messages + [f"{target.as_posix()}: added {len(new)} record{'s' if len(new) != 1 else ''} to translate"]
