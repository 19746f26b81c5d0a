"""Quizzes and checklists in the real browser: feedback, score, memory, keyboard use, no-JavaScript reading."""

from __future__ import annotations

import re

import pytest

from browser_tools import axe_violations, site_pages
from macros.placeholders import fill, known_values

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def questions(policy):
    """The questions of a quiz, as this school's options select them."""
    return policy.questions


def words(policy, text: str) -> str:
    """Text from the data as the reader sees it: placeholders filled, layout ignored."""
    return " ".join(fill(text, known_values(policy)).split())


def correct_indexes(question) -> list[int]:
    return [i for i, option in enumerate(question.options) if option.correct]


def wrong_index(question) -> int:
    return next(i for i, option in enumerate(question.options) if not option.correct)


def answer(page, question, indexes: list[int]) -> None:
    block = page.locator(f"#q-{question.id}")
    for index in indexes:
        block.locator(f"#q-{question.id}-{index + 1}").check()
    block.locator(".quiz-check").click()


def feedback(page, question) -> str:
    return page.locator(f"#q-{question.id} .quiz-feedback").inner_text()


def test_right_and_wrong_answers_get_their_own_feedback(site_url, page, policy, questions):
    first, second = questions("parents")[:2]
    page.goto(site_url + "quiz-parents/")
    answer(page, first, correct_indexes(first))
    text = feedback(page, first)
    assert text.startswith("Right.")
    assert words(policy, first.options[correct_indexes(first)[0]].feedback)[:40] in " ".join(text.split())
    wrong = wrong_index(second)
    answer(page, second, [wrong])
    text = feedback(page, second)
    assert text.startswith("Not quite.")
    assert words(policy, second.options[wrong].feedback)[:40] in " ".join(text.split())
    link = page.locator(f"#q-{second.id} .quiz-feedback a").first
    assert "policy/#" in link.get_attribute("href")
    assert page.locator(".quiz-score").inner_text().startswith("Score: 1 of 2 answered correctly")


def multiple_answer_question(built_site) -> tuple[str, str] | None:
    """(page, question id) of the first question in the built site answered with check boxes, if any."""
    for relative in site_pages(built_site):
        text = (built_site / relative / "index.html").read_text(encoding="utf-8")
        for anchor, block in re.findall(r'<div class="quiz-question"[^>]*\bid="([^"]+)"(.*?)class="quiz-feedback"',
                                        text, re.S):
            if 'type="checkbox"' in block:
                return relative, anchor
    return None


def test_multiple_answer_questions_need_every_right_box_and_no_wrong_one(built_site, site_url, page):
    found = multiple_answer_question(built_site)
    if found is None:
        pytest.skip("no quiz question of this policy has `multiple: true`")
    relative, anchor = found
    page.goto(site_url + relative)
    block = page.locator(f"#{anchor}")
    boxes = block.locator("input[type=checkbox]")
    right = [i for i in range(boxes.count()) if boxes.nth(i).get_attribute("data-correct") == "true"]
    wrong = [i for i in range(boxes.count()) if boxes.nth(i).get_attribute("data-correct") == "false"]
    assert right and wrong
    assert "Choose all that apply." in block.locator("legend").inner_text()

    def option_feedback(index: int) -> str:
        text = block.locator(f'.quiz-option-feedback[data-option="{index}"]').text_content()
        return " ".join(text.split())

    def shown() -> str:
        return " ".join(block.locator(".quiz-feedback").inner_text().split())

    score = page.locator(".quiz-score")
    # first answer, the one that counts: a right box and a wrong one ticked together
    boxes.nth(right[0]).check()
    boxes.nth(wrong[0]).check()
    assert boxes.nth(right[0]).is_checked() and boxes.nth(wrong[0]).is_checked()  # boxes, not radio buttons
    block.locator(".quiz-check").click()
    assert shown().startswith("Not quite.")
    assert option_feedback(right[0]) in shown() and option_feedback(wrong[0]) in shown()
    assert block.locator(".quiz-feedback").get_attribute("class") == "quiz-feedback is-wrong"
    assert score.inner_text().startswith("Score: 0 of 1 answered correctly")
    # every right box and no wrong one: right, though the first answer still gives the score
    boxes.nth(wrong[0]).uncheck()
    for index in right:
        boxes.nth(index).check()
    block.locator(".quiz-check").click()
    assert shown().startswith("Right.")
    assert all(option_feedback(index) in shown() for index in right)
    assert option_feedback(wrong[0]) not in shown()
    assert score.inner_text().startswith("Score: 0 of 1 answered correctly")
    # start again: only some of the right boxes is not enough; all of them scores
    page.locator(".quiz-reset").click()
    assert not any(boxes.nth(i).is_checked() for i in range(boxes.count()))
    if len(right) > 1:
        boxes.nth(right[0]).check()
        block.locator(".quiz-check").click()
        assert shown().startswith("Not quite.")
        page.locator(".quiz-reset").click()
    for index in right:
        boxes.nth(index).check()
    block.locator(".quiz-check").click()
    assert shown().startswith("Right.")
    assert score.inner_text().startswith("Score: 1 of 1 answered correctly")


def test_feedback_is_announced_to_screen_readers(site_url, page, questions):
    page.goto(site_url + "quiz-parents/")
    region = page.locator(f"#q-{questions('parents')[0].id} .quiz-feedback")
    assert region.get_attribute("role") == "status" and region.get_attribute("aria-live") == "polite"


def test_progress_survives_a_reload_and_reset_clears_it(site_url, page, questions):
    first = questions("parents")[0]
    page.goto(site_url + "quiz-parents/")
    answer(page, first, [wrong_index(first)])
    page.reload()
    assert page.locator(f"#q-{first.id}-{wrong_index(first) + 1}").is_checked()
    assert feedback(page, first).startswith("Not quite.")
    assert page.locator(".quiz-score").inner_text().startswith("Score: 0 of 1")
    page.locator(".quiz-reset").click()
    assert not page.locator(f"#q-{first.id}-{wrong_index(first) + 1}").is_checked()
    page.reload()
    assert feedback(page, first) == ""
    assert page.locator(".quiz-score").inner_text().startswith("Score: 0 of 0")


def test_finishing_shows_score_clauses_to_revise_and_a_completion_record(site_url, page, policy, questions):
    quiz = questions("pupils")
    page.goto(site_url + "quiz-pupils/")
    wrong_question = quiz[0]
    for question in quiz:
        answer(page, question, [wrong_index(question)] if question is wrong_question else correct_indexes(question))
    summary = page.locator(".quiz-summary")
    assert summary.is_visible()
    assert f"You answered {len(quiz) - 1} of {len(quiz)} questions correctly." in summary.inner_text()
    revise = summary.locator(".quiz-summary-revise a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert sorted(h.split("#")[1] for h in revise) == sorted(set(wrong_question.clauses))
    page.fill("#record-name", "Alex Example")
    record = summary.locator(".record-fields").inner_text()
    for expected in ("Alex Example", f"{len(quiz) - 1} of {len(quiz)}", policy.version, policy.fingerprint):
        assert expected in record
    page.reload()
    assert page.locator("#record-name").input_value() == "Alex Example"


def tab_until(page, script: str, limit: int = 60) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(script):
            return
    raise AssertionError(f"Tab never reached: {script}")


def test_the_whole_quiz_can_be_done_with_the_keyboard(site_url, page, questions):
    quiz = questions("pupils")
    page.goto(site_url + "quiz-pupils/")
    for question in quiz:
        qid = question.id
        if question.multiple:  # check boxes: each is its own stop, Space ticks it
            for target in correct_indexes(question):
                tab_until(page, f"document.activeElement.id === 'q-{qid}-{target + 1}'")
                page.keyboard.press("Space")
        else:
            tab_until(page, f"document.activeElement.name === 'q-{qid}'")
            target = correct_indexes(question)[0]
            page.keyboard.press("Space")  # choose the first option
            for _ in range(target):
                page.keyboard.press("ArrowDown")  # arrow keys move the choice and never submit
        assert feedback(page, question) == ""
        assert all(page.locator(f"#q-{qid}-{i + 1}").is_checked() for i in correct_indexes(question))
        tab_until(page, f"document.activeElement.closest('#q-{qid}') && "
                        "document.activeElement.classList.contains('quiz-check')")
        page.keyboard.press("Enter")
        assert feedback(page, question).startswith("Right.")
    assert f"You answered {len(quiz)} of {len(quiz)}" in page.locator(".quiz-summary").inner_text()


def test_a_checklist_tick_survives_a_reload(site_url, page):
    page.goto(site_url + "checklists/")
    checklist = f".checklist[data-checklist='{page.locator('.checklist').first.get_attribute('data-checklist')}']"
    box = page.locator(f"{checklist} input[type=checkbox]").first
    box.focus()
    page.keyboard.press("Space")
    assert box.is_checked()
    page.reload()
    box = page.locator(f"{checklist} input[type=checkbox]").first
    assert box.is_checked()
    count = page.locator(f"{checklist} .checklist-count").inner_text()
    assert count.startswith("1 of ")
    page.locator(f"{checklist} .checklist-reset").click()
    page.reload()
    assert not page.locator(f"{checklist} input[type=checkbox]").first.is_checked()


def test_quiz_and_checklists_pass_axe_after_interaction(site_url, page, questions):
    first = questions("parents")[0]
    page.goto(site_url + "quiz-parents/")
    answer(page, first, [wrong_index(first)])
    assert axe_violations(page) == []
    page.goto(site_url + "checklists/")
    page.locator(".checklist input[type=checkbox]").first.check()
    assert axe_violations(page) == []


def test_without_javascript_the_answers_are_still_reachable(browser, site_url, policy, questions):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(site_url + "quiz-staff/")
        first = questions("staff")[0]
        block = page.locator(f"#q-{first.id}")
        assert block.locator("input").count() == len(first.options)
        assert not block.locator(".quiz-check").is_visible()  # no dead button without the script
        block.locator("details.quiz-answer summary").click()
        shown = " ".join(block.locator("details.quiz-answer").inner_text().split())
        assert "Right answer" in shown
        if first.explanation:
            assert words(policy, first.explanation)[:40] in shown
        page.goto(site_url + "checklists/")
        items = sum(len(policy.items(checklist_id)) for checklist_id in policy.checklists)
        assert page.locator(".checklist input[type=checkbox]").count() == items
    finally:
        context.close()


def test_no_request_leaves_the_device(site_url, page, questions):
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
