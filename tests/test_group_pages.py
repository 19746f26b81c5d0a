"""The group's pages highlight what needs attention: an overdue review and a replacement the group's
rewording made stale (build-all refuses to publish the second; the pages still name it for reviewers)."""

from __future__ import annotations

import datetime as dt
import html
import shutil

from conftest import DATA
from macros.engine import load_schools
from macros.loading import load_files
from macros.model import Policy, school_ids
from macros.render import trust


def test_an_overdue_review_is_highlighted_for_that_school_only():
    policies, problems = load_schools(DATA)
    assert problems == []
    first, *others = policies.values()
    today = first.next_review + dt.timedelta(days=1)
    page = trust.review_page(policies, today)
    assert f'<strong class="trust-alert">Review overdue since {trust._t(trust.long_date(first.next_review))}' in page
    assert page.count("Review overdue since") == sum(p.is_overdue(today) for p in policies.values())
    assert trust.text_report(policies, today).count("Review overdue since") == page.count("Review overdue since")


def test_a_stale_replacement_is_highlighted_on_the_variations_page(tmp_path):
    data = tmp_path / "policy_data"
    shutil.copytree(DATA, data)
    section = data / "sections" / "posting.yml"
    section.write_text(section.read_text(encoding="utf-8").replace("not text speak", "never text speak", 1),
                       encoding="utf-8")
    files, problems = load_files(data)
    assert problems == []
    policies = {school_id: Policy(files, school_id) for school_id in school_ids(files)}
    stale = [r for r in trust.replacements(policies) if r.stale]
    assert [(r.school_id, r.replaces) for r in stale] == [("nant-y-garth", "posting.clear-writing")]
    page = trust.variations_page(policies)
    assert page.count('<strong class="trust-alert">Stale: the shared clause was reworded') == 1
    assert "1 local replacement to re-read" in trust.home_page(policies)


def test_shared_text_names_each_schools_own_values_in_brackets():
    policies, _ = load_schools(DATA)
    group = next(iter(policies.values())).group
    shown = html.unescape(trust.shared_text("Tell {people.dsl.name} at {school.name}; {group.name} decides.", group))
    assert shown == f"Tell [dsl name] at [school name]; {group.group.name} decides."
