"""Rules about section numbers: a number a school pins keeps the numbers governors cite, so it must
fit the order policy.yml lists the sections in."""

from __future__ import annotations

from typing import Iterator

from ..model import Policy
from ..problems import Problem
from .common import at


def section_numbers(policy: Policy) -> Iterator[Problem]:
    """A pinned `number:` that repeats the number before it, or is lower, would give two sections one
    number or number them out of order (model.section_numbers would follow it blindly)."""
    before = None  # the section before this one
    for section in policy.sections:
        pinned = section.data.get("number")
        if before is not None and pinned is not None and pinned <= before.number:
            where = f"sections/{before.id}.yml"
            if pinned == before.number:
                yield at(section, f"section number {pinned} is already the number of the section before it "
                                  f"({where}); give this section a number above {before.number}, or remove "
                                  "`number:` so it follows on", "number")
            else:
                yield at(section, f"section number {pinned} is lower than the section before it ({where}, number "
                                  f"{before.number}); numbers go up in the order policy.yml lists the sections: "
                                  f"give this one a number above {before.number}, or remove `number:` so it "
                                  "follows on", "number")
        before = section
