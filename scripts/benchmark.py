"""Build benchmark: the handbook's build time, memory and page weight against their targets.

Every figure is a ratio between runs made by this script, on this machine, so the results compare
like with like whatever the hardware:

    .venv/bin/python scripts/benchmark.py            # 5 runs of each build, medians
    .venv/bin/python scripts/benchmark.py --quick    # 2 runs

All builds run on a snapshot of the project in a temporary folder, so edits made while it runs
cannot change the figures half way.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import yaml

PROJECT = Path(__file__).resolve().parent.parent
SNAPSHOT = ["mkdocs.yml", "docs", "overrides", "policy_data", "macros", "schemas"]
OUR_ASSETS = ["docs/assets/selfcheck.js", "docs/assets/handbook.css"]
SIZES = [1, 5, 20]
GROUPS = [1, 5, 20]           # schools in a group, built by one build-all
GROUP_TARGET = 12             # 20 schools in at most 12 times one school's build
BUILD_RATIO_TARGET = 1.5
ASSET_TARGET_BYTES = 15 * 1024

# Saves each page's Markdown as the theme receives it: after macros and every other plugin.
CAPTURE_HOOK = '''
from pathlib import Path
import yaml
from mkdocs.plugins import event_priority

OUT = Path({out!r})

@event_priority(-100)
def on_page_markdown(markdown, page, config, files):
    target = OUT / page.file.src_uri
    target.parent.mkdir(parents=True, exist_ok=True)
    front = f"---\\n{{yaml.safe_dump(page.meta, allow_unicode=True)}}---\\n\\n" if page.meta else ""
    target.write_text(front + markdown, encoding="utf-8")
    return markdown
'''


@dataclass
class Run:
    seconds: float
    peak_mb: float


# --- running things -------------------------------------------------------------------------------

def measured(command: list[str], cwd: Path, log: Path) -> Run:
    """Run a command in a fresh process; its wall time and its own peak memory (via wait4)."""
    with log.open("wb") as out:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)  # already reaped: stop Popen waiting again
    if process.returncode != 0:
        tail = log.read_text(encoding="utf-8", errors="replace")[-3000:]
        sys.exit(f"failed ({process.returncode}): {' '.join(command)}\n{tail}")
    return Run(seconds, usage.ru_maxrss / 1024)  # ru_maxrss is in KiB on Linux


def build(project: Path, work: Path, config: str = "mkdocs.yml") -> tuple[Run, Path]:
    """One strict build into a new, empty output folder."""
    site = Path(tempfile.mkdtemp(prefix="site-", dir=work))
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", config, "-d", str(site)]
    return measured(command, project, work / "build.log"), site


def check(project: Path, work: Path) -> Run:
    command = [sys.executable, "-m", "macros", "--data", str(project / "policy_data"), "check"]
    return measured(command, project, work / "check.log")


def clause_count(work: Path) -> int:
    """From the last check's output: "policy data OK: 226 clauses in ..."."""
    found = re.search(r"OK: (?:[a-z0-9-]+: )?(\d+) clauses", (work / "check.log").read_text(encoding="utf-8"))
    if not found:
        sys.exit("the check did not report a clause count")
    return int(found.group(1))


def median(runs: list[Run]) -> Run:
    return Run(statistics.median(r.seconds for r in runs), statistics.median(r.peak_mb for r in runs))


# --- projects ---------------------------------------------------------------------------------------

def snapshot(dest: Path) -> Path:
    dest.mkdir(parents=True)
    for name in SNAPSHOT:
        source = PROJECT / name
        if source.is_dir():
            shutil.copytree(source, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, dest / name)
    return dest


def read_config(project: Path) -> dict:
    return yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))


def write_config(path: Path, config: dict) -> None:
    path.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")


def capture_markdown(project: Path, work: Path) -> tuple[Path, Path]:
    """Build once with a hook that saves every page's generated Markdown: that folder, and the site."""
    out = work / "generated-docs"
    hook = work / "capture_hook.py"
    hook.write_text(CAPTURE_HOOK.format(out=str(out)), encoding="utf-8")
    config = read_config(project)
    config["hooks"] = [str(hook)]
    write_config(project / "mkdocs.capture.yml", config)
    _, site = build(project, work, "mkdocs.capture.yml")
    return out, site


def _plugin_name(entry) -> str:
    return entry if isinstance(entry, str) else next(iter(entry))


def plain_project(project: Path, markdown: Path, dest: Path) -> Path:
    """The same Markdown, theme, extensions and assets, without macros or the template overrides."""
    shutil.copytree(project / "docs", dest / "docs", ignore=shutil.ignore_patterns("*.md"))
    shutil.copytree(markdown, dest / "docs", dirs_exist_ok=True)
    config = read_config(project)
    config["plugins"] = [p for p in config.get("plugins", []) if _plugin_name(p) != "macros"]
    config["theme"].pop("custom_dir", None)
    config.pop("watch", None)  # names folders the plain project does not have
    write_config(dest / "mkdocs.yml", config)
    return dest


def _copied_words(text: str, n: int) -> str:
    """The text with each sentence marked as copy n, so no sentence is written twice (a rule of the check)."""
    return re.sub(r"([.!?])(\s|$)", rf" (copy {n})\1\2", text)


def _copy_clause(clause: dict, n: int) -> dict:
    """A valid duplicate: staff only, so the parents' and pupils' guides need not list it; information
    only, so no quiz must test it; citing the copy before it, so every copy is referenced (the original
    cites the last one)."""
    copy = {k: v for k, v in clause.items() if k not in ("summary", "summary_checked")}
    copy["id"] = f"{clause['id']}-c{n}"
    copy["audiences"] = ["staff"]
    if "text" in copy:
        copy["text"] = _copied_words(copy["text"], n)
        copy["kind"] = "info"
    if isinstance(copy.get("variants"), dict):
        copy["variants"] = {name: {**{k: v for k, v in variant.items() if k != "summary"}, "kind": "info",
                                   "text": _copied_words(variant["text"], n)}
                            for name, variant in copy["variants"].items()}
    refs = dict(copy.get("refs") or {})
    previous = clause["id"] if n == 2 else f"{clause['id']}-c{n - 1}"
    refs["clauses"] = [f"{target}-c{n}" for target in refs.get("clauses", [])] + [previous]  # as a bigger policy would
    copy["refs"] = refs
    return copy


def scale_policy(project: Path, factor: int) -> None:
    """Give every section `factor` times its clauses."""
    for path in sorted((project / "policy_data" / "sections").glob("*.yml")):
        section = yaml.safe_load(path.read_text(encoding="utf-8"))
        originals = section["clauses"]
        copies = [_copy_clause(c, n) for n in range(2, factor + 1) for c in originals]
        if factor > 1:
            for clause in originals:
                clause.setdefault("refs", {}).setdefault("clauses", []).append(f"{clause['id']}-c{factor}")
        section["clauses"] = originals + copies
        path.write_text(yaml.safe_dump(section, sort_keys=False, allow_unicode=True, width=110), encoding="utf-8")


# --- page weight --------------------------------------------------------------------------------------

class _References(HTMLParser):
    """The stylesheets, scripts and images a page loads."""

    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        rel = set((attrs.get("rel") or "").split())
        if tag in ("script", "img") and attrs.get("src"):
            self.urls.append(attrs["src"])
        elif tag == "link" and attrs.get("href") and rel & {"stylesheet", "icon"}:
            self.urls.append(attrs["href"])


def gzipped(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def page_weight(site: Path, page: Path) -> tuple[int, int]:
    """Raw and gzipped bytes of the page and every local file it loads."""
    parser = _References()
    html = page.read_bytes()
    parser.feed(html.decode("utf-8"))
    files = {page}
    for url in parser.urls:
        if re.match(r"^([a-z]+:|//)", url):
            continue
        target = (page.parent / url.split("?")[0].split("#")[0]).resolve()
        if target.is_file() and target.is_relative_to(site.resolve()):
            files.add(target)
    contents = [f.read_bytes() for f in files]
    return sum(len(c) for c in contents), sum(gzipped(c) for c in contents)


def heaviest_page(site: Path) -> tuple[str, int, int, int]:
    """(page, html bytes, total raw bytes, total gzipped bytes) of the page that weighs most."""
    weights = [(page, *page_weight(site, page)) for page in site.rglob("*.html")]
    page, raw, zipped = max(weights, key=lambda w: w[1])
    return page.relative_to(site).as_posix(), page.stat().st_size, raw, zipped


# --- report -----------------------------------------------------------------------------------------

def verdict(met: bool) -> str:
    return "met" if met else "MISSED"


def kib(size: int) -> str:
    return f"{size / 1024:.1f} KB"


def report_build_ratio(project: Path, plain: Path, work: Path, runs: int) -> Run:
    """Alternate the two builds so changes in the machine's load affect both alike."""
    handbook_runs, plain_runs = [], []
    for _ in range(runs):
        for project_dir, results in ((project, handbook_runs), (plain, plain_runs)):
            run, site = build(project_dir, work)
            results.append(run)
            shutil.rmtree(site)
    handbook, material = median(handbook_runs), median(plain_runs)
    ratio = handbook.seconds / material.seconds
    print("\n1. Full build against plain Material on the same generated Markdown")
    print(f"   {'handbook (mkdocs build --strict)':34} {handbook.seconds:6.2f} s  {handbook.peak_mb:5.0f} MB")
    print(f"   {'plain Material, no macros':34} {material.seconds:6.2f} s  {material.peak_mb:5.0f} MB")
    print(f"   {'ratio handbook / plain':34} {ratio:6.2f}x   target <= {BUILD_RATIO_TARGET}x: "
          f"{verdict(ratio <= BUILD_RATIO_TARGET)}")
    return handbook


def measure_size(work: Path, factor: int, runs: int) -> tuple[int, Run]:
    project = snapshot(work / f"policy-{factor}x")
    scale_policy(project, factor)
    check(project, work)  # exits if the synthetic policy is not valid
    clauses = clause_count(work)
    results = []
    for _ in range(runs):
        run, site = build(project, work)
        results.append(run)
        shutil.rmtree(site)
    return clauses, median(results)


def report_sizes(work: Path, base_clauses: int, base: Run, runs: int) -> None:
    sizes = {1: (base_clauses, base)}
    for factor in SIZES[1:]:
        sizes[factor] = measure_size(work, factor, runs)
    print("\n2. Policy size (every clause copied; 1x is the handbook build above)")
    print(f"   {'size':>4} {'clauses':>7} {'time':>8} {'per clause':>11} {'memory':>7} {'time/1x':>8} {'mem/1x':>7}")
    for factor, (clauses, run) in sizes.items():
        print(f"   {factor:>3}x {clauses:>7} {run.seconds:>6.2f} s {run.seconds / clauses * 1000:>8.2f} ms "
              f"{run.peak_mb:>4.0f} MB {run.seconds / base.seconds:>7.2f}x {run.peak_mb / base.peak_mb:>6.2f}x")
    # Equal costs per added clause across both steps mean growth is linear.
    steps = list(sizes.items())
    for (f1, (c1, r1)), (f2, (c2, r2)) in zip(steps, steps[1:]):
        print(f"   each clause added from {f1}x to {f2}x: {(r2.seconds - r1.seconds) / (c2 - c1) * 1000:.2f} ms, "
              f"{(r2.peak_mb - r1.peak_mb) / (c2 - c1) * 1024:.0f} KB")


def report_check(project: Path, work: Path, base: Run, runs: int) -> None:
    run = median([check(project, work) for _ in range(runs)])
    print("\n3. Check command alone")
    print(f"   {'python -m macros check':34} {run.seconds:6.2f} s  {run.peak_mb:5.0f} MB   "
          f"{run.seconds / base.seconds:.2f}x the full build")


def group_project(work: Path, schools: int) -> Path:
    """A copy of the project whose group has `schools` schools, each a copy of the first example school
    (its profile, its approvals and its logo) under a new id and name."""
    project = snapshot(work / f"group-{schools}")
    folder = project / "policy_data" / "schools"
    template = sorted(folder.glob("*.yml"))[0].stem
    text = (folder / f"{template}.yml").read_text(encoding="utf-8")
    keep = folder / template
    for path in list(folder.iterdir()):
        if path != keep:
            shutil.rmtree(path) if path.is_dir() else path.unlink()
    for n in range(1, schools + 1):
        school_id = f"school-{n:02d}"
        shutil.copytree(keep, folder / school_id)
        (folder / f"{school_id}.yml").write_text(
            text.replace(f"schools/{template}/", f"schools/{school_id}/").replace("\n  name: ", f"\n  name: {n:02d} ", 1),
            encoding="utf-8")
    shutil.rmtree(keep)
    return project


def build_all(project: Path, work: Path) -> Run:
    output = Path(tempfile.mkdtemp(prefix="group-site-", dir=work)) / "site"
    command = [sys.executable, "-m", "macros", "--data", str(project / "policy_data"), "build-all", "--output", str(output)]
    run = measured(command, project, work / "build-all.log")
    shutil.rmtree(output.parent)
    return run


def report_groups(work: Path, base: Run, runs: int) -> None:
    results = {}
    for schools in GROUPS:
        project = group_project(work, schools)
        results[schools] = median([build_all(project, work) for _ in range(runs)])
    print("\n5. A group of schools: `python -m macros build-all` (one process: every school's site and the group's)")
    print(f"   {'schools':>7} {'time':>8} {'per school':>11} {'memory':>7} {'time / one mkdocs build':>24}")
    for schools, run in results.items():
        print(f"   {schools:>7} {run.seconds:>6.2f} s {run.seconds / schools:>8.2f} s {run.peak_mb:>4.0f} MB "
              f"{run.seconds / base.seconds:>22.2f}x")
    steps = list(results.items())
    for (n1, r1), (n2, r2) in zip(steps, steps[1:]):
        print(f"   each school added from {n1} to {n2}: {(r2.seconds - r1.seconds) / (n2 - n1):.2f} s, "
              f"{(r2.peak_mb - r1.peak_mb) / (n2 - n1):.0f} MB")
    ratio = results[GROUPS[-1]].seconds / base.seconds
    print(f"   {GROUPS[-1]} schools / one school's mkdocs build: {ratio:.2f}x   target <= {GROUP_TARGET}x: "
          f"{verdict(ratio <= GROUP_TARGET)}")


def report_weight(project: Path, site: Path) -> None:
    print("\n4. Page weight (gzip level 9)")
    ours = {name: gzipped((project / name).read_bytes()) for name in OUR_ASSETS}
    for name, size in ours.items():
        print(f"   {name:34} {size:6d} B gzipped")
    total = sum(ours.values())
    print(f"   {'our JS + CSS':34} {total:6d} B = {kib(total)}   target <= {kib(ASSET_TARGET_BYTES)}: "
          f"{verdict(total <= ASSET_TARGET_BYTES)}")
    page, html, raw, zipped = heaviest_page(site)
    print(f"   heaviest page {page}: HTML {kib(html)}; with its CSS, JS and images {kib(raw)} raw, "
          f"{kib(zipped)} gzipped")
    index = site / "search" / "search_index.json"
    if index.is_file():
        data = index.read_bytes()
        print(f"   search index (fetched on first search): {kib(len(data))} raw, {kib(gzipped(data))} gzipped")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark the handbook build; prints ratios from one run.")
    parser.add_argument("--quick", action="store_true", help="2 runs of each build instead of 5")
    parser.add_argument("--groups-only", action="store_true", help="only the group of schools (5.), against one "
                                                                    "school's build")
    args = parser.parse_args(argv)
    runs = 2 if args.quick else 5
    if args.groups_only:
        return groups_only(runs)
    print(f"Build benchmark, {dt.date.today()}, {os.cpu_count()} cores, {runs} runs each (medians)")
    with tempfile.TemporaryDirectory(prefix="handbook-benchmark-") as tmp:
        work = Path(tmp)
        project = snapshot(work / "policy-1x")
        check(project, work)
        base_clauses = clause_count(work)
        markdown, site = capture_markdown(project, work)  # the hook changes nothing: this is the handbook's site
        plain = plain_project(project, markdown, work / "plain")
        shutil.rmtree(build(plain, work)[1])  # must pass --strict too; also warms the file cache
        base = report_build_ratio(project, plain, work, runs)
        report_sizes(work, base_clauses, base, runs)
        report_check(project, work, base, runs)
        report_weight(project, site)
        report_groups(work, base, runs)
    return 0


def groups_only(runs: int) -> int:
    print(f"Build benchmark (groups), {dt.date.today()}, {os.cpu_count()} cores, {runs} runs each (medians)")
    with tempfile.TemporaryDirectory(prefix="handbook-benchmark-") as tmp:
        work = Path(tmp)
        project = snapshot(work / "policy-1x")
        shutil.rmtree(build(project, work)[1])  # warms the file cache
        runs_of_one = []
        for _ in range(runs):
            run, site = build(project, work)
            runs_of_one.append(run)
            shutil.rmtree(site)
        base = median(runs_of_one)
        print(f"   one school's mkdocs build --strict: {base.seconds:.2f} s, {base.peak_mb:.0f} MB")
        report_groups(work, base, runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
