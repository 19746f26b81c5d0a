"""Translations as data: which fields are prose, how a translation is applied and marked, English marked
in HTML, Welsh mutations, and the `translate` command that starts a translation."""

from __future__ import annotations

import shutil
import subprocess
import sys

import yaml

from conftest import DATA, PROJECT
from macros.language_marks import in_language_spans, mark_english
from macros.terms import mutated_forms, uses_term
from macros.translations import english_records, read_translations, translated_files
from macros.yaml_source import DataFile

QUIZ = {
    "id": "pupils", "title": "Quiz", "audience": "pupils",
    "questions": [{"id": "q1", "set": "s", "checked": "abc", "prompt": "Who do you tell?",
                   "options": [{"text": "A grown-up", "correct": True, "feedback": "Yes!"}],
                   "clauses": ["pupils.tell-a-trusted-adult"]}],
}


def test_only_prose_is_translatable_and_each_record_is_found_by_id():
    records = english_records(QUIZ)
    assert set(records) == {"(file)", "q1"}
    assert records["(file)"].fields == {"title": "Quiz"}
    assert records["q1"].fields == {"prompt": "Who do you tell?", "options.0.text": "A grown-up",
                                    "options.0.feedback": "Yes!"}


def test_a_current_translation_replaces_the_english_and_the_rest_is_marked(tmp_path):
    fingerprint = english_records(QUIZ)["q1"].fingerprint
    folder = tmp_path / "translations" / "cy" / "quizzes"
    folder.mkdir(parents=True)
    (folder / "pupils.yml").write_text(yaml.safe_dump({"records": {
        "q1": {"from": fingerprint, "status": "draft", "prompt": "Wrth bwy rwyt ti'n dweud?"},
        "(file)": {"from": "00000000", "title": "Cwis"}}}, allow_unicode=True), encoding="utf-8")
    translations, problems = read_translations(tmp_path, "cy", "policy_data")
    assert problems == []
    files = {"quizzes/pupils.yml": DataFile("policy_data/quizzes/pupils.yml", QUIZ)}
    welsh = translated_files(files, translations)["quizzes/pupils.yml"].data
    question = welsh["questions"][0]
    assert question["prompt"] == "Wrth bwy rwyt ti'n dweud?"
    assert question["options"][0]["feedback"] == mark_english("Yes!")  # not translated: English, marked
    assert welsh["title"] == mark_english("Quiz")  # a stale translation (wrong `from`) is not used
    assert question["clauses"] == ["pupils.tell-a-trusted-adult"] and question["set"] == "s"
    assert QUIZ["questions"][0]["prompt"] == "Who do you tell?"  # the English is untouched


def test_marked_english_becomes_lang_en_spans_that_never_cross_a_block():
    html = f"<p>Helo {mark_english('the office')}</p><ul><li>{mark_english('one</li><li>two')}</li></ul>"
    out = in_language_spans(html)
    assert '<p>Helo <span lang="en" class="hb-in-english">the office</span></p>' in out
    assert '<li><span lang="en" class="hb-in-english">one</span></li><li><span lang="en" class="hb-in-english">two' in out
    assert "\ue000" not in out and "\ue001" not in out


def test_marks_inside_tags_titles_and_scripts_are_dropped_not_made_spans():
    html = (f'<title>{mark_english("Home")}</title><a title="{mark_english("Home")}">x</a>'
            f'<script>var w = "{mark_english("Right.")}";</script>')
    assert in_language_spans(html) == '<title>Home</title><a title="Home">x</a><script>var w = "Right.";</script>'


def test_every_initial_mutation_of_a_welsh_term_counts_as_the_term():
    assert {"polisi", "bolisi", "mholisi", "pholisi"} <= mutated_forms("polisi")
    assert {"llywodraethwyr", "lywodraethwyr"} <= mutated_forms("llywodraethwyr")
    assert uses_term("Darllenwch ein bolisi ni", "polisi", welsh=True)
    assert uses_term("y cyfrifon", "cyfrif", welsh=True)  # a plural ending
    assert not uses_term("Darllenwch y rheolau", "polisi", welsh=True)
    assert uses_term("Parents' accounts", "account") and not uses_term("{accounts.x.handle}", "account")


def test_translate_writes_each_record_once_with_its_fingerprint_and_keeps_what_is_there(tmp_path):
    data = tmp_path / "policy_data"
    shutil.copytree(DATA, data, ignore=shutil.ignore_patterns("translations"))

    def translate():
        return subprocess.run([sys.executable, "-m", "macros", "--data", str(data), "translate", "cy",
                               "quizzes/pupils.yml", "--by", "A translator"], cwd=PROJECT, capture_output=True,
                              text=True, timeout=120)

    first = translate()
    assert first.returncode == 0 and "added" in first.stdout
    target = data / "translations" / "cy" / "quizzes" / "pupils.yml"
    written = yaml.safe_load(target.read_text(encoding="utf-8"))
    english = english_records(yaml.safe_load((data / "quizzes" / "pupils.yml").read_text(encoding="utf-8")))
    assert set(written["records"]) == set(english)
    assert all(written["records"][k]["from"] == english[k].fingerprint for k in english)
    text = target.read_text(encoding="utf-8").replace('prompt: ""', "prompt: Beth ddylet ti ei wneud?", 1)
    target.write_text(text, encoding="utf-8")
    second = translate()
    assert "every record" in second.stdout
    assert target.read_text(encoding="utf-8") == text  # nothing already there is rewritten


def test_the_welsh_a_to_z_files_words_under_welsh_letters_in_welsh_order():
    from macros.alphabet import first_letter, sort_key
    words = ["llun", "lôn", "chwarae", "cyfrif", "ysgol", mark_english("screenshot")]
    assert [first_letter(w, "cy") for w in words] == ["Ll", "L", "Ch", "C", "Y", "S"]
    assert sorted(words, key=lambda w: sort_key(w, "cy"))[:4] == ["cyfrif", "chwarae", "lôn", "llun"]
    assert first_letter("llama", "en") == "L" and first_letter("Ôl", "cy") == "O"


def test_every_interface_word_a_welsh_page_uses_has_its_welsh():
    """Everything the renderers, the navigation and the page scripts say, rendered for the Welsh school."""
    from pathlib import Path

    from macros.engine import load_checked_policy
    from macros.interface import SCRIPT_STRINGS, load_interface
    from macros.language_pages import translated_nav
    from macros.languages import translated_policy
    from macros.render.catalogue import render_everything
    from macros.render.context import RenderContext
    from macros.site_config import base_config
    school = next(p.stem for p in sorted((DATA / "schools").glob("*.yml")) if "languages: [cy" in p.read_text(encoding="utf-8"))
    interface = load_interface(DATA, "cy")
    assert len(interface.strings) > 200
    welsh = translated_policy(load_checked_policy(DATA, school), DATA, "cy")
    render_everything(RenderContext(welsh, DATA, "public", interface))  # the Welsh edition is public
    for words in SCRIPT_STRINGS:
        interface.say(words)
    translated_nav(base_config(Path(PROJECT))["nav"], interface.say)
    assert interface.missing == set()
