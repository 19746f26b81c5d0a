"""The thin layer between mkdocs-macros and the engine."""

from __future__ import annotations

import sys
from pathlib import Path

from .engine import load_checked_policy
from .problems import PolicyDataError
from .render import approval, changes_page, formal, guides, legal, listings, review_page, roles, selfcheck
from .render.context import RenderContext


def register(env, data_dir: Path) -> None:
    try:
        policy = load_checked_policy(data_dir)
    except PolicyDataError as error:
        from mkdocs.exceptions import Abort
        # Abort prints just our message (no traceback) and stops before the site folder is touched.
        raise Abort("\n" + str(error)) from None
    ctx = RenderContext(policy, data_dir)
    stamp = approval.version_stamp(policy)
    env.conf["extra"]["policy_stamp"] = stamp
    if stamp["overdue"]:
        message = (f"The policy was due for review on {stamp['next_review']}: review it and record the new "
                   "approval in policy_data/school.yml")
        if policy.approval.get("when_overdue") == "fail":
            from mkdocs.exceptions import Abort
            raise Abort(message + " (approval.when_overdue is 'fail')")
        # Printed, not logged through MkDocs: an overdue review must not trip `--strict` (which is
        # for broken links); schools that want it to stop the build set approval.when_overdue: fail.
        print(f"WARNING -  {message}", file=sys.stderr)
    env.variables["policy"] = policy
    env.variables["school"] = policy.school

    macros = {
        "formal_policy": lambda: formal.formal_policy(ctx),
        "policy_contents": lambda: formal.contents(ctx),
        "approval_block": lambda signatures=False: approval.approval_block(ctx, signatures),
        "role_summary": lambda: roles.role_summary_table(ctx),
        "role_duties": lambda: roles.role_duties(ctx),
        "role_matrix": lambda: roles.role_matrix(ctx),
        "legal_framework": lambda: legal.legal_framework(ctx),
        "related_policies": lambda: listings.related_policies(ctx),
        "dos_and_donts": lambda which: listings.dos_and_donts(ctx, which),
        "glossary": lambda: listings.glossary(ctx),
        "platforms": lambda: listings.platforms(ctx),
        "guide": lambda guide_id: guides.guide(ctx, guide_id),
        "guide_contents": lambda guide_id: guides.guide_contents(ctx, guide_id),
        "quiz": lambda quiz_id: selfcheck.quiz(ctx, quiz_id),
        "checklist": lambda checklist_id: selfcheck.checklist(ctx, checklist_id),
        "checklists": lambda audience=None: selfcheck.checklists_for(ctx, audience),
        "review_report": lambda: review_page.review_report(ctx),
        "what_changed": lambda audience=None: changes_page.what_changed(ctx, audience),
    }
    for name, function in macros.items():
        env.macro(function, name)

    env.variables["abbreviations"] = listings.abbreviations(ctx)


def append_abbreviations(env) -> None:
    """Every page gets the glossary's abbreviations, so SLT, DSL... expand on hover anywhere."""
    env.markdown += "\n\n" + env.variables.get("abbreviations", "") + "\n"
