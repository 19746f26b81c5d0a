"""The project's own promises: CI runs exactly the README's test command."""

from __future__ import annotations

import re

from conftest import PROJECT


def readme_commands() -> list[str]:
    return re.findall(r"```bash\n(.+?)\n```", (PROJECT / "README.md").read_text(encoding="utf-8"), re.S)


def test_ci_runs_exactly_the_readme_test_command():
    test_command = next(c for c in readme_commands() if "pytest" in c)
    assert test_command in (PROJECT / ".ci" / "run").read_text(encoding="utf-8").splitlines()



def test_every_example_the_data_guide_calls_tested_is_a_test_that_exists():
    """policy_data/README.md points each how-to at the test that proves it; a renamed test breaks the link."""
    guide = (PROJECT / "policy_data" / "README.md").read_text(encoding="utf-8")
    named = re.findall(r"Tested in\s+`(tests/[^`]+)`", guide)
    assert len(named) >= 6, named
    missing = [path for path in named if not (PROJECT / path).is_file()]
    assert not missing, missing
