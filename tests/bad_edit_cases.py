"""The corpus of bad edits in tests/bad_edits/: each applies one edit to the minimal valid policy.

A case file says what it shows, which file it changes and how (find/replace, or write a whole new
file, optionally in another encoding, with a byte-order mark or Windows line endings, or delete it), and the exact
messages expected — or `valid` for edits that must simply work.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from conftest import MINIMAL

CASES_DIR = Path(__file__).resolve().parent / "bad_edits"


def load_cases() -> dict[str, dict]:
    return {path.stem: yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted(CASES_DIR.glob("*.yml"))}


def apply_case(case: dict, data_dir: Path) -> None:
    """Copy the minimal policy to `data_dir` and make the case's edit (and any `also` edits with it)."""
    shutil.copytree(MINIMAL, data_dir)
    for edit in case.get("also", []):
        _apply(edit, data_dir)
    _apply(case, data_dir)


def _apply(case: dict, data_dir: Path) -> None:
    target = data_dir / case["file"]
    target.parent.mkdir(parents=True, exist_ok=True)
    if case.get("delete"):
        target.unlink()
        return
    if "write" in case:
        text = case["write"]
    else:
        text = target.read_text(encoding="utf-8")
        if "find" in case:
            assert case["find"] in text, f"case text not found in {case['file']}: {case['find']!r}"
            text = text.replace(case["find"], case["replace"], 1)
    if case.get("crlf"):
        text = text.replace("\n", "\r\n")
    raw = text.encode(case.get("encoding", "utf-8"))
    if case.get("bom"):
        raw = b"\xef\xbb\xbf" + raw
    target.write_bytes(raw)
