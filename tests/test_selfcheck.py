"""Quizzes in short sets and checklists in the real browser: feedback that names the right answer, strict
scoring, sets that remember their progress, a reset that asks first, the acknowledgement record,
damaged stored values, keyboard use, and reading without JavaScript."""

from __future__ import annotations

import datetime as dt
import json
import re
import urllib.parse

import pytest

from browser_tools import axe_violations
from macros.acknowledgements import decode, encode, name_hash
from macros.editions import REVIEWER_CHECKLISTS
from macros.placeholders import fill, known_values

pytestmark = pytest.mark.browser


def words(policy, text: str) -> str:
    """Text from the data as the reader sees it: placeholders filled, layout ignored."""
    return " ".join(fill(text, known_values(policy)).split())


def flat(text: str) -> str:
    return " ".join(text.split())


def sets_of(policy, quiz_id: str) -> list[list]:
    """The questions of each set of a quiz, in page order, as this school's options select them."""
    shown = policy.questions(quiz_id)
    declared = policy.quizzes[quiz_id].sets
    return [[q for q in shown if q.set == s.id] for s in declared] if declared else [shown]


def public_items(policy) -> int:
    """How many checklist items the public site's checklists page shows (the tests build the public edition)."""
    return sum(len(policy.items(c)) for c in policy.checklists if c not in REVIEWER_CHECKLISTS)


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
    return flat(page.locator(f"#q-{question.id} .quiz-feedback").inner_text())


def answer_all(page, policy, quiz_id: str, wrong: set[str] = frozenset()) -> None:
    """Answer every question through the page's own controls, in one round trip (the tests above click
    one question at a time; this is for the tests about what comes after)."""
    plan = [[q.id, [wrong_index(q)] if q.id in wrong else correct_indexes(q)] for q in policy.questions(quiz_id)]
    page.evaluate("""plan => plan.forEach(([id, indexes]) => {
        indexes.forEach(i => document.getElementById(`q-${id}-${i + 1}`).click());
        document.querySelector(`#q-${id} .quiz-check`).click(); })""", plan)


def test_before_any_answer_no_score_shows_and_the_first_phone_screen_reaches_a_question(browser, site_url, policy):
    context = browser.new_context(viewport={"width": 375, "height": 740})
    page = context.new_page()
    try:
        for quiz_id in policy.quizzes:
            page.goto(site_url + f"quiz-{quiz_id}/")
            assert not page.locator(".quiz-status").is_visible()
            assert "0 of 0" not in page.locator("article").inner_text()
            first_set = page.locator(".quiz-set h2").first.bounding_box()
            assert first_set["y"] < 740, f"quiz-{quiz_id}: the first set starts below the first screen"
            overview = flat(page.locator(".quiz-overview").inner_text())
            total = len(policy.questions(quiz_id))
            assert overview.startswith(f"{total} questions in {len(sets_of(policy, quiz_id))} short sets")
            intro = flat(words(policy, policy.quizzes[quiz_id].description))
            assert flat(page.locator("article").inner_text()).count(intro[:60]) == 1  # said once
    finally:
        context.close()


def test_each_set_is_short_and_numbers_its_own_questions(site_url, page, policy):
    page.goto(site_url + "quiz-staff/")
    sets = sets_of(policy, "staff")
    assert page.locator(".quiz-set").count() == len(sets) > 1
    for number, questions in enumerate(sets):
        block = page.locator(".quiz-set").nth(number)
        assert 5 <= len(questions) <= 8
        assert block.locator(".quiz-question").count() == len(questions)
        assert block.locator(".quiz-number").last.inner_text() == f"Question {len(questions)} of {len(questions)}"


def test_a_wrong_answer_names_the_right_one_and_why_with_a_link(site_url, page, policy):
    question = policy.questions("parents")[1]
    page.goto(site_url + "quiz-parents/")
    answer(page, question, [wrong_index(question)])
    text = feedback(page, question)
    assert text.startswith("Not quite.")
    assert words(policy, question.options[wrong_index(question)].feedback)[:40] in text
    right = correct_indexes(question)[0]
    assert f"The right answer is {'ABCDEF'[right]}: {words(policy, question.options[right].text)}" in text
    cited = [policy.clauses[c] for c in question.clauses]
    clause = next((c for c in cited if c.kind in ("must", "must-not", "should")), cited[0])
    why = words(policy, clause.summary_for("parents"))  # the first cited rule, in its words for parents
    assert f"Why: {why[:40]}" in text
    assert "policy/#" in page.locator(f"#q-{question.id} .quiz-feedback a").first.get_attribute("href")


def test_a_right_answer_says_so_without_naming_others(site_url, page, policy):
    question = policy.questions("parents")[0]
    page.goto(site_url + "quiz-parents/")
    answer(page, question, correct_indexes(question))
    text = feedback(page, question)
    assert text.startswith("Right.") and "The right answer is" not in text


def test_pupils_wrong_answers_send_them_to_their_guide(site_url, page, policy):
    guided = {c for g in policy.guides["pupils"].groups for t in g.topics for c in t.clauses}
    question = next(q for q in policy.questions("pupils") if set(q.clauses) & guided)
    page.goto(site_url + "quiz-pupils/")
    answer(page, question, [wrong_index(question)])
    href = page.locator(f"#q-{question.id} .quiz-feedback a").first.get_attribute("href")
    assert "pupils/#" in href and "policy/" not in href


def test_multiple_answer_questions_need_every_right_box_and_no_wrong_one(site_url, page, policy):
    question = next(q for q in policy.questions("staff") if q.multiple and len(correct_indexes(q)) > 1)
    page.goto(site_url + "quiz-staff/")
    block = page.locator(f"#q-{question.id}")
    right, wrong = correct_indexes(question), wrong_index(question)
    assert "Choose all that apply." in block.locator("legend").inner_text()
    answer(page, question, right + [wrong])  # every right box and one wrong: not right
    assert feedback(page, question).startswith("Not quite.")
    assert "The right answers are" in feedback(page, question)
    assert page.locator(".quiz-score").inner_text().startswith("1 of ")
    assert ", 0 right" in page.locator(".quiz-score").inner_text()
    block.locator(f"#q-{question.id}-{wrong + 1}").uncheck()
    block.locator(".quiz-check").click()
    assert feedback(page, question).startswith("Right.")
    assert ", 0 right" in page.locator(".quiz-score").inner_text()  # the first answer is the one that counts


def test_some_of_the_right_boxes_is_not_enough(site_url, page, policy):
    question = next(q for q in policy.questions("staff") if q.multiple and len(correct_indexes(q)) > 1)
    page.goto(site_url + "quiz-staff/")
    answer(page, question, correct_indexes(question)[:1])
    assert feedback(page, question).startswith("Not quite.")


def tab_until(page, script: str, limit: int = 80) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(script):
            return
    raise AssertionError(f"Tab never reached: {script}")


def test_a_full_staff_set_by_keyboard_only(site_url, page, policy):
    questions = sets_of(policy, "staff")[0]
    page.goto(site_url + "quiz-staff/")
    for question in questions:
        qid = question.id
        if question.multiple:  # check boxes: each is its own stop, Space ticks it
            for target in correct_indexes(question):
                tab_until(page, f"document.activeElement.id === 'q-{qid}-{target + 1}'")
                page.keyboard.press("Space")
        else:
            tab_until(page, f"document.activeElement.name === 'q-{qid}'")
            page.keyboard.press("Space")  # choose the first option
            for _ in range(correct_indexes(question)[0]):
                page.keyboard.press("ArrowDown")  # arrow keys move the choice and never submit
        assert feedback(page, question) == ""
        tab_until(page, f"document.activeElement.closest('#q-{qid}') && "
                        "document.activeElement.classList.contains('quiz-check')")
        page.keyboard.press("Enter")
        assert feedback(page, question).startswith("Right.")
    result = flat(page.locator(".quiz-set").first.locator(".quiz-set-result").inner_text())
    assert result.startswith(f"Set done: {len(questions)} of {len(questions)} right.")
    assert "Next: Set 2 of" in result


def test_start_again_comes_after_the_questions_and_asks_first(site_url, page, policy):
    question = policy.questions("parents")[0]
    page.goto(site_url + "quiz-parents/")
    answer(page, question, correct_indexes(question))
    order = page.evaluate("""() => {
        const all = Array.from(document.querySelectorAll('.quiz-question, .restart-ask'));
        return all.map(e => e.classList.contains('restart-ask') ? 'reset' : 'question'); }""")
    assert order[-1] == "reset" and order.count("reset") == 1
    ask, confirm = page.locator(".quiz .restart-ask"), page.locator(".quiz .restart-confirm")
    ask.click()
    assert confirm.is_visible()
    assert page.evaluate("document.activeElement.classList.contains('restart-no')")  # the safe choice first
    page.keyboard.press("Enter")  # "No, keep them"
    assert not confirm.is_visible() and feedback(page, question).startswith("Right.")
    ask.focus()
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    assert not confirm.is_visible() and feedback(page, question).startswith("Right.")
    ask.click()
    page.locator(".quiz .restart-yes").click()
    assert feedback(page, question) == ""
    assert not page.locator(f"#q-{question.id} input:checked").count()
    page.reload()
    assert feedback(page, question) == "" and not page.locator(".quiz-status").is_visible()


def test_progress_per_set_survives_a_reload(site_url, page, policy):
    first_set = sets_of(policy, "pupils")[0]
    page.goto(site_url + "quiz-pupils/")
    for question in first_set:
        answer(page, question, [wrong_index(question)] if question is first_set[0] else correct_indexes(question))
    page.reload()
    assert page.locator(f"#q-{first_set[0].id}-{wrong_index(first_set[0]) + 1}").is_checked()
    assert feedback(page, first_set[0]).startswith("Not quite.")
    result = flat(page.locator(".quiz-set").first.locator(".quiz-set-result").inner_text())
    assert result.startswith(f"Set done: {len(first_set) - 1} of {len(first_set)} right.")
    assert "To look at again: Question 1 of" in result
    assert page.locator(".quiz-set").nth(1).locator(".quiz-set-result").inner_text() == ""


def boxes_overlap(a, b) -> bool:
    return not (a["x"] + a["width"] <= b["x"] or b["x"] + b["width"] <= a["x"] or
                a["y"] + a["height"] <= b["y"] or b["y"] + b["height"] <= a["y"])


@pytest.mark.parametrize("width", [375, 1280])
def test_nothing_covers_the_score(browser, site_url, policy, width):
    context = browser.new_context(viewport={"width": width, "height": 740})
    page = context.new_page()
    try:
        page.goto(site_url + "quiz-staff/")
        questions = policy.questions("staff")
        answer(page, questions[0], correct_indexes(questions[0]))
        page.locator(f"#q-{questions[6].id}").scroll_into_view_if_needed()
        page.mouse.wheel(0, 1500)
        page.wait_for_timeout(200)
        page.mouse.wheel(0, -400)  # scrolling up brings out the theme's "Back to top" button
        page.wait_for_timeout(400)
        top = page.locator(".md-top")
        assert top.is_visible() and top.get_attribute("hidden") is None
        score = page.locator(".quiz-status").bounding_box()
        assert score["y"] >= 0 and score["height"] > 0
        for cover in (".md-top", ".md-header"):
            assert not boxes_overlap(page.locator(cover).bounding_box(), score), f"{cover} covers the score"
    finally:
        context.close()


def finish_staff_quiz(page, site_url, policy, wrong: str) -> None:
    page.goto(site_url + "quiz-staff/")
    answer_all(page, policy, "staff", wrong={wrong})


def test_the_acknowledgement_makes_a_record_to_print_and_send(site_url, page, policy):
    questions = policy.questions("staff")
    page.goto(site_url + "quiz-staff/")
    ack = page.locator(".quiz .ack")
    answer_all(page, policy, "staff", wrong={questions[0].id})
    assert ack.is_visible()
    summary = flat(page.locator(".quiz-summary").inner_text())
    assert f"You got {len(questions) - 1} of {len(questions)} questions right." in summary
    page.locator(".ack-send").click()  # not yet complete: asks for the name and the statement first
    assert "type your name" in page.locator(".ack-missing").inner_text().lower()
    page.fill("#ack-quiz-staff-name", "Alex Example")
    page.fill("#ack-quiz-staff-role", "Teaching assistant")
    page.check("#ack-quiz-staff-confirm")
    record = flat(ack.locator(".ack-fields").inner_text())
    for expected in ("Alex Example", "Teaching assistant", policy.version, policy.fingerprint,
                     "I have read the policy and completed the self-check.", f"{len(questions) - 1} of {len(questions)}"):
        assert expected in record
    for number, questions_in_set in enumerate(sets_of(policy, "staff"), start=1):
        right = len(questions_in_set) - (1 if number == 1 else 0)
        assert f"{right} of {len(questions_in_set)}" in record
    href = page.locator(".ack-send").get_attribute("href")
    address, query = href[len("mailto:"):].split("?", 1)
    assert address == (policy.profile.contacts.acknowledgements.email or policy.profile.contacts.office.email)
    body = urllib.parse.parse_qs(query)["body"][0]
    fields = dict(line.split(": ", 1) for line in body.splitlines() if ": " in line)
    assert fields["Name"] == "Alex Example" and fields["Policy version"] == policy.version
    today = dt.date.today()
    assert fields["Date"] == today.isoformat()
    assert fields["Code"] == encode(today, "staff", policy.version, "Alex Example", len(questions) - 1, len(questions))
    code = decode(fields["Code"])
    assert code.name_hash == name_hash("alex  EXAMPLE") and code.right == len(questions) - 1
    assert "not a proof" in flat(ack.inner_text())
    page.reload()  # the form is remembered with the answers
    assert page.locator("#ack-quiz-staff-name").input_value() == "Alex Example"


def test_the_printed_record_is_the_record_alone(site_url, page, policy, tmp_path):
    from pypdf import PdfReader
    page.goto(site_url + "quiz-staff/")
    answer_all(page, policy, "staff")
    page.fill("#ack-quiz-staff-name", "Alex Example")
    page.check("#ack-quiz-staff-confirm")
    page.evaluate("() => { document.body.classList.add('printing-record');"
                  " document.querySelector('.quiz .ack').classList.add('is-printing'); }")
    pdf = tmp_path / "record.pdf"
    page.pdf(path=str(pdf), format="A4")
    reader = PdfReader(str(pdf))
    text = flat(" ".join(p.extract_text() for p in reader.pages))
    assert len(reader.pages) == 1
    assert "Alex Example" in text and policy.fingerprint in text and "Received for the school by" in text
    assert "Check answer" not in text and policy.questions("staff")[0].id not in text
    assert "Question 1 of" not in text


DAMAGED = [5, "str", None, [], {"answers": 5}, {"answers": {"QID": None}}, {"answers": {"QID": [None, "99"]}},
           {"answers": {"QID": {"chosen": "0"}, "__proto__": ["0"]}},
           {"answers": {"QID": ["0", "1"]}, "ack": {"name": ["x"], "confirmed": "yes"}, "done": "yesterday"}]


@pytest.mark.parametrize("stored", DAMAGED + ["{not json", "\u0000"], ids=lambda v: json.dumps(v)[:40])
def test_damaged_stored_values_never_stop_a_quiz(site_url, page, policy, stored):
    question = policy.questions("parents")[0]
    quiz = policy.quizzes["parents"]
    key = f"handbook:{policy.version}:{policy.fingerprint}:quiz:{quiz.id}"
    value = stored if isinstance(stored, str) and not stored.startswith("str") else json.dumps(stored)
    value = value.replace("QID", question.id)
    page.goto(site_url + "quiz-parents/")
    page.evaluate("([k, v]) => { localStorage.setItem(k, v); localStorage.setItem('handbook:0.9:00000000:quiz:"
                  "parents', v); }", [key, value])
    page.reload()  # the page fixture fails the test on any script error
    assert feedback(page, question) == ""
    answer(page, question, correct_indexes(question))
    assert feedback(page, question).startswith("Right.")
    page.reload()
    assert feedback(page, question).startswith("Right.")


def test_sound_parts_of_a_stored_value_are_kept(site_url, page, policy):
    first, second = policy.questions("parents")[:2]
    key = f"handbook:{policy.version}:{policy.fingerprint}:quiz:parents"
    stored = {"answers": {first.id: [str(correct_indexes(first)[0])], second.id: None, "gone": ["0"]}, "ack": 3}
    page.goto(site_url + "quiz-parents/")
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [key, json.dumps(stored)])
    page.reload()
    assert feedback(page, first).startswith("Right.") and feedback(page, second) == ""
    kept = json.loads(page.evaluate("k => localStorage.getItem(k)", key) or "{}")
    assert kept == stored  # nothing is written back until the reader does something
    answer(page, second, correct_indexes(second))
    kept = json.loads(page.evaluate("k => localStorage.getItem(k)", key))
    assert set(kept["answers"]) == {first.id, second.id}


def test_pupils_pages_use_no_technical_words(site_url, page):
    page.goto(site_url + "quiz-pupils/")
    text = page.locator("article").inner_text().lower()
    for word in ("javascript", "local storage", "browser storage", "localstorage", "browser"):
        assert word not in text, word


def test_checklist_clause_links_are_links_and_no_markdown_shows(site_url, page, policy):
    page.goto(site_url + "checklists/")
    text = page.locator("article").inner_text()
    assert not re.search(r"\]\(|policy\.md#|\[\d", text), "raw Markdown on the checklists page"
    items = public_items(policy)
    assert page.locator(".checklist-ref").count() == items
    assert page.locator(".checklist-ref a").count() >= items
    href = page.locator(".checklist-ref a").first.get_attribute("href")
    assert "policy/#" in href


def test_a_checklist_tick_survives_a_reload_and_clearing_asks_first(site_url, page):
    page.goto(site_url + "checklists/")
    checklist = page.locator(".checklist").first
    box = checklist.locator("input[type=checkbox][data-item]").first
    box.focus()
    page.keyboard.press("Space")
    page.reload()
    assert box.is_checked()
    assert checklist.locator(".checklist-count").inner_text().startswith("1 of ")
    checklist.locator(".restart-ask").click()
    checklist.locator(".restart-no").click()
    assert box.is_checked()
    checklist.locator(".restart-ask").click()
    checklist.locator(".restart-yes").click()
    page.reload()
    assert not box.is_checked()


def test_a_checklist_can_be_completed_and_acknowledged(site_url, page, policy):
    checklist_id = "account-running-record"
    page.goto(site_url + "checklists/")
    block = page.locator(f".checklist[data-checklist='{checklist_id}']")
    ack = block.locator(".ack")
    assert not ack.is_visible()
    boxes = block.locator("input[type=checkbox][data-item]")
    for index in range(boxes.count() - 1):
        boxes.nth(index).check()
    block.locator("[data-field=name]").fill("Sam Example")
    block.locator("[data-field=about]").fill("Year 6 X account")
    block.locator("[data-field=confirmed]").check()
    record = flat(ack.locator(".ack-fields").inner_text())
    total = len(policy.items(checklist_id))
    assert f"{total - 1} of {total}" in record and "Not ticked" in record and "Year 6 X account" in record
    body = urllib.parse.parse_qs(block.locator(".ack-send").get_attribute("href").split("?", 1)[1])["body"][0]
    code = decode(dict(line.split(": ", 1) for line in body.splitlines() if ": " in line)["Code"])
    assert (code.right, code.total, code.version) == (total - 1, total, policy.version)


def test_quiz_and_checklists_pass_axe_after_interaction(site_url, page, policy):
    page.goto(site_url + "quiz-staff/")
    answer_all(page, policy, "staff", wrong={policy.questions("staff")[0].id})
    page.locator(".quiz .restart-ask").click()
    assert axe_violations(page) == []
    page.goto(site_url + "checklists/")
    page.locator(".checklist input[type=checkbox]").first.check()
    assert axe_violations(page) == []


def test_without_javascript_the_answers_are_still_reachable(browser, site_url, policy):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(site_url + "quiz-staff/")
        first = policy.questions("staff")[0]
        block = page.locator(f"#q-{first.id}")
        assert block.locator("input").count() == len(first.options)
        assert not block.locator(".quiz-check").is_visible()  # no dead button without the script
        assert not page.locator(".restart-ask").first.is_visible() and not page.locator(".ack").first.is_visible()
        block.locator("details.quiz-answer summary").click()
        shown = flat(block.locator("details.quiz-answer").inner_text())
        assert "Right answer" in shown
        if first.explanation:
            assert words(policy, first.explanation)[:40] in shown
        page.goto(site_url + "checklists/")
        items = public_items(policy)
        assert page.locator(".checklist input[type=checkbox][data-item]").count() == items
    finally:
        context.close()


def test_no_request_leaves_the_page(site_url, page, policy):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(site_url + "quiz-staff/")
    answer_all(page, policy, "staff")
    page.fill("#ack-quiz-staff-name", "Alex Example")
    page.check("#ack-quiz-staff-confirm")
    page.reload()
    page.goto(site_url + "checklists/")
    page.locator(".checklist input[type=checkbox]").first.check()
    assert requests and all(url.startswith(site_url.split("/handbook/")[0]) for url in requests)


@pytest.mark.parametrize("path,controls", [
    ("checklists/", ".checklist input[data-item], .checklist .restart-ask"),
    ("quiz-parents/", ".quiz-option:first-of-type > input, .quiz-check, details.quiz-answer > summary, .restart-ask"),
])
def test_keyboard_reaches_every_control(site_url, page, path, controls):
    """Tab from the top of the page to the bottom reaches each control (a radio group is one stop, at its
    first option while none is chosen)."""
    page.goto(site_url + path)
    total = page.eval_on_selector_all(controls, "els => els.length")
    stops = page.eval_on_selector_all("a[href], input, button, summary", "els => els.length")
    page.evaluate("""selector => { window.reached = new Set(); document.addEventListener('focusin', () =>
        window.reached.add(Array.from(document.querySelectorAll(selector)).indexOf(document.activeElement))); }""",
                  controls)
    for _ in range(stops + 20):
        page.keyboard.press("Tab")
    reached = set(page.evaluate("() => Array.from(window.reached)")) - {-1}
    assert len(reached) == total, f"reached {len(reached)} of {total} controls"
