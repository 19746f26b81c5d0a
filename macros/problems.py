"""A problem found in the policy data, written for the person editing the YAML."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong, located as precisely as we can: file, line and record."""

    file: str
    line: int
    record: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.record}: {self.message}"


# Messages of problems that stop a file being read at all (see yaml_source.read_data_file).
UNREADABLE = ("YAML syntax", "the file is not UTF-8", "the file is empty")


class PolicyDataError(Exception):
    """Raised when the data has problems; carries all of them, never just the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        super().__init__(format_problems(self.problems))


def format_problems(problems: list[Problem]) -> str:
    lines = [str(p) for p in problems]
    if any(p.record == "(file)" and p.message.startswith(UNREADABLE) for p in problems):
        lines.append("(the cross-reference checks run once every file can be read: fix the files above first)")
    count = len(problems)
    lines.append(f"check failed: {count} problem{'s' if count != 1 else ''} in the policy data")
    return "\n".join(lines)


def unexpected_failure(error: Exception) -> str:
    """What an editor sees if the checker itself fails: one line, no traceback."""
    return (f"the policy checker could not finish ({type(error).__name__}: {error}). This is a fault in the "
            "checker, not necessarily in your edit: please report it, naming the file you changed.")
