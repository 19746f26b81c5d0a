"""Quizzes and checklists as markup that is complete without JavaScript.

Answers and explanations sit in <details>, so the page works and prints with no script; the
handbook's own script (docs/assets/selfcheck.js) adds checking, scores and remembered ticks.
"""

from __future__ import annotations

from .. import markup
from ..editions import REVIEWER_CHECKLISTS
from ..records import Record
from ..site_map import anchor, question_anchor
from .context import RenderContext

LETTERS = "ABCDEF"


def _explanation(ctx: RenderContext, audience: str, question: Record) -> str:
    """The question's own explanation, or else what the first cited clause says to the quiz's audience."""
    if question.explanation:
        return ctx.words(question.explanation)
    return ctx.clause_text(ctx.policy.clauses[question.clauses[0]], audience)


def _question(ctx: RenderContext, audience: str, number: int, total: int, question: Record) -> str:
    qid = question_anchor(question.id)
    multiple = bool(question.multiple)
    kind = "checkbox" if multiple else "radio"
    hint = " Choose all that apply." if multiple else ""
    options = question.options
    correct = [LETTERS[i] for i, o in enumerate(options) if o.correct]
    out = [
        f'<div class="quiz-question" id="{qid}" data-question="{question.id}" markdown>',
        "",
        f'<fieldset><legend><span class="quiz-number">Question {number} of {total}.</span> '
        f'{ctx.words(question.prompt)}{hint}</legend>',
    ]
    for index, option in enumerate(options):
        option_id = f"{qid}-{index + 1}"
        out.append(f'<div class="quiz-option"><input type="{kind}" name="{qid}" id="{option_id}" value="{index}" '
                   f'data-correct="{"true" if option.correct else "false"}">'
                   f'<label for="{option_id}"><span class="quiz-letter">{LETTERS[index]}.</span> '
                   f'{ctx.words(option.text)}</label></div>')
    out += [
        "</fieldset>",
        '<p class="quiz-controls" hidden><button type="button" class="md-button quiz-check">Check answer</button></p>',
        '<div class="quiz-feedback" role="status" aria-live="polite"></div>',
        "",
        '<details class="quiz-answer" markdown>',
        f"<summary>Answer and explanation for question {number}</summary>",
        "",
        f"**Right answer{'s' if len(correct) > 1 else ''}: {', '.join(correct)}.** {_explanation(ctx, audience, question)}",
        "",
    ]
    for index, option in enumerate(options):
        verdict = "Right" if option.correct else "Not right"
        out.append(f'- <span class="quiz-option-feedback" data-option="{index}">'
                   f"{LETTERS[index]}: {verdict}. {ctx.words(option.feedback)}</span>")
    refs = markup.join([ctx.clause_link(c) for c in question.clauses])
    out += ["", f'<p class="quiz-clauses" markdown>Policy: {refs}</p>', "", "</details>", "", "</div>", ""]
    return "\n".join(out)


def quiz(ctx: RenderContext, quiz_id: str) -> str:
    record = ctx.policy.quizzes[quiz_id]
    questions = ctx.policy.questions(quiz_id)
    policy = ctx.policy
    out = [
        f'<div class="quiz" id="quiz-{quiz_id}" data-quiz="{quiz_id}" data-title="{markup.attribute(record.title)}" '
        f'data-version="{markup.attribute(policy.version)}" data-fingerprint="{policy.fingerprint}" '
        f'data-total="{len(questions)}" data-school="{markup.attribute(policy.school_name)}" '
        'markdown>',
        "",
    ]
    if record.description:
        out += [ctx.words(record.description), ""]
    out += ['<p class="quiz-status" hidden><span class="quiz-score" role="status" aria-live="polite"></span> '
            '<button type="button" class="md-button quiz-reset">Start again</button></p>', ""]
    out += [_question(ctx, record.audience, n, len(questions), q) for n, q in enumerate(questions, start=1)]
    out += [
        '<section class="quiz-summary" aria-labelledby="quiz-summary-title" hidden>',
        # role="heading" rather than <h2>: the section is empty until the quiz is done, so it stays out
        # of the page's table of contents
        '<p class="quiz-summary-title" id="quiz-summary-title" role="heading" aria-level="2">Your result</p>',
        '<p class="quiz-summary-score"></p>',
        '<div class="quiz-summary-revise"></div>',
        '<div class="completion-record" role="group" aria-labelledby="record-title">',
        '<p class="record-note">Nothing is sent anywhere: print this record or save it as a PDF and give it to '
        'your designated safeguarding lead or line manager if they ask for it.</p>',
        '<p class="record-title" id="record-title" role="heading" aria-level="3">Completion record</p>',
        '<p class="record-name-field"><label for="record-name">Your name (stays on this device)</label> '
        '<input type="text" id="record-name" autocomplete="name"></p>',
        '<dl class="record-fields"></dl>',
        '<p class="record-signature">Checked by (designated safeguarding lead or line manager): '
        '<span class="signature-space"></span> Date: <span class="signature-space"></span></p>',
        '<p><button type="button" class="md-button md-button--primary record-print">Print this record</button></p>',
        "</div>",
        "</section>",
        "",
        "</div>",
    ]
    return "\n".join(out)


def checklist(ctx: RenderContext, checklist_id: str, level: int = 2) -> str:
    record = ctx.policy.checklists[checklist_id]
    policy = ctx.policy
    out = [
        f"{'#' * level} {markup.text(record.title)} {{ #{anchor('checklist', checklist_id)} }}",
        "",
        f"*{ctx.words(record.when)}*",
        "",
        f'<div class="checklist" data-checklist="{checklist_id}" data-version="{markup.attribute(policy.version)}" '
        f'data-fingerprint="{policy.fingerprint}" markdown>',
        "",
        f'<fieldset><legend class="visually-hidden">{markup.text(record.title)}</legend>',
        "",
    ]
    for item in policy.items(checklist_id):
        item_id = f"cl-{checklist_id}-{item.id}"
        refs = markup.join([ctx.clause_link(c, with_title=False) for c in item.clauses])
        out += [f'<div class="checklist-item" markdown><input type="checkbox" id="{item_id}" data-item="{item.id}">'
                f' <label for="{item_id}">{ctx.words(item.text)}</label> <span class="checklist-ref">(clause {refs})</span></div>',
                ""]
    out += ["</fieldset>", "",
            '<p class="checklist-status" hidden><span class="checklist-count" role="status" aria-live="polite"></span> '
            '<button type="button" class="md-button checklist-reset">Clear ticks</button></p>', "", "</div>", ""]
    return "\n".join(out)


def checklists_for(ctx: RenderContext, audience: str | None = None) -> str:
    ids = [cid for cid, record in ctx.policy.checklists.items() if audience in (None, record.audience)
           and (ctx.reviewer or cid not in REVIEWER_CHECKLISTS)]
    return "\n".join(checklist(ctx, cid) for cid in ids)
