"""Command line for the person editing the policy. Never shows a traceback.

    python -m macros check      check the data of every school; list every problem as file:line: record: message
    python -m macros report     the yearly review report
    python -m macros snapshot   store the approved wording (run after governors approve)
    python -m macros pdf        the formal policy as a PDF document, for governors (--leaflet: for families)
    python -m macros confirm ID stamp a re-read summary or paraphrase as current
    python -m macros rules      what each rule named in a message checks
    python -m macros new-school ID --name NAME [--only] [--no-group]
                                a school's own profile from the model policy (--only: remove the example schools)
    python -m macros translate LANG FILE...   start or extend a translation (e.g. translate cy quizzes/pupils.yml)
    python -m macros build-all --output DIR   every school's site in DIR/<school-id>/, the group's in DIR/
    python -m macros group-report             every school's review status
    python -m macros register RECORDS [--staff STAFF.csv]
                                who has acknowledged the version in force, from collected records

Commands about one school's policy take `--school ID` (or HANDBOOK_SCHOOL); without it, the first school.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .engine import SchoolChoiceError, load_policy, load_schools
from .problems import format_problems, unexpected_failure

PROJECT = Path(__file__).resolve().parent.parent


def _checked(args):
    try:
        policy, problems = load_policy(Path(args.data), args.school)
    except SchoolChoiceError as error:
        print(error, file=sys.stderr)
        return None
    if problems:
        print(format_problems(problems), file=sys.stderr)
        return None
    return policy


def cmd_check(args) -> int:
    policies, problems = load_schools(Path(args.data))
    if problems:
        print(format_problems(problems), file=sys.stderr)
        return 1
    for policy in policies.values():
        print(f"policy data OK: {policy.school_id}: {len(policy.all_clauses())} clauses in "
              f"{len(policy.sections)} sections, version {policy.version}, fingerprint {policy.fingerprint}")
        if policy.is_overdue():
            print(f"warning: {policy.school_id}: the policy was due for review on {policy.next_review}",
                  file=sys.stderr)
        _print_translation_status(policy, Path(args.data))
    return 0


def _print_translation_status(policy, data_dir: Path) -> None:
    from .editions import REVIEWER_PAGES
    from .translation_report import languages_to_check, status_lines, translation_status
    docs = PROJECT / "docs"
    pages = sorted(p.name for p in docs.glob("*.md") if p.name not in REVIEWER_PAGES)
    for language in languages_to_check(policy):
        for line in status_lines(policy, translation_status(policy, data_dir, language, docs, pages)):
            print(line)


def cmd_report(args) -> int:
    from .review import build_report, format_text
    policy = _checked(args)
    if policy is None:
        return 1
    print(format_text(build_report(policy)))
    return 0


def cmd_snapshot(args) -> int:
    from .snapshots import store_snapshot
    policy = _checked(args)
    if policy is None:
        return 1
    stored = store_snapshot(policy, Path(args.data))
    print(stored.message, file=sys.stdout if stored.code == 0 else sys.stderr)
    return stored.code


def cmd_pdf(args) -> int:
    from .pdf import build_pdf
    policy = _checked(args)
    if policy is None:
        return 1
    from .languages import school_languages
    language = args.language or school_languages(policy)[0]
    if language not in school_languages(policy):
        print(f"{policy.school_id} publishes its handbook in {', '.join(school_languages(policy))}, not '{language}' "
              f"(languages: in {policy.profile_file})", file=sys.stderr)
        return 1
    output = Path(args.output or ("leaflet.pdf" if args.leaflet else "policy.pdf"))
    return build_pdf(policy, Path(args.data), output, leaflet=args.leaflet, language=language)


def cmd_confirm(args) -> int:
    from .confirmations import confirmable, stamp
    from .loading import load_files
    from .model import Policy, school_ids
    files, problems = load_files(Path(args.data))
    if problems:  # confirming needs readable files; the other rules may fail, that is why we are here
        print(format_problems(problems), file=sys.stderr)
        return 1
    # Every school's confirmable texts: the shared ones are the same in each, a replacement is its school's.
    known = {}
    for school_id in ([args.school] if args.school else school_ids(files)):
        policy = Policy(files, school_id)
        for name, found in confirmable(policy).items():
            known.setdefault(name, (policy, *found))
    unknown = [name for name in args.ids if name not in known]
    if unknown:
        print(f"nothing to confirm called {', '.join(unknown)}; use the id the check printed "
              "(a clause id, or quiz/question, checklist/item, dos/id, donts/id)", file=sys.stderr)
        return 1
    # Last first within each file, so an inserted line never moves a record still to be stamped.
    for name in sorted(args.ids, key=lambda n: (known[n][1].where.file, -known[n][1].where.line)):
        policy, record, field, value = known[name]
        stamp(Path(args.data), policy, record, field, value)
        print(f"confirmed {name}: {field} is now {value}")
    return 0


def cmd_register(args) -> int:
    from .acknowledgements import format_register, read_records, read_staff, register, self_check_names
    policy = _checked(args)
    if policy is None:
        return 1
    entries, problems = read_records(Path(args.records), self_check_names(policy))
    staff = None
    if args.staff:
        staff, more = read_staff(Path(args.staff))
        problems += more
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        print(f"register not made: {len(problems)} problem{'s' if len(problems) != 1 else ''} in the records; "
              "correct or remove those records and run it again", file=sys.stderr)
        return 1
    groups = register(entries, policy.version, staff)
    print(format_register(groups, policy.school_name, policy.version, args.staff))
    return 0


def cmd_build_all(args) -> int:
    from .build_all import main
    return main(PROJECT, Path(args.data), Path(args.output), args.site_url, args.pdf)


def cmd_group_report(args) -> int:
    from .render.trust import text_report
    policies, problems = load_schools(Path(args.data))
    if problems:
        print(format_problems(problems), file=sys.stderr)
        return 1
    print(text_report(policies))
    return 0


def cmd_rules(args) -> int:
    from .rules import RULES
    width = max(len(rule.name) for rule in RULES)
    for rule in RULES:
        print(f"{rule.name:<{width}}  {rule.explains}")
    return 0


def cmd_new_school(args) -> int:
    from .new_school import new_school
    outcome = new_school(Path(args.data), args.id, args.name, args.short_name, args.nation, args.only, args.no_group)
    for message in outcome.messages:
        print(message, file=sys.stdout if outcome.code == 0 else sys.stderr)
    return outcome.code


def cmd_translate(args) -> int:
    from .translation_skeleton import write_skeleton
    for english in args.files:
        for message in write_skeleton(Path(args.data), args.language, english.removeprefix("policy_data/"), args.by):
            print(message)
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros", description="Check and review the policy data.")
    parser.add_argument("--data", default=str(PROJECT / "policy_data"), help="the policy data folder")
    parser.add_argument("--school", default=os.environ.get("HANDBOOK_SCHOOL") or None,
                        help="the school (its profile's name in policy_data/schools/ without .yml); default: the first")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="check the data; list every problem as file:line: record: message")
    commands.add_parser("report", help="print the yearly review report")
    commands.add_parser("snapshot", help="store the wording of the version in force (after approval) and record "
                                         "its fingerprint in history.yml; never overwrites a stored version")
    pdf = commands.add_parser("pdf", help="write the formal policy as a PDF document for governors (needs chromium)")
    pdf.add_argument("--output", help="where to write the PDF (default: policy.pdf, or leaflet.pdf)")
    pdf.add_argument("--leaflet", action="store_true",
                     help="write the one- or two-page parents' leaflet instead of the policy")
    pdf.add_argument("--language", help="one of the school's languages (default: its first), e.g. cy")
    confirm = commands.add_parser("confirm", help="stamp re-read summaries or paraphrases as current")
    confirm.add_argument("ids", nargs="+", help="the ids the check printed")
    build_all = commands.add_parser("build-all", help="check every school, then build each school's site into "
                                                      "OUTPUT/<school-id>/ and the group's site into OUTPUT/")
    build_all.add_argument("--output", required=True, help="the folder to write (replaced only if empty or an "
                                                           "earlier build-all output)")
    build_all.add_argument("--site-url", help="the address OUTPUT is published at; each school's site is at "
                                              "<site-url>/<school-id>/")
    build_all.add_argument("--pdf", action="store_true", help="also write OUTPUT/<school-id>/policy.pdf "
                                                              "(needs chromium)")
    commands.add_parser("group-report", help="every school's review status: approval, next review, replacements")
    commands.add_parser("rules", help="list the rules the check applies")
    school = commands.add_parser("new-school", help="make a school's own profile from the model policy: its names, "
                                                    "the model's options, FILL IN for what only the school knows, "
                                                    "version 1.0 as a draft")
    school.add_argument("id", help="the school's id: lower-case letters, digits and hyphens (its file's name)")
    school.add_argument("--name", required=True, help='the school\'s full name, e.g. "Brookfield Primary School"')
    school.add_argument("--short-name", help="a short name for the phone's header (default: the full name)")
    school.add_argument("--nation", default="england", help="england (default) or wales")
    school.add_argument("--only", action="store_true", help="make it the only school: remove the other schools' "
                                                            "profiles, histories and approvals (the examples)")
    school.add_argument("--no-group", action="store_true", help="the school belongs to no trust or federation")
    translate = commands.add_parser("translate", help="start or extend the translation of data files: each record "
                                                      "not yet translated, with the English beside it")
    translate.add_argument("language", help="the language's code, e.g. cy")
    translate.add_argument("files", nargs="+", help="English data files inside policy_data/, e.g. quizzes/pupils.yml")
    translate.add_argument("--by", default="FILL IN: who translated it", help="who is translating")
    records = commands.add_parser("register", help="turn collected acknowledgement records into a register for the "
                                                   "head teacher")
    records.add_argument("records", help="a folder of records (.txt or .eml, one a file) or a CSV with the columns "
                                         "name, role, code")
    records.add_argument("--staff", help="the school's staff list, a CSV with a name column (and role): lists who "
                                         "has not acknowledged")
    args = parser.parse_args(argv)
    handlers = {"check": cmd_check, "report": cmd_report, "snapshot": cmd_snapshot, "pdf": cmd_pdf,
                "confirm": cmd_confirm, "rules": cmd_rules, "register": cmd_register,
                "build-all": cmd_build_all, "group-report": cmd_group_report, "new-school": cmd_new_school,
                "translate": cmd_translate}
    try:
        return handlers[args.command](args)
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # noqa: BLE001 - the editor gets one line, never a traceback
        print(unexpected_failure(error), file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
