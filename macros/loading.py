"""Read every YAML file under policy_data/ and check each against its schema."""

from __future__ import annotations

from pathlib import Path

from .problems import Problem
from .schema_check import check_schema
from .yaml_source import DataFile, read_data_file


def _shown_prefix(data_dir: Path) -> str:
    """The data folder as the editor would type it: relative to where they are, if inside it."""
    try:
        return data_dir.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return data_dir.as_posix()


def load_files(data_dir: Path) -> tuple[dict[str, DataFile], list[Problem], bool]:
    """All data files by their path inside `data_dir`, every problem found reading them, and whether
    every file could be read.

    A file that cannot be parsed is left out; one that fails its schema is kept, so that later
    checks can still report what else is wrong.
    """
    shown_prefix = _shown_prefix(data_dir)
    files: dict[str, DataFile] = {}
    problems: list[Problem] = []
    all_readable = True
    candidates = sorted(p for p in data_dir.rglob("*") if p.suffix in (".yml", ".yaml") and p.is_file())
    for path in candidates:
        relative = path.relative_to(data_dir).as_posix()
        if relative.startswith("approved/"):
            continue  # the stored snapshot of the last approved version is read by the changes module
        shown = f"{shown_prefix}/{relative}"
        if path.suffix == ".yaml":
            problems.append(Problem(shown, 1, "(file)", "data files end in .yml; rename this file"))
            continue
        data_file, found = read_data_file(path, shown)
        problems += found
        all_readable = all_readable and data_file is not None
        if data_file is not None:
            problems += check_schema(data_file, relative)
            files[relative] = data_file
    return files, problems, all_readable
