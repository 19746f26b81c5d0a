"""The acknowledgement after a self-check or a checklist: "I have read the policy", a printable record,
an e-mail to the school and a short code the register command reads back. Nothing here sends anything:
the script fills the record on the reader's device, and the reader chooses to print or send it."""

from __future__ import annotations

from .. import markup
from .context import RenderContext
from .words import said


def acknowledgement_address(ctx: RenderContext) -> str:
    """Where staff send their records: the school's acknowledgements address, or else its office."""
    contacts = ctx.policy.profile.contacts
    return contacts.acknowledgements.email or contacts.office.email


def form(ctx: RenderContext, key: str, statement: str, about: bool = False) -> str:
    """The form and the record it fills; `key` keeps the ids of several forms on one page apart."""
    address = markup.attribute(acknowledgement_address(ctx))
    space = '<span class="signature-space"></span>'
    return "\n".join([
        f'<section class="ack" id="ack-{key}" data-ack data-mailto="{address}" '
        f'aria-labelledby="ack-{key}-title" hidden>',
        f'<p class="ack-title" id="ack-{key}-title" role="heading" aria-level="2">'
        f'{said(ctx, "Tell the school you have done it")}</p>',
        '<p class="ack-intro">' + said(ctx, "Fill in your name and role, then print the record or e-mail it to "
                                      "{address}. Nothing is sent unless you send it.",
                                      address=markup.text(acknowledgement_address(ctx))) + "</p>",
        f'<p class="ack-field"><label for="ack-{key}-name">{said(ctx, "Your name")}</label> '
        f'<input type="text" id="ack-{key}-name" data-field="name" autocomplete="name" maxlength="120"></p>',
        f'<p class="ack-field"><label for="ack-{key}-role">{said(ctx, "Your role")}</label> '
        f'<input type="text" id="ack-{key}-role" data-field="role" autocomplete="organization-title" '
        'maxlength="120"></p>',
        *([f'<p class="ack-field"><label for="ack-{key}-about">'
            f'{said(ctx, "What it is for (for example the account or proposal)")}'
            f'</label> <input type="text" id="ack-{key}-about" data-field="about" maxlength="120"></p>']
          if about else []),
        f'<p class="ack-field ack-confirm"><input type="checkbox" id="ack-{key}-confirm" data-field="confirmed"> '
        f'<label for="ack-{key}-confirm">{markup.text(statement)}</label></p>',
        '<div class="ack-record">',
        f'<p class="ack-record-title" role="heading" aria-level="3">{said(ctx, "Acknowledgement record")}</p>',
        '<dl class="ack-fields"></dl>',
        f'<p class="ack-signature">{said(ctx, "Signed:")} {space}</p>',
        f'<p class="ack-signature">{said(ctx, "Received for the school by:")} {space} {said(ctx, "Date:")} {space}</p>',
        '</div>',
        '<p class="ack-missing" role="status" aria-live="polite"></p>',
        '<p class="ack-actions"><button type="button" class="md-button md-button--primary ack-print">'
        f'{said(ctx, "Print the record")}</button> <a class="md-button ack-send" href="#">'
        f'{said(ctx, "E-mail it to the school")}</a></p>',
        '<p class="ack-note">' + said(ctx, "The code on the record lets the school check that the record was copied "
                                     "correctly and read it into its register. It is a convenience, not a proof: "
                                     "anyone could make a record like this, so the school may still ask you to "
                                     "sign it.") + "</p>",
        '</section>',
    ])


def paper_lines(ctx: RenderContext) -> str:
    """Lines to fill in by hand, shown only when a checklist is printed as a blank form."""
    def row(label: str) -> str:
        return f'<p class="signature-line">{said(ctx, label)}: <span class="signature-space"></span></p>'
    return "\n".join(['<div class="checklist-paper" aria-hidden="true">', row("What it is for (the account or proposal)"),
                      row("Completed by"), row("Date"), row("Signed"), "</div>"])
