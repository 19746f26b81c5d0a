"""Accessibility and speed audit of every page, as a reader's browser meets it.

Builds the public site and the reviewer's edition from a snapshot of the project, serves each with gzip
(as a school's web host would), then checks every page with axe-core (WCAG 2.2 A and AA, at 1280 and
375 px wide) and with Lighthouse 12.2.3 (mobile: its default phone, throttled network and CPU). The
figures go to scripts/lighthouse/results.json, which the accessibility statement and the build benchmark
page read, so the published figures are always the measured ones.

    cd scripts/lighthouse && npm ci && cd -      # once: installs the pinned Lighthouse
    .venv/bin/python scripts/audit.py            # every page (about 40 minutes on 2 cores)
    .venv/bin/python scripts/audit.py --pages '' policy/    # some pages, for a quick look (not saved)

Lighthouse's performance score moves by several points between runs of the same page, so each page is
run several times (--runs, 3 by default) and the run with the median performance score is kept, with the
lowest and highest scores beside it. Accessibility and best practices keep the lowest of the runs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import gzip
import http.server
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT / "tests"))
LIGHTHOUSE_DIR = PROJECT / "scripts" / "lighthouse"
RESULTS = LIGHTHOUSE_DIR / "results.json"
SNAPSHOT = ["mkdocs.yml", "docs", "overrides", "policy_data", "macros", "schemas"]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
SUB_PATH = "handbook"
WIDTHS = (1280, 375)
CATEGORIES = ("performance", "accessibility", "best-practices")
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzipped when the browser accepts it (Python's own server never compresses)."""

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the redirect to the folder
            path = path / "index.html"
        if "gzip" not in self.headers.get("Accept-Encoding", "") or path.suffix not in COMPRESSIBLE \
                or not path.is_file():
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=3600")
        self.end_headers()
        import io
        return io.BytesIO(body)


def serve(site: Path) -> tuple[str, http.server.ThreadingHTTPServer]:
    root = Path(tempfile.mkdtemp(prefix="audit-root-"))
    shutil.copytree(site, root / SUB_PATH)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/{SUB_PATH}/", server


def build(work: Path, edition: str) -> Path:
    site = work / f"site-{edition}"
    env = {**os.environ, "HANDBOOK_EDITION": edition, "NO_MKDOCS_2_WARNING": "1"}
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)], cwd=work / "project",
                         env=env, capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"the {edition} build failed:\n{run.stdout}\n{run.stderr}")
    return site


def axe_counts(url: str, pages: list[str]) -> dict[str, dict[str, list[str]]]:
    """Every axe violation on each page at each width, one line each (an empty list is a clean page)."""
    from browser_tools import axe_violations
    from playwright.sync_api import sync_playwright
    found: dict[str, dict[str, list[str]]] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        for width in WIDTHS:
            page = browser.new_page(viewport={"width": width, "height": 900})
            for relative in pages:
                page.goto(url + relative)
                found.setdefault(relative, {})[str(width)] = axe_violations(page)
            page.close()
        browser.close()
    return found


def lighthouse_runs(url: str, runs: int) -> dict:
    """Several Lighthouse runs of one page: the median run by performance, with the spread beside it."""
    found = [lighthouse(url) for _ in range(runs)]
    performance = sorted(found, key=lambda run: run["scores"]["performance"])
    median = dict(performance[(len(performance) - 1) // 2])  # of an even number, the lower middle
    median["scores"] = {**median["scores"], **{c: min(run["scores"][c] for run in found)
                                              for c in CATEGORIES if c != "performance"}}
    median["failed"] = sorted({audit_id for run in found for audit_id in run["failed"]})
    median["performance_runs"] = [run["scores"]["performance"] for run in found]
    return median


def lighthouse(url: str) -> dict:
    """Lighthouse's mobile run of one page: category scores, the key timings and what failed."""
    binary = LIGHTHOUSE_DIR / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        sys.exit("Lighthouse is not installed: run `npm ci` in scripts/lighthouse first")
    run = subprocess.run([str(binary), url, "--output=json", "--output-path=stdout", "--quiet",
                          "--only-categories=" + ",".join(CATEGORIES),
                          "--chrome-flags=--headless=new --no-sandbox --disable-gpu"],
                         env={**os.environ, "CHROME_PATH": CHROMIUM}, capture_output=True, text=True, timeout=300)
    if run.returncode != 0:
        sys.exit(f"Lighthouse failed on {url}:\n{run.stderr[-2000:]}")
    report = json.loads(run.stdout)
    audits = report["audits"]
    failed = sorted(audit_id for category in CATEGORIES for ref in report["categories"][category]["auditRefs"]
                    if ref["weight"] > 0 for audit_id in [ref["id"]]
                    if audits[audit_id]["score"] is not None and audits[audit_id]["score"] < 1
                    and category != "performance")
    return {
        "scores": {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES},
        "lcp_ms": round(audits["largest-contentful-paint"]["numericValue"]),
        "tbt_ms": round(audits["total-blocking-time"]["numericValue"]),
        "cls": round(audits["cumulative-layout-shift"]["numericValue"], 3),
        "transfer_kb": round(audits["total-byte-weight"]["numericValue"] / 1024, 1),
        "failed": failed,
    }


def page_list(site: Path) -> list[str]:
    from browser_tools import site_pages
    return site_pages(site)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", nargs="*", help="only these pages (paths like 'policy/'; '' is the home page); "
                                                    "the results are printed, not saved")
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page (the median is kept)")
    parser.add_argument("--update", action="store_true", help="with --pages: replace those pages' figures in the "
                                                               "saved results (after fixing a page)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="audit-") as tmp:
        work = Path(tmp)
        (work / "project").mkdir()
        for name in SNAPSHOT:
            source = PROJECT / name
            (shutil.copytree if source.is_dir() else shutil.copy2)(source, work / "project" / name)
        sites = {edition: build(work, edition) for edition in ("public", "reviewer")}
        public_pages = page_list(sites["public"])
        results = []
        for edition, site in sites.items():
            url, server = serve(site)
            pages = page_list(site) if args.pages is None else [p for p in args.pages if p in page_list(site)]
            axe = axe_counts(url, pages)
            for relative in pages:
                entry = {"edition": edition, "page": relative, "axe": axe[relative]}
                # Lighthouse runs on each page in one edition: public pages in the public site, the rest in
                # the reviewer's.
                if edition == "public" or relative not in public_pages:
                    entry["lighthouse"] = lighthouse_runs(url + relative, max(1, args.runs))
                    # Lighthouse scales the CPU time it observes: on a busy machine performance reads low.
                    entry["lighthouse"]["load_average"] = round(os.getloadavg()[0], 1)
                    print(f"{edition:8} {relative or '(home)':24} axe {sum(len(v) for v in axe[relative].values())} "
                          f"lighthouse {entry['lighthouse']['scores']} {entry['lighthouse']['failed']} "
                          f"performance runs {entry['lighthouse']['performance_runs']}", flush=True)
                else:
                    print(f"{edition:8} {relative or '(home)':24} axe {sum(len(v) for v in axe[relative].values())}",
                          flush=True)
                results.append(entry)
            server.shutdown()
    previous = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {}
    if args.pages is not None:
        if not (args.update and previous):
            return 0
        fresh = {(r["edition"], r["page"]): r for r in results}
        results = [fresh.pop((r["edition"], r["page"]), r) for r in previous["pages"]] + list(fresh.values())
    today = dt.date.today().isoformat()
    RESULTS.write_text(json.dumps({
        "first_run": previous.get("first_run", today),
        "run": today,
        "tools": {"lighthouse": f"12.2.3 (mobile, simulated throttling; the median of {max(1, args.runs)} runs)",
                  "axe-core": axe_version(),
                  "chromium": chromium_version(), "widths": list(WIDTHS)},
        "pages": results,
    }, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS.relative_to(PROJECT)}")
    return 0


def axe_version() -> str:
    from browser_tools import AXE_SCRIPT
    import re
    found = re.search(r"axe v([\d.]+)", AXE_SCRIPT)
    return found.group(1) if found else "unknown"


def chromium_version() -> str:
    run = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True)
    return run.stdout.strip() or "unknown"


if __name__ == "__main__":
    sys.exit(main())
