"""Building a generated config with MkDocs' own API, in this process (so `build-all` loads and checks
the data once for every school). With adapter.py and site_hooks.py, the only code that calls MkDocs."""

from __future__ import annotations

import logging
from pathlib import Path


class BuildFailed(Exception):
    """A site could not be built; the message says which and why, without a traceback."""


def _show_warnings() -> None:
    """MkDocs' warnings and errors on stderr, as its command line shows them; not the per-page INFO
    lines, which twenty builds would turn into noise."""
    logger = logging.getLogger("mkdocs")
    if not any(getattr(h, "_handbook", False) for h in logger.handlers):
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        handler.setLevel(logging.WARNING)
        handler._handbook = True
        logger.addHandler(handler)
    logger.setLevel(logging.WARNING)


def build_site(config_file: Path, label: str) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    _show_warnings()
    try:
        config = load_config(config_file=str(config_file))
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    except MkDocsException as error:
        raise BuildFailed(f"{label}: {error}".rstrip()) from None
    except SystemExit as error:  # the macros plugin exits after a page's macro failed (reported above)
        raise BuildFailed(f"{label}: the build stopped (exit code {error.code}; the reason is above)") from None
    except Exception as error:  # noqa: BLE001 - one line for the editor, never a traceback
        raise BuildFailed(f"{label}: the build stopped ({type(error).__name__}: {error})") from None
