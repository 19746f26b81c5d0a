"""The register command: acknowledgement records (text files, saved e-mails or a CSV) read back into who
has acknowledged the version in force, who only an older one, and who on the staff list is missing; bad
input gives file:line messages, all at once, and no register."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

from conftest import DATA, PROJECT
from macros.acknowledgements import decode, encode

DAY = dt.date(2026, 11, 20)


def record(name: str, version: str, right: int = 30, total: int = 37, role: str = "Teacher", day=DAY,
           code: str | None = None) -> str:
    """A record as the page writes it into the e-mail body."""
    code = code or encode(day, "staff", version, name, right, total)
    return "\n".join(["Acknowledgement record", f"Name: {name}", f"Role: {role}", "School: Bryn Teg Primary School",
                      "Self-check: Staff self-check", f"Date: {day.isoformat()}", "Set 1 of 6: Setting up: 6 of 7",
                      f"Total: {right} of {total}", f"Policy version: {version}", "Policy fingerprint: 0123abcd",
                      f"Code: {code}", ""])


def run_register(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "macros", "--data", str(DATA), "register", *args],
                          capture_output=True, text=True, cwd=PROJECT)


@pytest.fixture(scope="module")
def version(policy) -> str:
    return policy.version


def test_a_code_holds_what_the_record_says_and_catches_a_typo():
    code = encode(DAY, "staff", "2.0", "Alex Example", 30, 37)
    assert len(code.replace("-", "")) <= 24
    read = decode(code)
    assert (read.date, read.version, read.right, read.total) == (DAY, "2.0", 30, 37)
    typo = code[:3] + ("X" if code[3] != "X" else "Y") + code[4:]
    assert decode(typo) is None
    assert decode(code.lower()) == read  # read aloud or typed in lower case, still the same
    assert decode(code[:-5]) is None and decode("hello") is None and decode("") is None


def test_register_sorts_current_older_and_missing(tmp_path, version):
    folder = tmp_path / "records"
    folder.mkdir()
    (folder / "alex.txt").write_text(record("Alex Example", version), encoding="utf-8")
    (folder / "bea.txt").write_text(record("Bea Older", "1.0", role="Office manager"), encoding="utf-8")
    # an e-mail saved from a mail program, its body wrapped and encoded as quoted-printable
    body = record("Cai Mail", version).replace("=", "=3D")
    (folder / "cai.eml").write_text("From: cai@example.org\nSubject: Acknowledgement\nMIME-Version: 1.0\n"
                                    "Content-Type: text/plain; charset=utf-8\n"
                                    "Content-Transfer-Encoding: quoted-printable\n\n" + body, encoding="utf-8")
    staff = tmp_path / "staff.csv"
    staff.write_text("name,role\nAlex Example,Teacher\nbea older,Office manager\nCai Mail,TA\nDee Missing,Cook\n",
                     encoding="utf-8")
    run = run_register(str(folder), "--staff", str(staff))
    assert run.returncode == 0, run.stderr
    out = run.stdout
    current = out.split(f"Acknowledged version {version} (2)")[1].split("Acknowledged an older")[0]
    assert "Alex Example, Teacher: 20 November 2026, Staff self-check, 30 of 37" in current
    assert "Cai Mail" in current
    older = out.split("Acknowledged an older version only (1)")[1].split("Not yet")[0]
    assert "Bea Older, Office manager: version 1.0," in older
    missing = out.split("Not yet acknowledged")[1]
    assert "(1)" in missing and "Dee Missing, Cook" in missing
    assert "Alex" not in missing and "not proof against forgery" in out


def test_register_reads_a_csv_of_records(tmp_path, version):
    records = tmp_path / "records.csv"
    rows = [("Alex Example", version), ("Bea Older", "1.0")]
    records.write_text("Name,Role,Code\n" + "".join(f"{n},Teacher,{encode(DAY, 'staff', v, n, 5, 7)}\n"
                                                     for n, v in rows), encoding="utf-8")
    run = run_register(str(records))
    assert run.returncode == 0, run.stderr
    assert f"Acknowledged version {version} (1)" in run.stdout
    assert "Not yet acknowledged" not in run.stdout  # no staff list given


def test_bad_records_are_reported_all_at_once_with_file_and_line(tmp_path, version):
    folder = tmp_path / "records"
    folder.mkdir()
    good = encode(DAY, "staff", version, "Alex Example", 30, 37)
    (folder / "a-typo.txt").write_text(record("Alex Example", version, code=good[:-1] + "0"), encoding="utf-8")
    (folder / "b-other-name.txt").write_text(record("Alexa Example", version, code=good), encoding="utf-8")
    (folder / "c-no-code.txt").write_text("Name: Someone\nDate: 2026-11-20\n", encoding="utf-8")
    (folder / "d-binary.txt").write_bytes(b"\xff\xfe\x00bad")
    staff = tmp_path / "staff.csv"
    staff.write_text("role\nTeacher\n", encoding="utf-8")
    run = run_register(str(folder), "--staff", str(staff))
    assert run.returncode == 1 and "Traceback" not in run.stderr
    lines = run.stderr.splitlines()
    assert lines[:-1] == [
        f"{folder}/a-typo.txt:11: Alex Example: the code '{good[:-1]}0' is mistyped or cut short; expected a code "
        "such as 1ABC-DE23-... as printed on the record (check it against the printed record)",
        f"{folder}/b-other-name.txt:2: Alexa Example: the name does not match the code; expected the name exactly "
        "as it was typed on the record",
        f"{folder}/c-no-code.txt:1: record: no `Code:` line; expected a code such as 1ABC-DE23-... as printed on "
        "the record",
        f"{folder}/d-binary.txt: file: cannot be read as UTF-8 text (UnicodeDecodeError); expected a record saved "
        "as plain text",
        f"{staff}:1: headings: no column name; expected a first line naming the columns, such as name",
    ]
    assert lines[-1].startswith("register not made: 5 problems in the records")
    assert run.stdout == ""


def test_a_record_whose_version_was_edited_is_caught(tmp_path, version):
    folder = tmp_path / "records"
    folder.mkdir()
    text = record("Alex Example", "1.0").replace("Policy version: 1.0", f"Policy version: {version}")
    (folder / "alex.txt").write_text(text, encoding="utf-8")
    run = run_register(str(folder))
    assert run.returncode == 1
    assert f"alex.txt:9: Alex Example: the record says version {version} but its code says 1.0" in run.stderr


def test_neither_folder_nor_csv_is_explained(tmp_path):
    (tmp_path / "records.xlsx").write_bytes(b"PK")
    run = run_register(str(tmp_path / "records.xlsx"))
    assert run.returncode == 1 and "expected a folder of records or a CSV" in run.stderr


def test_a_record_made_on_a_welsh_page_is_read_by_its_welsh_labels():
    from macros.acknowledgements import _fields
    fields = _fields("Cofnod cadarnhau\nEnw: Siân Owen\nRôl: Athrawes\nFersiwn y polisi: 2.0\n> Cod: 1ABC-DE23\n")
    assert fields["name"][0] == "Siân Owen" and fields["role"] == ("Athrawes", 3)
    assert fields["policy version"][0] == "2.0" and fields["code"][0] == "1ABC-DE23"
