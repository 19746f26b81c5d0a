"""The engine's front door: load, check, and hand back a Policy — independent of MkDocs."""

from __future__ import annotations

from pathlib import Path

from . import reader_checks  # noqa: F401  (registers its checks)
from .checks import CHECKS
from .loading import load_files
from .model import Policy
from .problems import PolicyDataError, Problem


def _semantic_checks(policy: Policy, schema_problems: bool) -> list[Problem]:
    """Run every cross-reference check. Where the schema already found malformed data, a check that
    trips over it is skipped: the schema's message is the one the editor needs."""
    problems: list[Problem] = []
    for check in CHECKS:
        try:
            problems.extend(check(policy))
        except (TypeError, AttributeError, KeyError, ValueError, IndexError):
            if not schema_problems:
                raise
    return problems


def load_policy(data_dir: Path) -> tuple[Policy, list[Problem]]:
    files, problems, all_readable = load_files(Path(data_dir))
    try:
        policy = Policy(files)
    except (TypeError, AttributeError, KeyError, ValueError, IndexError):
        if not problems:
            raise
        return Policy({}), sorted(set(problems))  # malformed beyond use: the schema problems say why
    if all_readable:  # cross-references are only meaningful once every file can be read
        problems += _semantic_checks(policy, schema_problems=bool(problems))
    return policy, sorted(set(problems))


def load_checked_policy(data_dir: Path) -> Policy:
    """The policy, or PolicyDataError listing every problem."""
    policy, problems = load_policy(data_dir)
    if problems:
        raise PolicyDataError(problems)
    return policy
