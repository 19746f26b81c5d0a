"""The approved record: snapshots in approved/ are stored once, recorded in history.yml, and any damage
to them is reported as file:line with what to do."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from macros.fingerprint import content_fingerprint
from macros.problems import PolicyDataError, Problem
from macros.snapshots import read_snapshots, verify_snapshots
from macros.yaml_source import read_data_file

PROJECT = Path(__file__).resolve().parent.parent
DATA = PROJECT / "policy_data"
MINIMAL = Path(__file__).resolve().parent / "fixtures" / "minimal_policy"
EXAMPLE = DATA / "schools" / "bryn-teg"  # the example school's own record of approvals
OWN = Path("schools") / "test-school"  # the minimal school's, inside its data folder

RECORD = "approved version 2.0"
SNAPSHOT = "policy_data/schools/bryn-teg/approved/2.0.yml"
RESTORE = "restore it from version control"


@pytest.fixture
def record(tmp_path, monkeypatch) -> Path:
    """A copy of the example school's approved record (approved/ and history.yml), shown as the editor
    types it."""
    data = tmp_path / "policy_data" / "schools" / "bryn-teg"
    data.mkdir(parents=True)
    shutil.copytree(EXAMPLE / "approved", data / "approved")
    shutil.copy(EXAMPLE / "history.yml", data / "history.yml")
    monkeypatch.chdir(tmp_path)
    return data


def problem(line: int, message: str, file: str = SNAPSHOT, record: str = RECORD) -> Problem:
    return Problem(file, line, record, message)


def fingerprint_of(path: Path) -> str:
    """The documented definition: content_fingerprint of the snapshot's parsed data."""
    return content_fingerprint(yaml.safe_load(path.read_text(encoding="utf-8")))


# --- the stored record -----------------------------------------------------------------------------------


def test_the_approved_record_is_intact():
    assert verify_snapshots(EXAMPLE) == []


def test_every_snapshot_names_its_schema_and_is_recorded():
    history = yaml.safe_load((EXAMPLE / "history.yml").read_text(encoding="utf-8"))
    recorded = {entry["version"]: entry["snapshot_fingerprint"] for entry in history["snapshots"]}
    for path in sorted((EXAMPLE / "approved").glob("*.yml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../../../../schemas/approved.schema.json"
        assert recorded[path.stem] == fingerprint_of(path)


def test_the_snapshots_name_only_fictional_people():
    for path in sorted((EXAMPLE / "approved").glob("*.yml")):
        people = yaml.safe_load(path.read_text(encoding="utf-8"))["people"]
        assert people["monitoring_lead"]["name"] == "Mrs Carys Hughes"


# --- damage, one kind at a time --------------------------------------------------------------------------


def test_a_truncated_snapshot(record):
    path = record / "approved" / "2.0.yml"
    path.write_text("\n".join(path.read_text(encoding="utf-8").splitlines()[:300]) + "\n", encoding="utf-8")
    assert verify_snapshots(record) == [problem(300, "this approved snapshot is cut short: it ends at line 300 "
                                                     "without 'options', 'people' and 'version'; " + RESTORE)]


def test_a_snapshot_cut_in_the_middle_of_its_last_value(record):
    path = record / "approved" / "2.0.yml"
    text = path.read_text(encoding="utf-8")
    assert text.endswith("version: '2.0'\n")
    path.write_text(text[: -len(".0'\n")], encoding="utf-8")
    last = len(text.splitlines())
    assert verify_snapshots(record) == [problem(last, f"this approved snapshot is cut short: it ends at line {last} "
                                                      "without 'version'; " + RESTORE)]


def test_an_emptied_snapshot(record):
    (record / "approved" / "2.0.yml").write_text("", encoding="utf-8")
    assert verify_snapshots(record) == [problem(1, "this approved snapshot is empty; " + RESTORE)]


def test_a_snapshot_with_only_its_comments_left_is_empty(record):
    path = record / "approved" / "2.0.yml"
    path.write_text("".join(path.read_text(encoding="utf-8").splitlines(keepends=True)[:4]), encoding="utf-8")
    assert verify_snapshots(record) == [problem(1, "this approved snapshot is empty; " + RESTORE)]


def test_a_reindented_snapshot_with_other_comments_is_still_the_approved_one(record):
    path = record / "approved" / "2.0.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    path.write_text("# yaml-language-server: $schema=../../../../schemas/approved.schema.json\n# re-saved by an editor\n"
                    + yaml.safe_dump(data, sort_keys=False, indent=4, width=60, default_style=None), encoding="utf-8")
    assert path.read_text(encoding="utf-8") != (EXAMPLE / "approved" / "2.0.yml").read_text(encoding="utf-8")
    assert verify_snapshots(record) == []
    assert read_snapshots(record)["2.0"] == yaml.safe_load((EXAMPLE / "approved" / "2.0.yml").read_text())


def test_a_hand_edited_value(record):
    path = record / "approved" / "2.0.yml"
    text = path.read_text(encoding="utf-8")
    assert text.count("name: Mrs Carys Hughes") == 1
    path.write_text(text.replace("name: Mrs Carys Hughes", "name: Mrs Carys Hughes-Jones"), encoding="utf-8")
    recorded = fingerprint_of(EXAMPLE / "approved" / "2.0.yml")
    assert verify_snapshots(record) == [problem(1, f"this approved snapshot was changed after approval (its "
                                                   f"fingerprint is {fingerprint_of(path)}; history.yml records "
                                                   f"{recorded}); restore it from version control, or re-approve "
                                                   "the policy as a new version")]


def test_a_hand_edited_clause_is_caught_too(record):
    path = record / "approved" / "1.0.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("kind: must-not", "kind: should", 1), encoding="utf-8")
    [found] = verify_snapshots(record)
    assert (found.file, found.line, found.record) == ("policy_data/schools/bryn-teg/approved/1.0.yml", 1, "approved version 1.0")
    assert found.message.startswith("this approved snapshot was changed after approval")


def test_a_snapshot_that_is_not_yaml(record):
    path = record / "approved" / "2.0.yml"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[9:9] = ["<<<<<<< HEAD", "    kind: must", "=======", "    kind: should", ">>>>>>> review-2027"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    [found] = verify_snapshots(record)
    [read] = read_data_file(path, SNAPSHOT)[1]  # the reader's own line for the mistake: the marks, or just after
    assert (found.file, found.line, found.record) == (SNAPSHOT, read.line, RECORD) and read.line in (10, 11)
    assert found.message == f"this approved snapshot cannot be read ({read.message}); " + RESTORE
    assert found.message.startswith("this approved snapshot cannot be read (YAML syntax: ")
    assert found.message.endswith("); " + RESTORE)


def test_a_snapshot_that_breaks_its_schema(record):
    path = record / "approved" / "2.0.yml"
    lines = path.read_text(encoding="utf-8").splitlines()
    line = lines.index("    kind: must") + 1
    lines[line - 1] = "    kind: required"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    clause = "breaches-and-review.account-reviews"
    assert verify_snapshots(record) == [problem(line, "this approved snapshot does not match "
                                                      f"schemas/approved.schema.json (clauses.{clause}.kind: "
                                                      "'required' is not one of ['must', 'must-not', 'should', "
                                                      "'may', 'info']); " + RESTORE)]


def test_a_snapshot_whose_version_is_not_its_file_name(record):
    path = record / "approved" / "2.0.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("version: '2.0'", "version: '2.1'"), encoding="utf-8")
    assert verify_snapshots(record) == [problem(len(text.splitlines()), "this approved snapshot says it is version "
                                                "2.1, but its file name says 2.0; restore it from version control, "
                                                "or remove it if it is a stray copy")]


def test_a_missing_snapshot(record):
    (record / "approved" / "1.0.yml").unlink()
    assert verify_snapshots(record) == [problem(
        snapshot_entry_line(record, "1.0"),
        "history.yml records an approved snapshot of version 1.0, but policy_data/schools/bryn-teg/approved/1.0.yml is missing; "
        "restore that file from version control", file="policy_data/schools/bryn-teg/history.yml", record="approved version 1.0")]


def snapshot_entry_line(data: Path, version: str) -> int:
    """The line of the `snapshots` entry for `version` in history.yml."""
    lines = data.joinpath("history.yml").read_text(encoding="utf-8").splitlines()
    return lines.index(f'  - version: "{version}"', lines.index("snapshots:")) + 1


def test_a_snapshot_nobody_recorded(record):
    copy = (EXAMPLE / "approved" / "2.0.yml").read_text(encoding="utf-8").replace("version: '2.0'", "version: '3.0'")
    (record / "approved" / "3.0.yml").write_text(copy, encoding="utf-8")
    assert verify_snapshots(record) == [problem(
        1, "this approved snapshot is not recorded in history.yml (snapshots), so nothing shows it is what governors "
           "approved; remove it, or restore history.yml from version control (`python -m macros snapshot` stores "
           "and records the version in force)", file="policy_data/schools/bryn-teg/approved/3.0.yml", record="approved version 3.0")]


def test_a_version_recorded_twice(record):
    history = record / "history.yml"
    text = history.read_text(encoding="utf-8")
    entry = text[text.index('  - version: "2.0"\n    snapshot_fingerprint'):]
    history.write_text(text + entry, encoding="utf-8")
    first = snapshot_entry_line(record, "2.0")
    again = len(history.read_text(encoding="utf-8").splitlines()) - 1
    assert verify_snapshots(record) == [problem(
        again, f"version 2.0 is recorded twice in snapshots (first on line {first}); keep one entry",
        file="policy_data/schools/bryn-teg/history.yml")]


def test_a_snapshot_saved_as_yaml_is_not_ignored(record):
    (record / "approved" / "2.0.yml").rename(record / "approved" / "2.0.yaml")
    found = verify_snapshots(record)
    assert problem(1, "approved snapshots end in .yml; rename this file", file="policy_data/schools/bryn-teg/approved/2.0.yaml",
                   record="(file)") in found


def test_reading_a_damaged_snapshot_fails_instead_of_skipping_it(record):
    (record / "approved" / "1.0.yml").write_text("", encoding="utf-8")
    with pytest.raises(PolicyDataError) as raised:
        read_snapshots(record)
    assert raised.value.problems == [problem(1, "this approved snapshot is empty; " + RESTORE,
                                             file="policy_data/schools/bryn-teg/approved/1.0.yml", record="approved version 1.0")]


# --- the snapshot command --------------------------------------------------------------------------------


def run(folder: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(PROJECT), "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run([sys.executable, "-m", "macros", "--data", "data", *args], cwd=folder,
                          capture_output=True, text=True, env=env, timeout=300)


@pytest.fixture
def minimal(tmp_path) -> Path:
    shutil.copytree(MINIMAL, tmp_path / "data")
    return tmp_path


def test_snapshot_round_trip(minimal):
    data = minimal / "data"
    stored = run(minimal, "snapshot")
    assert stored.returncode == 0, stored.stderr
    history = yaml.safe_load((data / OWN / "history.yml").read_text(encoding="utf-8"))
    [entry] = history["snapshots"]
    snapshot = data / OWN / "approved" / "2.0.yml"
    assert entry == {"version": "2.0", "snapshot_fingerprint": fingerprint_of(snapshot)}
    assert stored.stdout == (f"stored the approved wording of version 2.0 in data/schools/test-school/approved/2.0.yml; its fingerprint "
                             f"{entry['snapshot_fingerprint']} is recorded in data/schools/test-school/history.yml\n")
    assert history["versions"] == yaml.safe_load((MINIMAL / OWN / "history.yml").read_text(encoding="utf-8"))["versions"]
    assert snapshot.read_text(encoding="utf-8").splitlines()[0] == \
        "# yaml-language-server: $schema=../../../../schemas/approved.schema.json"
    assert verify_snapshots(data / OWN) == []
    clause_ids = {c["id"] for p in sorted((MINIMAL / "sections").glob("*.yml"))
                  for c in yaml.safe_load(p.read_text(encoding="utf-8"))["clauses"]}
    assert set(read_snapshots(data / OWN)["2.0"]["clauses"]) == clause_ids
    checked = run(minimal, "check")
    assert checked.returncode == 0, checked.stderr

    before = snapshot.read_bytes(), (data / OWN / "history.yml").read_bytes()
    again = run(minimal, "snapshot")
    assert (again.returncode, again.stdout) == (0, "version 2.0 is already approved and stored in "
                                                   "data/schools/test-school/approved/2.0.yml, identical to the data; nothing to do\n")
    assert (snapshot.read_bytes(), (data / OWN / "history.yml").read_bytes()) == before


def test_snapshot_refuses_to_overwrite_an_approved_version(minimal):
    data = minimal / "data"
    assert run(minimal, "snapshot").returncode == 0
    stored = data / OWN / "approved" / "2.0.yml"
    before = stored.read_bytes(), (data / OWN / "history.yml").read_bytes()
    section = data / "sections" / "personal-use.yml"
    text = section.read_text(encoding="utf-8")
    assert "title: Personal use at work" in text  # a new title: the approved wording differs, nothing goes stale
    section.write_text(text.replace("title: Personal use at work", "title: Personal use in the working day"),
                       encoding="utf-8")
    refused = run(minimal, "snapshot")
    assert refused.returncode == 1
    assert refused.stdout == ""
    assert refused.stderr == (
        "Version 2.0 was approved on 10 January 2026 and is stored in data/schools/test-school/approved/2.0.yml; "
        "an approved version is never overwritten, and the data now differs from it. A new approval is a new "
        "version: move the old approval to data/schools/test-school/history.yml (versions), set approval.version "
        "(and approved_on, approved_by) in data/schools/test-school.yml, then run `python -m macros snapshot` "
        "again. Nothing was written.\n")
    assert (stored.read_bytes(), (data / OWN / "history.yml").read_bytes()) == before
    assert sorted(p.name for p in stored.parent.iterdir()) == ["2.0.yml"]  # no partial file left behind


def test_the_example_schools_approval_is_never_overwritten(tmp_path):
    """The example school's version 2.0, approved in October 2026, after a new head teacher is named and
    `snapshot` is run again without a new version."""
    shutil.copytree(DATA, tmp_path / "policy_data")
    school = tmp_path / "policy_data" / "schools" / "bryn-teg"
    files = sorted(p for p in school.rglob("*") if p.is_file())
    before = {p: p.read_bytes() for p in files}
    profile = tmp_path / "policy_data" / "schools" / "bryn-teg.yml"
    text = profile.read_text(encoding="utf-8")
    assert "name: Mrs Eleri Morgan" in text  # a new head teacher, and the version left at 2.0
    profile.write_text(text.replace("name: Mrs Eleri Morgan", "name: Mr Tomos Rees"), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(PROJECT), "PYTHONDONTWRITEBYTECODE": "1"}
    refused = subprocess.run([sys.executable, "-m", "macros", "--data", "policy_data", "--school", "bryn-teg",
                              "snapshot"], cwd=tmp_path, capture_output=True, text=True, env=env, timeout=300)
    assert (refused.returncode, refused.stdout) == (1, "")
    assert refused.stderr == (
        "Version 2.0 was approved on 14 October 2026 and is stored in policy_data/schools/bryn-teg/approved/2.0.yml; "
        "an approved version is never overwritten, and the data now differs from it. A new approval is a new "
        "version: move the old approval to policy_data/schools/bryn-teg/history.yml (versions), set "
        "approval.version (and approved_on, approved_by) in policy_data/schools/bryn-teg.yml, then run "
        "`python -m macros snapshot` again. Nothing was written.\n")
    assert sorted(p for p in school.rglob("*") if p.is_file()) == files  # nothing added, not even a partial file
    assert {p: p.read_bytes() for p in files} == before
    assert verify_snapshots(school) == []


def test_snapshot_stores_a_new_version_beside_the_old(minimal):
    data = minimal / "data"
    assert run(minimal, "snapshot").returncode == 0
    school = data / "schools" / "test-school.yml"
    text = school.read_text(encoding="utf-8")
    school.write_text(text.replace('version: "2.0"', 'version: "2.1"').replace("approved_on: 2026-01-10",
                                                                             "approved_on: 2026-02-10"),
                      encoding="utf-8")
    history = data / OWN / "history.yml"
    text = history.read_text(encoding="utf-8")
    versions, snapshots = text.split("\n\n# Approved snapshots")
    earlier = '\n  - version: "2.0"\n    date: 2026-01-10\n    approved_by: Governors\n    summary: Second version.\n'
    # the editor moved the snapshots to the top: the new entry still goes at the end of their list
    history.write_text("# Approved snapshots" + snapshots + "\n# Earlier versions\n" + versions + earlier,
                       encoding="utf-8")
    first = (data / OWN / "approved" / "2.0.yml").read_bytes()
    stored = run(minimal, "snapshot")
    assert stored.returncode == 0, stored.stderr
    assert stored.stdout.startswith("stored the approved wording of version 2.1 in data/schools/test-school/approved/2.1.yml;")
    assert (data / OWN / "approved" / "2.0.yml").read_bytes() == first
    recorded = yaml.safe_load(history.read_text(encoding="utf-8"))
    assert [entry["version"] for entry in recorded["snapshots"]] == ["2.0", "2.1"]
    assert [entry["version"] for entry in recorded["versions"]] == ["1.0", "2.0"]
    assert history.read_text(encoding="utf-8").count("# Earlier versions\n") == 1
    assert verify_snapshots(data / OWN) == []
    assert list(read_snapshots(data / OWN)) == ["2.0", "2.1"]
    assert run(minimal, "check").returncode == 0


def test_snapshot_will_not_store_over_a_damaged_record(minimal):
    data = minimal / "data"
    assert run(minimal, "snapshot").returncode == 0
    stored = data / OWN / "approved" / "2.0.yml"
    stored.write_text(stored.read_text(encoding="utf-8").replace("reasonable use", "unlimited use"), encoding="utf-8")
    before = stored.read_bytes()
    refused = run(minimal, "snapshot")
    assert refused.returncode == 1
    assert "data/schools/test-school/approved/2.0.yml:1: approved version 2.0: this approved snapshot was changed after approval" \
        in refused.stderr
    assert stored.read_bytes() == before


def test_snapshot_adds_to_an_empty_list_of_snapshots(minimal):
    history = minimal / "data" / OWN / "history.yml"
    history.write_text("snapshots: []   # none stored yet\n" + history.read_text(encoding="utf-8"), encoding="utf-8")
    stored = run(minimal, "snapshot")
    assert stored.returncode == 0, stored.stderr
    recorded = yaml.safe_load(history.read_text(encoding="utf-8"))
    assert [entry["version"] for entry in recorded["snapshots"]] == ["2.0"]
    assert [entry["version"] for entry in recorded["versions"]] == ["1.0"]
    assert verify_snapshots(minimal / "data") == []


def test_a_snapshot_stored_before_numbers_were_recorded_is_still_the_same_approval(minimal):
    """Snapshots now record each clause's number; one stored before that, of the same wording, is the
    approval of the data as it is: nothing to do, not a refusal."""
    from macros.snapshots import snapshot_fingerprint, snapshot_text
    data = minimal / "data"
    assert run(minimal, "snapshot").returncode == 0
    snapshot, history = data / OWN / "approved" / "2.0.yml", data / OWN / "history.yml"
    stored = yaml.safe_load(snapshot.read_text(encoding="utf-8"))
    assert all("number" in clause for clause in stored["clauses"].values())
    for clause in stored["clauses"].values():
        del clause["number"]
    recorded = yaml.safe_load(history.read_text(encoding="utf-8"))["snapshots"][0]["snapshot_fingerprint"]
    snapshot.write_text(snapshot_text(stored), encoding="utf-8")
    history.write_text(history.read_text(encoding="utf-8").replace(recorded, snapshot_fingerprint(stored)),
                       encoding="utf-8")
    assert verify_snapshots(data / OWN) == []
    before = snapshot.read_bytes(), history.read_bytes()
    again = run(minimal, "snapshot")
    assert (again.returncode, again.stdout) == (0, "version 2.0 is already approved and stored in "
                                                   "data/schools/test-school/approved/2.0.yml, identical to the data; nothing to do\n")
    assert (snapshot.read_bytes(), history.read_bytes()) == before


def test_a_draft_is_not_stored_until_governors_approve_it(minimal):
    """A new version is a draft until approved: nothing to store; once approved it is stored once."""
    data = minimal / "data"
    school = data / "schools" / "test-school.yml"
    text = school.read_text(encoding="utf-8")
    approved = '  version: "2.0"\n  approved_by: Governors\n  approved_on: 2026-01-10\n'
    assert approved in text
    school.write_text(text.replace(approved, '  version: "2.0"\n  status: draft\n'), encoding="utf-8")
    assert run(minimal, "check").returncode == 0
    refused = run(minimal, "snapshot")
    assert (refused.returncode, refused.stdout) == (1, "")
    assert refused.stderr == (
        "Version 2.0 is a draft (approval.status in data/schools/test-school.yml), so there is no approval to "
        "store yet; when governors approve it, set approval.status: approved with approved_by and approved_on "
        "there, then run `python -m macros snapshot` again. Nothing was written.\n")
    assert not (data / OWN / "approved").exists()
    assert "snapshots" not in yaml.safe_load((data / OWN / "history.yml").read_text(encoding="utf-8"))

    school.write_text(text, encoding="utf-8")  # governors approved it
    assert run(minimal, "snapshot").returncode == 0
    assert list(read_snapshots(data / OWN)) == ["2.0"]
