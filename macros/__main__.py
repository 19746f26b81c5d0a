"""Command line for the person editing the policy. Never shows a traceback.

    python -m macros check      check the data; list every problem as file:line: record: message
    python -m macros report     the yearly review report
    python -m macros snapshot   store the approved wording (run after governors approve)
    python -m macros pdf        the formal policy as a PDF, for governors
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .engine import load_policy
from .problems import format_problems, unexpected_failure

PROJECT = Path(__file__).resolve().parent.parent


def _checked(args):
    policy, problems = load_policy(Path(args.data))
    if problems:
        print(format_problems(problems), file=sys.stderr)
        return None
    return policy


def cmd_check(args) -> int:
    policy = _checked(args)
    if policy is None:
        return 1
    print(f"policy data OK: {len(policy.all_clauses())} clauses in {len(policy.sections)} sections, "
          f"version {policy.version}, fingerprint {policy.fingerprint}")
    if policy.is_overdue():
        print(f"warning: the policy was due for review on {policy.next_review}", file=sys.stderr)
    return 0


def cmd_report(args) -> int:
    from .review import build_report, format_text
    policy = _checked(args)
    if policy is None:
        return 1
    print(format_text(build_report(policy)))
    return 0


def cmd_snapshot(args) -> int:
    from .changes import write_snapshot
    policy = _checked(args)
    if policy is None:
        return 1
    path = write_snapshot(policy, Path(args.data))
    print(f"stored the approved wording of version {policy.version} in {path}")
    return 0


def cmd_pdf(args) -> int:
    from .pdf import build_pdf
    if _checked(args) is None:
        return 1
    return build_pdf(PROJECT, Path(args.output))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros", description="Check and review the policy data.")
    parser.add_argument("--data", default=str(PROJECT / "policy_data"), help="the policy data folder")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="check the data; list every problem as file:line: record: message")
    commands.add_parser("report", help="print the yearly review report")
    commands.add_parser("snapshot", help="store the wording of the version in force (after approval)")
    pdf = commands.add_parser("pdf", help="write the formal policy as a PDF (needs chromium)")
    pdf.add_argument("--output", default="policy.pdf", help="where to write the PDF (default: policy.pdf)")
    args = parser.parse_args(argv)
    handlers = {"check": cmd_check, "report": cmd_report, "snapshot": cmd_snapshot, "pdf": cmd_pdf}
    try:
        return handlers[args.command](args)
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # noqa: BLE001 - the editor gets one line, never a traceback
        print(unexpected_failure(error), file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
