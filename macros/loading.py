"""Read every YAML file under policy_data/ and check each against the schema for its kind."""

from __future__ import annotations

from pathlib import Path

from .problems import Problem
from .registry import SNAPSHOT_FOLDER, matches, required_files
from .schema_check import check_schema
from .translations import TRANSLATIONS_FOLDER
from .yaml_source import DataFile, read_data_file


def shown_prefix(data_dir: Path) -> str:
    """The data folder as the editor would type it: relative to where they are, if inside it."""
    try:
        return data_dir.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return data_dir.as_posix()


FILL_IN = "FILL IN:"  # what `python -m macros new-school` writes where only the school knows the value


def unfilled(data_file: DataFile) -> list[Problem]:
    """A problem for each value still reading `FILL IN: ...`, saying what belongs there."""
    found = []

    def walk(value, steps):
        if isinstance(value, str) and value.startswith(FILL_IN):
            field = ".".join(str(s) for s in steps)
            found.append(Problem(data_file.path, data_file.line_of(steps), f"'{field}'",
                                 f"fill this in: {value[len(FILL_IN):].strip()}", "fill-in"))
        elif isinstance(value, dict):
            for key, child in value.items():
                walk(child, steps + (key,))
        elif isinstance(value, list):
            for index, child in enumerate(value):
                walk(child, steps + (index,))

    walk(data_file.data, ())
    return found


def load_files(data_dir: Path) -> tuple[dict[str, DataFile], list[Problem]]:
    """All data files by their path inside `data_dir`, and every problem found reading them, checking
    them against their schemas, or finding a required one missing."""
    prefix = shown_prefix(data_dir)
    files: dict[str, DataFile] = {}
    problems: list[Problem] = []
    candidates = sorted(p for p in data_dir.rglob("*") if p.suffix in (".yml", ".yaml") and p.is_file())
    for path in candidates:
        relative = path.relative_to(data_dir).as_posix()
        if relative.split("/")[-2:-1] == [SNAPSHOT_FOLDER]:
            continue  # approved snapshots are verified as a whole by the snapshot rule
        if relative.startswith(TRANSLATIONS_FOLDER + "/"):
            continue  # translations are read with the English they translate (translations.py)
        shown = f"{prefix}/{relative}"
        if path.suffix == ".yaml":
            problems.append(Problem(shown, 1, "(file)", "data files end in .yml; rename this file", "yaml-readable"))
            continue
        data_file, found = read_data_file(path, shown)
        problems += [p.found_by("yaml-readable") for p in found]
        if data_file is not None:
            to_fill = unfilled(data_file)
            # A profile still being filled in (new-school) is reported by what is left to fill, not by
            # what the schema makes of "FILL IN" in an e-mail field.
            problems += to_fill or [p.found_by("schema") for p in check_schema(data_file, relative)]
            files[relative] = data_file
    for name in required_files():
        if "*" in name:  # a kind of many files (a school profile) needs one at least
            if not any(matches(relative, name) for relative in files) and \
                    not any(matches(p.file[len(prefix) + 1:], name) for p in problems):
                folder, example = name.rsplit("/", 1)
                problems.append(Problem(f"{prefix}/{folder}/", 0, "(folder)", f"no {example} file here; add one "
                                        f"(e.g. {folder}/{example.replace('*', 'my-school')})", "required-files"))
        elif name not in files and not any(p.file == f"{prefix}/{name}" for p in problems):
            problems.append(Problem(f"{prefix}/{name}", 0, "(file)", "this file is missing", "required-files"))
    return files, problems
