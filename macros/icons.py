"""Icons from the theme's own bundled set (Material Design Icons shipped with mkdocs-material), inlined as
SVG so a page makes no request for them."""

from __future__ import annotations

from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

# Found without importing the theme: the check runs without MkDocs.
ICONS = Path(find_spec("material").submodule_search_locations[0]) / "templates" / ".icons"


def icon_file(name: str) -> Path:
    """The SVG file of an icon named as the theme names it, e.g. 'material/heart-outline'."""
    return ICONS / f"{name}.svg"


@lru_cache(maxsize=None)
def inline_svg(name: str) -> str:
    """The icon's SVG markup, hidden from screen readers (the text beside it says the same)."""
    svg = icon_file(name).read_text(encoding="utf-8").strip()
    return svg.replace("<svg ", '<svg aria-hidden="true" focusable="false" class="hb-icon" ', 1)
