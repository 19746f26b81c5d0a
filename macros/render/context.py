"""What every renderer needs besides the policy: filled placeholders and the back-link index."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .. import editions, markup
from ..interface import Interface
from ..changes import review_changes
from ..model import Clause, Policy
from ..placeholders import fill, known_values
from ..references import Backlink, incoming_references
from ..site_map import link


@dataclass
class RenderContext:
    policy: Policy
    data_dir: Path | None = None  # for the snapshots of approved versions
    edition: str = editions.PUBLIC  # public or reviewer (macros/editions.py)
    interface: Interface = field(default_factory=Interface)  # the interface's words in the page's language

    @property
    def language(self) -> str:
        return self.interface.language

    def say(self, english: str, **values) -> str:
        """Interface words (not policy) in the page's language: `ctx.say("Check my answers")`. The result
        is plain text: escape it like any other text where it reaches Markdown or HTML."""
        return self.interface.say(english, **values)

    @property
    def reviewer(self) -> bool:
        return self.edition == editions.REVIEWER

    def shows(self, part: str) -> bool:
        """Whether this edition shows a reviewer-only page part declared in macros/editions.py."""
        return editions.shows(self.edition, part)

    @cached_property
    def values(self) -> dict[str, str]:
        return known_values(self.policy)

    @cached_property
    def incoming(self) -> dict[str, list[Backlink]]:
        found = incoming_references(self.policy)
        if self.reviewer:
            return found
        hidden = {link("checklist", checklist_id) for checklist_id in editions.REVIEWER_CHECKLISTS}
        return {clause_id: [b for b in backlinks if b.target not in hidden] for clause_id, backlinks in found.items()}

    @cached_property
    def changes(self):
        """(changes since the version in force was approved, changes that version made), read once."""
        return review_changes(self.policy.english or self.policy, self.data_dir)  # approved in English

    def words(self, raw: str) -> str:
        """Data text with placeholders filled, escaped for Markdown."""
        return markup.text(fill(raw, self.values))

    def clause_link(self, clause_id: str, with_title: bool = True) -> str:
        clause = self.policy.clauses.get(clause_id)
        if clause is None:
            return markup.text(clause_id)
        label = f"{clause.number} {clause.title}" if with_title else clause.number
        return markup.link(label, link("clause", clause.id))

    def clause_text(self, clause: Clause, audience: str | None = None) -> str:
        return self.words(clause.summary_for(audience) if audience else clause.text)
