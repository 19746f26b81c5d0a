"""Numbers governors can follow: when a review adds or takes out a section, "What changed" lists every
clause whose number moved (old number → new number), and a school can pin a section's number so that
the numbers after it stay as approved."""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import pytest
import yaml

from conftest import DATA, MINIMAL, PROJECT, run_mkdocs
from macros import editions
from macros.changes import Renumbered, renumbering_lines, review_changes
from macros.engine import load_checked_policy
from macros.model import section_numbers
from macros.render.changes_page import what_changed
from macros.render.context import RenderContext
from macros.snapshots import read_snapshots, store_snapshot

OWN = Path("schools") / "test-school"


def section_file(section_id: str, title: str, names: list[str], source: str) -> str:
    """A section of information clauses, each citing the next, so every clause is referred to."""
    lines = [f"id: {section_id}", f"title: {title}", "clauses:"]
    for index, name in enumerate(names):
        cited = names[(index + 1) % len(names)]
        lines += [f"  - id: {section_id}.{name}", f"    title: {name.capitalize()}", "    kind: info",
                  f"    text: The school keeps a record of its {name} arrangements.", "    audiences: [staff]",
                  "    roles: [staff]", "    refs:", f"      clauses: [{section_id}.{cited}]", "    sources:",
                  f'      - {{policy: {source}, ref: "1"}}']
    return "\n".join(lines) + "\n"


def list_sections(data: Path, *section_ids: str) -> None:
    (data / "policy.yml").write_text("title: Social Media Policy\nsections:\n"
                                     + "".join(f"  - {s}\n" for s in section_ids), encoding="utf-8")


def add_section(data: Path, section_id: str, title: str, names: list[str]) -> None:
    source = yaml.safe_load((data / "sources.yml").read_text(encoding="utf-8"))["sources"][0]["id"]
    (data / "sections" / f"{section_id}.yml").write_text(section_file(section_id, title, names, source),
                                                         encoding="utf-8")


@pytest.fixture
def approved(tmp_path) -> Path:
    """The minimal policy with four sections, approved as version 2.0 and stored by `snapshot`:
    1 Posting (2 clauses), 2 Training (2), 3 Personal use (1), 4 Privacy (3)."""
    data = tmp_path / "data"
    shutil.copytree(MINIMAL, data)
    add_section(data, "training", "Training", ["induction", "refresher"])
    add_section(data, "privacy", "Privacy", ["passwords", "settings", "tagging"])
    list_sections(data, "posting", "training", "personal-use", "privacy")
    stored = store_snapshot(load_checked_policy(data), data)
    assert stored.code == 0, stored.message
    assert read_snapshots(data / OWN)["2.0"]["clauses"]["privacy.tagging"]["number"] == "4.3"
    return data


def since_approval(data: Path):
    policy = load_checked_policy(data)
    since, _ = review_changes(policy, data)
    return policy, since


def page(policy, data: Path) -> str:
    """The "What changed" page's Markdown in the reviewer's edition (which shows unapproved edits)."""
    return what_changed(RenderContext(policy, data, editions.REVIEWER))


def test_numbers_follow_the_sections_and_their_pins():
    assert section_numbers([None, None, None]) == [1, 2, 3]
    assert section_numbers([None, None, 5, None, 9, None]) == [1, 2, 5, 6, 9, 10]
    assert section_numbers([3, None]) == [3, 4]


def test_a_section_added_in_the_middle_lists_every_clause_after_it(approved):
    add_section(approved, "ai-tools", "AI tools", ["chatbots", "images"])
    list_sections(approved, "posting", "training", "ai-tools", "personal-use", "privacy")
    policy, since = since_approval(approved)
    assert since.added == ["ai-tools.chatbots", "ai-tools.images"]
    assert [(r.clause_id, r.old, r.new) for r in since.renumbered] == [
        ("personal-use.at-work", "3.1", "4.1"),
        ("privacy.passwords", "4.1", "5.1"), ("privacy.settings", "4.2", "5.2"), ("privacy.tagging", "4.3", "5.3")]
    assert since.renumbered[0] == Renumbered("personal-use.at-work", "Personal use at work", "3.1", "4.1")
    assert renumbering_lines(since) == [
        "Sections 3 and 4 (Personal use and Privacy) are now sections 4 and 5: clauses 3.1 to 4.3 are now 4.1 to "
        "5.3, each in the same place in its section"]
    text = page(policy, approved)
    assert "### Renumbered (4)" in text
    assert ("- **Sections 3 and 4 (Personal use and Privacy) are now sections 4 and 5:** clauses 3.1 to 4.3 are now "
            "4.1 to 5.3, each in the same place in its section.") in html.unescape(text)
    for old, new, title, anchor in [("3.1", "4.1", "Personal use at work", "personal-use.at-work"),
                                    ("4.3", "5.3", "Tagging", "privacy.tagging")]:
        assert f"- {old} → {new} [{title}](policy.md#{anchor})" in text
    assert "worked out" not in text  # version 2.0 recorded its numbers: they are exact


def test_one_section_that_moves_is_named(approved):
    add_section(approved, "ai-tools", "AI tools", ["chatbots", "images"])
    list_sections(approved, "posting", "training", "personal-use", "ai-tools", "privacy")
    policy, since = since_approval(approved)
    assert renumbering_lines(since) == ["Section 4, Privacy, is now section 5: clauses 4.1 to 4.3 are now 5.1 to 5.3"]
    assert "- **Section 4, Privacy, is now section 5:** clauses 4.1 to 4.3 are now 5.1 to 5.3." \
        in html.unescape(page(policy, approved))


def test_a_clause_taken_out_moves_the_clauses_after_it_up(approved):
    text = (approved / "sections" / "privacy.yml").read_text(encoding="utf-8")
    first = text.index("  - id: privacy.passwords")
    second = text.index("  - id: privacy.settings")
    text = text[:first] + text[second:]
    (approved / "sections" / "privacy.yml").write_text(text.replace("clauses: [privacy.passwords]",
                                                                    "clauses: [privacy.settings]"), encoding="utf-8")
    _, since = since_approval(approved)
    assert [removed for removed, _ in since.removed] == ["privacy.passwords"]
    assert renumbering_lines(since) == ["Clauses 4.2 and 4.3 are now 4.1 and 4.2"]


def test_a_pinned_section_keeps_its_number_when_a_section_before_it_is_taken_out(approved):
    (approved / "sections" / "training.yml").unlink()
    list_sections(approved, "posting", "personal-use", "privacy")
    _, unpinned = since_approval(approved)
    assert [(r.old, r.new) for r in unpinned.renumbered] == [("3.1", "2.1"), ("4.1", "3.1"), ("4.2", "3.2"),
                                                             ("4.3", "3.3")]

    section = approved / "sections" / "personal-use.yml"
    section.write_text(section.read_text(encoding="utf-8").replace("title: Personal use\n",
                                                                   "title: Personal use\nnumber: 3\n"), encoding="utf-8")
    policy, pinned = since_approval(approved)
    assert [(s.id, s.number) for s in policy.sections] == [("posting", 1), ("personal-use", 3), ("privacy", 4)]
    assert pinned.renumbered == [] and renumbering_lines(pinned) == []
    assert [removed for removed, _ in pinned.removed] == ["training.induction", "training.refresher"]
    assert "Renumbered" not in page(policy, approved)


def example_with_a_new_seventh_section(data: Path):
    """A copy of the example school's data with a new section 7: the 7th section and every later one
    move down by one. Returns the section that was 7th."""
    shutil.copytree(DATA, data)
    listed = [s.id for s in load_checked_policy(data, "bryn-teg").sections]
    moved = load_checked_policy(data, "bryn-teg").sections[6]
    add_section(data, "ai-tools", "AI tools", ["chatbots", "images"])
    list_sections(data, *listed[:6], "ai-tools", *listed[6:])
    return moved


def moved_down(policy) -> str:
    """What the renumbering says when a new section 7 moves every later section down by one."""
    seventh, last = policy.sections[7], policy.sections[-1]  # the sections after the new one
    n = len(policy.sections)
    return (f"Sections 7 to {n - 1} ({seventh.title} to {last.title}) are now sections 8 to {n}: clauses 7.1 to "
            f"{n - 1}.{len(last.clauses)} are now 8.1 to {n}.{len(last.clauses)}, each in the same place in its section")


def test_the_example_school_lists_a_whole_section_moving(tmp_path):
    """The example school's approved snapshots were stored before numbers were recorded: their numbers are
    worked out from today's order, and the page says so."""
    data = tmp_path / "policy_data"
    moved = example_with_a_new_seventh_section(data)
    policy = load_checked_policy(data, "bryn-teg")
    since, _ = review_changes(policy, data)
    assert moved_down(policy) in renumbering_lines(since)
    count = len(moved.clauses)
    assert {(r.old, r.new) for r in since.renumbered} >= {(f"7.{i}", f"8.{i}") for i in range(1, count + 1)}
    text = html.unescape(page(policy, data))
    assert f"- 7.3 → 8.3 [{moved.clauses[2].title}](policy.md#{moved.clauses[2].id})" in text
    assert "Version 2.0 was stored before clause numbers were recorded" in text


def test_the_built_page_lists_the_renumbered_clauses(tmp_path):
    root = tmp_path / "project"
    root.mkdir()
    for name in ("mkdocs.yml", "docs", "overrides", "macros", "schemas"):
        (root / name).symlink_to(PROJECT / name)
    moved = example_with_a_new_seventh_section(root / "policy_data")
    result = run_mkdocs(root, root / "site")  # the reviewer's edition: it shows the edits not yet approved
    assert result.returncode == 0, result.stdout + result.stderr
    built = (root / "site" / "changes" / "index.html").read_text(encoding="utf-8")
    since = built[built.index('id="since-approval"'):built.index('id="version-')]
    words = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", since)).split())
    assert moved_down(load_checked_policy(root / "policy_data", "bryn-teg")) + "." in words
    third = moved.clauses[2]
    assert f"7.3 → 8.3 {third.title}" in words
    assert re.search(rf'<a href="[^"]*#{re.escape(third.id)}"[^>]*>{re.escape(html.escape(third.title, quote=False))}</a>',
                     since)
