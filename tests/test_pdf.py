"""The PDF governors sign and the parents' leaflet, made by the real command and read back with pypdf and
poppler. Every expected value comes from the policy data, so this holds for any valid policy."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import DATA, PROJECT

pytestmark = pytest.mark.browser

MAX_PAGES = 45
APPENDICES = ("Appendix A. Roles and responsibilities", "Appendix B. Legislation and guidance",
              "Appendix C. Related policies", "Appendix D. Glossary")
WEB_ONLY = ("Clause id", "Drawn from", "Search words", "Responsible:", "Referred to from", "For: ",
            "Skip to content")
SIGNERS = (("Head teacher", "head_teacher"), ("Chair of governors", "chair_of_governors"))


def normal(text: str) -> str:
    return " ".join(text.replace("’", "'").split())


def run_pdf(output: Path, *extra: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "macros", "--data", str(DATA), "pdf", "--output", str(output),
                           *extra], cwd=PROJECT, capture_output=True, text=True, timeout=300,
                          env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1", **(env or {})})


def page_texts(path: Path) -> list[str]:
    """Each page's text as poppler lays it out (pages end with a form feed)."""
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    return text.split("\f")[:-1]


@pytest.fixture(scope="module")
def policy_pdf(tmp_path_factory) -> Path:
    output = tmp_path_factory.mktemp("pdf") / "policy.pdf"
    result = run_pdf(output)
    assert result.returncode == 0, result.stderr
    assert output.read_bytes().startswith(b"%PDF")
    return output


@pytest.fixture(scope="module")
def pages(policy_pdf) -> list[str]:
    return page_texts(policy_pdf)


@pytest.fixture(scope="module")
def reader(policy_pdf) -> PdfReader:
    return PdfReader(policy_pdf)


def section_labels(policy) -> list[str]:
    return [f"{section.number}. {normal(section.title)}" for section in policy.sections]


def test_the_document_fits_and_every_page_is_counted(reader, pages):
    assert len(reader.pages) == len(pages) <= MAX_PAGES


def test_the_cover_names_the_school_title_and_version(policy, pages):
    cover = normal(pages[0])
    assert normal(policy.school_name) in cover and normal(policy.title) in cover
    assert re.search(rf"Version\s+{re.escape(policy.version)}\b", cover)
    second = policy.profile.school.second_language_name
    if second:
        assert normal(second) in cover
    assert normal(policy.approval.approved_by) in cover


def test_every_page_carries_the_school_version_and_page_number(policy, pages):
    total = len(pages)
    for number, text in enumerate(pages, start=1):
        footer = normal(text.strip().splitlines()[-1])
        assert normal(policy.school_name) in footer, f"page {number}: {footer}"
        assert f"version {policy.version}" in footer and footer.endswith(f"page {number} of {total}")
    assert f"page 2 of {total}" in normal(pages[1])


def test_the_outline_lists_every_section_and_appendix(policy, reader):
    titles = []

    def walk(items):
        for item in items:
            walk(item) if isinstance(item, list) else titles.append(normal(item.title))

    walk(reader.outline)
    for label in [*section_labels(policy), *APPENDICES, "Approval"]:
        assert label in titles, f"no bookmark for {label}: {titles}"


def test_contents_page_numbers_match_where_sections_start(policy, pages):
    listed = {}
    for line in pages[1].splitlines():
        found = re.match(r"^\s*(\S.*?)\s{2,}(\d+)\s*$", line)
        if found:
            listed[normal(found.group(1))] = int(found.group(2))
    for label in [*section_labels(policy), *APPENDICES, "Approval"]:
        assert label in listed, f"{label} is not in the contents: {listed}"
        starts = [number for number, text in enumerate(pages, start=1)
                  if number > 2 and any(normal(line) == label for line in text.splitlines())]
        assert starts and listed[label] == starts[0], f"{label}: contents says {listed[label]}, starts on {starts}"


def test_clauses_are_numbered_paragraphs_without_web_furniture(policy, pages):
    text = normal(" ".join(pages))
    for word in WEB_ONLY:
        assert word not in text, word
    for section in policy.sections:
        clause = section.clauses[0]
        title = normal(clause.title).rstrip(".")
        assert f"{clause.number} {title}." in text, clause.id


def test_links_stay_inside_the_document_or_go_to_official_addresses(policy, policy_pdf, reader):
    internal, addresses = 0, []
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            if annotation.get("/Subtype") != "/Link":
                continue
            action = annotation.get("/A")
            action = action.get_object() if action is not None else {}
            if "/URI" in action:
                addresses.append(str(action["/URI"]))
            elif "/Dest" in annotation or "/D" in action:
                internal += 1
    cross_references = sum(len(c.refs.clauses) for c in policy.all_clauses())
    assert internal >= min(cross_references, 20), "cross-references and contents are links inside the PDF"
    assert addresses and all(a.startswith("https://") for a in addresses), addresses
    assert b"file:" not in policy_pdf.read_bytes()


def test_appendices_and_the_approval_page_come_last(policy, pages):
    text = normal(" ".join(pages))
    for heading in APPENDICES:
        assert heading in text, heading
    last = normal(pages[-1])
    assert last.startswith("Approval") and "Signed" in last and "Date" in last
    people = policy.people()
    for role, key in SIGNERS:
        assert role in last
        if key in people:
            assert normal(people[key].name) in last
    assert policy.fingerprint in last


def test_the_parents_leaflet_is_short_and_names_the_school(policy, tmp_path):
    output = tmp_path / "leaflet.pdf"
    result = run_pdf(output, "--leaflet")
    assert result.returncode == 0, result.stderr
    leaflet = page_texts(output)
    assert 1 <= len(leaflet) <= 2
    text = normal(" ".join(leaflet))
    assert normal(policy.school_name) in text and "what we ask of families" in text
    office = policy.profile.contacts.office
    assert not office.email or office.email in text
    assert b"file:" not in output.read_bytes()


def test_without_chromium_the_command_says_how_to_get_it(tmp_path):
    result = run_pdf(tmp_path / "policy.pdf", env={"CHROMIUM": str(tmp_path / "no-chromium")})
    assert result.returncode == 1
    assert "sudo apt-get install chromium" in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "policy.pdf").exists()


def test_no_page_ends_with_a_lone_heading(policy, pages):
    headings = {*section_labels(policy), *APPENDICES}
    for number, text in enumerate(pages, start=1):
        body = [normal(line) for line in text.strip().splitlines()[:-1] if line.strip()]  # less the footer
        assert body and body[-1] not in headings, f"page {number} ends with the heading {body[-1]}"


def test_the_cover_shows_the_logo_the_profile_names(tmp_path):
    import base64
    import shutil
    from macros.engine import load_checked_policy
    from macros.render.context import RenderContext
    from macros.render.document import policy_document
    data = tmp_path / "policy_data"
    shutil.copytree(DATA, data)
    (data / "crest.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" '
                                    'height="1"/></svg>', encoding="utf-8")
    school = data / "schools" / "bryn-teg.yml"
    text = re.sub(r"(?m)^  logo: .*\n", "", school.read_text(encoding="utf-8"))
    school.write_text(text.replace("school:\n", "school:\n  logo: crest.svg\n", 1), encoding="utf-8")
    document = policy_document(RenderContext(load_checked_policy(data), data))
    encoded = base64.b64encode((data / "crest.svg").read_bytes()).decode("ascii")
    assert f'class="cover-logo" src="data:image/svg+xml;base64,{encoded}"' in document
    school.write_text(text, encoding="utf-8")
    assert 'class="cover-logo"' not in policy_document(RenderContext(load_checked_policy(data), data))


def test_the_welsh_school_prints_its_policy_in_welsh_with_the_language_set(tmp_path):
    school = next(p.stem for p in sorted((DATA / "schools").glob("*.yml")) if "languages: [cy" in p.read_text(encoding="utf-8"))
    output = tmp_path / "polisi.pdf"
    result = run_pdf(output, "--language", "cy", env={"HANDBOOK_SCHOOL": school})
    assert result.returncode == 0, result.stderr
    reader = PdfReader(output)
    assert str(reader.trailer["/Root"].get("/Lang")) == "cy"
    cover = normal(page_texts(output)[0])
    assert "Polisi Cyfryngau Cymdeithasol" in cover and "Fersiwn" in cover
    english = run_pdf(tmp_path / "x.pdf", "--language", "fr", env={"HANDBOOK_SCHOOL": school})
    assert english.returncode != 0 and "not 'fr'" in english.stderr
