"""Helpers for browser tests: axe-core scans and the list of pages in the built site."""

from __future__ import annotations

import json
from pathlib import Path

import axe_playwright_python

AXE_SCRIPT = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


def axe_violations(page) -> list[str]:
    """Every WCAG 2.2 A/AA violation axe-core finds on the page, one readable line each."""
    page.evaluate(AXE_SCRIPT)
    results = page.evaluate("options => axe.run(document, options)",
                            {"runOnly": {"type": "tag", "values": WCAG_22_AA}, "resultTypes": ["violations"]})
    lines = []
    for violation in results["violations"]:
        targets = [json.dumps(node["target"]) for node in violation["nodes"][:3]]
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} — "
                     f"{len(violation['nodes'])} element(s), e.g. {', '.join(targets)}")
    return lines


def site_pages(site: Path) -> list[str]:
    """Every HTML page of the built site, as paths relative to the site root ('' for the home page)."""
    pages = []
    for html in sorted(site.rglob("index.html")):
        relative = html.parent.relative_to(site).as_posix()
        pages.append("" if relative == "." else relative + "/")
    return pages
