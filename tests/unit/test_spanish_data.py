"""The Spanish overlays keep in step with the English data files.

Tested here, for every data file a widget reads: it has a Spanish overlay
(or NO_WORDS says why not); every string a visitor reads in the English file
has a Spanish value, non-empty where the English is, and the overlay has no
key the English file lacks (a failure names the file and the key path: when
an English data file changes, this is the test that says what to translate);
the overlay holds only words (ids only to match items); placeholders and
numbers (phone numbers, CFR sections, days, percentages) are the same in
each string; no common English word is left in a Spanish string (names such
as Medicare, HIPAA or MyChart are allowed); the letter's overlay leaves the
letter's own English text in the merged data, with its Spanish body beside
it. It also prints each overlay's Fernández-Huerta reading ease (textstat,
Spanish), with a floor.
"""

import re

import pytest
import textstat
from sog import language

from tests.unit import spanish_data
from tests.unit.spanish_data import show

FILES = spanish_data.overlaid_files()

# Common English words that are not also Spanish words ("a", "no", "he",
# "has", "me", "son" and the like are left out on purpose).
ENGLISH = set(
    "the and your you with for this that what when please will have from not are is it of to in or be "
    "can if my we they them should would about here there which who how why get need ask must may "
    "more only does did was were been had an at by on as than then these those into out up after "
    "before doctor records record care visit page answer answers question questions yes not sure "
    "checklist letter worksheet print save saved clear open show keep cost send".split()
)
# Names that stay in English in a Spanish text (SPANISH.md: laws, agencies,
# programmes and sources keep their names).
NAMES = [
    "Second surgical opinions",
    "Second Opinion Guide",
    "988 Suicide and Crisis Lifeline",
    "Office for Civil Rights",
    "Medicare Advantage",
    "Medicare",
    "Medicaid",
    "Medigap",
    "HIPAA",
    "MyChart",
    "JavaScript",
]
READING_EASE_FLOOR = 70


@pytest.fixture(scope="module")
def pairs():
    """{file: [(path, English, Spanish)]} for every string both files have."""
    found = {}
    for name in FILES:
        english = spanish_data.english_words(name)
        spanish = spanish_data.spanish_words(name)
        found[name] = [(path, english[path], spanish[path]) for path in sorted(english, key=show)
                       if path in spanish]
    return found


def test_every_data_file_has_an_overlay_or_a_reason():
    missing = [name for name in FILES
               if not (spanish_data.PACKAGE / language.overlay_name(name, "es")).is_file()]
    assert not missing, f"data files with no Spanish overlay (add one, or a reason to NO_WORDS): {missing}"
    stale = [name for name in spanish_data.NO_WORDS if name not in spanish_data.english_files()]
    assert not stale, f"NO_WORDS names files that do not exist: {stale}"


@pytest.mark.parametrize("name", FILES)
def test_every_english_string_has_a_spanish_value(name):
    english = spanish_data.english_words(name)
    spanish = spanish_data.spanish_words(name)
    missing = sorted(show(path) for path in english if path not in spanish)
    assert not missing, f"{name}: no Spanish in {language.overlay_name(name, 'es')} for: {missing}"
    empty = sorted(show(path) for path in english if english[path].strip() and not spanish[path].strip())
    assert not empty, f"{name}: Spanish value is empty for: {empty}"


@pytest.mark.parametrize("name", FILES)
def test_no_overlay_key_is_unknown_to_the_english_file(name):
    english = spanish_data.english_words(name)
    unknown = sorted(show(path) for path in spanish_data.spanish_words(name) if path not in english)
    assert not unknown, f"{language.overlay_name(name, 'es')}: keys {name} does not have: {unknown}"


def _non_words(data, path=()):
    """Paths in an overlay whose value is not a string (ids to match items aside)."""
    found = []
    if isinstance(data, dict):
        for key, value in data.items():
            if key in language.IDENTITY_KEYS and isinstance(value, str):
                continue
            if language.is_structure(key, value):
                found.append(path + (key,))
            else:
                found += _non_words(value, path + (key,))
    elif isinstance(data, list):
        for index, item in enumerate(data):
            found += _non_words(item, path + (index,))
    elif not isinstance(data, str):
        found.append(path)
    return found


@pytest.mark.parametrize("name", FILES)
def test_an_overlay_holds_only_words(name):
    """Rules, levels, numbers and links live in the English file only."""
    odd = [show(path) for path in _non_words(spanish_data.overlay_of(name))]
    assert not odd, f"{language.overlay_name(name, 'es')}: not words (keep them in {name} only): {odd}"


@pytest.mark.parametrize("name", FILES)
def test_placeholders_and_numbers_are_the_same_in_each_string(name, pairs):
    differ = []
    for path, english, spanish in pairs[name]:
        for pattern in (spanish_data.PLACEHOLDER, spanish_data.NUMBER):
            if sorted(pattern.findall(english)) != sorted(pattern.findall(spanish)):
                differ.append(f"{show(path)}: {pattern.findall(english)} != {pattern.findall(spanish)}")
    assert not differ, f"{name}: " + "; ".join(differ)


def english_left(text):
    """The common English words in a Spanish text, names and placeholders aside."""
    for name in NAMES:
        text = text.replace(name, " ")
    text = spanish_data.PLACEHOLDER.sub(" ", text)
    return sorted({word for word in re.findall(r"[^\W\d_]+", text.lower()) if word in ENGLISH})


def test_english_left_finds_english_and_spares_names():
    assert english_left("Please send your records") == ["please", "records", "send", "your"]
    assert english_left("Llame al 1-800-MEDICARE. La ley HIPAA, Medicare.gov, \"Second surgical opinions\"") == []
    assert english_left("Sí, no, me, he, son, a") == []


@pytest.mark.parametrize("name", FILES)
def test_no_english_is_left_in_spanish_values(name):
    left = []
    every = spanish_data.spanish_words(name)
    every.update(spanish_data.spanish_only_words(name))
    for path, text in sorted(every.items(), key=lambda pair: show(pair[0])):
        words = english_left(text)
        if words and not (text.endswith(".json") or text.endswith(".ics")):
            left.append(f"{show(path)}: {words}")
    assert not left, f"{language.overlay_name(name, 'es')}: English words in: {left}"


def test_the_letter_prints_in_english_and_carries_its_spanish_body():
    """The merged Spanish data keeps the letter's English text (the letter goes
    to a US office); its Spanish, under "body", covers that text exactly."""
    english = spanish_data.read(spanish_data.LETTER)
    overlay = spanish_data.overlay_of(spanish_data.LETTER)
    body = overlay[spanish_data.LETTER_BODY]
    merged = language.localise(english, overlay)
    lists = ("destinations", "forms", "doctor_forms")
    for key in body:
        if key not in lists:
            assert merged[key] == english[key], f"the merged letter's {key!r} is not the English"
    for key in lists:
        assert [item["letter"] for item in merged[key]] == [item["letter"] for item in english[key]]
        assert [item["label"] for item in merged[key]] != [item["label"] for item in english[key]]
    extras = (spanish_data.LETTER_BODY, spanish_data.LETTER_ALONGSIDE)
    overlap = set(language.words({k: v for k, v in overlay.items() if k not in extras})) & set(
        language.words(body))
    assert not overlap, f"the letter's own text is in the overlay outside {spanish_data.LETTER_BODY!r}: {overlap}"
    in_spanish = language.localise(merged, body)
    assert in_spanish["letter"]["title"] == body["letter"]["title"]
    assert in_spanish["forms"][0]["letter"] == body["forms"][0]["letter"]


def sentences(texts):
    """The strings as sentences (a title or a label ends without a stop)."""
    cleaned = [spanish_data.PLACEHOLDER.sub("", text).strip() for text in texts]
    return " ".join(text if text[-1] in ".?!:" else text + "." for text in cleaned if text)


@pytest.mark.parametrize("name", FILES)
def test_reading_ease(name):
    """Fernández-Huerta of the file's joined strings (textstat's Spanish
    syllable count runs low, so this is a floor, not the grade itself)."""
    textstat.set_lang("es")
    try:
        score = textstat.fernandez_huerta(sentences(spanish_data.spanish_words(name).values()))
    finally:
        textstat.set_lang("en_US")
    print(f"{language.overlay_name(name, 'es')}: Fernández-Huerta {score:.1f}")
    assert score >= READING_EASE_FLOOR, f"{name}: Fernández-Huerta {score:.1f} < {READING_EASE_FLOOR}"
