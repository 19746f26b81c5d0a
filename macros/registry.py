"""Every kind of record the policy data holds, declared once.

The loader finds a file's schema here, the model builds its records from here, the checks take ids,
nouns and "must be used" from here, and the site map takes each kind's page and anchor from here.
What fields a kind has is its JSON Schema's business (schemas/), not this table's.
"""

from __future__ import annotations

from dataclasses import dataclass
from fnmatch import fnmatch

# Each school of the group has its profile at schools/<school-id>.yml and its own record of approvals
# beside it, in schools/<school-id>/ (history.yml, approved/): each governing body adopts the shared
# policy, with its options, on its own date. A single school is a group of one.
SCHOOLS_FOLDER = "schools"


@dataclass(frozen=True)
class Kind:
    name: str                  # how code and back-links name the kind
    noun: str                  # how messages name one record of it
    files: str                 # the data file(s), a pattern inside policy_data/
    schema: str                # schemas/<schema>.schema.json checks those files
    list_key: str | None       # the key of the list of records in the file; None: the file is the record
    page: str | None = None    # the page that shows each record, with an anchor per record
    anchor_prefix: str = ""    # "" : the record's id is its anchor (clauses read well in links)
    required: bool = False     # the data is incomplete without the file
    cited_as: str | None = None  # the clause field that cites records of this kind, when it must be cited


KINDS: tuple[Kind, ...] = (
    Kind("school", "school profile", "schools/*.yml", "school", None, required=True),
    Kind("group", "group profile", "group.yml", "group", None, required=True),
    Kind("policy", "policy", "policy.yml", "policy", None, required=True),
    Kind("option", "school option", "options.yml", "options", "options", required=True),
    Kind("section", "section", "sections/*.yml", "section", None, page="policy.md"),
    Kind("clause", "clause", "sections/*.yml", "section", "clauses", page="policy.md"),
    Kind("local-clause", "local clause", "schools/*/clauses.yml", "local_clauses", "clauses", page="policy.md"),
    Kind("role", "role", "roles.yml", "roles", "roles", page="roles.md", anchor_prefix="role-", required=True,
         cited_as="roles"),
    Kind("legislation", "legislation record", "legislation.yml", "legislation", "legislation",
         page="legal-framework.md", anchor_prefix="law-", required=True, cited_as="refs.legislation"),
    Kind("policy-link", "related policy", "related_policies.yml", "related_policies", "policies",
         page="related-policies.md", anchor_prefix="policy-", required=True, cited_as="refs.policies"),
    Kind("source", "source policy", "sources.yml", "sources", "sources"),  # policy.yml `sources: dropped`
    Kind("term", "glossary term", "glossary.yml", "glossary", "terms", page="glossary.md", anchor_prefix="term-",
         required=True),
    Kind("do", "do", "dos_and_donts.yml", "dos_and_donts", "dos", page="dos-and-donts.md", anchor_prefix="do-",
         required=True),
    Kind("dont", "don't", "dos_and_donts.yml", "dos_and_donts", "donts", page="dos-and-donts.md",
         anchor_prefix="dont-", required=True),
    Kind("version", "earlier version", "schools/*/history.yml", "history", "versions"),  # a new school has none
    Kind("platform", "platform", "platforms/*.yml", "platform", None, page="platforms.md", anchor_prefix="platform-"),
    Kind("guide", "guide", "guides/*.yml", "guide", None),
    Kind("quiz", "quiz", "quizzes/*.yml", "quiz", None),
    Kind("checklist", "checklist", "checklists/*.yml", "checklist", None, page="checklists.md",
         anchor_prefix="checklist-"),
    Kind("question", "common question", "questions.yml", "questions", "questions", page="common-questions.md"),
)

KIND = {kind.name: kind for kind in KINDS}

# The stored snapshots of approved versions (schools/<school-id>/approved/) are checked by the snapshot
# verifier, not as records.
SNAPSHOT_FOLDER = "approved"


def matches(relative_path: str, pattern: str) -> bool:
    """Whether a path inside policy_data/ fits a kind's file pattern; `*` never crosses a folder."""
    return relative_path.count("/") == pattern.count("/") and fnmatch(relative_path, pattern)


def schema_for(relative_path: str) -> str | None:
    """The schema a data file answers to, by its path inside policy_data/ (None: no kind lives there)."""
    return next((kind.schema for kind in KINDS if matches(relative_path, kind.files)), None)


def required_files() -> list[str]:
    return sorted({kind.files for kind in KINDS if kind.required})

