"""The worked examples in policy_data/README.md are real clauses of the example policy, word for word
(an example may leave fields out, or show only the first items of a list), so the guide an editor
follows never shows a clause, a field or a wording that does not exist."""

from __future__ import annotations

import re

import pytest
import yaml

from conftest import DATA
from macros.engine import load_checked_policy

POLICY = load_checked_policy(DATA)
EXAMPLES = [block for block in re.findall(r"```yaml\n(.*?)```", (DATA / "README.md").read_text(encoding="utf-8"),
                                          flags=re.S) if block.startswith("- id:")]


def test_the_readme_has_worked_clause_examples():
    assert len(EXAMPLES) >= 2


@pytest.mark.parametrize("block", EXAMPLES, ids=lambda block: block.split()[2])
def test_a_worked_example_is_a_clause_of_the_policy_as_written(block):
    example = yaml.safe_load(block)[0]
    clause = POLICY.clauses[example["id"]]
    for field, value in example.items():
        real = clause.data[field]
        assert (real[:len(value)] if isinstance(value, list) else real) == value, field
