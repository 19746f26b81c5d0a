"""Property tests: for random valid policies and random single-field corruptions of the minimal policy,
the checker either accepts (and every page part renders) or reports problems naming the right file.
It never crashes."""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from conftest import MINIMAL
from macros.engine import load_policy
from macros.fingerprint import fingerprint
from macros.render.catalogue import render_everything
from macros.render.context import RenderContext
from macros.yaml_source import read_data_file

# Deterministic, and no shrinking phase: a failure still reports its example, and the suite stays quick.
SETTINGS = settings(max_examples=30, deadline=None, derandomize=True,
                    phases=[Phase.explicit, Phase.reuse, Phase.generate],
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

PLACEHOLDERS = ["{school.name}", "{people.dsl.name}", "{options.working_hours}", "{review.cycle}"]
words = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), min_size=1, max_size=80)
texts = st.lists(st.one_of(words, st.sampled_from(PLACEHOLDERS + ["<script>x</script>", "{{ x }}", "[a](b)"])),
                 min_size=1, max_size=6).map(" ".join).filter(str.strip)
slugs = st.from_regex(r"[a-z][a-z0-9]{0,8}(-[a-z0-9]{1,6}){0,2}", fullmatch=True)


@st.composite
def generated_sections(draw):
    """A section of 1 to 6 clauses with random words, kinds, audiences, roles and references."""
    names = draw(st.lists(slugs, min_size=1, max_size=6, unique=True))
    ids = [f"generated.{name}" for name in names]
    clauses = []
    for clause_id in ids:
        text = draw(texts)
        clause = {"id": clause_id, "title": draw(words).strip() or "Title", "kind":
                  draw(st.sampled_from(["must", "must-not", "should", "may", "info"])), "text": text,
                  "audiences": draw(st.lists(st.sampled_from(["staff", "parents", "pupils"]), min_size=1, unique=True)),
                  "roles": draw(st.lists(st.sampled_from(["staff", "dsl"]), min_size=1, unique=True))}
        others = [i for i in ids if i != clause_id] + ["posting.no-full-names"]
        clause["refs"] = {"clauses": draw(st.lists(st.sampled_from(others), unique=True, max_size=3))}
        if draw(st.booleans()):
            clause["summary"] = {"parents": draw(texts)}
            clause["summary_checked"] = fingerprint(text)
        clauses.append(clause)
    return {"id": "generated", "title": "Generated", "clauses": clauses}


def problem_files(problems) -> set[str]:
    return {p.file.split("policy_data/", 1)[-1] for p in problems}


def renders(data_dir: Path, policy) -> dict[str, str]:
    return render_everything(RenderContext(policy, data_dir))


@SETTINGS
@given(section=generated_sections())
def test_random_valid_policies_are_accepted_and_render(section):
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "policy_data"
        shutil.copytree(MINIMAL, data)
        (data / "sections" / "generated.yml").write_text(yaml.safe_dump(section, allow_unicode=True), encoding="utf-8")
        meta = data / "policy.yml"
        meta.write_text(meta.read_text() + "  - generated\n", encoding="utf-8")
        policy, problems = load_policy(data)
        assert problem_files(problems) <= {"sections/generated.yml"}, problems
        if not problems:
            formal = renders(data, policy)["formal_policy()"]
            assert "<script>" not in formal and "{{ x }}" not in formal
            for clause in section["clauses"]:
                assert f"{{ #{clause['id']} .clause-heading }}" in formal


DATA_FILES = sorted(p.relative_to(MINIMAL).as_posix() for p in MINIMAL.rglob("*.yml") if "approved/" not in p.as_posix())
odd_values = st.one_of(st.none(), st.booleans(), st.integers(-5, 10**6), words, st.text(min_size=4001, max_size=4100),
                       st.lists(words, max_size=3), st.dictionaries(slugs, words, max_size=2),
                       st.sampled_from(["", "2026-02-30", "javascript:alert(1)", "{school.nmae}", "x" * 3]))
REFERENCE_MESSAGE = re.compile(r": no (clause|role|legislation record|related policy|platform|source policy|account) '"
                               r"|nothing refers to this clause|no clause cites this|is not addressed to|"
                               r"the .* guide \(.*\) does not show it|already shown earlier in this guide")


@SETTINGS
@given(relative=st.sampled_from(DATA_FILES), choice=st.integers(min_value=0), value=odd_values)
def test_single_field_corruptions_are_caught_or_harmless(relative, choice, value):
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "policy_data"
        shutil.copytree(MINIMAL, data)
        target = data / relative
        parsed, _ = read_data_file(target, relative)
        paths = sorted((p for p in parsed.lines if p), key=repr)
        path = paths[choice % len(paths)]
        node = parsed.data
        for step in path[:-1]:
            node = node[step]
        node[path[-1]] = value
        target.write_text(yaml.safe_dump(parsed.data, allow_unicode=True), encoding="utf-8")
        policy, problems = load_policy(data)  # must not raise
        if problems:
            named = problem_files(problems)
            assert named <= set(DATA_FILES) | {relative}, named
            assert relative in named or all(REFERENCE_MESSAGE.search(str(p)) for p in problems), \
                f"corrupting {relative} at {path} gave {[str(p) for p in problems]}"
        else:
            renders(data, policy)
