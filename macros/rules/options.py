"""Rules about school options: declared once in options.yml, chosen in each school's profile, obeyed by clauses,
quiz questions and checklist items."""

from __future__ import annotations

from typing import Iterator

from ..model import Policy
from ..problems import Problem
from .common import at, conditional_records, declared, suggest


def options_declared(policy: Policy) -> Iterator[Problem]:
    allowed = declared(policy)
    chosen = policy.profile.data.get("options", {})
    for name, value in chosen.items():
        if name not in allowed:
            yield at(policy.profile, f"no option '{name}' is declared in options.yml{suggest(name, allowed)}",
                     "options", name, label="options")
        elif allowed[name] and value not in allowed[name]:
            yield at(policy.profile, f"{name} must be one of {', '.join(allowed[name])} (got '{value}')"
                                     f"{suggest(str(value), allowed[name])}", "options", name, label="options")
    for option in policy.option_records:
        if option.values and option.default is not None and option.default not in allowed[option.id]:
            yield at(option, f"default must be one of {', '.join(allowed[option.id])}", "default")
        if option.id not in chosen and option.default is None:
            yield at(policy.profile, f"choose a value for option '{option.id}' (declared in options.yml with "
                                     "no default)", "options", label="options")


def option_variants(policy: Policy) -> Iterator[Problem]:
    allowed = declared(policy)
    for clause in policy.all_clauses():
        if not clause.option:
            continue
        if clause.option not in allowed:
            yield at(clause, f"option: no option '{clause.option}' is declared in options.yml"
                             f"{suggest(clause.option, allowed)}", "option")
            continue
        missing = [v for v in allowed[clause.option] if v not in clause.variants]
        extra = [v for v in clause.variants if v not in allowed[clause.option]]
        if missing or extra:
            yield at(clause, f"variants must be exactly {', '.join(allowed[clause.option])}"
                             + (f" (missing {', '.join(missing)})" if missing else "")
                             + (f" (unknown {', '.join(extra)})" if extra else ""), "variants")


def when_names_options(policy: Policy) -> Iterator[Problem]:
    allowed = declared(policy)
    for record in conditional_records(policy):
        for name, value in record.when.items():
            if name not in allowed:
                yield at(record, f"when: no option '{name}' is declared in options.yml{suggest(name, allowed)}",
                         "when", name)
            elif value not in allowed[name]:
                yield at(record, f"when: {name} must be one of {', '.join(allowed[name])} (got '{value}')",
                         "when", name)
