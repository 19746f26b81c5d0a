"""Scenarios in tests/scenarios/*.yml: what a school does with its data (given) and what must then be true
of the check and of the public site built from it (then), each written as a sentence.

Each scenario runs on a copy of the project, so the example data is never touched. The sentences this
file understands are the keys of GIVEN and THEN below; an unknown one fails the test, naming it.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import DATA, PROJECT, run_mkdocs

SCENARIOS = sorted((Path(__file__).parent / "scenarios").glob("*.yml"))
COPIED = ["mkdocs.yml", "docs", "overrides", "macros", "schemas"]
# What a person adopting the handbook types where new-school left FILL IN, by the field's name.
FILLED = {"type": "Community primary school (ages 4 to 11)", "website": "https://www.brookfield.example.org",
          "handle": "@BrookfieldPri", "email": "office@brookfield.example.org", "phone": "01632 960000",
          "summary": "speak to the class teacher first, then write to the head teacher",
          "url": "https://www.brookfield.example.org/contact", "name": "Ms Ada Okafor", "role": "Business manager"}


def _sentence(step) -> tuple[str, object]:
    """'the check passes' → ('the check passes', None); 'set: {...}' or {'set': {...}} → ('set', {...})."""
    if isinstance(step, dict):
        (key, value), = step.items()
        return key, value
    if isinstance(step, str) and ":" in step:
        key, value = step.split(":", 1)
        value = value.strip()
        return key.strip(), yaml.safe_load(value) if value[:1] in "[{" else value
    return step, None


# --- given ------------------------------------------------------------------------------------------

def start_a_school(data: Path, args: dict) -> None:
    from macros.new_school import new_school
    outcome = new_school(data, args["id"], args["name"], args.get("short name"), args.get("nation", "england"),
                         only=args.get("only", False), no_group=args.get("no group", False))
    assert outcome.code == 0, outcome.messages


def fill_in_every_fill_in(data: Path, _) -> None:
    for profile in (data / "schools").glob("*.yml"):
        lines = profile.read_text(encoding="utf-8").splitlines()
        for index, line in enumerate(lines):
            match = re.match(r'^(\s*)([a-z_]+): "FILL IN:', line)
            if match:
                lines[index] = f'{match.group(1)}{match.group(2)}: "{FILLED[match.group(2)]}"'
        profile.write_text("\n".join(lines) + "\n", encoding="utf-8")


def set_a_value(data: Path, args: dict) -> None:
    """Change one value on its own line, as a person editing the file would (comments stay)."""
    from macros.yaml_source import read_data_file
    path = data / args["file"]
    parsed, problems = read_data_file(path, args["file"])
    assert parsed is not None and not problems, problems
    line = parsed.line_of(tuple(args["key"].split(".")))
    lines = path.read_text(encoding="utf-8").splitlines()
    key = args["key"].split(".")[-1]
    assert lines[line - 1].lstrip().startswith(key + ":"), lines[line - 1]
    lines[line - 1] = re.sub(rf"({key}:\s*)\S+", rf"\g<1>{args['to']}", lines[line - 1], count=1)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def add_to_a_file(data: Path, args: dict) -> None:
    """Add lines after the line that reads `after`, or at the end of the file."""
    path = data / args["file"]
    text = path.read_text(encoding="utf-8")
    added = args["text"].rstrip("\n") + "\n"
    if "after" in args:
        marker = args["after"].rstrip("\n") + "\n"
        assert text.count(marker) == 1, f"'{args['after']}' is not one line of {args['file']}"
        text = text.replace(marker, marker + added)
    else:
        text = text.rstrip("\n") + "\n" + added
    path.write_text(text, encoding="utf-8")


def delete_a_clause(data: Path, clause_id: str) -> None:
    """Delete a clause's whole record from its section file, as an editor would, leaving what cites it."""
    path = data / "sections" / f"{clause_id.split('.')[0]}.yml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.strip() == f"- id: {clause_id}")
    indent = len(lines[start]) - len(lines[start].lstrip())
    end = next((i for i in range(start + 1, len(lines)) if lines[i].strip()
                and len(lines[i]) - len(lines[i].lstrip()) <= indent), len(lines))
    path.write_text("".join(lines[:start] + lines[end:]), encoding="utf-8")


GIVEN = {"delete the clause": delete_a_clause, "start a school": start_a_school, "fill in every FILL IN": fill_in_every_fill_in, "set": set_a_value,
         "add to a file": add_to_a_file}


# --- then -------------------------------------------------------------------------------------------

def _page_texts(site: Path) -> dict[str, str]:
    """Every page as its reader sees it: the text, without markup, scripts or styles."""
    texts = {}
    for page in sorted(site.rglob("*.html")):
        raw = re.sub(r"(?s)<(script|style)\b.*?</\1>", " ", page.read_text(encoding="utf-8"))
        texts[page.relative_to(site).as_posix()] = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", raw)).split())
    return texts


def _example_names() -> list[str]:
    """Everything that identifies the example schools, their group and the source policies, from the
    example data itself: names, people, handles, web and e-mail domains."""
    names: set[str] = set()

    def walk(node, key=""):
        if isinstance(node, dict):
            for k, v in node.items():
                walk(v, k)
        elif isinstance(node, list):
            for v in node:
                walk(v, key)
        elif isinstance(node, str) and key in ("name", "short_name", "second_language_name", "handle", "short"):
            names.add(node)
        elif isinstance(node, str) and key in ("url", "website", "email"):
            names.add(re.sub(r"^(https://)?(www\.)?|^.*@", "", node).split("/")[0])
    for profile in (DATA / "schools").glob("*.yml"):
        walk(yaml.safe_load(profile.read_text(encoding="utf-8")))
    group = yaml.safe_load((DATA / "group.yml").read_text(encoding="utf-8"))
    walk({k: v for k, v in group.items() if k != "approval"})
    walk(yaml.safe_load((DATA / "sources.yml").read_text(encoding="utf-8")))
    generic = {"x.com", "facebook.com", "Head teacher"}
    return sorted(n for n in names if n not in generic and len(n) > 3)


def _mentions(text: str, phrase: str) -> bool:
    return re.search(rf"(?i)(?<![\w-]){re.escape(phrase)}(?![\w-])", text) is not None


class Outcome:
    def __init__(self, project: Path, check: subprocess.CompletedProcess, site: Path | None):
        self.project, self.check, self.site = project, check, site

    @property
    def pages(self) -> dict[str, str]:
        assert self.site is not None, f"the site was not built:\n{self.check.stderr}"
        return _page_texts(self.site)


def the_check_passes(outcome: Outcome, _) -> None:
    assert outcome.check.returncode == 0, outcome.check.stderr


def the_check_fails_and_every_problem_says(outcome: Outcome, words: str) -> None:
    problems = [line for line in outcome.check.stderr.splitlines() if ": " in line and line.endswith("]")]
    assert outcome.check.returncode == 1 and problems, outcome.check.stderr
    assert all(words in line for line in problems), problems
    assert "Traceback" not in outcome.check.stderr and "could not finish" not in outcome.check.stderr


def _problems(outcome: Outcome, in_translations: bool) -> list[str]:
    problems = [line for line in outcome.check.stderr.splitlines() if ": " in line and line.endswith("]")
                and ("/translations/" in line.split(":", 1)[0]) == in_translations]
    assert outcome.check.returncode == 1 and problems, outcome.check.stderr
    return problems


def every_problem_outside_translations_says(outcome: Outcome, words: str) -> None:
    problems = _problems(outcome, in_translations=False)
    assert all(words in line for line in problems), problems


def every_problem_in_translations_says(outcome: Outcome, words: str) -> None:
    problems = _problems(outcome, in_translations=True)
    assert all(words in line for line in problems), problems


def the_check_never_says(outcome: Outcome, words: str) -> None:
    assert words not in outcome.check.stderr, outcome.check.stderr


def the_site_is_called(outcome: Outcome, name: str) -> None:
    for page in ("index.html", "parents/index.html"):
        head = (outcome.site / page).read_text(encoding="utf-8")
        assert re.search(rf"<title>(.* - )?{re.escape(html.escape(name, quote=False))}</title>", head), page
        assert "social media policy handbook" not in head.lower()


def no_page_names_the_examples(outcome: Outcome, _) -> None:
    names = _example_names()
    assert len(names) >= 20, names  # the examples really were read
    found = [(page, name) for page, text in outcome.pages.items() for name in names if _mentions(text, name)]
    assert not found, found[:20]


def no_page_says(outcome: Outcome, phrases: list[str]) -> None:
    found = [(page, phrase) for page, text in outcome.pages.items() for phrase in phrases if _mentions(text, phrase)]
    assert not found, found[:20]


def no_page_but_what_changed_says(outcome: Outcome, phrases: list[str]) -> None:
    """What changed quotes the wording a change replaced; every other page shows only today's."""
    found = [(page, phrase) for page, text in outcome.pages.items() for phrase in phrases
             if not page.startswith(("changes/", "changes-for-parents/")) and _mentions(text, phrase)]
    assert not found, found[:20]


def some_page_says(outcome: Outcome, phrases: list[str]) -> None:
    for phrase in phrases:
        assert any(_mentions(text, phrase) for text in outcome.pages.values()), phrase


def a_page_says(outcome: Outcome, args: dict) -> None:
    text = outcome.pages[args["page"].strip("/") + "/index.html" if args["page"].strip("/") else "index.html"]
    missing = [phrase for phrase in args["says"] if not _mentions(text, phrase)]
    assert not missing, missing


def every_page_says(outcome: Outcome, phrase: str) -> None:
    pages = {page: text for page, text in outcome.pages.items() if page.endswith("index.html")}
    missing = [page for page, text in pages.items() if phrase not in text]
    assert pages and not missing, missing


THEN = {"the check passes": the_check_passes,
        "the check fails, and every problem says": the_check_fails_and_every_problem_says,
        "the check fails, and every problem outside translations/ says": every_problem_outside_translations_says,
        "every problem in translations/ says": every_problem_in_translations_says,
        "the check never says": the_check_never_says, "the site is called": the_site_is_called,
        "no page names the example schools, their people, handles or domains, their group, or the source "
        "schools": no_page_names_the_examples,
        "no page says": no_page_says, "no page but What changed says": no_page_but_what_changed_says,
        "some page says": some_page_says, "a page says": a_page_says, "every page says": every_page_says}


@pytest.mark.parametrize("path", SCENARIOS, ids=[p.stem for p in SCENARIOS])
def test_scenario(path: Path, tmp_path: Path):
    scenario = yaml.safe_load(path.read_text(encoding="utf-8"))
    project = tmp_path / "project"
    project.mkdir()
    for name in COPIED:
        source = PROJECT / name
        if source.is_dir():
            shutil.copytree(source, project / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, project / name)
    shutil.copytree(DATA, project / "policy_data")
    for step in scenario["given"]:
        sentence, argument = _sentence(step)
        assert sentence in GIVEN, f"{path.name}: no step '{sentence}' (known: {', '.join(GIVEN)})"
        GIVEN[sentence](project / "policy_data", argument)
    check = subprocess.run([sys.executable, "-m", "macros", "--data", "policy_data", "check"], cwd=project,
                           capture_output=True, text=True)
    site = None
    if check.returncode == 0:
        built = run_mkdocs(project, tmp_path / "site", edition="public")
        assert built.returncode == 0, built.stderr
        site = tmp_path / "site"
    outcome = Outcome(project, check, site)
    for step in scenario["then"]:
        sentence, argument = _sentence(step)
        assert sentence in THEN, f"{path.name}: no expectation '{sentence}' (known: {', '.join(THEN)})"
        THEN[sentence](outcome, argument)
