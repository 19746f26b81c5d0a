"""The engine's front door: load, check, and hand back one school's Policy, or every school's.
Independent of MkDocs."""

from __future__ import annotations

from pathlib import Path

from .loading import load_files
from .model import Policy, school_ids
from .problems import PolicyDataError, Problem
from .rules import run_rules
from .snapshots import verify_snapshots
from .yaml_source import DataFile


class SchoolChoiceError(ValueError):
    """The school asked for (extra.school or HANDBOOK_SCHOOL) has no profile."""


def _read(data_dir: Path) -> tuple[dict[str, DataFile], list[Problem]]:
    """Every file read and schema-checked once, and every problem of the records' first stage."""
    files, problems = load_files(Path(data_dir))
    problems += _snapshot_problems(Path(data_dir))
    return files, problems


def check_choice(files: dict[str, DataFile], school: str | None) -> None:
    known = school_ids(files)
    if school and known and school not in known:
        raise SchoolChoiceError(f"there is no school '{school}' (no file policy_data/schools/{school}.yml); "
                                f"the schools are: {', '.join(known)}. Choose one with `extra.school` in "
                                "mkdocs.yml or the environment variable HANDBOOK_SCHOOL")


def load_policy(data_dir: Path, school: str | None = None) -> tuple[Policy | None, list[Problem]]:
    """One school's policy (the first school's, unless `school` names one) and every problem of the
    first stage of rules that finds any.

    Records are built only from files that read cleanly and pass their schemas, so the later rules
    never meet malformed data; until then the policy is None."""
    files, problems = _read(data_dir)
    if problems:
        return None, sorted(set(problems))
    check_choice(files, school)
    policy = Policy(files, school)
    return policy, sorted(set(run_rules(policy)))


def load_schools(data_dir: Path) -> tuple[dict[str, Policy], list[Problem]]:
    """Every school's policy, built from one reading of the shared files, and every problem in any of
    them (a shared file's problem once, a school's naming that school's files)."""
    files, problems = _read(data_dir)
    if problems:
        return {}, sorted(set(problems))
    policies = {school_id: Policy(files, school_id) for school_id in school_ids(files)}
    for policy in policies.values():
        problems += run_rules(policy)
    return policies, sorted(set(problems))


def _snapshot_problems(data_dir: Path) -> list[Problem]:
    return [p.found_by("snapshots-intact") for p in verify_snapshots(data_dir)]


def load_checked_policy(data_dir: Path, school: str | None = None) -> Policy:
    """The policy, or PolicyDataError listing every problem."""
    policy, problems = load_policy(data_dir, school)
    if problems:
        raise PolicyDataError(problems)
    return policy
