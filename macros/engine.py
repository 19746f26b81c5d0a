"""The engine's front door: load, check, and hand back a Policy — independent of MkDocs."""

from __future__ import annotations

from pathlib import Path

from . import reader_checks  # noqa: F401  (registers its checks)
from .checks import run_checks
from .loading import load_files
from .model import Policy
from .problems import PolicyDataError, Problem


def load_policy(data_dir: Path) -> tuple[Policy, list[Problem]]:
    files, problems, all_readable = load_files(Path(data_dir))
    policy = Policy(files)
    if all_readable:  # cross-references are only meaningful once every file can be read
        problems += run_checks(policy)
    return policy, sorted(set(problems))


def load_checked_policy(data_dir: Path) -> Policy:
    """The policy, or PolicyDataError listing every problem."""
    policy, problems = load_policy(data_dir)
    if problems:
        raise PolicyDataError(problems)
    return policy
