"""Which school a single build is for: `extra.school` in the MkDocs config, overridden by the
HANDBOOK_SCHOOL environment variable; neither set, the only (or first) school of policy_data/schools/."""

from __future__ import annotations

from typing import Mapping

ENVIRONMENT_VARIABLE = "HANDBOOK_SCHOOL"


def choose_school(extra: Mapping, environ: Mapping[str, str]) -> str | None:
    """The school id asked for, or None for the default."""
    chosen = environ.get(ENVIRONMENT_VARIABLE) or extra.get("school")
    return str(chosen).strip() or None if chosen else None
