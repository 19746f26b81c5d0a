"""Every rule about the policy data, by name, in the order they run.

A rule is a small function taking the policy and yielding problems. The check command, the build and
the tests all run this one list. Rules run in stages: a stage runs only when the stages before it found
nothing, so one mistake gives one message (a mis-typed id is reported once, not again by every
reference to it). Reading and schema rules run in `engine.py`, before the model exists.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterator

from ..model import Policy
from ..problems import Problem
from . import dates, groups, identity, local, numbering, options, readers, refs, selfcheck, structure, usage, voice, wording


@dataclass(frozen=True)
class Rule:
    name: str
    explains: str
    check: Callable[[Policy], Iterator[Problem]] | None  # None: run by the engine before the model exists


FILE_RULES = (
    Rule("yaml-readable", "every data file is UTF-8 YAML, not empty, with no duplicate keys, ending in .yml", None),
    Rule("required-files", "the files every policy needs are present", None),
    Rule("schema", "every data file matches the JSON Schema for its kind (schemas/)", None),
    Rule("fill-in", "no value still reads FILL IN (what `python -m macros new-school` leaves for the school)", None),
    Rule("snapshots-intact", "every approved snapshot in approved/ is whole, unchanged since approval and "
                             "recorded in history.yml", None),
)

STAGES: tuple[tuple[Rule, ...], ...] = (
    (
        Rule("ids-unique", "no two records of a kind share an id", structure.ids_unique),
        Rule("ids-match-files", "a section, platform, guide, quiz or checklist id matches its file name; "
                                "a clause id starts with its section id", structure.ids_match_files),
        Rule("logo-exists", "the logo a school's profile names is a file in the policy data folder", structure.logo_exists),
        Rule("colour-contrast", "white text on the school's colour, and links in that colour, reach WCAG AA "
                                "contrast (4.5:1)", identity.colour_contrast),
        Rule("local-clauses-placed", "a school's local clause has the school's id prefix and is added to a named "
                                     "section or replaces one shared clause", local.local_clauses_placed),
        Rule("sections-listed", "policy.yml lists every section file, each once", structure.sections_listed),
        Rule("section-numbers", "a section's pinned number is not used twice and never goes backwards",
             numbering.section_numbers),
        Rule("options-declared", "a school's profile chooses only options declared in options.yml, with a declared value",
             options.options_declared),
        Rule("option-variants", "a clause that depends on an option has one wording per declared value",
             options.option_variants),
        Rule("when-names-options", "a `when:` names declared options and values", options.when_names_options),
    ),
    (
        Rule("refs-resolve", "every id a record cites exists", refs.refs_resolve),
        Rule("repealed-names-replacement", "a repealed or abolished law says what replaced it",
             refs.repealed_names_replacement),
        Rule("placeholders-known", "every {placeholder} names a value in the school's profile or group.yml", wording.placeholders_known),
        Rule("group-words", "shared wording names the group only through {group.name} or {group.kind}, inside "
             "{if group: ...}", groups.group_named_by_placeholder),
        Rule("summaries-for-audiences", "a clause has summaries only for audiences it addresses",
             wording.summaries_for_audiences),
        Rule("no-repeated-sentences", "no sentence of 45 or more characters is written in two places",
             wording.no_repeated_sentences),
        Rule("dates-make-sense", "approval, history and fact-check dates are in order and not in the future",
             dates.dates_make_sense),
        Rule("quizzes-answerable", "every quiz question has a right answer, a wrong one, and cites clauses "
                                   "for the quiz's audience", readers.quizzes_answerable),
        Rule("quiz-sets", "a quiz is taken in sets of 5 to 8 questions by topic; every question names its set",
             selfcheck.quiz_sets),
        Rule("not-passable-by-ticking-all", "a multiple-answer question has no more right options than half its "
                                            "options, rounded up", selfcheck.not_passable_by_ticking_all),
        Rule("guides-show-audience", "each guide shows its audience's clauses once, and only theirs",
             readers.guides_show_audience),
        Rule("summaries-say-who-acts", "each audience summary says who acts (promise, ask or info) and does not "
                                       "start in words that contradict it", voice.summaries_say_who_acts),
        Rule("guides-answer-first", "what a guide shows first agrees with who acts, and its icons come with the "
                                    "theme", readers.guides_answer_first),
        Rule("questions-for-their-reader", "each common question cites its reader's clauses and is shown in its "
                                           "reader's guide, once", readers.questions_for_their_reader),
    ),
    (  # once every reference resolves: what is unused, untested or stale
        Rule("replacements-current", "a school's replacement of a shared clause was checked against the shared "
                                     "clause's current wording", local.replacements_current),
        Rule("summaries-current", "audience summaries were checked against the clause's current wording",
             wording.summaries_current),
        Rule("paraphrases-current", "quiz questions, checklist items and do's and don'ts were checked against "
                                    "the current wording of the clauses they cite", wording.paraphrases_current),
        Rule("option-questions-have-when", "a quiz question or checklist item citing an option-dependent "
                                           "clause says which choice it is for, or that it holds for all",
             usage.option_questions_have_when),
        Rule("clauses-referenced", "another record refers to every clause", usage.clauses_referenced),
        Rule("records-cited", "every role, legislation record and related policy is cited by a clause",
             usage.records_cited),
        Rule("must-clauses-self-checked", "every must or must-not clause is tested by a quiz question or "
                                          "checklist item", usage.must_clauses_self_checked),
    ),
)

RULES: tuple[Rule, ...] = FILE_RULES + tuple(rule for stage in STAGES for rule in stage)


def run_rules(policy: Policy) -> list[Problem]:
    """Every problem of the first stage that finds any, each labelled with its rule's name."""
    for stage in STAGES:
        problems = [problem.found_by(rule.name) for rule in stage for problem in rule.check(policy)]
        if problems:
            return problems
    return []
