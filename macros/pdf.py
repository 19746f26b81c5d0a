"""The formal policy as a PDF for governors: build the site, print the policy page with headless Chromium."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
FOOTER = ('<div style="font-size:8px;width:100%;text-align:center;color:#333;">'
          '<span class="title"></span> · page <span class="pageNumber"></span> of <span class="totalPages"></span></div>')


def build_pdf(project: Path, output: Path) -> int:
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError:
        print("the PDF needs the test tools: pip install -r requirements-dev.txt", file=sys.stderr)
        return 1
    if not Path(CHROMIUM).exists():
        print(f"the PDF needs Chromium at {CHROMIUM}: install Debian's chromium or set CHROMIUM", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as site:
        build = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", site],
                               cwd=project, capture_output=True, text=True,
                               env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        if build.returncode != 0:
            print(build.stderr or build.stdout, file=sys.stderr)
            return 1
        page_file = Path(site) / "policy" / "index.html"
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=[
                    "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
                page = browser.new_page()
                page.goto(page_file.as_uri())
                page.emulate_media(media="print")
                page.pdf(path=str(output), format="A4", print_background=False, display_header_footer=True,
                         header_template="<span></span>", footer_template=FOOTER,
                         margin={"top": "18mm", "bottom": "18mm", "left": "16mm", "right": "16mm"})
                browser.close()
        except Error as error:
            print(f"Chromium could not print the policy: {error.message.splitlines()[0]}", file=sys.stderr)
            return 1
    print(f"wrote {output}")
    return 0
