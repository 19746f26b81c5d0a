"""The project's own promises: CI runs exactly the README's test command."""

from __future__ import annotations

import re

from conftest import PROJECT


def readme_commands() -> list[str]:
    return re.findall(r"```bash\n(.+?)\n```", (PROJECT / "README.md").read_text(encoding="utf-8"), re.S)


def test_ci_runs_exactly_the_readme_test_command():
    test_command = next(c for c in readme_commands() if "pytest" in c)
    assert test_command in (PROJECT / ".ci" / "run").read_text(encoding="utf-8").splitlines()

