"""What changed between approved versions: clause by clause (and which clauses were renumbered, since
governors cite clauses by number), and in the school's options and people.

Each approved version is kept as a snapshot in policy_data/approved/<version>.yml, written by
`python -m macros snapshot` when governors approve. Snapshots are plain files a school keeps with its
data, so the comparison works without git history; snapshots.py stores, reads and verifies them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .model import clause_number, section_numbers
from .placeholders import fill, known_values
from .snapshots import version_key, read_snapshots, snapshot_of

if TYPE_CHECKING:  # pragma: no cover
    from .model import Policy

__all__ = ["Changes", "Move", "Numbering", "Renumbered", "Reworded", "approved_numbers", "compare", "read_snapshots",
           "renumbering_lines", "review_changes", "snapshot_of"]


@dataclass
class Reworded:
    clause_id: str
    title: str
    old_text: str
    new_text: str
    old_kind: str
    new_kind: str


@dataclass
class Renumbered:
    """A clause whose number changed: governors cite clauses by number."""

    clause_id: str
    title: str
    old: str   # "7.3"
    new: str   # "8.3"


@dataclass
class Move:
    """Renumbered clauses that moved together (consecutive before and after), as a reader would say it.
    `sections` holds (old number, new number, title as the school reads it) for each whole section that
    moved, when they are whole sections, one after another."""

    clauses: list[Renumbered]
    sections: list[tuple[int, int, str]] = field(default_factory=list)

    def parts(self) -> tuple[str, str]:
        """(what happened to the sections, or "", what happened to the clauses)."""
        first, last = self.clauses[0], self.clauses[-1]
        if len(self.clauses) == 1:
            if not self.sections:
                return "", f"{first.old} → {first.new} {first.title}"
            moved = f"clause {first.old} is now {first.new}"
        else:
            join = " and " if len(self.clauses) == 2 else " to "
            moved = f"clauses {first.old}{join}{last.old} are now {first.new}{join}{last.new}"
        if not self.sections:
            return "", moved[0].upper() + moved[1:]
        if len(self.sections) == 1:
            old, new, name = self.sections[0]
            return f"Section {old}, {name}, is now section {new}", moved
        (old_first, new_first, name_first), (old_last, new_last, name_last) = self.sections[0], self.sections[-1]
        join = " and " if len(self.sections) == 2 else " to "
        return (f"Sections {old_first}{join}{old_last} ({name_first}{join}{name_last}) are now "
                f"sections {new_first}{join}{new_last}", f"{moved}, each in the same place in its section")

    def words(self) -> str:
        """In plain words: "Section 7, Monitoring, is now section 8: clauses 7.1 to 7.15 are now 8.1 to
        8.15", "Clauses 6.4 to 6.30 are now 6.3 to 6.29", or one clause: "6.30 → 6.29 Its title"."""
        head, moved = self.parts()
        return f"{head}: {moved}" if head else moved


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
    renumbered: list[Renumbered] = field(default_factory=list)           # in the new order
    moves: list["Move"] = field(default_factory=list)                     # the renumbered, grouped
    numbers_note: str = ""  # how the old numbers were found, when a snapshot did not record them
    numbers_partial: bool = False  # whether some old numbers could not be worked out (see the note)

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.reworded or self.options or self.people or self.renumbered)

    def for_audience(self, audience: str) -> "Changes":
        """Only the clause changes that concern one audience (options and people are left out)."""
        keep = lambda clause_id: audience in self.audiences.get(clause_id, set())  # noqa: E731
        return Changes(self.old_version, self.new_version,
                       added=[c for c in self.added if keep(c)],
                       removed=[(c, old) for c, old in self.removed if audience in old["audiences"]],
                       reworded=[r for r in self.reworded if keep(r.clause_id)],
                       audiences=self.audiences)


def compare(old: dict, new: dict, policy: "Policy | None" = None) -> Changes:
    """What changed from one snapshot to the next; both have passed the snapshot schema. With the
    policy, a snapshot stored before clause numbers were recorded has its numbers worked out (see
    `approved_numbers`), so renumbering is listed too."""
    changes = Changes(str(old["version"]), str(new["version"]))
    old_clauses, new_clauses = old["clauses"], new["clauses"]
    values = known_values(policy) if policy is not None else None

    def reads_the_same(before: str, after: str) -> bool:
        """Wording is compared as the school reads it: a placeholder or `{if group: ...}` rewritten so that
        it fills to the same words is no change for this school."""
        return before == after or (values is not None and " ".join(fill(before, values).split())
                                   == " ".join(fill(after, values).split()))

    for clause_id, clause in new_clauses.items():
        changes.audiences[clause_id] = set(clause["audiences"])
        before = old_clauses.get(clause_id)
        if before is None:
            changes.added.append(clause_id)
        elif before["kind"] != clause["kind"] or not reads_the_same(before["text"], clause["text"]):
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
    _renumbering(changes, old, new, policy)
    return changes


def _renumbering(changes: Changes, old: dict, new: dict, policy: "Policy | None") -> None:
    before, after = approved_numbers(old, policy), approved_numbers(new, policy)
    for clause_id, clause in new["clauses"].items():
        old_number, new_number = before.numbers.get(clause_id), after.numbers.get(clause_id)
        if old_number and new_number and old_number != new_number:
            changes.renumbered.append(Renumbered(clause_id, clause["title"], old_number, new_number))
    changes.renumbered.sort(key=lambda r: _number_key(r.new))
    changes.moves = _moves(changes.renumbered, _sizes(before.numbers), _sizes(after.numbers), policy)
    changes.numbers_note = _numbers_note([n for n in (before, after) if n.worked_out])
    changes.numbers_partial = before.partial or after.partial


def _numbers_note(worked_out: list["Numbering"]) -> str:
    """How the old numbers were found, for snapshots stored before numbers were recorded."""
    if not worked_out:
        return ""
    versions = [n.version for n in worked_out]
    if any(n.impossible for n in worked_out):
        return (f"{_versions(versions)} stored before clause numbers were recorded, and a section "
                "has been taken out since, so the old numbers cannot be worked out.")
    note = (f"{_versions(versions)} stored before clause numbers were recorded: the old numbers here are "
            "worked out from today's order of sections and clauses.")
    unknown = list(dict.fromkeys(title for n in worked_out for title in n.unknown))
    if unknown:
        note += (f" A clause has been taken out of {_and(unknown)} since, so where the clauses after it stood "
                 f"is not known, and {'that section is' if len(unknown) == 1 else 'those sections are'} left out.")
    return note


def _versions(versions: list[str]) -> str:
    return f"Version {versions[0]} was" if len(versions) == 1 else f"Versions {_and(versions)} were"


def _and(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _number_key(number: str) -> tuple[int, ...]:
    return tuple(int(part) for part in number.split("."))


def _sizes(numbers: dict[str, str]) -> dict[int, int]:
    """How many clauses each section number has."""
    found: dict[int, int] = {}
    for number in numbers.values():
        section = _number_key(number)[0]
        found[section] = found.get(section, 0) + 1
    return found


def _moves(renumbered: list[Renumbered], old_sizes: dict[int, int], new_sizes: dict[int, int],
           policy: "Policy | None") -> list[Move]:
    """The renumbered clauses in runs that moved together: from one section to one section, each the
    next clause after the one before, both before and after."""
    runs: list[list[Renumbered]] = []
    for item in renumbered:
        if runs:
            last = runs[-1][-1]
            (old_s, old_i), (new_s, new_i) = _number_key(last.old), _number_key(last.new)
            if _number_key(item.old) == (old_s, old_i + 1) and _number_key(item.new) == (new_s, new_i + 1):
                runs[-1].append(item)
                continue
        runs.append([item])
    moves: list[Move] = []
    for run in runs:
        (old_s, old_i), (new_s, _) = _number_key(run[0].old), _number_key(run[0].new)
        whole = old_i == 1 and len(run) == old_sizes.get(old_s) == new_sizes.get(new_s) and old_s != new_s
        clause = policy.clauses.get(run[0].clause_id) if policy else None
        title = next((fill(s.title, known_values(policy)) for s in policy.sections if s.id == clause.section_id),
                     None) if clause else None
        if not (whole and title):
            moves.append(Move(run))
            continue
        before = moves[-1].sections[-1] if moves and moves[-1].sections else None
        if before and (before[0] + 1, before[1] + 1) == (old_s, new_s):  # the next section, moved as far
            moves[-1].clauses += run
            moves[-1].sections.append((old_s, new_s, title))
        else:
            moves.append(Move(run, [(old_s, new_s, title)]))
    return moves


def renumbering_lines(changes: Changes) -> list[str]:
    """The renumbering in plain text, a line for each group of clauses that moved together, then the
    note on how the old numbers were found (for the review report)."""
    shown = changes.numbers_note and (changes.renumbered or changes.numbers_partial)
    return [move.words() for move in changes.moves] + ([changes.numbers_note] if shown else [])


@dataclass
class Numbering:
    """The clause numbers of one version."""

    version: str
    numbers: dict[str, str]          # clause id -> number, for every clause whose number is known
    worked_out: bool = False         # the snapshot did not record them: worked out from today's order
    unknown: tuple[str, ...] = ()    # titles of sections left out: a clause was taken out of them since
    impossible: bool = False         # a whole section was taken out since: no numbers at all

    @property
    def partial(self) -> bool:
        return bool(self.unknown) or self.impossible


def approved_numbers(snapshot: dict, policy: "Policy | None") -> Numbering:
    """Each clause's number in a snapshot (or in the data, given `snapshot_of(policy)`).

    A snapshot records its clauses' numbers. One stored before numbers were recorded keeps its clauses
    sorted by id, so their order is lost: the numbers are worked out as the model numbers the policy
    (`section_numbers`, `clause_number`), from today's order of sections and clauses, keeping only the
    clauses the snapshot has (pinned numbers came later than such snapshots, so none apply). Where a
    clause it has is no longer in the data, its place is unknown and so are the numbers after it: that
    section is left out; for a whole section taken out, every section is."""
    version, clauses = str(snapshot["version"]), snapshot["clauses"]
    if all("number" in clause for clause in clauses.values()):
        return Numbering(version, {clause_id: clause["number"] for clause_id, clause in clauses.items()})
    if policy is None:
        return Numbering(version, {}, worked_out=True, impossible=True)
    kept = [(section, [c.id for c in section.clauses if c.id in clauses]) for section in policy.sections]
    kept = [(section, ids) for section, ids in kept if ids]
    placed = {clause_id for _, ids in kept for clause_id in ids}
    lost = {clause_id.split(".")[0] for clause_id in clauses if clause_id not in placed}  # their sections
    if lost - {section.id for section in policy.sections} - {policy.school_id}:  # a local clause: the school's id
        return Numbering(version, {}, worked_out=True, impossible=True)
    unknown = [section for section, _ in kept if section.id in lost
               or (policy.school_id in lost and any(c.local is not None for c in section.clauses))]
    numbers = {}
    for number, (section, ids) in zip(section_numbers([None] * len(kept)), kept):
        if section not in unknown:
            numbers.update({clause_id: clause_number(number, index) for index, clause_id in enumerate(ids)})
    return Numbering(version, numbers, worked_out=True,
                     unknown=tuple(fill(s.title, known_values(policy)) for s in unknown))


def review_changes(policy: Policy, data_dir: Path) -> tuple[Changes | None, Changes | None]:
    """(changes since the version in force was approved, changes the version in force made).

    Either is None when the snapshot it needs is missing.
    """
    snapshots = read_snapshots(Path(data_dir) / policy.school_folder)  # each school's own approvals
    current = snapshot_of(policy)
    since_approval = compare(snapshots[policy.version], current, policy) if policy.version in snapshots else None
    earlier = [v for v in snapshots if version_key(v) < version_key(policy.version)]
    in_force = None
    if earlier:
        approved = snapshots.get(policy.version, current)
        in_force = compare(snapshots[earlier[-1]], approved, policy)
    return since_approval, in_force
