"""A problem found in the policy data, written for the person editing the YAML."""

from __future__ import annotations

from dataclasses import dataclass, replace


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong, located as precisely as we can: file, line and record."""

    file: str
    line: int
    record: str
    message: str
    rule: str = ""  # the name of the rule that found it (`python -m macros rules` explains each)

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.record}: {self.message}" + (f" [{self.rule}]" if self.rule else "")

    def found_by(self, rule: str) -> "Problem":
        return replace(self, rule=rule)


# Rules whose problems stop the later rules running (see rules/__init__.py).
EARLY_RULES = ("yaml-readable", "schema", "snapshots-intact")


class PolicyDataError(Exception):
    """Raised when the data has problems; carries all of them, never just the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        super().__init__(format_problems(self.problems))


def format_problems(problems: list[Problem]) -> str:
    lines = [str(p) for p in problems]
    if any(p.rule in EARLY_RULES for p in problems):
        lines.append("(the other checks run once every file can be read and matches its schema: fix these first)")
    count = len(problems)
    lines.append(f"check failed: {count} problem{'s' if count != 1 else ''} in the policy data "
                 "(`python -m macros rules` explains each rule in brackets)")
    return "\n".join(lines)


def unexpected_failure(error: Exception) -> str:
    """What an editor sees if the checker itself fails: one line, no traceback."""
    return (f"the policy checker could not finish ({type(error).__name__}: {error}). This is a fault in the "
            "checker, not necessarily in your edit: please report it, naming the file you changed.")
