"""Helpers for browser tests: axe-core scans and the list of pages in the built site."""

from __future__ import annotations

import json
from pathlib import Path

import axe_playwright_python

AXE_SCRIPT = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


# Long pages lay out their parts only as they come into view (content-visibility in handbook.css). A part
# not laid out has no rendered text, size or colour yet, so a check of what a reader sees lays every part
# out first, as a reader's scrolling would, one part at a time.
LAY_OUT_EVERYTHING = """() => {
  if (document.getElementById("lay-out-everything")) return;
  const style = document.createElement("style");
  style.id = "lay-out-everything";
  style.textContent = "* { content-visibility: visible !important; }";
  document.head.append(style);
}"""


def lay_out_everything(page) -> None:
    """Lay out every part of the page, as though the reader had scrolled past it."""
    page.evaluate(LAY_OUT_EVERYTHING)


def shown_text(page, selector: str = "article") -> str:
    """The text a reader sees in the element, every part laid out (hidden text is not in it)."""
    lay_out_everything(page)
    return page.inner_text(selector)


def axe_violations(page) -> list[str]:
    """Every WCAG 2.2 A/AA violation axe-core finds on the page, one readable line each."""
    lay_out_everything(page)
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
