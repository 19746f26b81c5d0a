"""Quizzes and checklists in the real browser: feedback, score, memory, keyboard use, no-JavaScript reading."""

from __future__ import annotations

import pytest

from browser_tools import axe_violations
from conftest import DATA
from macros.engine import load_policy

pytestmark = pytest.mark.browser

POLICY, _ = load_policy(DATA)


def questions(quiz_id: str) -> list[dict]:
    return POLICY.questions(quiz_id)


def correct_indexes(question: dict) -> list[int]:
    return [i for i, option in enumerate(question["options"]) if option["correct"]]


def wrong_index(question: dict) -> int:
    return next(i for i, option in enumerate(question["options"]) if not option["correct"])


def answer(page, question: dict, indexes: list[int]) -> None:
    block = page.locator(f"#q-{question['id']}")
    for index in indexes:
        block.locator(f"#q-{question['id']}-{index + 1}").check()
    block.locator(".quiz-check").click()


def feedback(page, question: dict) -> str:
    return page.locator(f"#q-{question['id']} .quiz-feedback").inner_text()


def test_right_and_wrong_answers_get_their_own_feedback(site_url, page):
    first, second = questions("parents")[:2]
    page.goto(site_url + "quiz-parents/")
    answer(page, first, correct_indexes(first))
    text = feedback(page, first)
    assert text.startswith("Right.")
    assert " ".join(first["options"][correct_indexes(first)[0]]["feedback"].split())[:40] in " ".join(text.split())
    wrong = wrong_index(second)
    answer(page, second, [wrong])
    text = feedback(page, second)
    assert text.startswith("Not quite.")
    assert " ".join(second["options"][wrong]["feedback"].split())[:40] in " ".join(text.split())
    link = page.locator(f"#q-{second['id']} .quiz-feedback a").first
    assert "policy/#" in link.get_attribute("href")
    assert page.locator(".quiz-score").inner_text().startswith("Score: 1 of 2 answered correctly")


def test_feedback_is_announced_to_screen_readers(site_url, page):
    page.goto(site_url + "quiz-parents/")
    region = page.locator(f"#q-{questions('parents')[0]['id']} .quiz-feedback")
    assert region.get_attribute("role") == "status" and region.get_attribute("aria-live") == "polite"


def test_progress_survives_a_reload_and_reset_clears_it(site_url, page):
    first = questions("parents")[0]
    page.goto(site_url + "quiz-parents/")
    answer(page, first, [wrong_index(first)])
    page.reload()
    assert page.locator(f"#q-{first['id']}-{wrong_index(first) + 1}").is_checked()
    assert feedback(page, first).startswith("Not quite.")
    assert page.locator(".quiz-score").inner_text().startswith("Score: 0 of 1")
    page.locator(".quiz-reset").click()
    assert not page.locator(f"#q-{first['id']}-{wrong_index(first) + 1}").is_checked()
    page.reload()
    assert feedback(page, first) == ""
    assert page.locator(".quiz-score").inner_text().startswith("Score: 0 of 0")


def test_finishing_shows_score_clauses_to_revise_and_a_completion_record(site_url, page):
    quiz = questions("pupils")
    page.goto(site_url + "quiz-pupils/")
    wrong_question = quiz[0]
    for question in quiz:
        answer(page, question, [wrong_index(question)] if question is wrong_question else correct_indexes(question))
    summary = page.locator(".quiz-summary")
    assert summary.is_visible()
    assert f"You answered {len(quiz) - 1} of {len(quiz)} questions correctly." in summary.inner_text()
    revise = summary.locator(".quiz-summary-revise a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert sorted(h.split("#")[1] for h in revise) == sorted(set(wrong_question["clauses"]))
    page.fill("#record-name", "Alex Example")
    record = summary.locator(".record-fields").inner_text()
    for expected in ("Alex Example", f"{len(quiz) - 1} of {len(quiz)}", POLICY.version, POLICY.fingerprint):
        assert expected in record
    page.reload()
    assert page.locator("#record-name").input_value() == "Alex Example"


def tab_until(page, script: str, limit: int = 60) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(script):
            return
    raise AssertionError(f"Tab never reached: {script}")


def test_the_whole_quiz_can_be_done_with_the_keyboard(site_url, page):
    quiz = questions("pupils")
    page.goto(site_url + "quiz-pupils/")
    for question in quiz:
        qid = question["id"]
        tab_until(page, f"document.activeElement.name === 'q-{qid}'")
        target = correct_indexes(question)[0]
        page.keyboard.press("Space")  # choose the first option
        for _ in range(target):
            page.keyboard.press("ArrowDown")  # arrow keys move the choice and never submit
        assert feedback(page, question) == ""
        assert page.locator(f"#q-{qid}-{target + 1}").is_checked()
        tab_until(page, f"document.activeElement.closest('#q-{qid}') && "
                        "document.activeElement.classList.contains('quiz-check')")
        page.keyboard.press("Enter")
        assert feedback(page, question).startswith("Right.")
    assert f"You answered {len(quiz)} of {len(quiz)}" in page.locator(".quiz-summary").inner_text()


def test_a_checklist_tick_survives_a_reload(site_url, page):
    page.goto(site_url + "checklists/")
    box = page.locator(".checklist[data-checklist='before-you-post'] input[type=checkbox]").first
    box.focus()
    page.keyboard.press("Space")
    assert box.is_checked()
    page.reload()
    box = page.locator(".checklist[data-checklist='before-you-post'] input[type=checkbox]").first
    assert box.is_checked()
    count = page.locator(".checklist[data-checklist='before-you-post'] .checklist-count").inner_text()
    assert count.startswith("1 of ")
    page.locator(".checklist[data-checklist='before-you-post'] .checklist-reset").click()
    page.reload()
    assert not page.locator(".checklist[data-checklist='before-you-post'] input[type=checkbox]").first.is_checked()


def test_quiz_and_checklists_pass_axe_after_interaction(site_url, page):
    first = questions("parents")[0]
    page.goto(site_url + "quiz-parents/")
    answer(page, first, [wrong_index(first)])
    assert axe_violations(page) == []
    page.goto(site_url + "checklists/")
    page.locator(".checklist input[type=checkbox]").first.check()
    assert axe_violations(page) == []


def test_without_javascript_the_answers_are_still_reachable(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(site_url + "quiz-staff/")
        first = questions("staff")[0]
        block = page.locator(f"#q-{first['id']}")
        assert block.locator("input").count() == len(first["options"])
        assert not block.locator(".quiz-check").is_visible()  # no dead button without the script
        block.locator("details.quiz-answer summary").click()
        explanation = " ".join(first["explanation"].split())[:40]
        assert explanation in " ".join(block.locator("details.quiz-answer").inner_text().split())
        page.goto(site_url + "checklists/")
        assert page.locator(".checklist input[type=checkbox]").count() > 20
    finally:
        context.close()


def test_no_request_leaves_the_device(site_url, page):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(site_url + "quiz-parents/")
    first = questions("parents")[0]
    answer(page, first, correct_indexes(first))
    page.reload()
    assert all(url.startswith(site_url.split("/handbook/")[0]) for url in requests)


@pytest.mark.parametrize("path,controls", [
    ("checklists/", ".checklist input, .checklist-reset"),
    ("quiz-parents/", ".quiz-option:first-of-type > input, .quiz-check, details.quiz-answer > summary, .quiz-reset"),
])
def test_keyboard_reaches_every_control(site_url, page, path, controls):
    """Tab from the top of the page to the bottom reaches each control (a radio group is one stop, at its
    first option while none is chosen)."""
    page.goto(site_url + path)
    total = page.eval_on_selector_all(controls, "els => els.length")
    reached = set()
    for _ in range(total * 2 + 80):
        page.keyboard.press("Tab")
        reached.add(page.evaluate("selector => Array.from(document.querySelectorAll(selector))"
                                  ".indexOf(document.activeElement)", controls))
    reached.discard(-1)
    assert len(reached) == total, f"reached {len(reached)} of {total} controls"
