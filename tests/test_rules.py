"""The rules of the check: each has a name, a fixture asserting its message, and the engine runs them
without MkDocs."""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import re
import subprocess
import sys

import pytest

from bad_edit_cases import load_cases
from conftest import MINIMAL, PROJECT
from macros import rules
from macros.rules import RULES, STAGES

CASES = load_cases()


def _asserted_rules() -> set[str]:
    found = set()
    for case in CASES.values():
        if case["expect"] != "valid":
            found.update(message.rsplit("[", 1)[1].rstrip("]") for message in case["expect"])
    return found


@pytest.mark.parametrize("rule", [r.name for r in RULES])
def test_every_rule_has_a_bad_edit_asserting_its_message(rule):
    assert rule in _asserted_rules(), f"no case in tests/bad_edits/ expects a [{rule}] message"


def test_every_message_in_the_corpus_names_a_listed_rule():
    assert _asserted_rules() <= {r.name for r in RULES}


def test_every_rule_function_is_listed_once():
    listed = [rule.check for stage in STAGES for rule in stage]
    assert len(listed) == len(set(listed))
    # Every module of the rules package, found rather than listed, so a new module cannot be forgotten
    # (common.py holds the helpers the rules share, not rules).
    modules = [importlib.import_module(f"macros.rules.{info.name}") for info in pkgutil.iter_modules(rules.__path__)
               if info.name != "common"]
    public = {function for module in modules for name, function in inspect.getmembers(module, inspect.isfunction)
              if function.__module__ == module.__name__ and not name.startswith("_")
              and inspect.signature(function).parameters.keys() == {"policy"}}
    assert public - set(listed) == set(), "a rule function that no stage runs"


def test_rule_names_are_unique_and_listed_by_the_rules_command():
    names = [r.name for r in RULES]
    assert len(names) == len(set(names))
    listing = subprocess.run([sys.executable, "-m", "macros", "rules"], capture_output=True, text=True, cwd=PROJECT)
    assert listing.returncode == 0
    assert [line.split()[0] for line in listing.stdout.splitlines()] == names


def test_the_check_imports_nothing_from_mkdocs():
    script = ("import sys\nfrom macros.__main__ import main\ncode = main(['--data', sys.argv[1], 'check'])\n"
              "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('mkdocs', 'material', 'mkdocs_macros'))\n"
              "print(code, loaded)\n")
    run = subprocess.run([sys.executable, "-c", script, str(MINIMAL)], capture_output=True, text=True, cwd=PROJECT)
    assert run.stdout.strip().splitlines()[-1] == "0 []", run.stdout + run.stderr


def _message_templates() -> set[str]:
    """A pattern for each distinct message a rule can give, read from the rule modules' source: the
    message argument of every `at(...)`, `_missing(...)` and `Problem(...)`, with its {fields} as
    wildcards."""
    def pattern(node) -> str:
        if isinstance(node, ast.Constant):
            return re.escape(str(node.value)).replace(r"\{\}", ".*")
        if isinstance(node, ast.JoinedStr):
            return "".join(pattern(v) if isinstance(v, ast.Constant) else ".*" for v in node.values)
        if isinstance(node, ast.BinOp):
            return pattern(node.left) + ".*"
        return ".*"

    positions = {"at": 1, "_missing": 4, "Problem": 3}
    found = set()
    for path in sorted((PROJECT / "macros" / "rules").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            name = getattr(node, "func", None) and getattr(node.func, "id", None)
            if isinstance(node, ast.Call) and name in positions and len(node.args) > positions[name]:
                template = pattern(node.args[positions[name]]) + (".*" if name == "_missing" else "")
                if template.strip(".*"):
                    found.add(template)
    return found


def _corpus_messages() -> list[str]:
    return [message.split(": ", 2)[2].rsplit(" [", 1)[0] for case in CASES.values() if case["expect"] != "valid"
            for message in case["expect"]]


@pytest.mark.parametrize("template", sorted(_message_templates()))
def test_every_message_template_has_a_bad_edit(template):
    assert any(re.fullmatch(template, message) for message in _corpus_messages()), \
        f"no case in tests/bad_edits/ shows the message {template!r}"
