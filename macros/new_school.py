"""`python -m macros new-school ID --name NAME`: a school's own profile, made from the model policy.

The profile carries the school's names and the model's default options; everything only the school can
know (its people, addresses, accounts) is written as `FILL IN: ...`, which the check lists, line by line,
until it is filled in, so nothing of the example school is ever published under the new school's name.
The approval is version 1.0, a draft, with no history: none of the example schools' approvals come
along. `--only` removes the other schools (the examples), `--no-group` says the school belongs to no
trust or federation. Nothing outside policy_data/ needs editing: the site's name comes from the profile.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .registry import SCHOOLS_FOLDER

SCHOOL_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
FILL_IN = "FILL IN"  # the marker the loader reports (macros/loading.py)
SAFE_COLOUR = "#283593"  # a dark blue that passes the contrast rule, until the school chooses its own


@dataclass
class Outcome:
    code: int
    messages: list[str] = field(default_factory=list)


def _quoted(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _fill(what: str) -> str:
    return _quoted(f"{FILL_IN}: {what}")


def _options(data_dir: Path) -> list[str]:
    """Each declared option at its default, with the other values in a comment."""
    declared = yaml.safe_load((data_dir / "options.yml").read_text(encoding="utf-8")).get("options", [])
    lines = []
    for option in declared:
        values = [v["id"] for v in option.get("values", [])]
        default = option.get("default")
        if default is None:
            lines.append(f"  {option['id']}: {_fill(option.get('means') or 'see options.yml')}")
            continue
        others = [v for v in values if v != default]
        comment = f"   # or {' | '.join(others)} (options.yml explains each)" if others else ""
        lines.append(f"  {option['id']}: {default}{comment}")
    return lines


def profile_text(school_id: str, name: str, short_name: str, nation: str, options: list[str]) -> str:
    return "\n".join([
        "# yaml-language-server: $schema=../../schemas/school.schema.json",
        f"# {name}: everything that differs from one school to the next. Clauses never copy these values;",
        "# they write a placeholder such as {school.name} or {people.dsl.name} (see policy_data/README.md).",
        "# Replace every FILL IN, then run `python -m macros check`: it lists each one still to do, by line.",
        "school:",
        f"  name: {_quoted(name)}",
        f"  short_name: {_quoted(short_name)}   # shown in the phone's header",
        "  type: " + _fill("the kind of school, e.g. Community primary school (ages 3 to 11)"),
        f"  nation: {nation}                 # england | wales: decides which statutory guidance the policy cites",
        "  website: " + _fill("the school website's address, starting https://"),
        f"  colour: \"{SAFE_COLOUR}\"          # the header and links: dark enough for white text (checked)",
        f"  # logo: {SCHOOLS_FOLDER}/{school_id}/logo.svg   # a crest for the header and the printed cover",
        "languages: [en]",
        "accounts:                 # the school's own accounts; platforms/*.yml say which one each protocol is for",
        "  x:",
        "    handle: " + _fill("the school's X handle, e.g. @BrookfieldPri"),
        "    url: " + _fill("the account's address, e.g. https://x.com/BrookfieldPri"),
        "  facebook:",
        "    name: " + _fill("the name of the school's Facebook page"),
        "    url: " + _fill("the page's address, starting https://www.facebook.com/"),
        "people:",
        "  head_teacher:",
        "    name: " + _fill("the head teacher's name, e.g. Mrs A Jones"),
        "    role: Head teacher",
        "  dsl:",
        "    name: " + _fill("the Designated Safeguarding Lead's name"),
        "    role: Designated Safeguarding Lead",
        "    email: " + _fill("the safeguarding lead's e-mail address"),
        "  online_safety_lead:",
        "    name: " + _fill("the online safety lead's name"),
        "    role: Online safety lead",
        "  monitoring_lead:",
        "    name: " + _fill("the name of the person who checks the school's accounts"),
        "    role: " + _fill("their job, e.g. School business manager"),
        "  chair_of_governors:",
        "    name: " + _fill("the chair of governors' name"),
        "    role: Chair of governors",
        "contacts:",
        "  office:",
        "    email: " + _fill("the school office's e-mail address"),
        "    phone: " + _fill("the school office's phone number"),
        "  acknowledgements:   # where staff e-mail the record of their self-check or a checklist",
        "    email: " + _fill("the e-mail address that collects staff acknowledgements"),
        "  complaints:",
        "    summary: " + _fill("how to raise a concern, in a sentence: who to speak to first, then what"),
        "    url: " + _fill("the address of the complaints procedure on the school website"),
        "options:",
        *options,
        "approval:                 # the version in force; `python -m macros snapshot` stores it once approved",
        '  version: "1.0"',
        "  status: draft           # when governors approve it: status: approved, with approved_by and approved_on",
        "  review_cycle_years: 1   # 1 = every year, 2 = every two years",
        "  review_responsibility: Head teacher and governing body",
        "  when_overdue: warn      # or fail: an overdue policy stops the build",
        "",
    ])


def new_school(data_dir: Path, school_id: str, name: str, short_name: str | None = None, nation: str = "england",
               only: bool = False, no_group: bool = False) -> Outcome:
    schools = data_dir / SCHOOLS_FOLDER
    problems = []
    if not SCHOOL_ID.match(school_id):
        problems.append(f"'{school_id}' cannot be a school id: use lower-case letters, digits and single hyphens, "
                        "e.g. brookfield-primary")
    if (schools / f"{school_id}.yml").exists() or (schools / school_id).exists():
        problems.append(f"there is already a school '{school_id}' in {schools}; choose another id")
    if not name.strip():
        problems.append("the school's name is empty; give it with --name \"Brookfield Primary School\"")
    if nation not in ("england", "wales"):
        problems.append(f"--nation is england or wales, not '{nation}'")
    others = sorted(p.stem for p in schools.glob("*.yml") if p.stem != school_id)
    if no_group and others and not only:
        problems.append(f"--no-group changes group.yml, which the other schools ({', '.join(others)}) share; "
                        "add --only to make this the only school, or leave the group as it is")
    if problems:
        return Outcome(1, problems + ["nothing was written"])
    messages = []
    if only:
        for other in others:
            (schools / f"{other}.yml").unlink()
            shutil.rmtree(schools / other, ignore_errors=True)
        if others:
            messages.append(f"removed the other schools' profiles, histories and approvals: {', '.join(others)}")
    if no_group:
        (data_dir / "group.yml").write_text(
            "# yaml-language-server: $schema=../schemas/group.schema.json\n"
            "# The school belongs to no trust or federation: wording about a group is left out (see README.md).\n"
            "group:\n  kind: none\n", encoding="utf-8")
        messages.append("group.yml now says the school belongs to no trust or federation")
    profile = schools / f"{school_id}.yml"
    profile.write_text(profile_text(school_id, name.strip(), (short_name or name).strip(), nation,
                                    _options(data_dir)), encoding="utf-8")
    (schools / school_id).mkdir(exist_ok=True)
    messages += [f"wrote {profile}: replace each FILL IN, then run `python -m macros check`",
                 "version 1.0 is a draft: when governors approve it, set approval.status: approved with "
                 "approved_by and approved_on, then run `python -m macros snapshot`"]
    return Outcome(0, messages)
