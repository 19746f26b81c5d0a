"""Command line: `python -m macros check` (and the review tools). Never shows a traceback."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .engine import load_policy
from .problems import format_problems

PROJECT = Path(__file__).resolve().parent.parent


def cmd_check(args) -> int:
    policy, problems = load_policy(Path(args.data))
    if problems:
        print(format_problems(problems), file=sys.stderr)
        return 1
    print(f"policy data OK: {len(policy.all_clauses())} clauses in {len(policy.sections)} sections, "
          f"version {policy.version}, fingerprint {policy.fingerprint}")
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros", description="Check and review the policy data.")
    parser.add_argument("--data", default=str(PROJECT / "policy_data"), help="the policy data folder")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="check the data; list every problem as file:line: record: message")
    args = parser.parse_args(argv)
    try:
        return {"check": cmd_check}[args.command](args)
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
