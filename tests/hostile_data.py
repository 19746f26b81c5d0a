"""Hostile text in every free-text field the schemas allow.

The fields are found by walking the JSON Schemas in schemas/, never listed by hand: a free-text field is a
`type: string` with no `enum`, `const` or `format`, and either no `pattern` or one that admits the hostile
text itself. `$ref` (to `#/$defs/...` in the same file or to another schema file), `properties`,
`patternProperties`, `additionalProperties` maps, `items`/`prefixItems` and `oneOf`/`anyOf`/`allOf`
branches are all followed.

`hostile_policy(target)` copies tests/fixtures/minimal_policy, adds the records the fixture lacks (guides,
quizzes, a checklist, a clause for every audience with summaries: containers only, whose text is then
overwritten) and writes a hostile value with its own marker into every free-text field of every record, adding
optional fields wherever the schema accepts them. Each value is the marker followed by as many of the
hostile pieces as the field's maxLength allows.
"""

from __future__ import annotations

import copy
import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from fnmatch import fnmatch
from pathlib import Path

import yaml
from jsonschema import Draft202012Validator, FormatChecker

from conftest import MINIMAL, PROJECT

SCHEMAS = PROJECT / "schemas"

PIECES = (
    "<script>window.__pwned=1</script>",
    '<img src=x onerror="window.__pwned=1">',
    "[click](javascript:window.__pwned=1)",
    "{{ 7*7 }}",
    "{% raw %}",
    "C:\\new\\x",                                  # a backslash, as in a Windows path
    "\n<script>window.__pwned=1</script>",          # a line break, then markup at the start of a line
)

# Which schema each data file answers to: the engine's table of kinds, or (while it is being changed) the
# same table as it was.
_FALLBACK_SCHEMA_FOR = {
    "schools/*.yml": "school", "group.yml": "group", "policy.yml": "policy", "options.yml": "options", "roles.yml": "roles",
    "legislation.yml": "legislation", "related_policies.yml": "related_policies",
    "dos_and_donts.yml": "dos_and_donts", "glossary.yml": "glossary", "sources.yml": "sources",
    "schools/*/history.yml": "history", "sections/*.yml": "section", "platforms/*.yml": "platform",
    "guides/*.yml": "guide", "quizzes/*.yml": "quiz", "checklists/*.yml": "checklist",
}


def _schema_table() -> dict[str, str]:
    try:
        from macros.registry import KINDS
        return {kind.files: kind.schema for kind in KINDS}
    except (ImportError, AttributeError):
        return dict(_FALLBACK_SCHEMA_FOR)


SCHEMA_FOR = _schema_table()

MARKER = re.compile(r"Z\d{3}Q")

ADDED = "(added)"  # the text of an optional field added to the fixture, until the filler overwrites it
ANY = "*"    # a value of an additionalProperties / patternProperties map
ITEM = "[]"  # an item of an array


def payload(marker: str, max_length: int | None = None) -> str:
    """The marker and every hostile piece that fits within max_length, in order of danger."""
    parts = [marker]
    for piece in PIECES:
        if max_length is None or len(" ".join([*parts, piece])) <= max_length:
            parts.append(piece)
    return " ".join(parts)


def shown(value: str) -> str:
    """How a value reads on the page: its words with single spaces."""
    return " ".join(value.split())


def path_name(path: tuple) -> str:
    out = ""
    for step in path:
        if step == ITEM:
            out += "[]"
        elif isinstance(step, int):
            out += f"[{step}]"
        else:
            out += ("." if out else "") + str(step)
    return out


# --- reading the schemas ------------------------------------------------------------------------------


class Schemas:
    """Every schema file, with $ref resolution within and across files."""

    def __init__(self, directory: Path = SCHEMAS):
        self.directory = directory
        self.documents: dict[str, dict] = {}

    def document(self, name: str) -> dict:
        if name not in self.documents:
            self.documents[name] = json.loads((self.directory / name).read_text(encoding="utf-8"))
        return self.documents[name]

    def resolve(self, ref: str, base: str) -> tuple[dict, str]:
        file, _, pointer = ref.partition("#")
        file = file.removeprefix("./") or base
        node = self.document(file)
        for token in [t for t in pointer.split("/") if t]:
            token = token.replace("~1", "/").replace("~0", "~")
            node = node[int(token)] if isinstance(node, list) else node[token]
        return node, file

    def branches(self, node: dict, base: str, seen: frozenset = frozenset()) -> list[tuple[dict, str]]:
        """The node and every schema that also applies at the same place ($ref targets, oneOf/anyOf/allOf,
        if/then/else), each with the file it belongs to."""
        out = [(node, base)]
        if not isinstance(node, dict):
            return out
        ref = node.get("$ref") or node.get("$dynamicRef")
        if isinstance(ref, str):
            key = (ref, base)
            if key not in seen:  # a schema that refers back to itself is followed once
                target, file = self.resolve(ref, base)
                out += self.branches(target, file, seen | {key})
        for keyword in ("oneOf", "anyOf", "allOf"):
            for child in node.get(keyword) or []:
                out += self.branches(child, base, seen)
        for keyword in ("if", "then", "else"):
            if isinstance(node.get(keyword), dict):
                out += self.branches(node[keyword], base, seen)
        return out

    def children(self, node: dict, base: str, seen: frozenset = frozenset()):
        """(step, child schema, file) for each place below this one: named properties, map values, items."""
        for branch, file in self.branches(node, base, seen):
            if not isinstance(branch, dict):
                continue
            for name, child in (branch.get("properties") or {}).items():
                yield name, child, file
            for child in (branch.get("patternProperties") or {}).values():
                yield ANY, child, file
            if isinstance(branch.get("additionalProperties"), dict):
                yield ANY, branch["additionalProperties"], file
            if isinstance(branch.get("items"), dict):
                yield ITEM, branch["items"], file
            for child in branch.get("prefixItems") or []:
                yield ITEM, child, file

    def string_rules(self, node: dict, base: str) -> dict | None:
        """For a place that holds text: {"free": bool, "max": maxLength}; None if it is not text."""
        is_text, restricted, lengths = False, False, []
        for branch, _ in self.branches(node, base):
            if not isinstance(branch, dict):
                continue
            types = branch.get("type")
            is_text = is_text or types == "string" or (isinstance(types, list) and "string" in types)
            restricted = restricted or "enum" in branch or "const" in branch or "format" in branch or (
                "pattern" in branch and not re.search(branch["pattern"], payload("Z000Q")))
            if "maxLength" in branch:
                lengths.append(branch["maxLength"])
        return {"free": not restricted, "max": min(lengths, default=None)} if is_text else None

    def free_text_fields(self, name: str) -> dict[str, int | None]:
        """Every free-text field path of one schema (e.g. 'clauses[].summary.parents') and its maxLength."""
        found: dict[str, int | None] = {}

        def walk(node, file, path, depth):
            if depth > 12:  # a recursive schema: deep enough to have seen every field
                return
            rules = self.string_rules(node, file)
            if rules and rules["free"]:
                found[path_name(path)] = rules["max"]
            for step, child, child_file in self.children(node, file):
                walk(child, child_file, (*path, step), depth + 1)

        file = f"{name}.schema.json"
        walk(self.document(file), file, (), 0)
        return found


# --- writing hostile data -----------------------------------------------------------------------------


@dataclass
class HostilePolicy:
    data_dir: Path
    fields: dict[tuple[str, str], int | None]               # (schema, field path) -> maxLength
    values: dict[str, tuple[str, str, str]] = field(default_factory=dict)  # marker -> (file, record path, text)
    covered: dict[tuple[str, str], list[str]] = field(default_factory=dict)  # (schema, field path) -> markers

    places: dict[str, tuple] = field(default_factory=dict)  # marker -> (record path, original text, field key)
    documents: dict[str, dict] = field(default_factory=dict)  # file -> its data as written
    rejected: dict[tuple[str, str], str] = field(default_factory=dict)  # field -> the check that refused it

    @property
    def missed(self) -> dict[tuple[str, str], str]:
        """Free-text field paths that received no hostile value, with the reason."""
        return {key: self.rejected.get(key, "no record of the fixture or of the additions holds it")
                for key in self.fields if key not in self.covered}

    def write(self, relative: str) -> None:
        _summary_fingerprints(self.documents[relative])
        (self.data_dir / relative).write_text(yaml.safe_dump(self.documents[relative], sort_keys=False,
                                                             allow_unicode=True, width=10_000), encoding="utf-8")

    def take_back(self, marker: str, why: str) -> None:
        """Put the fixture's own value back (or leave the added field out) where a check refused the text."""
        relative = self.values.pop(marker)[0]
        path, original, key = self.places.pop(marker)
        if original is None:
            _delete(self.documents[relative], path)
        else:
            _set(self.documents[relative], path, original)
        self.covered[key].remove(marker)
        if not self.covered[key]:
            del self.covered[key]
            self.rejected[key] = why
        self.write(relative)

    def settle(self, rounds: int = 8) -> None:
        """Run the data checks; where one refuses a hostile value because the field must name something
        (an option value, a person of a school's profile...), take that value back and run them again."""
        from macros.engine import load_policy
        for _ in range(rounds):
            _, problems = load_policy(self.data_dir)
            if not problems:
                return
            confirm = sorted({m for p in problems for m in re.findall(r"run `python -m macros confirm (\S+)`", p.message)})
            problems = [p for p in problems if "python -m macros confirm" not in p.message]
            taken = len(confirm)
            for problem in problems:
                file = Path(problem.file)
                relative = (file.relative_to(self.data_dir) if file.is_absolute() and file.is_relative_to(self.data_dir)
                            else Path(problem.file.split("policy_data/", 1)[-1])).as_posix()
                lines = (self.data_dir / relative).read_text(encoding="utf-8").splitlines()
                line = lines[problem.line - 1] if 0 < problem.line <= len(lines) else ""
                for marker in sorted(set(MARKER.findall(line + " " + problem.message))):
                    if marker in self.values and self.values[marker][0] == relative:
                        self.take_back(marker, _reason(problem))
                        taken += 1
            if confirm:  # text that restates a clause is stamped as re-read, as an editor would
                done = subprocess.run([sys.executable, "-m", "macros", "--data", str(self.data_dir), "confirm", *confirm],
                                      cwd=PROJECT, capture_output=True, text=True)
                assert done.returncode == 0, done.stdout + done.stderr
                for relative in self.documents:
                    self.documents[relative] = yaml.load((self.data_dir / relative).read_text(encoding="utf-8"),
                                                         Loader=_TextDates)
            assert taken, "the hostile data breaks checks at no hostile value:\n" + "\n".join(map(str, problems))
        _, problems = load_policy(self.data_dir)
        if not problems:  # the last round's confirmations settled it
            return
        raise AssertionError("the hostile data still breaks checks after taking values back:\n"
                             + "\n".join(map(str, problems)))


def _reason(problem) -> str:
    """The check's message without the hostile value it quotes."""
    message = re.sub(r"\s*\(got '.*'\)", "", str(problem).split(": ", 2)[-1], flags=re.S)
    return re.sub(r"'Z\d{3}Q.*?' under", "the hostile text under", message, flags=re.S)


def _schema_for(relative: str) -> str | None:
    for pattern, name in SCHEMA_FOR.items():
        if relative.count("/") == pattern.count("/") and fnmatch(relative, pattern):
            return name
    return None


class _Filler:
    def __init__(self, schemas: Schemas, result: HostilePolicy):
        self.schemas = schemas
        self.result = result
        self.count = 0

    def new_value(self, schema: str, relative: str, path: tuple, generic: tuple, max_length, original) -> str:
        self.count += 1
        marker = f"Z{self.count:03d}Q"
        value = payload(marker, max_length)
        self.result.values[marker] = (relative, path_name(path), value)
        self.result.places[marker] = (path, None if original == ADDED else original, (schema, path_name(generic)))
        self.result.covered.setdefault((schema, path_name(generic)), []).append(marker)
        return value

    def fill(self, schema: str, relative: str, node, file, data, path=(), generic=()):
        """Return `data` with hostile text in every free-text place; optional fields are added (and kept
        when the file still validates, see `complete`)."""
        rules = self.schemas.string_rules(node, file)
        if isinstance(data, str):
            if rules and rules["free"]:
                return self.new_value(schema, relative, path, generic, rules["max"], data)
            return data
        children = list(self.schemas.children(node, file))
        if isinstance(data, list):
            items = [(c, f) for step, c, f in children if step == ITEM]
            return [self.fill(schema, relative, items[0][0], items[0][1], item, (*path, i), (*generic, ITEM))
                    if items else item for i, item in enumerate(data)]
        if isinstance(data, dict):
            named = {step: (c, f) for step, c, f in children if step not in (ANY, ITEM)}
            maps = [(c, f) for step, c, f in children if step == ANY]
            out = {}
            for key, value in data.items():
                if key in named:
                    out[key] = self.fill(schema, relative, *named[key], value, (*path, key), (*generic, key))
                elif maps:
                    out[key] = self.fill(schema, relative, *maps[0], value, (*path, key), (*generic, ANY))
                else:
                    out[key] = value
            return out
        return data

    def additions(self, node, file, data, path=(), generic=()):
        """(path, new value) for each absent optional field that could hold text: a string, or a mapping
        built from such strings. Arrays are never invented."""
        found = []
        children = list(self.schemas.children(node, file))
        if isinstance(data, dict):
            named = {}
            for step, child, child_file in children:
                if step not in (ANY, ITEM):
                    named.setdefault(step, (child, child_file))
            maps = [(c, f) for step, c, f in children if step == ANY]
            for key, (child, child_file) in named.items():
                if key in data:
                    found += self.additions(child, child_file, data[key], (*path, key), (*generic, key))
                else:
                    made = self.made(child, child_file)
                    if made is not None:
                        found.append(((*path, key), made))
            for key, value in data.items():
                if key not in named and maps:
                    found += self.additions(*maps[0], value, (*path, key), (*generic, ANY))
        elif isinstance(data, list):
            items = [(c, f) for step, c, f in children if step == ITEM]
            for index, item in enumerate(data):
                if items:
                    found += self.additions(*items[0], item, (*path, index), (*generic, ITEM))
        return found

    def made(self, node, file):
        rules = self.schemas.string_rules(node, file)
        if rules and rules["free"]:
            return ADDED
        named = {step: (c, f) for step, c, f in self.schemas.children(node, file) if step not in (ANY, ITEM)}
        if named:
            made = {key: self.made(*child) for key, child in named.items()}
            made = {key: value for key, value in made.items() if value is not None}
            return made or None
        return None


def _set(data, path, value):
    for step in path[:-1]:
        data = data[step]
    data[path[-1]] = value


def _delete(data, path):
    for step in path[:-1]:
        data = data[step]
    del data[path[-1]]


def complete(validator: Draft202012Validator, file: str, filler: _Filler, data):
    """Add every absent optional text field (and mapping of them) that the schema accepts there.

    A mapping is tried whole and then field by field, so that fields that exclude each other (a clause's
    `text` against its `variants`) or that need siblings are left out only where the schema says so."""
    for path, made in filler.additions(validator.schema, file, data):
        _set(data, path, made)
        if not validator.is_valid(data):
            _delete(data, path)
            if isinstance(made, dict):
                for key, value in made.items():
                    _set(data, path, {key: value})
                    if validator.is_valid(data):
                        break
                    _delete(data, path)
    return data


def _summary_fingerprints(data: dict) -> None:
    """Summaries must name the fingerprint of the wording they were checked against (a check)."""
    from macros.fingerprint import fingerprint
    for clause in data.get("clauses") or []:
        variants = clause.get("variants") if isinstance(clause.get("variants"), dict) else None
        has_summary = bool(clause.get("summary")) or any(v.get("summary") for v in (variants or {}).values())
        if not has_summary:
            continue
        # Every summary, and only a summary, says who acts (a check); hostile text is information.
        for holder in [clause, *(variants or {}).values()]:
            summary, voice = holder.get("summary"), holder.get("voice") or {}
            if isinstance(summary, dict):
                holder["voice"] = {audience: voice.get(audience, "info") for audience in summary}
            else:
                holder.pop("voice", None)
        if variants:
            clause["summary_checked"] = fingerprint(
                " | ".join(str(v.get("text", "")) for _, v in sorted(variants.items())))
        else:
            clause["summary_checked"] = fingerprint(str(clause.get("text", "")))


# Records the fixture lacks, so that every kind of file and every nested field has somewhere to go. Their
# text is overwritten by the filler; "T" only keeps each record valid until then.
_EVERYONE_CLAUSE = {
    "id": "posting.be-kind", "title": "T", "kind": "must", "text": "T",
    "audiences": ["staff", "parents", "pupils"], "roles": ["staff"], "keywords": ["T"],
    "summary": {"staff": "T", "parents": "T", "pupils": "T"},
    "voice": {"staff": "info", "parents": "info", "pupils": "info"},
    "refs": {"clauses": ["posting.no-full-names"]}, "sources": [{"policy": "seed-a", "ref": "T"}],
}


def _guide(audience: str, clauses: list[str], **extra) -> dict:
    return {"id": audience, "title": "T", "audience": audience, **extra.get("top", {}),
            "groups": [{"id": "group", "title": "T", "questions": [f"{audience}-question"], **extra.get("group", {}),
                        "topics": [{"id": "topic", "title": "T", "clauses": clauses}]}]}


def _question(audience: str) -> dict:
    return {"id": f"{audience}-question", "audience": audience, "topic": "T", "question": "T?", "answer": "T",
            "clauses": ["posting.be-kind"], "keywords": ["T"], "when": {"faces_on_school_accounts": "with-consent"}}


def _quiz_question(question_id: str, **more) -> dict:
    return {"id": question_id, "prompt": "T", "explanation": "T", "clauses": ["posting.be-kind"], **more,
            "options": [{"text": "T", "correct": True, "feedback": "T"}, {"text": "T", "correct": False, "feedback": "T"}]}


def _quiz(audience: str) -> dict:
    questions = [_quiz_question("question", when={"faces_on_school_accounts": "with-consent"})]
    if audience != "staff":
        return {"id": audience, "title": "T", "audience": audience, "description": "T", "questions": questions}
    # The staff quiz is taken in a set, so that a set's title and description get hostile text too: a set
    # holds at least five questions.
    questions = [{**q, "set": "first"} for q in questions + [_quiz_question(f"more-{n}") for n in range(1, 6)]]
    return {"id": audience, "title": "T", "audience": audience, "description": "T",
            "sets": [{"id": "first", "title": "T", "description": "T"}], "questions": questions}


ADDED_FILES = {
    "guides/staff.yml": _guide("staff", ["posting.no-full-names", "posting.be-kind", "personal-use.at-work"]),
    "guides/parents.yml": _guide("parents", ["posting.no-full-names", "posting.be-kind"], top={"first": [
        {"id": "first", "title": "T", "voice": "promise", "clauses": ["posting.no-full-names"]}]}),
    "guides/pupils.yml": _guide("pupils", ["posting.be-kind"], group={"adults": [{"name": "T", "does": "T"}]}),
    "questions.yml": {"questions": [_question(a) for a in ("staff", "parents", "pupils")]},
    "quizzes/staff.yml": _quiz("staff"),
    "quizzes/parents.yml": _quiz("parents"),
    "quizzes/pupils.yml": _quiz("pupils"),
    "checklists/before-you-post.yml": {"id": "before-you-post", "title": "T", "audience": "staff", "when": "T",
                                       "items": [{"id": "item", "text": "T", "clauses": ["posting.be-kind"]}]},
    "schools/test-school/clauses.yml": {"clauses": [
        {"id": "test-school.local", "section": "posting", "title": "T", "kind": "info", "text": "T",
         "audiences": ["staff"], "roles": ["staff"], "keywords": ["T"], "reason": "T"}]},
}


def _linked_from_pages(kind_prefix: str, page: str) -> list[str]:
    """Record ids the handbook's prose pages link to (e.g. checklists.md#checklist-yearly-review): the
    strict build needs those records to exist."""
    found = set()
    for doc in sorted((PROJECT / "docs").glob("*.md")):
        found.update(re.findall(rf"\]\({re.escape(page)}#{kind_prefix}([a-z0-9-]+)\)", doc.read_text(encoding="utf-8")))
    return sorted(found)


def _added_files() -> dict[str, dict]:
    files = copy.deepcopy(ADDED_FILES)
    for checklist_id in _linked_from_pages("checklist-", "checklists.md"):
        audience = next((a for a in ("parents", "pupils") if checklist_id.startswith(a)), "staff")
        files[f"checklists/{checklist_id}.yml"] = {
            "id": checklist_id, "title": "T", "audience": audience, "when": "T",
            "items": [{"id": "item", "text": "T", "clauses": ["posting.be-kind"],
                       "when": {"faces_on_school_accounts": "with-consent"}}]}
    return files


def confirm_restatements(data_dir: Path) -> None:
    """Stamp every summary or paraphrase the check calls stale as re-read, as an editor would after
    rewording a clause (`python -m macros confirm ID`)."""
    env = {**os.environ, "PYTHONPATH": str(PROJECT)}
    check = subprocess.run([sys.executable, "-m", "macros", "--data", str(data_dir), "check"],
                           capture_output=True, text=True, env=env)
    ids = sorted(set(re.findall(r"run `python -m macros confirm (\S+)`", check.stdout + check.stderr)))
    if ids:
        done = subprocess.run([sys.executable, "-m", "macros", "--data", str(data_dir), "confirm", *ids],
                              capture_output=True, text=True, env=env)
        assert done.returncode == 0, done.stdout + done.stderr


def _extend(relative: str, data: dict) -> dict:
    if relative == "sections/posting.yml":
        clause = copy.deepcopy(_EVERYONE_CLAUSE)
        clause["refs"]["legislation"] = _linked_from_pages("law-", "legal-framework.md")
        if not clause["refs"]["legislation"]:
            del clause["refs"]["legislation"]
        data["clauses"].append(clause)
    if relative == "roles.yml":  # what each role does, in three to six sentences, shown on its card
        for role in data["roles"]:
            role.setdefault("does", ["T", "T", "T"])
    if relative == "legislation.yml":
        known = {law["id"] for law in data["legislation"]}
        data["legislation"] += [{"id": law_id, "title": "T", "kind": "act", "group": "accessibility",
                                 "status": "in-force", "relevance": "T"}
                                for law_id in _linked_from_pages("law-", "legal-framework.md") if law_id not in known]
    return data


class _TextDates(yaml.SafeLoader):
    """Dates stay text, as the engine reads them (the schema checks they are real dates)."""


_TextDates.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))


def hostile_policy(target: Path, schemas: Schemas | None = None) -> HostilePolicy:
    """Write the hostile copy of the minimal policy to `target` (a policy_data folder)."""
    schemas = schemas or Schemas()
    names = sorted({name for name in SCHEMA_FOR.values()})
    fields = {(name, path): length for name in names
              for path, length in schemas.free_text_fields(name).items()}
    result = HostilePolicy(target, fields)
    filler = _Filler(schemas, result)
    shutil.copytree(MINIMAL, target)
    for relative, record in _added_files().items():
        if (target / relative).exists():
            continue
        (target / relative).parent.mkdir(parents=True, exist_ok=True)
        (target / relative).write_text(yaml.safe_dump(record, sort_keys=False), encoding="utf-8")
    for path in sorted(target.rglob("*.yml")):
        relative = path.relative_to(target).as_posix()
        name = _schema_for(relative)
        if name is None:
            continue
        file = f"{name}.schema.json"
        document = schemas.document(file)
        validator = _validator(schemas, document)
        data = _extend(relative, yaml.load(path.read_text(encoding="utf-8"), Loader=_TextDates))
        data = complete(validator, file, filler, data)
        data = filler.fill(name, relative, document, file, data)
        _summary_fingerprints(data)
        errors = [e.message for e in validator.iter_errors(data)]
        assert not errors, f"{relative}: the hostile data does not fit its schema: {errors}"
        result.documents[relative] = data
        result.write(relative)
    result.settle()
    return result


def _validator(schemas: Schemas, document: dict) -> Draft202012Validator:
    """A validator that also resolves $refs to the other schema files, by file name."""
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012
    registry = Registry().with_resources(
        (path.name, Resource.from_contents(schemas.document(path.name), default_specification=DRAFT202012))
        for path in sorted(schemas.directory.glob("*.schema.json")))
    return Draft202012Validator(document, format_checker=FormatChecker(), registry=registry)
