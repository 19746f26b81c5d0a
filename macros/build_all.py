"""`python -m macros build-all --output DIR`: every school's handbook and the group's site, in one process.

The data is read and checked once, for every school together (each problem names its school's file and
line); if anything is wrong, nothing is written. Then each school's site is built from a generated
config (site_config.py) into DIR/<school-id>/, taking its already-checked policy from the engine
(engine.prepared), and the group's site (trust_site.py) into DIR/. Everything is built in a folder
beside DIR and moved into place at the end, so a failure leaves DIR as it was.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .engine import load_schools, prepared
from .languages import editions_of, school_languages
from .problems import format_problems
from .site_config import base_config, write_school_config

MARKER = ".handbook-build"  # says DIR holds an earlier build-all output, so it may be replaced


@dataclass
class Outcome:
    code: int
    messages: list[str] = field(default_factory=list)


def _replaceable(output: Path) -> bool:
    return not output.exists() or (output.is_dir() and (not any(output.iterdir()) or (output / MARKER).exists()))


def build_all(project: Path, data_dir: Path, output: Path, site_url: str | None = None, pdf: bool = False,
              only: list[str] | None = None) -> Outcome:
    from .builder import BuildFailed, build_site
    from .trust_site import write_trust_project

    output = Path(output).resolve()
    policies, problems = load_schools(Path(data_dir))
    if problems:
        return Outcome(1, [format_problems(problems), f"nothing was written to {output}"])
    if not _replaceable(output):
        return Outcome(1, [f"{output} exists and is not an earlier build-all output; choose an empty or new "
                           "folder (nothing was written)"])
    output.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}-building-", dir=output.parent))
    work = Path(tempfile.mkdtemp(prefix="handbook-configs-"))
    chosen = {k: v for k, v in policies.items() if not only or k in only}
    try:
        base = base_config(project)
        grouped = next(iter(policies.values())).has_group
        if grouped:  # a school in no trust or federation has no group's site
            build_site(write_trust_project(policies, work, staging, site_url), "the group's site")
        with prepared(data_dir, policies):
            for school_id, policy in chosen.items():
                languages = school_languages(policy)
                for edition in editions_of(languages):  # the root language first: the others sit inside it
                    config = write_school_config(project, data_dir, school_id, work, staging / school_id / edition.folder,
                                                 site_url, base, edition.language, languages)
                    build_site(config, f"{school_id} in {edition.name} (policy_data/schools/{school_id}.yml)")
        if pdf:
            _pdfs(chosen, Path(data_dir), staging)
        (staging / MARKER).write_text("Written by `python -m macros build-all`; the folder may be replaced by the "
                                      "next build.\n", encoding="utf-8")
        if output.exists():
            shutil.rmtree(output)
        os.replace(staging, output)
    except BuildFailed as error:
        return Outcome(1, [str(error), f"nothing was written to {output}"])
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        shutil.rmtree(work, ignore_errors=True)
    return Outcome(0, [f"built {len(chosen)} school site{'s' if len(chosen) != 1 else ''}"
                       f"{' and the group' + chr(39) + 's site' if grouped else ''} in {output}: "
                       + ", ".join(f"{school_id}/" for school_id in chosen)])


def _pdfs(policies, data_dir: Path, staging: Path) -> None:
    """Each school's printed policy beside each language's site: DIR/<school-id>/policy.pdf, and
    DIR/<school-id>/<language>/policy.pdf for its other languages."""
    from .builder import BuildFailed
    from .pdf import build_pdf
    for school_id, policy in policies.items():
        for edition in editions_of(school_languages(policy)):
            if build_pdf(policy, data_dir, staging / school_id / edition.folder / "policy.pdf",
                         language=edition.language) != 0:
                raise BuildFailed(f"{school_id}: the {edition.name} PDF could not be made (see above)")


def main(project: Path, data_dir: Path, output: Path, site_url: str | None, pdf: bool) -> int:
    outcome = build_all(project, data_dir, output, site_url, pdf)
    for message in outcome.messages:
        print(message, file=sys.stdout if outcome.code == 0 else sys.stderr)
    return outcome.code
