"""The latest accessibility and speed audit (scripts/audit.py writes scripts/lighthouse/results.json),
summed up for the accessibility statement and the benchmark page, so they show measured figures."""

from __future__ import annotations

import json
from pathlib import Path

from .model import long_date
import datetime as dt

RESULTS = Path("scripts") / "lighthouse" / "results.json"


def audit_summary(project_dir: Path) -> dict | None:
    path = Path(project_dir) / RESULTS
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    pages = data["pages"]
    lighthouse = [p for p in pages if "lighthouse" in p]
    scores = lambda category: [p["lighthouse"]["scores"][category] for p in lighthouse]  # noqa: E731
    failing = sorted({f"{p['edition']} {p['page'] or 'home'}" for p in pages
                      if any(p["axe"].values()) or ("lighthouse" in p and p["lighthouse"]["failed"])})
    return {
        "first_run": long_date(dt.date.fromisoformat(data["first_run"])),
        "run": long_date(dt.date.fromisoformat(data["run"])),
        "tools": data["tools"],
        "pages": pages,
        "page_count": len({p["page"] for p in pages}),
        "public_count": sum(1 for p in pages if p["edition"] == "public"),
        "axe_violations": sum(len(v) for p in pages for v in p["axe"].values()),
        "lowest": {c: min(scores(c)) for c in ("performance", "accessibility", "best-practices")} if lighthouse else {},
        # The lowest single run's performance, where each page was run more than once (older results: none).
        "lowest_run": min((score for p in lighthouse for score in p["lighthouse"].get("performance_runs", [])),
                          default=None),
        "failing": failing,
        "clean": not failing,
    }
