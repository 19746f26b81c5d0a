"""The policy as a document governors sign, and a parents' leaflet: standalone HTML for printing.

Each function returns one complete HTML document with its own CSS inlined (document.css beside this
file), no script and no address outside the document except the official https addresses of the
legislation and related policies. Data text goes through `ctx.words`, our own labels through `_e`.
Cross-references are internal links (`#clause-id`), which Chromium keeps as links inside the PDF.
"""

from __future__ import annotations

import base64
import html
import mimetypes
import re
from dataclasses import dataclass
from pathlib import Path

from ..languages import other_name
from ..model import CYCLE_WORDS, Clause
from .context import RenderContext
from .legal import NO_LONGER_CURRENT, STATUS_LABELS
from .roles import role_title
from .words import date, said_html

CSS_FILE = Path(__file__).with_name("document.css")
SHORT_CLAUSE_WORDS = 90  # a clause up to this long is kept on one page
LEAFLET_TITLE = "Social media: what we ask of families, and what you can expect from us"
SIGNERS = (("Head teacher", "head_teacher"), ("Chair of governors", "chair_of_governors"))


def _e(value: object) -> str:
    """Our own text (labels, numbers) for HTML."""
    return html.escape(str(value), quote=True)


@dataclass(frozen=True)
class Entry:
    """A line of the contents, and a top-level bookmark: the heading's anchor and its text."""

    anchor: str
    label: str
    group: bool = False  # the first appendix starts a new group in the contents


def contents_entries(ctx: RenderContext) -> list[Entry]:
    """The document's top-level headings in order, as the contents and the PDF outline list them."""
    policy = ctx.policy
    entries = [Entry(section.id, f"{section.number}. {section.title}") for section in policy.sections]
    entries += [
        Entry("appendix-roles", ctx.say("Appendix A. Roles and responsibilities"), group=True),
        Entry("appendix-legislation", ctx.say("Appendix B. Legislation and guidance")),
        Entry("appendix-policies", ctx.say("Appendix C. Related policies")),
        Entry("appendix-glossary", ctx.say("Appendix D. Glossary")),
        Entry("approval", ctx.say("Approval")),
    ]
    return entries


def _lang_attribute(code: str) -> str:
    return f' lang="{code}"' if code else ""


def _lang(ctx: RenderContext) -> str:
    return "en-GB" if ctx.language == "en" else ctx.language


def _page(html_body: str, title: str, lang: str = "en-GB") -> str:
    css = CSS_FILE.read_text(encoding="utf-8")
    return (f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n<title>{title}</title>\n'
            f"<style>\n{css}</style>\n</head>\n<body>\n{html_body}\n</body>\n</html>\n")


def _logo(ctx: RenderContext) -> str:
    """The school's logo inlined as data, if the profile names one (the check makes sure the file is there;
    the schema that it is a PNG, JPG or SVG)."""
    logo = ctx.policy.profile.school.logo
    if not logo:
        return ""
    path = ctx.policy.logo_path
    kind = mimetypes.guess_type(path.name)[0]
    data = base64.b64encode(path.read_bytes()).decode("ascii")
    alt = said_html(ctx, "{school} logo", school=_e(ctx.policy.school_name))
    return f'<img class="cover-logo" src="data:{kind};base64,{data}" alt="{alt}">'


def _cover(ctx: RenderContext) -> str:
    policy = ctx.policy
    approval = policy.approval
    second = other_name(policy)
    facts = [("Version", ctx.words(policy.version)),
             ("Approved by", ctx.words(approval.approved_by or ctx.say("not yet approved"))),
             ("Approved on", _e(date(ctx, policy.approved_on))),
             ("Next review due", _e(date(ctx, policy.next_review)))]
    rows = "\n".join(f'<tr><th scope="row">{said_html(ctx, label)}</th><td>{value}</td></tr>' for label, value in facts)
    return "\n".join([
        '<section class="cover">',
        '<div class="cover-top">',
        _logo(ctx),
        f'<p class="cover-school">{ctx.words(policy.school_name)}</p>',
        f'<p class="cover-second"{_lang_attribute(second[1])}>{ctx.words(second[0])}</p>' if second else "",
        f'<p class="cover-title">{ctx.words(policy.title)}</p>',
        "</div>",
        f'<table class="cover-facts"><tbody>\n{rows}\n</tbody></table>',
        "</section>",
    ])


def _contents(ctx: RenderContext, pages: dict[str, int] | None) -> str:
    out = ['<section class="page-break">', f'<h1 id="contents">{said_html(ctx, "Contents")}</h1>', '<ol class="contents">']
    for entry in contents_entries(ctx):
        number = pages.get(entry.anchor, "") if pages else "00"
        css = ' class="contents-group"' if entry.group else ""
        out.append(f'<li{css}><a class="entry" href="#{_e(entry.anchor)}">{_e(entry.label)}</a>'
                   f'<span class="leader"></span><span class="page">{number}</span></li>')
    out += ["</ol>", "</section>"]
    return "\n".join(out)


def _clause_ref(ctx: RenderContext, clause_id: str) -> str:
    clause = ctx.policy.clauses.get(clause_id)
    if clause is None:
        return ctx.words(clause_id)
    return f'<a href="#{_e(clause.id)}">{_e(clause.number)}</a>'


def _clause(ctx: RenderContext, clause: Clause) -> str:
    text = ctx.clause_text(clause)
    short = len(clause.text.split()) <= SHORT_CLAUSE_WORDS
    see = [_clause_ref(ctx, c) for c in clause.refs.clauses if c in ctx.policy.clauses]
    extra = ""
    if see:
        see_also = said_html(ctx, "(See {clauses}.)", clauses=", ".join(see))
        extra += f' <span class="clause-see">{see_also}</span>' if len(see) <= 3 else f" {see_also}"
    if clause.verify:
        extra += f' <span class="clause-verify">{said_html(ctx, "To be confirmed at the next review.")}</span>'
    title = ctx.words(clause.title).rstrip(".")
    return (f'<p class="clause{" clause-short" if short else ""}" id="{_e(clause.id)}">'
            f'<span class="clause-number">{_e(clause.number)}</span>'
            f'<span class="clause-title">{title}.</span> {text}{extra}</p>')


def _sections(ctx: RenderContext) -> str:
    out = []
    for index, section in enumerate(ctx.policy.sections):
        out.append(f'<section{" class=" + chr(34) + "page-break" + chr(34) if index == 0 else ""}>')
        out.append(f'<h1 id="{_e(section.id)}">{section.number}. {ctx.words(section.title)}</h1>')
        if section.description:
            out.append(f'<p class="section-description">{ctx.words(section.description)}</p>')
        out.extend(_clause(ctx, clause) for clause in section.clauses)
        out.append("</section>")
    return "\n".join(out)


def _numbers(ctx: RenderContext, clauses: list[Clause]) -> str:
    return ", ".join(_clause_ref(ctx, c.id) for c in clauses) or "—"


def _appendix_table(anchor: str, title: str, intro: str, columns: list[tuple[str, str]], rows: list[str]) -> str:
    """An appendix that is one table: its own page, a heading for the outline, columns of set widths."""
    widths = "".join(f'<col style="width:{width}">' if width else "<col>" for _, width in columns)
    heads = "".join(f'<th scope="col">{_e(name)}</th>' for name, _ in columns)
    return "\n".join(['<section class="page-break">', f'<h1 id="{anchor}">{_e(title)}</h1>', f"<p>{_e(intro)}</p>",
                      f'<table class="grid"><colgroup>{widths}</colgroup>', f"<thead><tr>{heads}</tr></thead>",
                      "<tbody>", *rows, "</tbody></table>", "</section>"])


def _appendix_roles(ctx: RenderContext) -> str:
    policy = ctx.policy
    rows = []
    for role_id, role in policy.roles.items():
        person = policy.holder(role)
        rows.append(f"<tr><td>{ctx.words(role_title(role))}</td><td>{ctx.words(person.name) if person else '—'}</td>"
                    f'<td class="numbers">{_numbers(ctx, policy.duties(role_id))}</td></tr>')
    return _appendix_table("appendix-roles", ctx.say("Appendix A. Roles and responsibilities"),
                           ctx.say("Each role, the person who holds it in this school where one is named, and the "
                                   "clauses that give it a duty."),
                           [(ctx.say("Role"), "27%"), (ctx.say("Named person"), "23%"),
                            (ctx.say("Responsible for clauses"), "")], rows)


def _appendix_legislation(ctx: RenderContext) -> str:
    policy = ctx.policy
    laws = sorted(policy.legislation.items(), key=lambda item: (item[1].status in NO_LONGER_CURRENT,
                                                                item[1].title.lower()))
    rows = []
    for law_id, law in laws:
        gone = law.status in NO_LONGER_CURRENT
        status = _e(ctx.say(STATUS_LABELS[law.status]) if law.status in STATUS_LABELS else law.status)
        if gone:
            status = f'<span class="status-gone">{status}</span>'
        replaced = [ctx.words(policy.legislation[s].title) for s in law.superseded_by if s in policy.legislation]
        if replaced:
            status += "; " + said_html(ctx, "replaced by {laws}" if gone else "see also {laws}",
                                       laws=f" {said_html(ctx, 'and')} ".join(replaced))
        cited = [c for c in policy.all_clauses() if law_id in c.refs.legislation]
        shown = "/<wbr>".join(_e(part) for part in law.url.removeprefix("https://").split("/")) if law.url else ""
        link = f'<a class="external url" href="{_e(law.url)}">{shown}</a>' if law.url else "—"
        rows.append(f'<tr id="law-{_e(law_id)}"><td>{ctx.words(law.title)}</td><td>{status}</td>'
                    f'<td class="numbers">{_numbers(ctx, cited)}</td><td>{link}</td></tr>')
    return _appendix_table("appendix-legislation", ctx.say("Appendix B. Legislation and guidance"),
                           ctx.say("The law and statutory guidance this policy relies on, with its status and the "
                                   "official text. Anything repealed is listed last, with what replaced it."),
                           [(ctx.say("Law or guidance"), "27%"), (ctx.say("Status"), "22%"), (ctx.say("Clauses"), "14%"),
                            (ctx.say("Official text"), "")], rows)


def _appendix_policies(ctx: RenderContext) -> str:
    policy = ctx.policy
    items = []
    for policy_id, record in policy.related_policies.items():
        title = ctx.words(record.title)
        if record.url:
            title = f'<a class="external" href="{_e(record.url)}">{title}</a>'
        cited = [c for c in policy.all_clauses() if policy_id in c.refs.policies]
        note = f" {ctx.words(record.note)}" if record.note else ""
        where = " " + said_html(ctx, "Clauses {clauses}.", clauses=_numbers(ctx, cited)) if cited else ""
        items.append(f"<li>{title}.{note}{where}</li>")
    return "\n".join([
        "<section>",
        f'<h1 id="appendix-policies">{said_html(ctx, "Appendix C. Related policies")}</h1>',
        "<p>" + said_html(ctx, "This policy works with the school's other policies:") + "</p>",
        '<ul class="plain">', *items, "</ul>", "</section>",
    ])


def _appendix_glossary(ctx: RenderContext) -> str:
    items = []
    for term in sorted(ctx.policy.glossary, key=lambda t: t.term.lower()):
        name = ctx.words(term.term) + (f" ({ctx.words(term.abbr)})" if term.abbr else "")
        items.append(f"<dt>{name}</dt><dd>{ctx.words(term.definition)}</dd>")
    return "\n".join([
        "<section>",
        f'<h1 id="appendix-glossary">{said_html(ctx, "Appendix D. Glossary")}</h1>',
        '<dl class="glossary">', *items, "</dl>", "</section>",
    ])


def _approval(ctx: RenderContext) -> str:
    policy = ctx.policy
    approval = policy.approval
    people = policy.people()
    facts = [("Policy", ctx.words(policy.title)), ("Version", ctx.words(policy.version)),
             ("Approved by", ctx.words(approval.approved_by or "")),
             ("Approved on", _e(date(ctx, policy.approved_on))),
             ("Review cycle", _e(ctx.say(CYCLE_WORDS[policy.review_cycle_years].capitalize()))),
             ("Next review due", _e(date(ctx, policy.next_review))),
             ("Review led by", ctx.words(approval.review_responsibility or "")),
             ("Content fingerprint", f'<span class="fingerprint">{_e(policy.fingerprint)}</span>')]
    rows = "\n".join(f'<tr><th scope="row">{said_html(ctx, label)}</th><td>{value}</td></tr>'
                     for label, value in facts if value)
    signers = []
    for role, key in SIGNERS:
        name = ctx.words(people[key].name) if key in people else ""
        signers.append(f'<tr><td class="role">{_e(ctx.say(role))}</td><td class="name">{name}</td>'
                       '<td class="line"><span class="rule"></span></td>'
                       '<td class="line"><span class="rule"></span></td></tr>')
    return "\n".join([
        '<section class="page-break">',
        f'<h1 id="approval">{said_html(ctx, "Approval")}</h1>',
        "<p>" + said_html(ctx, "This policy was approved by the governing body of {school} as follows, and is signed "
                               "on its behalf.", school=ctx.words(policy.school_name)) + "</p>",
        f'<table class="approval"><tbody>\n{rows}\n</tbody></table>',
        '<table class="signatures"><colgroup><col><col><col style="width:32%"><col style="width:20%"></colgroup>',
        "<thead><tr>" + "".join(f'<th scope="col">{said_html(ctx, head)}</th>' for head in ("Role", "Name", "Signed", "Date"))
        + "</tr></thead>",
        "<tbody>", *signers, "</tbody></table>", "</section>",
    ])


def policy_document(ctx: RenderContext, pages: dict[str, int] | None = None) -> str:
    """The formal policy as one HTML document; `pages` maps each contents anchor to its page number."""
    policy = ctx.policy
    body = "\n".join([_cover(ctx), _contents(ctx, pages), _sections(ctx), _appendix_roles(ctx),
                      _appendix_legislation(ctx), _appendix_policies(ctx), _appendix_glossary(ctx),
                      _approval(ctx)])
    return _page(body, f"{ctx.words(policy.school_name)}: {ctx.words(policy.title)} {ctx.words(policy.version)}",
                 _lang(ctx))


def footer_text(ctx: RenderContext, leaflet: bool = False) -> str:
    """The running footer's words before the page numbers, escaped for Chromium's footer template."""
    policy = ctx.policy
    what = ctx.say("Information for parents and carers") if leaflet else \
        ctx.say("{title} version {version}", title=policy.title, version=policy.version)
    return f"{_e(policy.school_name)} · {_e(what)}"


_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9“\"'(])")


def first_sentence(text: str) -> str:
    return _SENTENCE.split(" ".join(text.split()), maxsplit=1)[0]


def _contact(ctx: RenderContext) -> str:
    policy = ctx.policy
    contacts = policy.profile.contacts
    people = policy.people()
    lines = []
    office = contacts.office
    if office.email or office.phone:
        parts = [ctx.words(office.phone) if office.phone else "", ctx.words(office.email) if office.email else ""]
        lines.append(f"<p><strong>{said_html(ctx, 'School office:')}</strong> {' · '.join(p for p in parts if p)}</p>")
    dsl = people.get("dsl")
    if dsl:
        email = f", {ctx.words(dsl.email)}" if dsl.email else ""
        worried = said_html(ctx, "Worried about a child's safety?")
        tell = said_html(ctx, "Tell us straight away: {name}, {role}{email}. If a child is in immediate danger, call 999.",
                         name=ctx.words(dsl.name), role=ctx.words(dsl.role or ""), email=email)
        lines.append(f"<p><strong>{worried}</strong> {tell}</p>")
    complaints = contacts.complaints
    if complaints.summary:
        summary = ctx.words(complaints.summary)
        lines.append(f"<p><strong>{said_html(ctx, 'Unhappy with something?')}</strong> "
                     + said_html(ctx, "Please do not post about it; {complaints}.", complaints=summary) + "</p>")
    website = policy.profile.school.website
    if website:
        lines.append(f"<p><strong>{said_html(ctx, 'The full policy:')}</strong> {ctx.words(website)}</p>")
    return "\n".join(['<div class="contact">', f"<h2>{said_html(ctx, 'How to contact us')}</h2>", *lines, "</div>"])


def parents_leaflet(ctx: RenderContext, short: bool = False) -> str:
    """A one- or two-page leaflet from the parents' guide; `short` keeps each summary's first sentence."""
    policy = ctx.policy
    guide = policy.guides["parents"]
    second = other_name(policy)
    out = ['<div class="leaflet">', '<header class="leaflet-head">',
           f'<p class="school">{ctx.words(policy.school_name)}</p>',
           f'<p class="second"{_lang_attribute(second[1])}>{ctx.words(second[0])}</p>' if second else "",
           f"<h1>{_e(ctx.say(LEAFLET_TITLE))}</h1>", "</header>", '<div class="leaflet-columns">']
    for group in guide.groups:
        out.append(f"<section><h2>{ctx.words(group.title)}</h2>")
        for topic in group.topics:
            out.append(f"<h3>{ctx.words(topic.title)}</h3><ul>")
            for clause_id in topic.clauses:
                clause = policy.clauses.get(clause_id)
                if clause is None:
                    continue
                text = (ctx.words(first_sentence(clause.summary_for(guide.audience))) if short
                        else ctx.clause_text(clause, guide.audience))
                out.append(f"<li>{text}</li>")
            out.append("</ul>")
        out.append("</section>")
    out += [_contact(ctx), "</div>", "</div>"]
    return _page("\n".join(out), f"{ctx.words(policy.school_name)}: {_e(ctx.say(LEAFLET_TITLE))}", _lang(ctx))
