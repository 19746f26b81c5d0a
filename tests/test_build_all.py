"""A group of schools from one policy: `build-all` checks every school at once, then writes each school's
own site and the group's site; no school's site names another school or its people."""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from browser_tools import axe_violations
from conftest import DATA, PROJECT, build_all, copy_data, serve_folder

SCHOOLS = sorted(p.stem for p in (DATA / "schools").glob("*.yml"))


@pytest.fixture(scope="module")
def built(built_all) -> Path:
    """The example group built once: DIR/ (the group) and DIR/<school-id>/ (each school)."""
    return built_all


def profile(school_id: str, data: Path = DATA) -> dict:
    return yaml.safe_load((data / "schools" / f"{school_id}.yml").read_text(encoding="utf-8"))


def identities(school_id: str) -> set[str]:
    """What would give a school away: its names, its people's names, its handles and web domain."""
    found = profile(school_id)
    school = found["school"]
    names = {school["name"], school.get("second_language_name", "")}
    names |= {person["name"] for person in found["people"].values()}
    names |= {account.get("handle", "") for account in found.get("accounts", {}).values()}
    names.add(re.sub(r"^https://(www\.)?", "", school.get("website", "")))
    return {n for n in names if n}


def group_people() -> set[str]:
    group = yaml.safe_load((DATA / "group.yml").read_text(encoding="utf-8"))
    return {person["name"] for person in (group.get("people") or {}).values()}


def site_text(site: Path) -> str:
    """Every page's text and the search index, as a reader or a search could meet it."""
    parts = []
    for page in sorted(site.rglob("*.html")):
        parts.append(html.unescape(re.sub(r"<[^>]+>", " ", page.read_text(encoding="utf-8"))))
    index = site / "search" / "search_index.json"
    if index.exists():
        parts.append(html.unescape(json.dumps(json.loads(index.read_text(encoding="utf-8")), ensure_ascii=False)))
    return " ".join(" ".join(parts).split())


def test_there_are_schools_to_build():
    assert len(SCHOOLS) >= 3, "the example group has at least three schools"


@pytest.mark.parametrize("school_id", SCHOOLS)
def test_each_school_site_shows_its_own_name_and_people_and_no_one_elses(built, school_id):
    site = built / school_id
    text = site_text(site)
    own = profile(school_id)
    assert own["school"]["name"] in text
    assert own["people"]["dsl"]["name"] in text
    others = set().union(*(identities(other) for other in SCHOOLS if other != school_id)) | group_people()
    assert sorted(name for name in others if name in text) == []


@pytest.mark.parametrize("school_id", SCHOOLS)
def test_each_school_site_has_its_own_search_index_version_stamp_and_logo(built, school_id):
    site = built / school_id
    own = profile(school_id)
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert any(own["school"]["name"] in html.unescape(doc["text"] + doc["title"]) for doc in index["docs"])
    home = (site / "index.html").read_text(encoding="utf-8")
    assert f"<title>" in home and html.escape(own["school"]["name"], quote=False) in home
    assert f"Version {own['approval']['version']}" in site_text(site)
    logo = own["school"].get("logo")
    if logo:
        shipped = [p for p in site.rglob("school-logo.*")]
        assert shipped and shipped[0].read_bytes() == (DATA / logo).read_bytes()


def test_the_group_site_lists_and_links_every_school(built):
    home = (built / "index.html").read_text(encoding="utf-8")
    for school_id in SCHOOLS:
        assert f'href="{school_id}/"' in home
        assert html.escape(profile(school_id)["school"]["name"], quote=False) in home
        assert (built / school_id / "index.html").is_file()


def test_the_variation_table_shows_each_schools_choice_and_local_clauses(built):
    page = site_text(built / "variations")
    for school_id in SCHOOLS:
        for option, value in profile(school_id)["options"].items():
            assert value in page, (school_id, option)
        local = DATA / "schools" / school_id / "clauses.yml"
        for clause in (yaml.safe_load(local.read_text(encoding="utf-8"))["clauses"] if local.exists() else []):
            assert clause["id"] in page
            if clause.get("replaces"):
                assert clause["replaces"] in page
    assert "Checked against the current shared wording" in page


def test_the_group_site_shows_its_people_and_every_schools_review_status(built):
    roles = site_text(built / "roles")
    assert sorted(group_people()) and all(name in roles for name in group_people())
    review = site_text(built / "review")
    for school_id in SCHOOLS:
        assert profile(school_id)["school"]["name"] in review


def test_a_mistake_in_one_schools_profile_names_that_school_and_writes_nothing(tmp_path):
    data = copy_data(tmp_path)
    school = data / "schools" / "llwyn-onn.yml"
    text = school.read_text(encoding="utf-8")
    school.write_text(text.replace("account_monitoring: seven-days", "account_monitoring: sevendays"), encoding="utf-8")
    line = text.splitlines().index("  account_monitoring: seven-days") + 1
    result = build_all(tmp_path / "site", data)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert (f"{data}/schools/llwyn-onn.yml:{line}: 'options': account_monitoring must be one of business-hours, "
            "seven-days (got 'sevendays'); did you mean 'seven-days'? [options-declared]") in result.stderr
    assert "check failed: 1 problem" in result.stderr
    assert not (tmp_path / "site").exists()


def test_a_stale_replacement_is_flagged_when_the_group_rewords_the_shared_clause(tmp_path):
    from macros.engine import load_schools
    data = copy_data(tmp_path)
    local = yaml.safe_load((data / "schools" / "nant-y-garth" / "clauses.yml").read_text(encoding="utf-8"))
    replaced = next(c["replaces"] for c in local["clauses"] if c.get("replaces"))
    section = data / "sections" / f"{replaced.split('.')[0]}.yml"
    text = section.read_text(encoding="utf-8")
    section.write_text(text.replace("not text speak", "never text speak", 1), encoding="utf-8")
    _, problems = load_schools(data)
    flagged = [p for p in problems if p.rule == "replacements-current"]
    assert [(p.file.rsplit("policy_data/", 1)[1], p.record) for p in flagged] == [
        ("schools/nant-y-garth/clauses.yml", f"'{next(c['id'] for c in local['clauses'] if c.get('replaces'))}'")]
    assert f"the shared clause '{replaced}' was reworded" in flagged[0].message


def test_adding_a_school_is_one_file_and_one_command(tmp_path):
    data = copy_data(tmp_path)
    for other in SCHOOLS[1:]:  # a smaller group keeps the test quick; the school added is the point
        (data / "schools" / f"{other}.yml").unlink()
        shutil.rmtree(data / "schools" / other, ignore_errors=True)
    new = profile(SCHOOLS[0])
    new["school"].update(name="Cae Glas Primary School", short_name="Cae Glas",
                         second_language_name="Ysgol Gynradd Cae Glas", website="https://www.caeglas.example.sch.uk")
    new["school"].pop("logo", None)
    new["people"] = {key: {"name": name, "role": person["role"]} for (key, person), name in zip(
        new["people"].items(), ["Mr Rhodri Elfed", "Ms Lowri Teifi", "Mr Dafydd Gwent", "Mrs Non Tegid", "Dr Siân Ogwen"])}
    new["accounts"] = {"x": {"handle": "@CaeGlasPrimary", "url": "https://x.com/CaeGlasPrimary"},
                       "facebook": {"name": "Cae Glas Primary School", "url": "https://www.facebook.com/CaeGlasPrimary"}}
    new["contacts"] = {"office": {"email": "office@caeglas.example.sch.uk", "phone": "01234 567999"},
                       "complaints": {"summary": "write to the head teacher through the school office"}}
    (data / "schools" / "cae-glas.yml").write_text(yaml.safe_dump(new, allow_unicode=True, sort_keys=False),
                                                    encoding="utf-8")
    result = build_all(tmp_path / "site", data)
    assert result.returncode == 0, result.stdout + result.stderr
    text = site_text(tmp_path / "site" / "cae-glas")
    assert "Cae Glas Primary School" in text and "Ms Lowri Teifi" in text
    assert sorted(name for name in identities(SCHOOLS[0]) if name in text) == []
    assert 'href="cae-glas/"' in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")


def test_a_generated_school_config_builds_with_properdocs_too(tmp_path):
    """The generated config depends on nothing MkDocs-specific: ProperDocs 1.6.7 builds it as it is."""
    from macros.site_config import write_school_config
    properdocs = Path(sys.executable).with_name("properdocs")
    assert properdocs.exists(), "requirements-dev.txt installs properdocs"
    school_id = SCHOOLS[-1]
    config = write_school_config(PROJECT, DATA, school_id, tmp_path / "configs", tmp_path / "site")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    result = subprocess.run([str(properdocs), "build", "--strict", "-f", str(config)], cwd=tmp_path,
                            capture_output=True, text=True, env=env, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<meta name="generator" content="[^"]*ProperDocs 1\.6\.7', home)
    assert html.escape(profile(school_id)["school"]["name"], quote=False) in home


@pytest.fixture(scope="module")
def group_url(built):
    yield from serve_folder(built)


@pytest.mark.browser
@pytest.mark.parametrize("path", ["", "policy/", "variations/", "roles/", "review/"])
def test_every_page_of_the_group_site_is_axe_clean_and_asks_no_third_party(group_url, page, path):
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(group_url + path)
    assert axe_violations(page) == []
    assert [url for url in requests if not url.startswith(group_url) and not url.startswith("data:")] == []
