"""Every page part the handbook's pages can ask for, by name: the macros MkDocs registers, and the
full set of renderings a test or benchmark can produce without MkDocs."""

from __future__ import annotations

from typing import Callable

from . import (approval, changes_page, formal, guides, legal, listings, questions, register, review_page, roles, selfcheck,
               translation_page)
from .. import markup
from .context import RenderContext


def school_value(ctx: RenderContext, path: str, default: str | None = None) -> str:
    """A value from the school profile, by the same path as a clause placeholder, escaped like all data.
    A page asking for a value the profile lacks fails the build, unless it gives a default."""
    if path in ctx.values:
        return ctx.words(ctx.values[path])
    if default is not None:
        return default
    raise KeyError(f"no value '{path}' in {ctx.policy.profile_file}")


def page_parts(ctx: RenderContext) -> dict[str, Callable[..., str]]:
    return {
        "value": lambda path, default=None: school_value(ctx, path, default),
        "policy_title": lambda: ctx.words(ctx.policy.title),
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
        "reading_minutes": lambda guide_id: str(guides.reading_minutes(ctx, guide_id)),
        "guide_intro": lambda guide_id: guides.guide_intro(ctx, guide_id),
        "common_questions": lambda: questions.common_questions(ctx),
        "common_questions_contents": lambda: questions.common_questions_contents(ctx),
        "a_to_z": lambda: questions.a_to_z(ctx),
        "quiz": lambda quiz_id: selfcheck.quiz(ctx, quiz_id),
        "checklist": lambda checklist_id: selfcheck.checklist(ctx, checklist_id),
        "checklists": lambda audience=None: selfcheck.checklists_for(ctx, audience),
        "review_report": lambda: review_page.review_report(ctx),
        "clause_register": lambda: register.clause_register(ctx),
        "source_map": lambda: register.source_map(ctx),
        "what_changed": lambda audience=None: what_changed(ctx, audience),
        "translation_status": lambda: translation_page.status_page(ctx),
    }


def what_changed(ctx: RenderContext, audience: str | None) -> str:
    """What changed compares English wordings, approved in English: in another language's edition it is
    shown as it is, in English, marked as English (the page's own words say so)."""
    if ctx.policy.english is None:
        return changes_page.what_changed(ctx, audience)
    english = RenderContext(ctx.policy.english, ctx.data_dir, ctx.edition)
    note = markup.text(ctx.say("The changes below are in English: they compare the English wording that governors "
                               "approved."))
    return (f'<p class="hb-changes-in-english">{note}</p>\n\n<div lang="en" markdown>\n\n'
            + changes_page.what_changed(english, audience) + "\n\n</div>")


def render_everything(ctx: RenderContext) -> dict[str, str]:
    """Each part with each of its arguments, as the pages would call them."""
    parts = page_parts(ctx)
    policy = ctx.policy
    calls: list[tuple[str, tuple]] = [("value", ("school.name",)), ("policy_title", ())]
    calls += [(name, ()) for name in (
        "formal_policy", "policy_contents", "approval_block", "role_summary", "role_duties", "role_matrix",
        "legal_framework", "related_policies", "glossary", "platforms", "checklists", "review_report", "clause_register", "source_map",
        "translation_status", "what_changed", "common_questions", "common_questions_contents", "a_to_z")]
    calls += [("approval_block", (True,)), ("dos_and_donts", ("dos",)), ("dos_and_donts", ("donts",)),
              ("what_changed", ("parents",))]
    calls += [(name, (guide_id,)) for guide_id in policy.guides
              for name in ("guide", "guide_contents", "reading_minutes", "guide_intro")]
    calls += [("quiz", (quiz_id,)) for quiz_id in policy.quizzes]
    calls += [("checklist", (checklist_id,)) for checklist_id in policy.checklists]
    rendered = {f"{name}{args}": parts[name](*args) for name, args in calls}
    rendered["abbreviations"] = listings.abbreviations(ctx)
    return rendered
