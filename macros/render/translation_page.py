"""The translation status page of the reviewer's edition: for each language the school publishes besides
English, how much of each page is translated, checked, stale or still to do, where each stale translation
is, the state of the translated pages, and the term list."""

from __future__ import annotations

from pathlib import Path

from .. import markup
from ..editions import REVIEWER_PAGES
from ..languages import NAMES
from ..terms import read_terms
from ..translation_report import (languages_to_check, required_complete, stale_advice, translation_status,
                                  data_dir_shown)
from ..translations import LANGUAGE_NAMES
from .context import RenderContext

DOCS = Path(__file__).resolve().parent.parent.parent / "docs"
COLUMNS = ("Page", "Checked", "Draft", "Stale", "Not yet translated")


def _row(cells) -> str:
    return "| " + " | ".join(cells) + " |"


def status_page(ctx: RenderContext) -> str:
    policy = ctx.policy
    languages = languages_to_check(policy)
    if not languages or ctx.data_dir is None:
        return (f"{markup.text(policy.profile.school.name)} publishes its handbook in English only. A school "
                f"that publishes in Welsh too lists its languages in {markup.text(policy.profile_file)} "
                "(`languages: [cy, en]`, its site's own language first).")
    out = []
    for language in languages:
        out += _language_part(ctx, language)
    return "\n".join(out)


def _language_part(ctx: RenderContext, language: str) -> list[str]:
    policy = ctx.policy
    pages = sorted(p.name for p in DOCS.glob("*.md") if p.name not in REVIEWER_PAGES)
    status = translation_status(policy, ctx.data_dir, language, DOCS, pages)
    name = LANGUAGE_NAMES.get(language, language)
    total = status.total
    everything = sum(total.values())
    done = total["current-checked"] + total["current-draft"]
    rule = ("The school asks for a complete, current translation: the check fails until there is one."
            if required_complete(policy) else
            "Until a field is translated (or while its translation is stale) the page shows the English, marked "
            "as English for readers and screen readers.")
    out = [f"## {name} ({NAMES.get(language, language)})", "",
           f"{done} of {everything} fields of the data are translated: {total['current-checked']} checked by a "
           f"{name} speaker, {total['current-draft']} still a draft. {total['stale']} are stale (the English "
           f"changed after they were translated) and {total['missing']} are not yet translated. {rule}", "",
           _row(COLUMNS), _row(["---"] + ["--:"] * (len(COLUMNS) - 1))]
    for page in status.pages.values():
        counts = page.counts
        out.append(_row([markup.text(page.page), str(counts["current-checked"]), str(counts["current-draft"]),
                         str(counts["stale"]), str(counts["missing"])]))
    out += ["", f"### Stale {name} translations", ""]
    stale = {(s.file, s.record): s for s in status.stale}
    shown = data_dir_shown(policy)
    out += [f"- {markup.text(f'{shown}/translations/{language}/{s.file}')} line {s.translation_line}, "
            f"'{markup.text(s.record)}': {markup.text(stale_advice(policy, s))}" for s in stale.values()] or \
        ["None: every translation was made from the English as it is now."]
    out += ["", f"### {name} pages", "", _row(("Page", "Translation", "State")), _row(("---", "---", "---"))]
    for page in status.page_files:
        state = {"current": f"up to date ({page.status})", "stale": "stale: the English page changed",
                 "missing": "none: the English page is shown, marked"}[page.state]
        out.append(_row([markup.text(f"docs/{page.src_uri}"), markup.text(page.file), state]))
    terms, _ = read_terms(ctx.data_dir, language, shown)
    if terms:
        out += ["", f"### Term list ({len(terms)} terms)", "",
                "The check flags a translation whose English uses one of these terms but which does not use the "
                f"{name} term (in any mutation).", "", _row(("English", name, "Source")), _row(("---", "---", "---"))]
        out += [_row([markup.text(t.english), f'<span lang="{language}">{markup.text(t.translated)}</span>',
                      markup.text(t.source)]) for t in terms]
    return out + [""]
