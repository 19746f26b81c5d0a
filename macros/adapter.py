"""The thin layer between mkdocs-macros and the engine."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from markupsafe import escape

from . import preview
from .audit_results import audit_summary
from .editions import PUBLIC
from .engine import SchoolChoiceError, load_checked_policy
from .interface import SCRIPT_STRINGS, load_interface
from .languages import ENGLISH, translated_policy
from .problems import PolicyDataError, unexpected_failure
from .render import approval, listings
from .render.catalogue import page_parts
from .render.context import RenderContext
from .schools import choose_school


def _stop(conf, message: str, problems=()) -> None:
    """`mkdocs build` stops before the site is touched and prints just the message; `mkdocs serve` builds
    every page as the list of problems instead, and reloads when they are fixed (preview.py)."""
    from mkdocs.exceptions import Abort

    if not preview.record(conf, message, problems):
        raise Abort(message) from None


def register(env, data_dir: Path) -> None:
    try:
        policy = load_checked_policy(data_dir, choose_school(env.conf["extra"], os.environ))
    except PolicyDataError as error:
        return _stop(env.conf, "\n" + str(error), error.problems)
    except SchoolChoiceError as error:
        return _stop(env.conf, str(error))
    except Exception as error:  # noqa: BLE001 - never a traceback for the person editing YAML
        return _stop(env.conf, unexpected_failure(error))
    language = env.conf["extra"].get("language", ENGLISH)  # chosen by site_hooks.on_config
    english = policy
    try:
        policy = translated_policy(english, data_dir, language)
    except Exception as error:  # noqa: BLE001 - never a traceback for the person editing YAML
        return _stop(env.conf, unexpected_failure(error))
    interface = load_interface(data_dir, language)
    if language != ENGLISH:
        _say_what_is_untranslated(english, data_dir, language)
    ctx = RenderContext(policy, data_dir, env.conf["extra"].get("edition", PUBLIC), interface)
    env.conf["extra"]["say"] = interface.say  # the templates' words (overrides/)
    env.conf["extra"]["script_words"] = {words: interface.say(words) for words in SCRIPT_STRINGS}
    school_identity(env.conf, policy, interface.say)
    stamp = approval.version_stamp(policy)
    env.conf["extra"]["policy_stamp"] = stamp
    if stamp["overdue"]:
        message = (f"The policy was due for review on {stamp['next_review']}: review it and record the new "
                   f"approval in policy_data/{policy.profile_file}")
        if policy.approval.when_overdue == "fail":
            return _stop(env.conf, message + " (approval.when_overdue is 'fail')")
        # Printed, not logged through MkDocs: an overdue review must not trip `--strict` (which is
        # for broken links); schools that want it to stop the build set approval.when_overdue: fail.
        print(f"WARNING -  {message}", file=sys.stderr)
    for name, function in page_parts(ctx).items():
        env.macro(function, name)

    env.variables["abbreviations"] = listings.abbreviations(ctx)
    env.variables["audit"] = audit_summary(Path(env.project_dir))  # the accessibility statement's figures


def _say_what_is_untranslated(policy, data_dir: Path, language: str) -> None:
    """One line while building a translated edition; the check lists each field (translation_report.py)."""
    from .translation_report import translation_status
    total = translation_status(policy, data_dir, language).total
    waiting = total["stale"] + total["missing"]
    if waiting:
        print(f"WARNING -  {waiting} of {sum(total.values())} fields of the {language} edition are shown in English, "
              f"marked, until translated ({total['stale']} stale); `python -m macros check` lists them", file=sys.stderr)


def append_abbreviations(env) -> None:
    """Every page gets the glossary's abbreviations, so SLT, DSL... expand on hover anywhere."""
    env.markdown += "\n\n" + env.variables.get("abbreviations", "") + "\n"


def _logo_file(policy) -> Path | None:
    """The logo the profile names: a path inside policy_data/ (older profiles: beside the profile)."""
    logo = policy.profile.school.logo
    if not logo:
        return None
    profile = Path(policy.profile.where.file)
    data_dir = next((p for p in profile.parents if p.name == "policy_data"), profile.parent)
    return next((c for c in (data_dir / logo, profile.parent / logo) if c.is_file()), None)


def school_identity(conf, policy, say=lambda words, **values: words.format(**values)) -> None:
    """Whose handbook this is, from the school profile, never from mkdocs.yml: the site's name (page
    titles, header), the short name a phone's header shows, the school's colour and its logo."""
    school = policy.profile.school
    # The theme's templates print site_name as it is (their autoescape is off), and it now comes from the
    # school's data: escape it once here. Markup keeps a template's own `| e` from escaping it twice.
    conf["site_name"] = escape(say("{school} social media handbook", school=school.name))
    conf["extra"]["school_name"] = escape(school.name)
    conf["extra"]["school_short_name"] = escape(school.short_name or school.name)
    conf["extra"]["school_colour"] = school.colour  # checked for contrast by the [colour-contrast] rule
    logo = _logo_file(policy)
    conf["extra"]["school_logo"] = None  # a school without a logo: pages ask, and get no crest
    if logo is not None:
        site_path = "assets/school-logo" + logo.suffix.lower()
        conf["theme"]["logo"] = site_path
        conf["theme"]["favicon"] = site_path
        conf["extra"]["school_logo"] = {"site_path": site_path, "source": str(logo)}  # added by site_hooks
