"""Rules about dates: the approval, the history of versions and platform fact checks."""

from __future__ import annotations

import datetime as dt
from typing import Iterator

from ..model import Policy
from ..problems import Problem
from .common import at


def dates_make_sense(policy: Policy) -> Iterator[Problem]:
    today = dt.date.today()
    approved = policy.approved_on
    if approved and approved > today:
        yield at(policy.profile, f"approved_on {approved} is in the future; give the date governors approved the "
                                 "policy", "approval", "approved_on", label="approval")
    previous = None
    for version in policy.history:
        date = dt.date.fromisoformat(version.date)
        label = f"version {version.version}"
        if approved and date >= approved:
            yield at(version, f"an earlier version's date ({date}) must be before the current approval date "
                              f"({approved}, approval.approved_on in {policy.profile_file})", "date", label=label)
        if previous and date <= previous:
            yield at(version, "versions must be listed oldest first, with increasing dates", "date", label=label)
        if str(version.version) == policy.version:
            yield at(version, f"this is the version in force ({policy.profile_file} approval.version); earlier "
                              "versions only here", "version", label=label)
        previous = date
    for platform_id, platform in policy.platforms.items():
        if platform.facts_checked and dt.date.fromisoformat(platform.facts_checked) > today:
            yield at(platform, f"facts_checked {platform.facts_checked} is in the future", "facts_checked",
                     label=platform_id)
