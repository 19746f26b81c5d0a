"""The policy data in policy_data/, whatever its content, passes every check the engine makes."""

from __future__ import annotations

from conftest import DATA
from macros.engine import load_policy


def test_default_policy_passes_every_check():
    _, problems = load_policy(DATA)
    assert not problems, "\n".join(str(p) for p in problems)
