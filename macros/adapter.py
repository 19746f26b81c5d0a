"""The thin layer between mkdocs-macros and the engine."""

from __future__ import annotations

import sys
from pathlib import Path



from .engine import load_checked_policy
from .problems import PolicyDataError, unexpected_failure
from .render import approval, listings
from .render.catalogue import page_parts
from .render.context import RenderContext


def register(env, data_dir: Path) -> None:
    from mkdocs.exceptions import Abort  # prints just our message and stops before the site is touched

    try:
        policy = load_checked_policy(data_dir)
    except PolicyDataError as error:
        raise Abort("\n" + str(error)) from None
    except Exception as error:  # noqa: BLE001 - never a traceback for the person editing YAML
        raise Abort(unexpected_failure(error)) from None
    ctx = RenderContext(policy, data_dir)
    stamp = approval.version_stamp(policy)
    env.conf["extra"]["policy_stamp"] = stamp
    if stamp["overdue"]:
        message = (f"The policy was due for review on {stamp['next_review']}: review it and record the new "
                   "approval in policy_data/school.yml")
        if policy.approval.when_overdue == "fail":
            raise Abort(message + " (approval.when_overdue is 'fail')")
        # Printed, not logged through MkDocs: an overdue review must not trip `--strict` (which is
        # for broken links); schools that want it to stop the build set approval.when_overdue: fail.
        print(f"WARNING -  {message}", file=sys.stderr)
    for name, function in page_parts(ctx).items():
        env.macro(function, name)

    env.variables["abbreviations"] = listings.abbreviations(ctx)


def append_abbreviations(env) -> None:
    """Every page gets the glossary's abbreviations, so SLT, DSL... expand on hover anywhere."""
    env.markdown += "\n\n" + env.variables.get("abbreviations", "") + "\n"
