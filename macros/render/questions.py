"""Common questions: each answered in a sentence or two, with the clauses it comes from one tap away.
The same block serves the reader's guide and the Common questions page; the A to Z lists their topics."""

from __future__ import annotations

from collections import defaultdict

from .. import markup
from ..alphabet import capitalised, first_letter, sort_key
from ..model import Clause
from ..site_map import link
from ..voice import voice_for
from .context import RenderContext
from .words import said as phrase

READERS = {"parents": "Parents and carers", "pupils": "Pupils", "staff": "Staff", "governors": "Governors"}

# The label each reader sees beside a clause, from who acts in its words (never from must/should).
VOICE_LABELS = {
    "parents": {"promise": "Our promise", "ask": "We ask you", "info": "Good to know"},
    "pupils": {"promise": "School promise", "ask": "What to do", "info": "Good to know"},
    "staff": {"promise": "The school will", "ask": "What you do", "info": "Good to know"},
    "governors": {"promise": "The policy says", "ask": "The policy says", "info": "The policy says"},
}
MORE_DETAIL = {"pupils": "More about this"}
FOR_READERS = {"parents": "For parents and carers:", "pupils": "For pupils:", "staff": "For staff:",
               "governors": "For governors:"}


def questions_for(ctx: RenderContext, audience: str | None = None) -> list:
    """This school's questions (twins written for other option choices left out), in file order."""
    return [q for q in ctx.policy.records_of_kind.get("question", [])
            if ctx.policy.applies(q.when) and (audience is None or q.audience == audience)]


def said(ctx: RenderContext, clause: Clause, audience: str, with_link: bool = True) -> str:
    """A clause in the reader's words, labelled by who acts, with a link to the clause (not for pupils)."""
    reader = audience if audience in clause.audiences else None  # governors read the formal wording
    voice = voice_for(ctx.policy, clause, reader) if reader else "info"
    label = phrase(ctx, VOICE_LABELS[audience][voice])
    source = f" {clause_source(ctx, clause)}" if with_link else ""
    return (f'<p class="hb-said hb-said--{voice}" markdown="span"><span class="hb-said__label">{label}</span> '
            f"{ctx.clause_text(clause, reader)}{source}</p>")


def clause_source(ctx: RenderContext, clause: Clause) -> str:
    """A link to the clause a reader's words come from: "Clause 4.5"."""
    return markup.link(ctx.say("Clause {number}", number=clause.number), link("clause", clause.id))


def search_words(question) -> str:
    """The other words people type for this question, for the search index only (screen readers and
    sighted readers skip them; the question and answer say the same in plain words)."""
    if not question.keywords:
        return ""
    return f' <span class="hb-search-words" aria-hidden="true">{markup.text(", ".join(question.keywords))}</span>'


def question_block(ctx: RenderContext, question, level: int = 3, show_reader: bool = False) -> str:
    """The question as a heading, its short answer, and the full wording of its clauses one tap away."""
    audience = question.audience
    links = audience != "pupils"  # pupils' pages do not send children into the adult policy
    detail = "\n".join(said(ctx, ctx.policy.clauses[c], audience, links) for c in question.clauses)
    reader = (f'<span class="hb-answer-for">{phrase(ctx, FOR_READERS[audience])}</span> ' if show_reader else "")
    return "\n".join([
        f"{'#' * level} {markup.text(question.question)} {{ #{question.id} .hb-question }}",
        "",
        f'<p class="hb-answer" markdown="span">{reader}{ctx.words(question.answer)}{search_words(question)}</p>',
        "",
        f'<details class="hb-more" markdown>',
        f"<summary>{phrase(ctx, MORE_DETAIL.get(audience, 'More detail'))}</summary>",
        "",
        detail,
        "",
        "</details>",
        "",
    ])


def common_questions(ctx: RenderContext) -> str:
    """Every question, grouped by the reader who asks it, each with its reader said in the answer so search
    results show whom it is for."""
    out = []
    for audience, heading in READERS.items():
        questions = questions_for(ctx, audience)
        if not questions:
            continue
        out.append(f"## {phrase(ctx, heading)} {{ #for-{audience} }}\n")
        out.extend(question_block(ctx, q, level=3, show_reader=True) for q in questions)
    return "\n".join(out)


def common_questions_contents(ctx: RenderContext) -> str:
    parts = [markup.link(ctx.say(heading), f"#for-{audience}") for audience, heading in READERS.items()
             if questions_for(ctx, audience)]
    return '<p class="hb-jump" markdown="span">' + phrase(ctx, "Jump to: {links}", links=" · ".join(parts)) + "</p>"


# --- A to Z ---------------------------------------------------------------------------------------------

def _topics(ctx: RenderContext) -> dict[str, list[tuple[str, str]]]:
    """Topic -> (label, link target): question topics and their search words, glossary terms, and the
    words clauses are searched by, each pointing at the place that answers it."""
    policy = ctx.policy
    found: dict[str, dict[str, str]] = defaultdict(dict)
    answering: dict[str, object] = {}
    for question in questions_for(ctx):
        target = f"common-questions.md#{question.id}"
        found[question.topic][question.question] = target
        for word in question.keywords:
            found[word][question.question] = target
        for clause_id in question.clauses:
            answering.setdefault(clause_id, question)
    for term in policy.glossary:
        found[term.term][ctx.say("What “{term}” means", term=term.term)] = link("term", term.id)
    for clause in policy.all_clauses():
        for word in clause.keywords:
            question = answering.get(clause.id)
            if question is not None:
                found[word][question.question] = f"common-questions.md#{question.id}"
            else:
                found[word][ctx.say("Clause {number}: {title}", number=clause.number, title=clause.title)] = \
                    link("clause", clause.id)
    merged: dict[str, dict[str, str]] = {}
    for word, targets in found.items():  # "WhatsApp" and "whatsapp" are one entry
        key = word.strip()
        existing = next((k for k in merged if k.lower() == key.lower()), None)
        merged.setdefault(existing or key, {}).update(targets)
    return {word: sorted(targets.items()) for word, targets in merged.items()}


def a_to_z(ctx: RenderContext) -> str:
    """Every topic, A to Z, each linking to what answers it. Each letter is a closed <details> the
    letter links open: 900 topics laid out at once cost a phone a second before the page answers."""
    by_letter: dict[str, list[str]] = defaultdict(list)
    topics = _topics(ctx)
    for word in topics:
        by_letter[first_letter(word, ctx.language)].append(word)
    letters = sorted(by_letter, key=lambda letter: (letter != "0–9", sort_key(letter, ctx.language)))
    out = [f'<nav class="hb-letters" aria-label="{phrase(ctx, "Letters")}">'
           + " ".join(f'<a href="#az-{_letter_anchor(l)}">{l}</a>' for l in letters) + "</nav>", ""]
    for letter in letters:
        words = sorted(by_letter[letter], key=lambda word: sort_key(word, ctx.language))
        out.append(f'<details class="hb-az-letter" id="az-{_letter_anchor(letter)}" markdown>')
        out.append(f'<summary><span class="hb-az-letter__name">{letter}</span> '
                   f'<span class="hb-az-letter__count">'
                   f'{phrase(ctx, "{count} topic" if len(words) == 1 else "{count} topics", count=len(words))}</span></summary>')
        out.append('<dl class="hb-az" markdown>')
        for word in words:
            out.append(f"<dt>{markup.text(capitalised(word))}</dt>")
            for label, target in topics[word]:
                out.append(f'<dd markdown="span">{markup.link(label, target)}</dd>')
        out.append("</dl>")
        out.append("</details>\n")
    return "\n".join(out)


def _letter_anchor(letter: str) -> str:
    return "num" if letter == "0–9" else letter.lower()
