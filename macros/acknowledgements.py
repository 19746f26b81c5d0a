"""Acknowledgement records read back into a register for the head teacher.

A member of staff who finishes the self-check (or a checklist) prints or e-mails a record: lines such as
`Name: ...`, `Date: ...`, `Policy version: ...` and a short `Code:` that the page derives from the name,
the date, the version and the score (docs/assets/selfcheck.js, `shortCode`). This module reads a folder
of such records (text files or e-mails saved as text) or a CSV, checks each code against its record,
and sorts people into: acknowledged the version in force, acknowledged only an older version, and (given
the school's staff list) not yet acknowledged. The code is a convenience against copying mistakes, not a
proof: anyone who reads this file can make one.
"""

from __future__ import annotations

import csv
import email
import email.policy
import datetime as dt
import io
import re
from dataclasses import dataclass
from pathlib import Path

from .problems import Problem

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford's base32: no I, L, O or U to misread
EPOCH = dt.date(2020, 1, 1)
FORMAT = 1


def fnv(data: bytes) -> int:
    """FNV-1a, 32 bits: the same small hash the page uses."""
    h = 0x811C9DC5
    for byte in data:
        h = ((h ^ byte) * 16777619) & 0xFFFFFFFF
    return h


def normal_name(name: str) -> str:
    return " ".join(name.split()).lower()


def name_hash(name: str) -> int:
    return fnv(normal_name(name).encode("utf-8")) & 0xFFFF


@dataclass(frozen=True)
class Code:
    """What a short code holds."""

    date: dt.date
    self_check: int  # a byte of the hash of the quiz or checklist id
    version: str
    right: int
    total: int
    name_hash: int


def encode(date: dt.date, record_id: str, version: str, name: str, right: int, total: int) -> str:
    """The code the page makes (used by the tests and to explain the format)."""
    days = (date - EPOCH).days
    raw = version.encode("utf-8")[:15]
    h = name_hash(name)
    payload = bytes([FORMAT, days >> 8, days & 255, fnv(record_id.encode("utf-8")) & 255, len(raw)]) + raw + \
        bytes([min(right, 255), min(total, 255), h >> 8, h & 255])
    payload += bytes([fnv(payload) & 255])
    bits = "".join(f"{b:08b}" for b in payload)
    bits += "0" * (-len(bits) % 5)
    text = "".join(ALPHABET[int(bits[i:i + 5], 2)] for i in range(0, len(bits), 5))
    return "-".join(text[i:i + 4] for i in range(0, len(text), 4))


def decode(code: str) -> Code | None:
    """The contents of a code, or None when it is mistyped, cut short or not a code at all."""
    text = code.upper().replace("-", "").replace(" ", "").translate(str.maketrans("OIL", "011"))
    if not text or any(c not in ALPHABET for c in text):
        return None
    bits = "".join(f"{ALPHABET.index(c):05b}" for c in text)
    payload = bytes(int(bits[i:i + 8], 2) for i in range(0, len(bits) - 7, 8))
    if len(payload) < 11 or payload[0] != FORMAT:
        return None
    size = payload[4]
    body, check = payload[:-1], payload[-1]
    if len(payload) != 10 + size or fnv(body) & 255 != check:
        return None
    try:
        version = body[5:5 + size].decode("utf-8")
    except UnicodeDecodeError:
        return None
    right, total, high, low = body[5 + size:9 + size]
    return Code(EPOCH + dt.timedelta(days=(body[1] << 8) | body[2]), body[3], version, right, total, (high << 8) | low)


# --- reading records -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Entry:
    """One acknowledgement, checked: who, their role, when, which version and self-check, the score."""

    name: str
    role: str
    date: dt.date
    version: str
    self_check: str
    right: int
    total: int
    source: str


FIELD = re.compile(r"^\s*(?:>\s*)*([^\W\d_][^\W\d_ ]*(?: [^\W\d_]+){0,4}?)\s*:\s*(.*?)\s*$")  # "> " quoted too
# A record made on a Welsh page labels its lines in Welsh.
LABELS = {"enw": "name", "rôl": "role", "fersiwn y polisi": "policy version", "cod": "code", "dyddiad": "date"}
CODE_SHAPE = "a code such as 1ABC-DE23-... as printed on the record"


def _fields(text: str) -> dict[str, tuple[str, int]]:
    """The record's `Label: value` lines (the first of each label), with their line numbers."""
    found: dict[str, tuple[str, int]] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        match = FIELD.match(line)
        if match:
            label = match.group(1).strip().lower()
            found.setdefault(LABELS.get(label, label), (match.group(2), number))
    return found


def _entry(source: str, fields: dict[str, tuple[str, int]], names: dict[int, str],
           line: int) -> tuple[Entry | None, list[Problem]]:
    """An entry from a record's fields, or the problems that stop it being one."""
    problems = []
    name, name_line = fields.get("name", ("", line))
    code_text, code_line = fields.get("code", ("", line))
    if not name:
        problems.append(Problem(source, name_line, "record", "no `Name:` line; expected the name of the person, "
                                                           "as printed on the record"))
    if not code_text:
        problems.append(Problem(source, code_line, "record", f"no `Code:` line; expected {CODE_SHAPE}"))
    if problems:
        return None, problems
    code = decode(code_text)
    if code is None:
        return None, [Problem(source, code_line, name, f"the code '{code_text}' is mistyped or cut short; expected "
                                                       f"{CODE_SHAPE} (check it against the printed record)")]
    if code.name_hash != name_hash(name):
        return None, [Problem(source, name_line, name, "the name does not match the code; expected the name exactly "
                                                       "as it was typed on the record")]
    version = fields.get("policy version", (code.version, line))
    if version[0] != code.version:
        return None, [Problem(source, version[1], name, f"the record says version {version[0]} but its code says "
                                                        f"{code.version}; expected the record as it was printed")]
    role = fields.get("role", ("", line))[0]
    self_check = names.get(code.self_check, "a self-check of another edition")
    return Entry(name.strip(), role.strip(), code.date, code.version, self_check, code.right, code.total,
                 source), []


def read_records(path: Path, names: dict[int, str]) -> tuple[list[Entry], list[Problem]]:
    """Every record in a folder (each .txt or .eml file one record) or a CSV (one record a row)."""
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.suffix.lower() in (".txt", ".eml") and p.is_file())
        if not files:
            return [], [Problem(str(path), 0, "folder", "no .txt or .eml files; expected one record a file")]
        entries, problems = [], []
        for file in files:
            text = _text(file, problems)
            if text is None:
                continue
            if file.suffix.lower() == ".eml":
                text = _mail_body(text)
            entry, found = _entry(str(file), _fields(text), names, 1)
            problems += found
            if entry:
                entries.append(entry)
        return entries, problems
    if path.suffix.lower() == ".csv":
        return _read_csv(path, names)
    return [], [Problem(str(path), 0, "file", "not a folder or a .csv file; expected a folder of records or a CSV "
                                              "with the columns name, role, code")]


def _text(file: Path, problems: list[Problem]) -> str | None:
    try:
        return file.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        problems.append(Problem(str(file), 0, "file", f"cannot be read as UTF-8 text ({type(error).__name__}); "
                                                      "expected a record saved as plain text"))
        return None


def _mail_body(text: str) -> str:
    """The plain-text body of a saved e-mail, decoded (mail programs may wrap or encode long lines)."""
    message = email.message_from_string(text, policy=email.policy.default)
    part = message.get_body(preferencelist=("plain",)) if message.is_multipart() or message.get_content_type() \
        == "text/plain" else None
    try:
        return part.get_content() if part is not None else text
    except (LookupError, ValueError):
        return text


def _rows(path: Path, needed: tuple[str, ...], problems: list[Problem]) -> list[tuple[int, dict[str, str]]]:
    """The rows of a CSV with lower-case headings, each with its line number; [] (and a problem) if the
    file cannot be read or lacks a needed column."""
    text = _text(path, problems)
    if text is None:
        return []
    reader = csv.DictReader(io.StringIO(text))
    headings = [h.strip().lower() for h in reader.fieldnames or []]
    missing = [n for n in needed if n not in headings]
    if missing:
        problems.append(Problem(str(path), 1, "headings", f"no column {', '.join(missing)}; expected a first line "
                                                          f"naming the columns, such as {','.join(needed)}"))
        return []
    rows = []
    for row in reader:
        values = {(k or "").strip().lower(): (v or "").strip() for k, v in row.items() if isinstance(v, str)}
        if any(values.values()):
            rows.append((reader.line_num, values))
    return rows


def _read_csv(path: Path, names: dict[int, str]) -> tuple[list[Entry], list[Problem]]:
    problems: list[Problem] = []
    entries = []
    for line, row in _rows(path, ("name", "code"), problems):
        fields = {key: (value, line) for key, value in row.items() if value}
        if "version" in fields:
            fields["policy version"] = fields.pop("version")
        entry, found = _entry(str(path), fields, names, line)
        problems += found
        if entry:
            entries.append(entry)
    return entries, problems


def read_staff(path: Path) -> tuple[list[tuple[str, str]], list[Problem]]:
    """(name, role) of everyone on the school's staff list, a CSV with a `name` column."""
    problems: list[Problem] = []
    staff = []
    for line, row in _rows(path, ("name",), problems):
        if not row.get("name"):
            problems.append(Problem(str(path), line, "row", "no name; expected a name in the `name` column"))
            continue
        staff.append((row["name"], row.get("role", "")))
    return staff, problems


# --- the register ------------------------------------------------------------------------------------------

def register(entries: list[Entry], version: str, staff: list[tuple[str, str]] | None) -> dict[str, list]:
    """Who has acknowledged the version in force, who only an older one, who on the staff list is missing.
    Each person's latest acknowledgement counts."""
    latest: dict[str, Entry] = {}
    for entry in sorted(entries, key=lambda e: (e.version == version, e.date)):
        latest[normal_name(entry.name)] = entry
    current = sorted((e for e in latest.values() if e.version == version), key=lambda e: normal_name(e.name))
    older = sorted((e for e in latest.values() if e.version != version), key=lambda e: normal_name(e.name))
    missing = [] if staff is None else [(n, r) for n, r in staff if normal_name(n) not in latest]
    return {"current": current, "older": older, "missing": missing}


def format_register(groups: dict[str, list], school: str, version: str, staff_file: str | None) -> str:
    def line(e: Entry) -> str:
        role = f", {e.role}" if e.role else ""
        return f"- {e.name}{role}: {e.date:%-d %B %Y}, {e.self_check}, {e.right} of {e.total}"

    out = [f"Register of acknowledgements: {school}, policy version {version} (in force)", ""]
    out += [f"Acknowledged version {version} ({len(groups['current'])})"]
    out += [line(e) for e in groups["current"]] or ["- nobody yet"]
    out += ["", f"Acknowledged an older version only ({len(groups['older'])})"]
    out += [line(e).replace(":", f": version {e.version},", 1) for e in groups["older"]] or ["- nobody"]
    if staff_file is not None:
        out += ["", f"Not yet acknowledged, from {staff_file} ({len(groups['missing'])})"]
        out += [f"- {n}{', ' + r if r else ''}" for n, r in groups["missing"]] or ["- nobody: everyone has"]
    out += ["", "The codes catch copying mistakes; they are not proof against forgery."]
    return "\n".join(out)


def self_check_names(policy) -> dict[int, str]:
    """Each quiz's and checklist's title, by the byte of its id's hash that a code carries."""
    titled = {**{q: r.title for q, r in policy.quizzes.items()}, **{c: r.title for c, r in policy.checklists.items()}}
    return {fnv(record_id.encode("utf-8")) & 255: title for record_id, title in titled.items()}
