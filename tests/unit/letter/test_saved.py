"""Unit tests for sog/letter/saved.py: the letter's saved form.

Tested here:
- what the widget saves comes back the same through its store, nothing reported.
- read (and clean, for this browser) keeps every valid part of junk and
  counts what it left out as issue codes; problems words them from
  saved.json, one sentence per code, singular or plural.
- check, for a loaded file, refuses anything that does not fit, with the
  letter's own reasons (saved.json).
- the module needs no letter.json: it runs on the checklist page.
- format 1 letters (one list of forms for every copy) come up to format 2
  with every word and choice kept: the forms stay the visitor's, the doctor's
  copy gets the same forms (but the portal, which is the visitor's own), and
  nothing is agreed to; through this browser's storage and the checklist's file.
"""

import ast
import json
from pathlib import Path

import pytest
from sog import datafiles, storage
from sog.letter import saved, state
from sog.markup import fill

from tests.support import letter_examples
from tests.support.examples import EVIL, HOSTILE_TEXTS, MARKUP_TEXTS
from tests.support.fake_storage import SafeStorage
from tests.support.letter_examples import saved_letter

WORDS = datafiles.load(saved.WORDS_FILE)["words"]
JSON_JUNK = [None, True, 0, 2.5, "", "text", "<b>x</b>", [], [1, "a"], {}, {"a": None}]


def test_saved_letter_comes_back_the_same(checklist_data):
    letter = letter_examples.filled_letter(checklist_data)
    store = saved.open_store(SafeStorage())
    assert (store.key, store.version) == (storage.storage_key("letter"), saved.VERSION)
    assert store.save(letter, 4) is True
    loaded, saved_at, notice = saved.open_store(store.backend).load()
    assert (saved_at, notice) == (4, storage.OK)
    assert saved.clean(loaded) == (letter, [])
    assert saved.check(loaded) == (letter, None)


def test_nothing_saved_is_a_new_letter():
    assert saved.clean(None) == (state.new_state(), [])


@pytest.mark.parametrize("junk", JSON_JUNK[1:], ids=repr)
def test_junk_instead_of_a_letter_starts_empty(junk):
    letter, issues = saved.clean(junk)
    assert letter == state.new_state()
    assert issues and all(count >= 1 for _, count in issues)


def test_good_parts_are_kept_and_losses_counted(checklist_data):
    raw = letter_examples.filled_letter(checklist_data)
    raw["fields"]["nope"] = "x"
    raw["fields"]["phone"] = 12
    raw["fields"]["email"] = "<img src=x>"
    raw["fields"]["office"] = "o" * (state.MAX_FIELD + 5)
    raw["records"] = ["gone_record", "tell_doctor", "lab_results", 3, "imaging", "lab_results"]
    raw["forms"] = ["fax", "paper"]
    raw["extra"] = True
    letter, issues = saved.clean(raw)
    assert dict(issues) == {"unknown_field": 2, "field_bad": 1, "markup": 1, "text_long": 1, "record_unknown": 2,
                            "choice_bad": 2}
    assert letter["records"] == ["imaging", "lab_results"]
    assert letter["forms"] == ["paper"]
    assert letter["fields"]["office"] == "o" * state.MAX_FIELD
    assert "phone" not in letter["fields"] and "email" not in letter["fields"] and "nope" not in letter["fields"]
    assert letter["fields"]["name"] == letter_examples.FILLED["name"]


def test_a_missing_part_is_noted_and_the_rest_kept(checklist_data):
    raw = letter_examples.filled_letter(checklist_data)
    del raw["forms"]
    letter, issues = saved.clean(raw)
    assert issues == [["field_bad", 1]]
    assert letter["forms"] == [] and letter["send_to"] == ["me", "doctor"]


@pytest.mark.parametrize("kind, text", MARKUP_TEXTS, ids=[kind for kind, _ in MARKUP_TEXTS])
def test_markup_keys_and_choices_are_left_out(kind, text):
    letter, issues = saved.clean(saved_letter(fields={text: "x", "name": text}, records=[text], send_to=[text],
                                              doctor_forms=[text]))
    assert letter == state.new_state()
    assert issues == [["markup", 5]]


@pytest.mark.parametrize("text", HOSTILE_TEXTS, ids=range(len(HOSTILE_TEXTS)))
def test_every_kept_field_is_clean_text(text):
    letter, _ = saved.clean(saved_letter(fields={"name": text}))
    kept = letter["fields"].get("name")
    assert kept is None or (kept == state.set_field(state.new_state(), "name", text)["fields"]["name"])


def test_problem_sentences_come_from_the_words():
    problems = WORDS["problems"]
    sentences = saved.problems([["markup", 1], ["record_unknown", 3]])
    assert sentences == [problems["markup"][0], fill(problems["record_unknown"][1], {"n": 3})]
    assert "3" in sentences[1]


def test_every_issue_code_has_words():
    """Each code read() can note has its sentence pair and its refusal in saved.json."""
    source = Path(saved.__file__).read_text()
    codes = {node.args[1].value for node in ast.walk(ast.parse(source))
             if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "note"
             and isinstance(node.args[1], ast.Constant)}
    codes |= {"markup", "field_bad", "text_long"}  # from text.check's issues
    codes |= {"unreadable", "unknown_field"}  # from checks.walkable
    assert codes == set(WORDS["problems"]) == set(WORDS["refusals"])
    for pair in WORDS["problems"].values():
        assert len(pair) == 2


@pytest.mark.parametrize(
    "raw, code",
    [
        (None, "unreadable"),
        ("junk", "unreadable"),
        (saved_letter(records=["gone"]), "record_unknown"),
        (saved_letter(fields={"name": "<script>"}), "markup"),
        (saved_letter(fields={"name": "x" * 201}), "text_long"),
        ({"fields": {}, "records": [], "forms": [], "send_to": [], "agree": []}, "field_bad"),
        (saved_letter(agree=["everything"]), "choice_bad"),
    ],
    ids=["none", "not-a-dict", "unknown-record", "markup", "too-long", "missing-part", "unknown-agree"],
)
def test_check_refuses_with_the_letters_own_reasons(raw, code):
    assert saved.check(raw) == (None, WORDS["refusals"][code])


def test_check_accepts_everyday_angle_brackets():
    raw = saved_letter(fields={"other_records": "Scans from 2024 (< 1 year old)"})
    assert saved.check(raw)[1] is None


def test_the_saved_module_needs_no_letter_data(monkeypatch, checklist_data):
    """clean and check run with only the data files the checklist page has."""
    real_load = datafiles.load

    def load(relative):
        assert relative in ("words.json", "figures.json", "checklist/items.json", saved.WORDS_FILE), relative
        return real_load(relative)

    monkeypatch.setattr(datafiles, "load", load)
    letter = letter_examples.hostile_letter(checklist_data)
    letter["records"].append("gone")
    assert saved.clean(json.loads(json.dumps(letter)))[1]
    assert saved.check(letter)[0] is None
    assert EVIL not in json.dumps(saved.clean(saved_letter(fields={"name": EVIL}))[0])
    assert saved.from_v1(letter_examples.FORMAT_1)["doctor_forms"] == ["paper", "disc"]


# ---- format 1 ---------------------------------------------------------------------


def test_format_1_keeps_every_word_and_choice(checklist_data):
    """The forms were for every copy: they stay the visitor's, and the doctor's copy gets the same (no portal)."""
    old = letter_examples.FORMAT_1
    new = saved.from_v1(json.loads(json.dumps(old)))
    assert new["fields"] == old["fields"] and new["records"] == old["records"]
    assert new["forms"] == old["forms"] and new["send_to"] == old["send_to"]
    assert new["doctor_forms"] == ["paper", "disc"]
    assert new["agree"] == []
    assert saved.clean(new) == (new, [])
    assert saved.check(new) == (new, None)


@pytest.mark.parametrize("forms, doctor_forms", [([], []), (["portal"], []), (["electronic", "paper"],
                                                                             ["electronic", "paper"]),
                                                 (["disc", "electronic"], ["electronic", "disc"]),
                                                 ("junk", []), ([3, "<b>", "paper"], ["paper"])])
def test_format_1_forms_become_the_doctors_forms(forms, doctor_forms):
    old = dict(letter_examples.FORMAT_1, forms=forms)
    assert saved.from_v1(old)["doctor_forms"] == doctor_forms
    assert saved.from_v1(old)["forms"] == forms, "what clean judges is left for it to judge"


@pytest.mark.parametrize("junk", JSON_JUNK, ids=repr)
def test_format_1_junk_passes_through_for_clean_to_judge(junk):
    if isinstance(junk, dict):
        assert saved.from_v1(junk) == dict(junk, doctor_forms=[], agree=[])
    else:
        assert saved.from_v1(junk) == junk


def test_a_format_1_letter_in_this_browser_loads_migrated(checklist_data):
    """Saved by the page before format 2: it loads with every word, and the page says it was updated."""
    backend = SafeStorage()
    backend.setItem(storage.storage_key("letter"), json.dumps(storage.wrap("letter", 1, letter_examples.FORMAT_1, 5)))
    store = saved.open_store(backend)
    loaded, saved_at, notice = store.load()
    assert (saved_at, notice) == (5, storage.MIGRATED)
    letter, issues = saved.clean(loaded)
    assert issues == []
    assert letter["fields"] == letter_examples.FORMAT_1["fields"]
    assert letter["doctor_forms"] == ["paper", "disc"]
    assert storage.message_for(notice) is not None
    assert storage.unreadable_key("letter") not in backend.items


def test_a_format_1_junk_letter_is_reported_not_lost():
    """Format 1 data that was never a letter: the page starts empty and says so."""
    backend = SafeStorage()
    backend.setItem(storage.storage_key("letter"), json.dumps(storage.wrap("letter", 1, "just a string", 5)))
    loaded, _, notice = saved.open_store(backend).load()
    assert notice == storage.MIGRATED
    assert saved.clean(loaded) == (state.new_state(), [["unreadable", 1]])
