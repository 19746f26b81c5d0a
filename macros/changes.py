"""What changed between approved versions: clause by clause, and in the school's options.

Each approved version is kept as a snapshot in policy_data/approved/<version>.yml, written by
`python -m macros snapshot` when governors approve. Snapshots are plain files a school keeps with its
data, so the comparison works without git history; snapshots.py stores, reads and verifies them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .snapshots import version_key, read_snapshots, snapshot_of

if TYPE_CHECKING:  # pragma: no cover
    from .model import Policy

__all__ = ["Changes", "Reworded", "compare", "read_snapshots", "review_changes", "snapshot_of"]


@dataclass
class Reworded:
    clause_id: str
    title: str
    old_text: str
    new_text: str
    old_kind: str
    new_kind: str


@dataclass
class Changes:
    old_version: str
    new_version: str
    added: list[str] = field(default_factory=list)
    removed: list[tuple[str, dict]] = field(default_factory=list)
    reworded: list[Reworded] = field(default_factory=list)
    options: list[tuple[str, str, str]] = field(default_factory=list)   # name, old, new
    people: list[tuple[str, str, str]] = field(default_factory=list)    # role key, old name, new name
    audiences: dict[str, set[str]] = field(default_factory=dict)         # clause id -> audiences

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.reworded or self.options or self.people)

    def for_audience(self, audience: str) -> "Changes":
        """Only the clause changes that concern one audience (options and people are left out)."""
        keep = lambda clause_id: audience in self.audiences.get(clause_id, set())  # noqa: E731
        return Changes(self.old_version, self.new_version,
                       added=[c for c in self.added if keep(c)],
                       removed=[(c, old) for c, old in self.removed if audience in old["audiences"]],
                       reworded=[r for r in self.reworded if keep(r.clause_id)],
                       audiences=self.audiences)


def compare(old: dict, new: dict) -> Changes:
    """What changed from one snapshot to the next; both have passed the snapshot schema."""
    changes = Changes(str(old["version"]), str(new["version"]))
    old_clauses, new_clauses = old["clauses"], new["clauses"]
    for clause_id, clause in new_clauses.items():
        changes.audiences[clause_id] = set(clause["audiences"])
        before = old_clauses.get(clause_id)
        if before is None:
            changes.added.append(clause_id)
        elif (before["text"], before["kind"]) != (clause["text"], clause["kind"]):
            changes.reworded.append(Reworded(clause_id, clause["title"], before["text"], clause["text"],
                                             before["kind"], clause["kind"]))
    for clause_id, clause in old_clauses.items():
        if clause_id not in new_clauses:
            changes.removed.append((clause_id, clause))
            changes.audiences.setdefault(clause_id, set(clause["audiences"]))
    for name in sorted(set(old["options"]) | set(new["options"])):
        before, after = old["options"].get(name), new["options"].get(name)
        if before != after:
            changes.options.append((name, str(before), str(after)))
    for key in sorted(set(old["people"]) | set(new["people"])):
        before = old["people"][key]["name"] if key in old["people"] else ""
        after = new["people"][key]["name"] if key in new["people"] else ""
        if before != after:
            changes.people.append((key, before, after))
    return changes


def review_changes(policy: Policy, data_dir: Path) -> tuple[Changes | None, Changes | None]:
    """(changes since the version in force was approved, changes the version in force made).

    Either is None when the snapshot it needs is missing.
    """
    snapshots = read_snapshots(Path(data_dir) / policy.school_folder)  # each school's own approvals
    current = snapshot_of(policy)
    since_approval = compare(snapshots[policy.version], current) if policy.version in snapshots else None
    earlier = [v for v in snapshots if version_key(v) < version_key(policy.version)]
    in_force = None
    if earlier:
        approved = snapshots.get(policy.version, current)
        in_force = compare(snapshots[earlier[-1]], approved)
    return since_approval, in_force
