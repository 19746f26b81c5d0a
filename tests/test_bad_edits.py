"""The corpus of bad edits: each gives the editor exact file:line: record: message lines, no traceback
and no site — from the check command and from the build alike."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bad_edit_cases import apply_case, load_cases
from conftest import PROJECT, run_mkdocs
from macros.engine import load_policy

CASES = load_cases()
BAD = {name: case for name, case in CASES.items() if case["expect"] != "valid"}


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A throwaway copy of the project whose policy data the case may break."""
    for name in ("mkdocs.yml", "docs", "overrides", "macros", "schemas"):
        (tmp_path / name).symlink_to(PROJECT / name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("name", sorted(CASES))
def test_check_reports_exactly_the_expected_problems(name, project):
    case = CASES[name]
    apply_case(case, project / "policy_data")
    _, problems = load_policy(Path("policy_data"))
    found = [str(p) for p in problems]
    assert found == ([] if case["expect"] == "valid" else case["expect"])


def run_check(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "macros", "--data", "policy_data", "check"], cwd=project,
                          capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(PROJECT)})


@pytest.mark.parametrize("name", sorted(BAD))
def test_check_command_and_build_fail_cleanly(name, project):
    apply_case(BAD[name], project / "policy_data")
    check = run_check(project)
    assert check.returncode == 1
    assert "Traceback" not in check.stderr + check.stdout
    for message in BAD[name]["expect"]:
        assert message in check.stderr
    assert check.stderr.rstrip().splitlines()[-1].startswith(f"check failed: {len(BAD[name]['expect'])} problem"
                                          f"{'s' if len(BAD[name]['expect']) != 1 else ''} in the policy data (")
    build = run_mkdocs(project, project / "site")
    output = build.stdout + build.stderr
    assert build.returncode != 0
    assert "Traceback" not in output
    assert BAD[name]["expect"][0] in output
    assert not (project / "site").exists(), "a failed build must leave no site behind"


@pytest.mark.parametrize("name", sorted(set(CASES) - set(BAD)))
def test_harmless_variations_pass_the_check_command(name, project):
    apply_case(CASES[name], project / "policy_data")
    assert run_check(project).returncode == 0
