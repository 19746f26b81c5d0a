"""The formal policy as a PDF document for governors, and the parents' leaflet.

The engine renders one standalone HTML document (macros/render/document.py); headless Chromium, driven
by Playwright, prints it: A4, tagged, with bookmarks made from the headings and a running footer. The
contents needs page numbers, so the document is printed once, the page where each heading landed is
read back from the PDF's bookmarks, and it is printed again with the numbers.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

from .editions import PUBLIC
from .interface import load_interface
from .language_marks import in_language_spans
from .languages import ENGLISH, translated_policy
from .render.context import RenderContext
from .render.document import contents_entries, footer_text, parents_leaflet, policy_document

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
NO_CHROMIUM = ("the PDF needs Debian's chromium: sudo apt-get install chromium, "
               "or set CHROMIUM to a Chromium binary")
NO_LIBRARIES = "the PDF needs playwright and pypdf: pip install -r requirements.txt"
MARGIN = {"top": "16mm", "bottom": "18mm", "left": "20mm", "right": "20mm"}
LEAFLET_MARGIN = {"top": "12mm", "bottom": "14mm", "left": "14mm", "right": "14mm"}
LEAFLET_MAX_PAGES = 2


def footer_template(words: str, side: str = MARGIN["left"]) -> str:
    """Chromium's footer: our escaped words, then the page number and count it fills in."""
    return ('<div style="font-family:\'Liberation Sans\',\'DejaVu Sans\',sans-serif;font-size:8pt;color:#333;'
            f'width:100%;margin:0 {side};display:flex;justify-content:space-between;">'
            f'<span>{words}</span><span>page <span class="pageNumber"></span> of '
            '<span class="totalPages"></span></span></div>')


class Printer:
    """One headless Chromium, JavaScript off and every request refused: the document is self-contained."""

    def __init__(self, playwright):
        self.browser = playwright.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        self.page = self.browser.new_page(java_script_enabled=False)
        self.page.route("**/*", lambda route: route.abort())

    def print(self, document: str, footer: str, margin: dict) -> bytes:
        # English not yet translated is marked while rendering; here it becomes <span lang="en">.
        document, footer = in_language_spans(document), in_language_spans(footer)
        self.page.set_content(document, wait_until="load")
        self.page.emulate_media(media="print")
        return self.page.pdf(format="A4", outline=True, tagged=True, print_background=True,
                             display_header_footer=True, header_template="<span></span>",
                             footer_template=footer_template(footer, margin["left"]), margin=margin)


def _reader(pdf: bytes):
    from pypdf import PdfReader
    return PdfReader(io.BytesIO(pdf))


def _normal(text: str) -> str:
    return " ".join(text.replace("’", "'").split()).lower()


def outline_pages(pdf: bytes) -> dict[str, int]:
    """Each bookmark's title (normalised) and the page (from 1) it points to; the first of repeats."""
    reader = _reader(pdf)
    found: dict[str, int] = {}

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                found.setdefault(_normal(item.title), reader.get_destination_page_number(item) + 1)

    walk(reader.outline)
    return found


def heading_pages(ctx: RenderContext, pdf: bytes) -> dict[str, int]:
    """The page each contents entry starts on, read from the bookmarks Chromium made of the headings."""
    bookmarks = outline_pages(pdf)
    return {entry.anchor: bookmarks[_normal(entry.label)] for entry in contents_entries(ctx)
            if _normal(entry.label) in bookmarks}


def link_targets(pdf: bytes) -> tuple[int, list[str]]:
    """(number of links inside the document, every external address a link points to)."""
    internal, addresses = 0, []
    for page in _reader(pdf).pages:
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            if annotation.get("/Subtype") != "/Link":
                continue
            action = annotation.get("/A")
            action = action.get_object() if action is not None else None
            if action is not None and "/URI" in action:
                addresses.append(str(action["/URI"]))
            elif "/Dest" in annotation or (action is not None and "/D" in action):
                internal += 1
    return internal, addresses


def _checked_links(pdf: bytes) -> str:
    """An empty string, or why the PDF must not be written (a link to a local file, say)."""
    _, addresses = link_targets(pdf)
    local = [a for a in addresses if not a.startswith(("https://", "mailto:"))]
    return f"the PDF would link outside the document to {local[0]}" if local else ""


def _policy_pdf(ctx: RenderContext, printer: Printer) -> bytes:
    footer = footer_text(ctx)
    pdf = printer.print(policy_document(ctx), footer, MARGIN)
    pages = heading_pages(ctx, pdf)
    for _ in range(3):  # the numbers are the same width as the first print's, so one more pass settles
        pdf = printer.print(policy_document(ctx, pages), footer, MARGIN)
        again = heading_pages(ctx, pdf)
        if again == pages:
            break
        pages = again
    return pdf


def _leaflet_pdf(ctx: RenderContext, printer: Printer) -> bytes:
    footer = footer_text(ctx, leaflet=True)
    pdf = printer.print(parents_leaflet(ctx), footer, LEAFLET_MARGIN)
    if len(_reader(pdf).pages) > LEAFLET_MAX_PAGES:
        pdf = printer.print(parents_leaflet(ctx, short=True), footer, LEAFLET_MARGIN)
    return pdf


def build_pdf(policy, data_dir: Path, output: Path, leaflet: bool = False, language: str = ENGLISH) -> int:
    """Print the policy (or the leaflet) in one of the school's languages; 0 when written."""
    try:
        import pypdf  # noqa: F401 - checked here so a missing install gives one line
        from playwright.sync_api import Error, sync_playwright
    except ImportError:
        print(NO_LIBRARIES, file=sys.stderr)
        return 1
    if not Path(CHROMIUM).is_file():
        print(NO_CHROMIUM, file=sys.stderr)
        return 1
    ctx = RenderContext(translated_policy(policy, data_dir, language), data_dir, edition=PUBLIC,
                        interface=load_interface(data_dir, language))
    try:
        with sync_playwright() as playwright:
            printer = Printer(playwright)
            pdf = _leaflet_pdf(ctx, printer) if leaflet else _policy_pdf(ctx, printer)
            printer.browser.close()
    except Error as error:
        print(f"Chromium could not print the {'leaflet' if leaflet else 'policy'}: "
              f"{error.message.splitlines()[0]}", file=sys.stderr)
        return 1
    problem = _checked_links(pdf)
    if problem:
        print(problem, file=sys.stderr)
        return 1
    output.write_bytes(pdf)
    print(f"wrote {output} ({len(_reader(pdf).pages)} pages)")
    return 0
