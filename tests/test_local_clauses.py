"""A school's own clauses: placed in its policy (added to a section, or in place of a shared clause), and a
replacement confirmed against the shared wording with the same command as a summary."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from bad_edit_cases import apply_case, load_cases
from conftest import MINIMAL, PROJECT
from macros.engine import load_checked_policy, load_policy

VALID = load_cases()["local-clause-valid"]


def test_local_clauses_take_their_places_in_the_schools_policy(tmp_path):
    apply_case(VALID, tmp_path / "data")
    policy = load_checked_policy(tmp_path / "data")
    shared = load_checked_policy(MINIMAL)
    posting = next(s for s in policy.sections if s.id == "posting")
    added = posting.clauses[-1]
    assert (added.id, added.number, added.local.reason) == (
        "test-school.forest-school-photos", f"{posting.number}.{len(posting.clauses)}",
        "The school runs Forest School sessions off site every week.")
    replaced = policy.clauses["posting.report-to-dsl"]
    assert replaced.number == shared.clauses["posting.report-to-dsl"].number
    assert replaced.text.endswith("the same day, in person or by telephone.")
    assert replaced.replacement.id == "test-school.report-to-the-office"
    assert replaced.data == shared.clauses["posting.report-to-dsl"].data  # the shared record is untouched


def test_confirming_a_replacement_stamps_the_shared_clauses_fingerprint(tmp_path):
    apply_case(VALID, tmp_path / "data")
    local = tmp_path / "data" / "schools" / "test-school" / "clauses.yml"
    local.write_text(local.read_text(encoding="utf-8").replace('    replaces_fingerprint: "15c3c374"\n', ""),
                     encoding="utf-8")
    _, problems = load_policy(tmp_path / "data")
    assert [p.rule for p in problems] == ["replacements-current"]
    env = {**os.environ, "PYTHONPATH": str(PROJECT), "PYTHONDONTWRITEBYTECODE": "1"}
    done = subprocess.run([sys.executable, "-m", "macros", "--data", "data", "confirm",
                           "test-school.report-to-the-office"], cwd=tmp_path, capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "confirmed test-school.report-to-the-office: replaces_fingerprint is now 15c3c374\n"
    record = yaml.safe_load(local.read_text(encoding="utf-8"))["clauses"][1]
    assert record["replaces_fingerprint"] == "15c3c374"
    assert load_policy(tmp_path / "data")[1] == []


def test_a_school_sees_only_its_own_local_clauses(tmp_path):
    data = tmp_path / "data"
    apply_case(VALID, data)
    shutil.copy(data / "schools" / "test-school.yml", data / "schools" / "other-school.yml")
    other = load_checked_policy(data, "other-school")
    assert "test-school.forest-school-photos" not in other.clauses
    assert other.clauses["posting.report-to-dsl"].replacement is None
