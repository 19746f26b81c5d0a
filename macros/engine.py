"""The engine's front door: load, check, and hand back one school's Policy, or every school's.
Independent of MkDocs."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

from .loading import load_files
from .model import Policy, school_ids
from .problems import PolicyDataError, Problem
from .registry import SCHOOLS_FOLDER
from .rules import run_rules
from .snapshots import verify_snapshots
from .translation_report import translation_problems
from .yaml_source import DataFile


class SchoolChoiceError(ValueError):
    """The school asked for (extra.school or HANDBOOK_SCHOOL) has no profile."""


def _read(data_dir: Path, school: str | None = None) -> tuple[dict[str, DataFile], list[Problem]]:
    """Every file read and schema-checked once, and every problem of the records' first stage: with
    the approved snapshots of `school` (the first school, if None), or of every school ("*")."""
    files, problems = load_files(Path(data_dir))
    known = school_ids(files)
    for school_id in known if school == "*" else [school or (known[0] if known else None)]:
        if school_id in known:
            problems += _snapshot_problems(Path(data_dir) / SCHOOLS_FOLDER / school_id)
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
    files, problems = _read(data_dir, school)
    check_choice(files, school)
    if problems:
        return None, sorted(set(problems))
    policy = Policy(files, school)
    return policy, sorted(set(run_rules(policy) + translation_problems(policy, Path(data_dir))))


def load_schools(data_dir: Path) -> tuple[dict[str, Policy], list[Problem]]:
    """Every school's policy, built from one reading of the shared files, and every problem in any of
    them (a shared file's problem once, a school's naming that school's files)."""
    files, problems = _read(data_dir, "*")
    if problems:
        return {}, sorted(set(problems))
    policies = {school_id: Policy(files, school_id) for school_id in school_ids(files)}
    for policy in policies.values():
        problems += run_rules(policy) + translation_problems(policy, Path(data_dir))
    return policies, sorted(set(problems))


def _snapshot_problems(school_dir: Path) -> list[Problem]:
    return [p.found_by("snapshots-intact") for p in verify_snapshots(school_dir)]


# Policies already loaded and checked by `build-all`, by (data folder, school id): each school's build
# in the same process takes its policy from here instead of reading and checking everything again.
_PREPARED: dict[tuple[str, str], Policy] = {}


@contextmanager
def prepared(data_dir: Path, policies: dict[str, Policy]):
    """While inside, `load_checked_policy` hands back these checked policies for `data_dir`."""
    root = str(Path(data_dir).resolve())
    keys = [(root, school_id) for school_id in policies]
    _PREPARED.update({(root, school_id): policy for school_id, policy in policies.items()})
    try:
        yield
    finally:
        for key in keys:
            _PREPARED.pop(key, None)


def load_checked_policy(data_dir: Path, school: str | None = None) -> Policy:
    """The policy, or PolicyDataError listing every problem."""
    ready = _PREPARED.get((str(Path(data_dir).resolve()), school)) if school else None
    if ready is not None:
        return ready
    policy, problems = load_policy(data_dir, school)
    if problems:
        raise PolicyDataError(problems)
    return policy
