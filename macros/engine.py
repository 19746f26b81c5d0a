"""The engine's front door: load, check, and hand back a Policy. Independent of MkDocs."""

from __future__ import annotations

from pathlib import Path

from .loading import load_files
from .model import Policy
from .problems import PolicyDataError, Problem
from .rules import run_rules
from .snapshots import verify_snapshots


def load_policy(data_dir: Path) -> tuple[Policy | None, list[Problem]]:
    """The policy and every problem of the first stage of rules that finds any.

    Records are built only from files that read cleanly and pass their schemas, so the later rules
    never meet malformed data; until then the policy is None."""
    files, problems = load_files(Path(data_dir))
    problems += _snapshot_problems(Path(data_dir))
    if problems:
        return None, sorted(set(problems))
    policy = Policy(files)
    return policy, sorted(set(run_rules(policy)))


def _snapshot_problems(data_dir: Path) -> list[Problem]:
    return [p.found_by("snapshots-intact") for p in verify_snapshots(data_dir)]


def load_checked_policy(data_dir: Path) -> Policy:
    """The policy, or PolicyDataError listing every problem."""
    policy, problems = load_policy(data_dir)
    if problems:
        raise PolicyDataError(problems)
    return policy
