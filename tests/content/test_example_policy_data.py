"""Holds the example school's content to account (its files, current law and seed policies); a school replacing the content rewrites or deletes these tests."""

from __future__ import annotations

import re

import pytest

from conftest import DATA

DATA_FILES = sorted(p.relative_to(DATA).as_posix() for p in DATA.rglob("*.yml") if "approved/" not in p.as_posix())


@pytest.mark.parametrize("relative", DATA_FILES)
def test_every_data_file_names_its_schema_for_editors(relative):
    first_line = (DATA / relative).read_text(encoding="utf-8").splitlines()[0]
    assert re.match(r"# yaml-language-server: \$schema=(\.\./)+schemas/[a-z_]+\.schema\.json$", first_line), first_line


def test_no_out_of_date_statement_is_presented_as_current(policy):
    """The seeds' obsolete citations may appear only as history, never in a clause as current law."""
    stale = [r"Data Protection Act 1998", r"Malicious Communications Act 1998", r"140 characters",
             r"(?<!formerly )\bTwitter\b(?! \(now)"]
    offenders = []
    for clause in policy.all_clauses():
        if clause.id == "legal-framework.earlier-citations":
            continue  # the one clause that lists the old citations, as history
        for pattern in stale:
            if re.search(pattern, clause.text):
                offenders.append(f"{clause.id}: {pattern}")
    assert not offenders


# The numbered clauses of the Clifton Lodge policy (its headings x.0 left out): each must be traceable
# to at least one clause of ours through `sources`, so a school can see where every rule went.
CLIFTON_LODGE_CLAUSES = (["1.2"] + [f"2.{n}" for n in range(1, 7)] + [f"3.{n}" for n in range(1, 5)] + ["4.1"]
                         + [f"5.{n}" for n in range(1, 11)] + [f"6.{n}" for n in range(1, 13)]
                         + [f"7.{n}" for n in range(1, 15)] + ["8.1", "8.3", "8.4", "8.5", "8.6"]
                         + [f"9.{n}" for n in range(1, 7)])


def _sources(policy, source_id: str) -> list:
    return [s for c in policy.all_clauses() for s in c.sources if s.policy == source_id]


@pytest.mark.parametrize("number", CLIFTON_LODGE_CLAUSES)
def test_every_numbered_seed_clause_is_traceable(policy, number):
    cited = " ".join(str(s.ref or "") for s in _sources(policy, "clifton-lodge"))
    assert re.search(rf"(?<![\d.]){re.escape(number)}(?!\d)", cited), f"Clifton Lodge {number} is not cited"


@pytest.mark.parametrize("source_id", ["sofrydd", "darul-hadis", "clifton-lodge", "trust", "st-marys"])
def test_every_seed_policy_is_drawn_on(policy, source_id):
    assert len(_sources(policy, source_id)) >= 40
