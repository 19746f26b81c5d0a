"""The default policy data: every file has a schema, passes every check, and hangs together."""

from __future__ import annotations

import re

import pytest

from conftest import DATA
from macros.engine import load_policy
from macros.references import incoming_references
from macros.registry import schema_for as schema_name_for

DATA_FILES = sorted(p.relative_to(DATA).as_posix() for p in DATA.rglob("*.yml") if "approved/" not in p.as_posix())
POLICY, PROBLEMS = load_policy(DATA)
CLAUSE_IDS = [c.id for c in POLICY.all_clauses()]


def test_default_policy_passes_every_check():
    assert not PROBLEMS, "\n".join(str(p) for p in PROBLEMS)


@pytest.mark.parametrize("relative", DATA_FILES)
def test_every_data_file_has_a_schema(relative):
    assert schema_name_for(relative) is not None


@pytest.mark.parametrize("relative", DATA_FILES)
def test_every_data_file_names_its_schema_for_editors(relative):
    first_line = (DATA / relative).read_text(encoding="utf-8").splitlines()[0]
    assert re.match(r"# yaml-language-server: \$schema=(\.\./)+schemas/[a-z_]+\.schema\.json$", first_line), first_line


@pytest.mark.parametrize("clause_id", CLAUSE_IDS)
def test_clause_id_is_stable_in_form(clause_id):
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*\.[a-z0-9]+(-[a-z0-9]+)*", clause_id)


def test_clause_ids_are_unique():
    duplicates = {i for i in CLAUSE_IDS if CLAUSE_IDS.count(i) > 1}
    assert not duplicates


@pytest.mark.parametrize("clause_id", CLAUSE_IDS)
def test_every_clause_is_referenced_from_somewhere(clause_id):
    assert incoming_references(POLICY).get(clause_id), f"{clause_id} is not referenced from anywhere"


@pytest.mark.parametrize("law_id", sorted(POLICY.legislation))
def test_every_legislation_record_is_cited(law_id):
    cited = {l for c in POLICY.all_clauses() for l in c.refs.get("legislation") or []}
    assert law_id in cited


@pytest.mark.parametrize("role_id", sorted(POLICY.roles))
def test_every_role_has_duties(role_id):
    assert any(role_id in c.roles for c in POLICY.all_clauses())


def test_no_out_of_date_statement_is_presented_as_current():
    """The seeds' obsolete citations may appear only as history, never in a clause as current law."""
    stale = [r"Data Protection Act 1998", r"Malicious Communications Act 1998", r"140 characters",
             r"(?<!formerly )\bTwitter\b(?! \(now)"]
    offenders = []
    for clause in POLICY.all_clauses():
        if clause.id == "legal-framework.earlier-citations":
            continue  # the one clause that lists the old citations, as history
        for pattern in stale:
            if re.search(pattern, clause.text):
                offenders.append(f"{clause.id}: {pattern}")
    assert not offenders


def test_repealed_acts_name_what_replaced_them():
    for law_id, (record, _) in POLICY.legislation.items():
        if record["status"] in ("repealed", "abolished"):
            assert record.get("superseded_by"), law_id


# The numbered clauses of the Clifton Lodge policy (its headings x.0 left out): each must be traceable
# to at least one clause of ours through `sources`, so a school can see where every rule went.
CLIFTON_LODGE_CLAUSES = (["1.2"] + [f"2.{n}" for n in range(1, 7)] + [f"3.{n}" for n in range(1, 5)] + ["4.1"]
                         + [f"5.{n}" for n in range(1, 11)] + [f"6.{n}" for n in range(1, 13)]
                         + [f"7.{n}" for n in range(1, 15)] + ["8.1", "8.3", "8.4", "8.5", "8.6"]
                         + [f"9.{n}" for n in range(1, 7)])


@pytest.mark.parametrize("number", CLIFTON_LODGE_CLAUSES)
def test_every_numbered_seed_clause_is_traceable(number):
    cited = " ".join(str(s.get("ref", "")) for c in POLICY.all_clauses() for s in c.sources
                     if s.get("policy") == "clifton-lodge")
    assert re.search(rf"(?<![\d.]){re.escape(number)}(?!\d)", cited), f"Clifton Lodge {number} is not cited"


@pytest.mark.parametrize("source_id", ["sofrydd", "darul-hadis", "clifton-lodge", "trust", "st-marys"])
def test_every_seed_policy_is_drawn_on(source_id):
    assert sum(1 for c in POLICY.all_clauses() for s in c.sources if s.get("policy") == source_id) >= 40
