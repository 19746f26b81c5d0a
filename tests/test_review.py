"""The yearly review: an overdue policy warns and shows a banner everywhere, the "what changed" page shows
edits (the PDF is tested in test_pdf.py). Each edit is derived from the data, so this holds for any
valid policy."""

from __future__ import annotations

import datetime as dt
import html
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from browser_tools import site_pages
from conftest import DATA, PROJECT, run_mkdocs

NEW_SENTENCE = "Staff must never use a school account to sell anything."


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def make_project(root: Path) -> Path:
    for name in ("mkdocs.yml", "docs", "overrides", "macros", "schemas"):
        (root / name).symlink_to(PROJECT / name)
    shutil.copytree(DATA, root / "policy_data")
    return root


def another_option(data: Path) -> tuple[str, str, str]:
    """(option, the school's choice, another declared choice) for the first option that has one."""
    declared = yaml.safe_load((data / "options.yml").read_text(encoding="utf-8"))["options"]
    chosen = yaml.safe_load((data / "schools" / "bryn-teg.yml").read_text(encoding="utf-8"))["options"]
    for option in declared:
        values = [v["id"] for v in option["values"]]
        if chosen.get(option["id"]) in values and len(values) > 1:
            return option["id"], chosen[option["id"]], next(v for v in values if v != chosen[option["id"]])
    pytest.skip("the policy declares no option with a second choice")


def reword_a_clause(policy, data: Path) -> tuple[str, str]:
    """Put a new sentence before the formal text of a clause that depends on no option; returns the
    clause id and the first line of its old text."""
    for clause in policy.all_clauses():
        if clause.option:
            continue
        path = data.parent / clause.where.file
        text = path.read_text(encoding="utf-8")
        start = text.find(f"id: {clause.id}\n")
        found = re.compile(r"\n(\s+)text: (?:>-?\n\s+)?(?=[A-Za-z])(\S[^\n]*)").search(text, start)
        if start == -1 or not found:
            continue
        old_line = found.group(2)
        path.write_text(text[:found.start(2)] + NEW_SENTENCE + " " + text[found.start(2):], encoding="utf-8")
        return clause.id, old_line
    pytest.skip("no clause with plain formal text to reword")


def confirm_rereads(data: Path) -> None:
    """What the reviewer does after rewording: confirm the summaries and paraphrases the check flags."""
    check = subprocess.run([sys.executable, "-m", "macros", "--data", str(data), "check"], cwd=PROJECT,
                           capture_output=True, text=True)
    ids = sorted(set(re.findall(r"macros confirm ([^`\s]+)`", check.stdout + check.stderr)))
    if ids:
        run = subprocess.run([sys.executable, "-m", "macros", "--data", str(data), "confirm", *ids], cwd=PROJECT,
                             capture_output=True, text=True)
        assert run.returncode == 0, run.stdout + run.stderr


def reader_text(page: str) -> str:
    page = re.sub(r"</?(abbr|a|em|strong|code|span|ins|del)\b[^>]*>", "", page)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


@pytest.fixture(scope="module")
def reviewed(tmp_path_factory, policy):
    """The policy with the approval date two years back, one clause reworded and one option changed."""
    root = make_project(tmp_path_factory.mktemp("review"))
    data = root / "policy_data"
    school = data / "schools" / "bryn-teg.yml"
    approved = re.search(r"approved_on: (\d{4})-(\d\d-\d\d)", school.read_text()).group(0)
    year = int(approved.split(": ")[1][:4])
    replace_in(school, approved, approved.replace(str(year), str(year - 2)))
    option, old, new = another_option(data)
    replace_in(school, f"{option}: {old}", f"{option}: {new}")
    _, old_line = reword_a_clause(policy, data)
    confirm_rereads(data)
    result = run_mkdocs(root, root / "site")
    return root, result, old_line, (option, old, new)


def test_an_overdue_policy_builds_with_a_warning(reviewed):
    root, result, _, _ = reviewed
    assert result.returncode == 0, result.stdout + result.stderr
    assert "The policy was due for review on" in result.stderr


def test_every_page_shows_the_overdue_banner(reviewed):
    root, _, _, _ = reviewed
    for relative in site_pages(root / "site"):
        page = (root / "site" / relative / "index.html").read_text(encoding="utf-8")
        assert "This policy was due for review on" in page, relative


def test_what_changed_shows_the_reworded_clause_and_the_changed_option(reviewed):
    root, _, old_line, (option, old, new) = reviewed
    page = html.unescape((root / "site" / "changes" / "index.html").read_text(encoding="utf-8"))
    since = page[page.index('id="since-approval"'):]
    since = since[:since.index('id="version-')]
    assert NEW_SENTENCE in reader_text(since)
    assert "<del>" in since or "<ins>" in since
    assert " ".join(old_line.split()[:6]) in reader_text(since)
    assert option in since and old in since and new in since


def test_strict_option_fails_an_overdue_build(tmp_path):
    """Every date of the record moves back by the same number of years, so they stay in order."""
    root = make_project(tmp_path)
    school = root / "policy_data" / "schools" / "bryn-teg.yml"
    replace_in(school, "when_overdue: warn", "when_overdue: fail")
    approved = re.search(r"approved_on: (\d{4})-\d\d-\d\d", school.read_text())
    years_back = int(approved.group(1)) - (dt.date.today().year - 3)
    replace_in(school, approved.group(0), f"approved_on: {dt.date.today().year - 3}-01-10")
    history = root / "policy_data" / "schools" / "bryn-teg" / "history.yml"
    history.write_text(re.sub(r"(\bdate: )(\d{4})(-\d\d-\d\d)",
                              lambda m: f"{m.group(1)}{int(m.group(2)) - years_back}-01-01",
                              history.read_text(encoding="utf-8")), encoding="utf-8")
    result = run_mkdocs(root, root / "site")
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "approval.when_overdue is 'fail'" in output and "Traceback" not in output
    assert not (root / "site").exists()


def test_what_changed_compares_wording_as_the_school_reads_it(tmp_path):
    """A placeholder rewritten so that it fills to the same words is no change for the school; a
    placeholder that now names someone else is."""
    from conftest import MINIMAL
    from macros.changes import review_changes
    from macros.engine import load_checked_policy
    from macros.snapshots import store_snapshot

    data = tmp_path / "data"
    shutil.copytree(MINIMAL, data)
    assert store_snapshot(load_checked_policy(data), data).code == 0
    posting = data / "sections" / "posting.yml"
    replace_in(posting, "Staff must report any concern to {people.dsl.name}.", "Staff must report any concern to Mr Safe.")
    confirm_rereads(data)  # the check asks for the paraphrases citing it to be re-read
    since, _ = review_changes(load_checked_policy(data), data)
    assert since.reworded == [] and since.empty
    replace_in(posting, "Staff must report any concern to Mr Safe.", "Staff must report any concern to {people.head_teacher.name}.")
    confirm_rereads(data)
    since, _ = review_changes(load_checked_policy(data), data)
    assert [(r.clause_id, r.new_text) for r in since.reworded] == [
        ("posting.report-to-dsl", "Staff must report any concern to {people.head_teacher.name}.")]
