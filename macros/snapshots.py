"""The approved record: snapshots of each approved version, stored, read and verified.

Each school keeps its own record, in its folder policy_data/schools/<school-id>/ (the "school folder"
below): its governing body adopts the shared policy, with the school's options and people, on its own
date. When governors approve a version, `python -m macros snapshot` writes approved/<version>.yml there
(see `snapshot_of`) and records the snapshot's fingerprint in the school's history.yml:

    snapshots:
      - version: "2.0"
        snapshot_fingerprint: 1a2b3c4d

Each clause is stored with its number (6.3) as well as its wording, so "What changed" can say which
clauses a review renumbered; snapshots stored before numbers were recorded have none (changes.py
works theirs out). The fingerprint is `content_fingerprint` of the snapshot's parsed data, so comments,
indentation, key order and quoting style do not count, but any changed, added or removed value does
(runs of spaces inside a text count as one space, as everywhere else in the policy). It guards against accidents — a merge
conflict, a truncated copy, a stray edit — not against someone who sets out to forge a snapshot.

`verify_snapshots` runs with every check and build; `read_snapshots` assumes it passed, and raises
rather than skip a snapshot it cannot read. A stored version is never overwritten: a new approval is a
new version.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from .fingerprint import content_fingerprint
from .loading import shown_prefix
from .model import long_date
from .problems import PolicyDataError, Problem
from .yaml_source import DataFile, read_data_file


if TYPE_CHECKING:  # pragma: no cover
    from .model import Policy

SNAPSHOT_DIR = "approved"
HISTORY_FILE = "history.yml"
SCHEMA = Path(__file__).resolve().parent.parent / "schemas" / "approved.schema.json"
# A complete snapshot has these keys, written in this order (sorted): losing the last ones is truncation.
TOP_LEVEL_KEYS = ("approved_on", "clauses", "options", "people", "version")

RESTORE = "restore it from version control"
# A school's first approval starts its history.yml.
HISTORY_START = ("# yaml-language-server: $schema=../../../schemas/history.schema.json\n"
                 "# This school's earlier approved versions, oldest first (the version in force is `approval` in\n"
                 "# its profile), and the fingerprint of every approved snapshot in approved/.\n"
                 "versions: []\n")

# Every message, so that callers and tests can rely on the exact words.
EMPTY = f"this approved snapshot is empty; {RESTORE}"
UNREADABLE = "this approved snapshot cannot be read ({detail}); " + RESTORE
TRUNCATED = "this approved snapshot is cut short: it ends at line {last} without {missing}; " + RESTORE
NOT_SCHEMA = "this approved snapshot does not match schemas/approved.schema.json ({detail}); " + RESTORE
WRONG_VERSION = ("this approved snapshot says it is version {said}, but its file name says {stem}; "
                 "restore it from version control, or remove it if it is a stray copy")
CHANGED = ("this approved snapshot was changed after approval (its fingerprint is {now}; history.yml records "
           "{recorded}); restore it from version control, or re-approve the policy as a new version")
UNRECORDED = ("this approved snapshot is not recorded in history.yml (snapshots), so nothing shows it is what "
              "governors approved; remove it, or restore history.yml from version control "
              "(`python -m macros snapshot` stores and records the version in force)")
MISSING = ("history.yml records an approved snapshot of version {version}, but {shown} is missing; "
           "restore that file from version control")
RECORDED_TWICE = "version {version} is recorded twice in snapshots (first on line {first}); keep one entry"
NOT_YML = "approved snapshots end in .yml; rename this file"

HEADER = ("# yaml-language-server: $schema=../../../../schemas/approved.schema.json\n"
          "# The policy as approved: version {version}. Written by `python -m macros snapshot`; do not edit.\n"
          "# Its fingerprint is recorded in history.yml (snapshots) and every check compares the two.\n"
          "# The 'What changed' page compares the current data with these snapshots.\n")


def snapshot_of(policy: "Policy") -> dict:
    """The parts of the policy a reader would notice changing (the shape of schemas/approved.schema.json)."""
    approved_on = policy.approved_on
    return {
        "version": policy.version,
        "approved_on": str(approved_on) if approved_on else "",
        "clauses": {c.id: {"title": c.title, "number": c.number, "kind": c.kind, "text": " ".join(c.text.split()),
                           "audiences": list(c.audiences),
                           **({"summary": {k: " ".join(v.split()) for k, v in sorted(c.summary.items())}}
                              if c.summary else {})}
                    for c in policy.all_clauses()},
        "options": dict(policy.options),
        "people": {key: {"name": str(_field(person, "name") or ""), "role": str(_field(person, "role") or "")}
                   for key, person in policy.people().items()},
    }


def _field(record, name: str):
    """A field of a person, whether the model gives plain data or a record."""
    return record.get(name) if isinstance(record, dict) else getattr(record, name, None)


def snapshot_fingerprint(data: object) -> str:
    """The fingerprint recorded for a snapshot: of its data, not of its comments or layout."""
    return content_fingerprint(data)


# --- reading ----------------------------------------------------------------------------------------


_parsed: dict[tuple[str, str], tuple[DataFile | None, tuple[Problem, ...]]] = {}


def _read(path: Path, shown: str) -> tuple[DataFile | None, list[Problem]]:
    """Parse a snapshot once per content: the check and the 'What changed' page share the result."""
    key = (shown, hashlib.sha256(path.read_bytes()).hexdigest())
    if key not in _parsed:
        if len(_parsed) >= 32:
            _parsed.clear()
        data_file, problems = read_data_file(path, shown)
        _parsed[key] = (data_file, tuple(problems))
    data_file, problems = _parsed[key]
    return data_file, list(problems)


def version_key(version: str):
    return tuple(int(p) for p in version.split(".") if p.isdigit())


def read_snapshots(data_dir: Path) -> dict[str, dict]:
    """Every stored snapshot's data by version, oldest first (`data_dir` is the school folder).

    Call after `verify_snapshots` has passed (every check and build runs it). A snapshot that cannot be
    read is never skipped: this raises PolicyDataError with what verification finds."""
    data_dir = Path(data_dir)
    prefix = shown_prefix(data_dir)
    found = {}
    for path in sorted((data_dir / SNAPSHOT_DIR).glob("*.yml")):
        data_file, problems = _read(path, f"{prefix}/{SNAPSHOT_DIR}/{path.name}")
        if data_file is None or problems or not isinstance(data_file.data, dict):
            raise PolicyDataError(verify_snapshots(data_dir) or problems or [
                Problem(f"{prefix}/{SNAPSHOT_DIR}/{path.name}", 1, "(file)", EMPTY)])
        found[path.stem] = data_file.data
    return dict(sorted(found.items(), key=lambda item: version_key(item[0])))


@dataclass(frozen=True)
class Recorded:
    """A snapshot recorded in history.yml."""

    version: str
    fingerprint: str
    line: int


def _recorded(data_dir: Path, prefix: str) -> tuple[list[Recorded], bool]:
    """The snapshots history.yml records, and whether history.yml could be read at all (when it
    cannot, the loader reports why, and snapshots are not compared with it)."""
    path = data_dir / HISTORY_FILE
    if not path.is_file():
        return [], True  # no history yet (a new school): nothing recorded
    data_file, _ = read_data_file(path, f"{prefix}/{HISTORY_FILE}")
    if data_file is None or not isinstance(data_file.data, dict):
        return [], False
    entries = data_file.data.get("snapshots") or []
    found = []
    for index, entry in enumerate(entries if isinstance(entries, list) else []):
        if isinstance(entry, dict) and isinstance(entry.get("version"), str) \
                and isinstance(entry.get("snapshot_fingerprint"), str):
            found.append(Recorded(entry["version"], entry["snapshot_fingerprint"],
                                  data_file.line_of(("snapshots", index))))
    return found, True


# --- verifying ----------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _validator():
    import json

    from jsonschema import Draft202012Validator, FormatChecker
    from .records import inlined
    return Draft202012Validator(inlined(json.loads(SCHEMA.read_text(encoding="utf-8"))), format_checker=FormatChecker())


def _where(path) -> str:
    return ".".join(str(p) for p in path) or "the file"


def schema_problems(data: object) -> list[tuple[tuple, str]]:
    """(path, what is wrong) for each way `data` fails schemas/approved.schema.json."""
    errors = sorted(_validator().iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path])
    return [(tuple(e.absolute_path), f"{_where(e.absolute_path)}: {e.message}") for e in errors]


def _truncation(text: str, data: object) -> str | None:
    """If the snapshot looks cut short, the keys it lost ("'people' and 'version'"); else None.

    A snapshot's top-level keys are written in a fixed order, so a cut loses the last ones."""
    if not isinstance(data, dict):
        return None
    present = [key in data for key in TOP_LEVEL_KEYS]
    if all(present) or not any(present):
        return None
    first_missing = present.index(False)
    if any(present[first_missing:]):
        return None  # a key missing from the middle is an edit, not a cut: the schema reports it
    lost = [f"'{key}'" for key in TOP_LEVEL_KEYS[first_missing:]]
    return lost[0] if len(lost) == 1 else ", ".join(lost[:-1]) + " and " + lost[-1]


def _last_line(text: str) -> int:
    lines = text.replace("\r\n", "\n").splitlines()
    while lines and not lines[-1].strip():
        lines.pop()
    return max(len(lines), 1)


def _without_last_line(text: str) -> object:
    """The data of a file whose last line was cut in the middle of a value, without that line."""
    lines = text.replace("\r\n", "\n").splitlines()
    while lines and not lines[-1].strip():
        lines.pop()
    try:
        return yaml.load("\n".join(lines[:-1]) + "\n", Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        return None


def _file_problems(path: Path, shown: str, record: str) -> tuple[DataFile | None, list[Problem]]:
    """What is wrong with one snapshot on its own (before comparing it with history.yml)."""
    def problem(line: int, message: str) -> Problem:
        return Problem(shown, line, record, message)

    data_file, read_problems = _read(path, shown)
    text = path.read_bytes().decode("utf-8", errors="replace")
    last = _last_line(text)
    if data_file is None:
        first = read_problems[0]
        if first.message.startswith("the file is empty"):
            return None, [problem(1, EMPTY)]
        # A cut in the middle of the last value: the rest reads, and lost the last keys. Wherever the
        # syntax message places the error (an unclosed quote is reported where it may have opened).
        lost = _truncation(text, _without_last_line(text))
        if lost:
            return None, [problem(last, TRUNCATED.format(last=last, missing=lost))]
        return None, [problem(p.line, UNREADABLE.format(detail=p.message)) for p in read_problems]
    if read_problems:  # readable, but with duplicate keys or the like
        return None, [problem(p.line, UNREADABLE.format(detail=p.message)) for p in read_problems]
    lost = _truncation(text, data_file.data)
    if lost:
        return None, [problem(last, TRUNCATED.format(last=last, missing=lost))]
    wrong = schema_problems(data_file.data)
    if wrong:
        return None, [problem(data_file.line_of(where), NOT_SCHEMA.format(detail=detail)) for where, detail in wrong]
    said = data_file.data["version"]
    if said != path.stem:
        return None, [problem(data_file.line_of(("version",)), WRONG_VERSION.format(said=said, stem=path.stem))]
    return data_file, []


def verify_snapshots(data_dir: Path) -> list[Problem]:
    """Every problem with one school's approved record (`data_dir` is the school folder), each as
    file:line with what to do.

    Each snapshot in approved/ must read, be whole, match schemas/approved.schema.json and carry the
    fingerprint history.yml records for it; each snapshot history.yml records must be there."""
    data_dir = Path(data_dir)
    prefix = shown_prefix(data_dir)
    folder = data_dir / SNAPSHOT_DIR
    problems: list[Problem] = []
    recorded, history_readable = _recorded(data_dir, prefix)
    history_shown = f"{prefix}/{HISTORY_FILE}"
    by_version: dict[str, Recorded] = {}
    for entry in recorded:
        if entry.version in by_version:
            problems.append(Problem(history_shown, entry.line, f"approved version {entry.version}",
                                    RECORDED_TWICE.format(version=entry.version, first=by_version[entry.version].line)))
        else:
            by_version[entry.version] = entry
    stored = sorted(folder.glob("*.yml")) if folder.is_dir() else []
    if folder.is_dir():
        problems += [Problem(f"{prefix}/{SNAPSHOT_DIR}/{p.name}", 1, "(file)", NOT_YML)
                     for p in sorted(folder.glob("*.yaml"))]
    for path in stored:
        shown = f"{prefix}/{SNAPSHOT_DIR}/{path.name}"
        record = f"approved version {path.stem}"
        data_file, found = _file_problems(path, shown, record)
        problems += found
        if data_file is None or not history_readable:
            continue
        entry = by_version.get(path.stem)
        if entry is None:
            problems.append(Problem(shown, 1, record, UNRECORDED))
            continue
        now = snapshot_fingerprint(data_file.data)
        if now != entry.fingerprint:
            problems.append(Problem(shown, 1, record, CHANGED.format(now=now, recorded=entry.fingerprint)))
    names = {path.stem for path in stored}
    for version, entry in by_version.items():
        if version not in names:
            missing = f"{prefix}/{SNAPSHOT_DIR}/{version}.yml"
            problems.append(Problem(history_shown, entry.line, f"approved version {version}",
                                    MISSING.format(version=version, shown=missing)))
    return sorted(problems)


# --- storing ------------------------------------------------------------------------------------------


def _write(path: Path, text: str) -> None:
    """Replace a file in one step, so an interrupted run never leaves half a file."""
    partial = path.with_name(f".{path.name}.partial")
    partial.write_text(text, encoding="utf-8")
    os.replace(partial, path)


def snapshot_text(data: dict) -> str:
    return HEADER.format(version=data["version"]) + yaml.safe_dump(data, sort_keys=True, allow_unicode=True,
                                                                   width=100)


def _history_with(text: str, version: str, fingerprint: str) -> str | None:
    """history.yml's text with one more entry in `snapshots`, leaving every other line as it was.
    None when the list is written in a way we cannot add to safely (flow style)."""
    lines = text.splitlines()
    try:
        node = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        return None
    entry = [f'- version: "{version}"', f"  snapshot_fingerprint: {fingerprint}"]
    block = None
    for key, value in (node.value if isinstance(node, yaml.MappingNode) else []):
        if isinstance(key, yaml.ScalarNode) and key.value == "snapshots":
            block = (key, value)
    if block is None:
        body = text.rstrip("\n")
        return (body + "\n\n# Approved snapshots stored in approved/, each with the fingerprint of its data. Added by\n"
                "# `python -m macros snapshot`; every check compares them. Do not edit.\n"
                "snapshots:\n" + "\n".join("  " + ln for ln in entry) + "\n")
    key, value = block
    if isinstance(value, yaml.ScalarNode) and value.value in ("", "~", "null"):  # `snapshots:` with nothing yet
        indent, after = "  ", key.start_mark.line + 1
        lines[key.start_mark.line] = lines[key.start_mark.line][: key.start_mark.column] + "snapshots:"
    elif isinstance(value, yaml.SequenceNode) and value.flow_style and not value.value:  # snapshots: []
        indent, after = "  ", key.start_mark.line + 1
        lines[key.start_mark.line] = lines[key.start_mark.line][: key.start_mark.column] + "snapshots:"
    elif isinstance(value, yaml.SequenceNode) and not value.flow_style and value.value:
        first = value.value[0].start_mark  # the first entry's first field, two columns after its dash
        indent = " " * max(first.column - 2, 0)
        after = value.value[-1].end_mark.line + (1 if value.value[-1].end_mark.column else 0)
        while after > 0 and (not lines[after - 1].strip() or lines[after - 1].lstrip().startswith("#")):
            after -= 1
    else:
        return None
    return "\n".join(lines[:after] + [indent + ln for ln in entry] + lines[after:]) + "\n"


def already_approved(version: str, stored: dict | None, shown: str, history_shown: str, profile_shown: str) -> str:
    """Why a second approval of one version is refused, and how to make it a new version instead."""
    approved_on = stored.get("approved_on") if isinstance(stored, dict) else None
    when = f" on {long_date(dt.date.fromisoformat(approved_on))}" if approved_on else ""
    return (f"Version {version} was approved{when} and is stored in {shown}; an approved version is never "
            f"overwritten, and the data now differs from it. A new approval is a new version: move the old "
            f"approval to {history_shown} (versions), set approval.version (and approved_on, approved_by) in "
            f"{profile_shown}, then run `python -m macros snapshot` again. Nothing was written.")


def _same_approval(stored: dict, wanted: dict) -> bool:
    """Whether the stored snapshot is what storing now would write. A snapshot stored before clause
    numbers were recorded is compared without them: its wording alone is what governors approved."""
    if not any("number" in clause for clause in stored.get("clauses", {}).values()):
        wanted = {**wanted, "clauses": {cid: {k: v for k, v in clause.items() if k != "number"}
                                        for cid, clause in wanted["clauses"].items()}}
    return snapshot_fingerprint(stored) == snapshot_fingerprint(wanted)


@dataclass(frozen=True)
class Stored:
    """What `store_snapshot` did: an exit code for the command and one line for the editor."""

    code: int
    message: str


def store_snapshot(policy: "Policy", data_dir: Path) -> Stored:
    """Store the version in force as approved/<version>.yml and record its fingerprint in history.yml.

    Never overwrites a stored version: an identical one is left alone (code 0); a different one is
    refused (code 1) with the date it was approved and how to make a new version, and nothing is written.
    `data_dir` is the policy data folder; the record is the school's own."""
    profile_shown = f"{shown_prefix(Path(data_dir))}/{policy.profile_file}"
    data_dir = Path(data_dir) / policy.school_folder
    prefix = shown_prefix(data_dir)
    data = snapshot_of(policy)
    version = data["version"]
    target = data_dir / SNAPSHOT_DIR / f"{version}.yml"
    shown = f"{prefix}/{SNAPSHOT_DIR}/{version}.yml"
    history = data_dir / HISTORY_FILE
    history_shown = f"{prefix}/{HISTORY_FILE}"
    if policy.is_draft:  # nothing approved yet: a snapshot records what governors approved
        return Stored(1, f"Version {version} is a draft (approval.status in {profile_shown}), so there is no "
                         "approval to store yet; when governors approve it, set approval.status: approved with "
                         "approved_by and approved_on there, then run `python -m macros snapshot` again. "
                         "Nothing was written.")
    wrong = schema_problems(data)
    if wrong:
        return Stored(1, f"cannot store version {version}: its snapshot would not match "
                         f"schemas/approved.schema.json ({wrong[0][1]}); run `python -m macros check` and fix the data")
    wanted = snapshot_fingerprint(data)
    recorded, history_readable = _recorded(data_dir, prefix)
    if not history_readable:
        return Stored(1, f"cannot store version {version}: {history_shown} cannot be read; "
                         "run `python -m macros check` and fix it first")
    entry = next((r for r in recorded if r.version == version), None)
    if target.exists():
        stored, problems = _read(target, shown)
        if stored is not None and not problems and _same_approval(stored.data, data):
            updated = _history_with(history.read_text(encoding="utf-8") if history.is_file() else HISTORY_START,
                                    version, wanted)
            if entry is None and updated is not None:
                _write(history, updated)
            return Stored(0, f"version {version} is already approved and stored in {shown}, identical to the "
                             "data; nothing to do")
        return Stored(1, already_approved(version, stored.data if stored is not None and not problems else None,
                                          shown, history_shown, profile_shown))
    if entry is not None:
        return Stored(1, f"cannot store version {version}: {history_shown} line {entry.line} already records a "
                         f"snapshot of it, but {shown} is missing; restore that file from version control")
    old_history = history.read_text(encoding="utf-8") if history.is_file() else HISTORY_START
    new_history = _history_with(old_history, version, wanted)
    if new_history is None:
        return Stored(1, f"cannot store version {version}: the snapshots list in {history_shown} is not written "
                         "one '- version:' entry per line block; write it so (or remove it if empty) and run again")
    target.parent.mkdir(parents=True, exist_ok=True)
    _write(target, snapshot_text(data))
    written, problems = read_data_file(target, shown)
    if written is None or problems or snapshot_fingerprint(written.data) != wanted:  # pragma: no cover - safety net
        target.unlink()
        return Stored(1, f"cannot store version {version}: the snapshot did not read back as written; "
                         "please report this")
    _write(history, new_history)
    if (version, wanted) not in {(r.version, r.fingerprint) for r in _recorded(data_dir, prefix)[0]}:
        _write(history, old_history)  # pragma: no cover - safety net
        target.unlink()
        return Stored(1, f"cannot store version {version}: could not record it in {history_shown}; please report this")
    return Stored(0, f"stored the approved wording of version {version} in {shown}; its fingerprint {wanted} "
                     f"is recorded in {history_shown}")
