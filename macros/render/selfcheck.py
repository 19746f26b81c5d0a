"""Quizzes and checklists as markup that is complete without JavaScript.

Answers and explanations sit in <details>, so the page works and prints with no script; the
handbook's own script (docs/assets/selfcheck.js) adds checking, scores and remembered ticks.
"""

from __future__ import annotations

from .. import markup
from ..editions import REVIEWER_CHECKLISTS
from ..records import Record
from ..site_map import anchor, guide_item_anchor, guide_page, question_anchor
from . import acknowledgement
from .context import RenderContext
from .words import said

LETTERS = "ABCDEF"


def _explanation(ctx: RenderContext, audience: str, question: Record) -> str:
    """The question's own explanation, or else what the first cited clause says to the quiz's audience."""
    if question.explanation:
        return ctx.words(question.explanation)
    return ctx.clause_text(ctx.policy.clauses[question.clauses[0]], audience)


def _why_clause(ctx: RenderContext, question: Record):
    """The clause whose words say why: the first cited rule (background clauses explain less), else the first."""
    cited = [ctx.policy.clauses[c] for c in question.clauses]
    return next((c for c in cited if c.kind in ("must", "must-not", "should")), cited[0])


def _guide_clauses(ctx: RenderContext, audience: str) -> set[str]:
    guide = ctx.policy.guides.get(audience)
    return {c for group in guide.groups for topic in group.topics for c in topic.clauses} if guide else set()


def _read_more(ctx: RenderContext, audience: str, question: Record) -> str:
    """Where to read more: for pupils their own guide where it shows the clause, else the policy clauses."""
    if audience == "pupils":
        shown = [c for c in question.clauses if c in _guide_clauses(ctx, audience)]
        if shown:
            target = f"{guide_page(audience)}#{guide_item_anchor(audience, shown[0])}"
            return said(ctx, "Read more in {guide}", guide=markup.link(ctx.say("your guide"), target))
    return said(ctx, "Policy: {clauses}", clauses=markup.join([ctx.clause_link(c) for c in question.clauses]))


def _question(ctx: RenderContext, audience: str, number: int, total: int, question: Record) -> str:
    qid = question_anchor(question.id)
    multiple = bool(question.multiple)
    kind = "checkbox" if multiple else "radio"
    hint = " " + said(ctx, "Choose all that apply.") if multiple else ""
    options = question.options
    correct = [LETTERS[i] for i, o in enumerate(options) if o.correct]
    out = [
        f'<div class="quiz-question" id="{qid}" data-question="{question.id}" markdown>',
        "",
        f'<fieldset><legend><span class="quiz-number">{said(ctx, "Question {number} of {total}", number=number, total=total)}</span> '
        f'{ctx.words(question.prompt)}{hint}</legend>',
    ]
    for index, option in enumerate(options):
        option_id = f"{qid}-{index + 1}"
        out.append(f'<div class="quiz-option"><input type="{kind}" name="{qid}" id="{option_id}" value="{index}" '
                   f'data-correct="{"true" if option.correct else "false"}">'
                   f'<label for="{option_id}"><span class="quiz-letter">{LETTERS[index]}.</span> '
                   f'{ctx.words(option.text)}</label></div>')
    why = ctx.clause_text(_why_clause(ctx, question), audience)
    if why == _explanation(ctx, audience, question):  # said once is enough
        why = ""
    out += [
        "</fieldset>",
        f'<p class="quiz-controls" hidden><button type="button" class="md-button quiz-check">{said(ctx, "Check answer")}'
        "</button></p>",
        '<div class="quiz-feedback" role="status" aria-live="polite"></div>',
        "",
        '<details class="quiz-answer" markdown>',
        f'<summary>{said(ctx, "Answer and explanation for question {number}", number=number)}</summary>',
        "",
        f'<p class="quiz-explanation" markdown><strong>'
        f'{said(ctx, "Right answers: {letters}." if len(correct) > 1 else "Right answer: {letters}.", letters=", ".join(correct))}'
        f'</strong> {_explanation(ctx, audience, question)}</p>',
        "",
    ]
    for index, option in enumerate(options):
        verdict = said(ctx, "Right") if option.correct else said(ctx, "Not right")
        out.append(f'- <span class="quiz-option-feedback" data-option="{index}">'
                   f"{LETTERS[index]}: {verdict}. {ctx.words(option.feedback)}</span>")
    out.append("")
    if why:
        out += [f'<p class="quiz-why" markdown>{why}</p>', ""]
    out += [f'<p class="quiz-clauses" markdown>{_read_more(ctx, audience, question)}</p>', "", "</details>", "",
            "</div>", ""]
    return "\n".join(out)


def _sets(ctx: RenderContext, quiz_id: str) -> list[tuple[str, str, str, list[Record]]]:
    """(id, title, description, questions) of each set for this school; a quiz without sets is one set."""
    record = ctx.policy.quizzes[quiz_id]
    questions = ctx.policy.questions(quiz_id)
    if not record.sets:
        return [("all", record.title, "", questions)]
    return [(s.id, s.title, s.description or "", [q for q in questions if q.set == s.id]) for s in record.sets]


COUNTS = {"question": ("{count} question", "{count} questions"), "short set": ("{count} short set", "{count} short sets")}


def _count(ctx: RenderContext, number: int, noun: str) -> str:
    one, many = COUNTS[noun]
    return said(ctx, one if number == 1 else many, count=number)


KEEPS = {  # what the page says about remembered answers, in each audience's words
    "pupils": "Your answers stay on this computer or tablet, so you can finish later. Nobody else sees them.",
    "parents": "Your answers stay on this device, so you can finish later. Nothing is sent to the school.",
    "staff": "Your answers stay on this device, so you can finish later. Nothing is sent unless you send it.",
}


def quiz(ctx: RenderContext, quiz_id: str) -> str:
    record = ctx.policy.quizzes[quiz_id]
    policy = ctx.policy
    sets = _sets(ctx, quiz_id)
    total = sum(len(s[3]) for s in sets)
    audience = record.audience
    out = [
        f'<div class="quiz" id="quiz-{quiz_id}" data-quiz="{quiz_id}" data-title="{markup.attribute(record.title)}" '
        f'data-version="{markup.attribute(policy.version)}" data-fingerprint="{policy.fingerprint}" '
        f'data-school="{markup.attribute(policy.school_name)}" markdown>',
        "",
    ]
    if record.description:
        out += [f'<p class="quiz-intro">{ctx.words(record.description)}</p>', ""]
    overview = (said(ctx, "{questions} in {sets}, each set with its own result.", questions=_count(ctx, total, "question"),
                     sets=_count(ctx, len(sets), "short set")) if len(sets) > 1 else
                said(ctx, "{questions}, each set with its own result.", questions=_count(ctx, total, "question")))
    out += [f'<p class="quiz-overview">{overview} {said(ctx, KEEPS[audience])}</p>', "",
            '<p class="quiz-status" hidden><span class="quiz-score" role="status" aria-live="polite"></span></p>', ""]
    for number, (set_id, title, description, questions) in enumerate(sets, start=1):
        heading = ctx.say("Set {number} of {count}: {title}", number=number, count=len(sets), title=title) \
            if len(sets) > 1 else title
        out += [f'<section class="quiz-set" data-set="{set_id}" data-title="{markup.attribute(title)}" '
                f'aria-labelledby="set-{quiz_id}-{set_id}" markdown>',
                "", f"## {markup.text(heading)} {{ #set-{quiz_id}-{set_id} }}", "",
                f'<p class="quiz-set-intro">{ctx.words(description) + " " if description else ""}'
                f'{_count(ctx, len(questions), "question")}.</p>', ""]
        out += [_question(ctx, audience, n, len(questions), q) for n, q in enumerate(questions, start=1)]
        out += ['<div class="quiz-set-result" role="status" aria-live="polite"></div>', "", "</section>", ""]
    out += [
        '<section class="quiz-summary" aria-labelledby="quiz-summary-title" hidden>',
        # role="heading" rather than <h2>: the section is empty until the quiz is done, so it stays out
        # of the page's table of contents
        f'<p class="quiz-summary-title" id="quiz-summary-title" role="heading" aria-level="2">{said(ctx, "Your result")}</p>',
        '<p class="quiz-summary-score"></p>',
        '<div class="quiz-summary-revise"></div>',
        "</section>",
    ]
    if audience == "staff":
        out.append(acknowledgement.form(ctx, f"quiz-{quiz_id}",
                                        ctx.say("I have read the policy and completed the self-check.")))
    out += [_restart(ctx, "quiz-restart", "Start again", "Clear every answer on this page and start again?",
                     "Yes, clear my answers", "No, keep them"), "", "</div>"]
    return "\n".join(out)


def _restart(ctx: RenderContext, kind: str, label: str, question: str, yes: str, no: str) -> str:
    """A reset that asks first: the button opens a small confirm step; "No" is where focus lands."""
    label, question, yes, no = (said(ctx, words) for words in (label, question, yes, no))
    return "\n".join([
        f'<div class="restart {kind}" hidden>',
        f'<p><button type="button" class="md-button restart-ask">{label}</button></p>',
        f'<div class="restart-confirm" role="group" aria-label="{said(ctx, "Confirm")}" hidden>',
        f'<p class="restart-question">{question}</p>',
        f'<p><button type="button" class="md-button restart-yes">{yes}</button> '
        f'<button type="button" class="md-button md-button--primary restart-no">{no}</button></p>',
        "</div>",
        '<p class="restart-done" role="status" aria-live="polite"></p>',
        "</div>",
    ])


def checklist(ctx: RenderContext, checklist_id: str, level: int = 2) -> str:
    record = ctx.policy.checklists[checklist_id]
    policy = ctx.policy
    out = [
        f"{'#' * level} {markup.text(record.title)} {{ #{anchor('checklist', checklist_id)} }}",
        "",
        f"*{ctx.words(record.when)}*",
        "",
        f'<div class="checklist" data-checklist="{checklist_id}" data-title="{markup.attribute(record.title)}" '
        f'data-version="{markup.attribute(policy.version)}" data-fingerprint="{policy.fingerprint}" '
        f'data-school="{markup.attribute(policy.school_name)}" markdown>',
        "",
        f'<fieldset markdown><legend class="visually-hidden">{markup.text(record.title)}</legend>',
        "",
    ]
    for item in policy.items(checklist_id):
        item_id = f"cl-{checklist_id}-{item.id}"
        refs = markup.join([ctx.clause_link(c, with_title=False) for c in item.clauses])
        # the fieldset and the item say `markdown`: nested HTML is raw unless it does, and the links must be links
        out += [f'<div class="checklist-item" markdown="span"><input type="checkbox" id="{item_id}" '
                f'data-item="{item.id}"> <label for="{item_id}">{ctx.words(item.text)}</label> '
                f'<span class="checklist-ref">{said(ctx, "(clause {clauses})", clauses=refs)}</span></div>', ""]
    out += ["</fieldset>", "",
            '<p class="checklist-status" hidden><span class="checklist-count" role="status" aria-live="polite">'
            "</span></p>", ""]
    if record.audience == "staff":
        out += [acknowledgement.paper_lines(ctx), ""]
        out += [acknowledgement.form(ctx, f"checklist-{checklist_id}", ctx.say("I have completed this checklist."),
                                     about=True), ""]
    out += [_restart(ctx, "checklist-restart", "Clear ticks", "Clear every tick in this checklist?", "Yes, clear them",
                     "No, keep them"), "", "</div>", ""]
    return "\n".join(out)


def checklists_for(ctx: RenderContext, audience: str | None = None) -> str:
    ids = [cid for cid, record in ctx.policy.checklists.items() if audience in (None, record.audience)
           and (ctx.reviewer or cid not in REVIEWER_CHECKLISTS)]
    return "\n".join(checklist(ctx, cid) for cid in ids)
