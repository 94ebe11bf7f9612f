"""The widget logic's behaviour, as one line of JSON, in any Python runtime.

Run this with the pyscript/ folder on sys.path (as the root the widget
modules import each other from). It runs a table of cases against the pure
widget modules and prints ONE line: a JSON object whose "results" maps each
case name to what happened. test_runtime_parity.py runs it in CPython,
MicroPython and Pyodide and requires the results to be identical, case by case.

The script runs unchanged in all three runtimes, so it keeps to what they
share: no dataclasses, typing, f-string format specs or __future__ imports.
It writes its own JSON, because MicroPython's json module neither sorts keys
nor escapes non-ASCII and MicroPython's dicts are unordered: the output here
is pure ASCII with sorted keys, so equal results are equal text in every runtime.
Floats are written as tagged integers (see canon) so no runtime's float
formatting can make two equal results look different, and a lone surrogate
is written marked (see _dump_str) so it never looks like the character a
surrogate pair stands for.

Adding cases: each module has an add_..._cases() function filling the table
with case(name, function, *args). A case's result is whatever the function
returns, made canonical; an exception is recorded by class. Use
case_raises() when raising is the intended behaviour; any other exception is
recorded as an "error" (the reference check in the test refuses those).
New modules get their own add_..._cases() function, listed in GROUPS at the
bottom.
"""

import json
import sys

import storage
from markup import escape, link
from screener import render, rules, saved

from checklist import model as checklist_model
from checklist import render as checklist_render


# ---------------------------------------------------------------------------
# The case table
# ---------------------------------------------------------------------------

CASES = []
_NAMES = {}


def case(name, func, *args):
    """Add a case: call func(*args) and record the (canonical) result."""
    _add(name, func, args, None)


def case_raises(name, exception_name, func, *args):
    """Add a case that is meant to raise; exception_name is its class, e.g. "KeyError"."""
    _add(name, func, args, exception_name)


def _add(name, func, args, raises):
    if name in _NAMES:
        raise ValueError("duplicate case name: " + name)
    _NAMES[name] = True
    CASES.append((name, func, args, raises))


def find_data_file(relative):
    """A data file under the pyscript/ root: the current folder, or a sys.path entry."""
    for folder in [""] + [entry for entry in sys.path if isinstance(entry, str)]:
        path = relative if folder in ("", ".") else folder.rstrip("/") + "/" + relative
        try:
            with open(path) as handle:
                handle.read(1)
            return path
        except OSError:
            pass
    raise OSError("cannot find " + relative + " in the current folder or on sys.path")


DATA = rules.load_data(find_data_file("screener/questions.json"))


def copy_data(value):
    """A deep copy of JSON-like data (copy.deepcopy is missing in MicroPython)."""
    if isinstance(value, dict):
        result = {}
        for key in value:
            result[key] = copy_data(value[key])
        return result
    if isinstance(value, list):
        return [copy_data(item) for item in value]
    return value


# ---------------------------------------------------------------------------
# Canonical results and their JSON
# ---------------------------------------------------------------------------

# Exception classes a result may name, most specific first. RecursionError is
# missing in MicroPython, which raises RuntimeError("maximum recursion depth
# exceeded") instead; both are recorded as RecursionError.
_EXCEPTIONS = [
    ("KeyError", KeyError),
    ("IndexError", IndexError),
    ("UnicodeError", UnicodeError),
    ("ValueError", ValueError),
    ("TypeError", TypeError),
    ("AttributeError", AttributeError),
    ("ZeroDivisionError", ZeroDivisionError),
    ("OSError", OSError),
    ("MemoryError", MemoryError),
    ("NotImplementedError", NotImplementedError),
    ("RuntimeError", RuntimeError),
    ("Exception", Exception),
]


def exception_name(error):
    """A runtime-neutral name for an exception's class."""
    if type(error).__name__ == "RecursionError" or (
        isinstance(error, RuntimeError) and "recursion" in str(error)
    ):
        return "RecursionError"
    for name, cls in _EXCEPTIONS:
        if isinstance(error, cls):
            return name
    return "BaseException"


def canon_float(value):
    """A float as a tagged, runtime-neutral value: millionths, rounded, or nan/inf."""
    if value != value:
        return {"__float__": "nan"}
    if value in (float("inf"), float("-inf")):
        return {"__float__": "inf" if value > 0 else "-inf"}
    return {"__float__": int(round(value * 1000000))}


def canon(value):
    """JSON-ready data with no floats, tuples or non-string keys."""
    if value is None or isinstance(value, bool) or isinstance(value, str):
        return value
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return canon_float(value)
    if isinstance(value, (list, tuple)):
        return [canon(item) for item in value]
    if isinstance(value, dict):
        if all(isinstance(key, str) for key in value):
            result = {}
            for key in value:
                result[key] = canon(value[key])
            return result
        pairs = [[canon(key), canon(value[key])] for key in value]
        pairs.sort(key=lambda pair: dumps(pair[0]))
        return {"__pairs__": pairs}
    if isinstance(value, BaseException):
        return {"__exception__": exception_name(value)}
    return {"__object__": type(value).__name__}


_CONTROL = [chr(code) for code in range(32)] + [chr(127)]


def _dump_str(text, out):
    try:
        ascii_only = len(text.encode("utf-8")) == len(text)
    except UnicodeError:  # CPython cannot encode a lone surrogate
        ascii_only = False
    if ascii_only:
        # ASCII: escape with whole-string replaces (fast in MicroPython).
        text = text.replace("\\", "\\\\").replace('"', '\\"')
        for char in _CONTROL:
            if char in text:
                text = text.replace(char, "\\u%04x" % ord(char))
        out.append('"' + text + '"')
        return
    parts = ['"']
    for char in text:
        code = ord(char)
        if char == "\\":
            parts.append("\\\\")
        elif char == '"':
            parts.append('\\"')
        elif 32 <= code < 127:
            parts.append(char)
        elif 0xD800 <= code <= 0xDFFF:
            # A lone surrogate, as MicroPython's json.loads leaves each half of
            # a \uD83D\uDE00 escape pair: marked (U+FFFE, a noncharacter, then
            # its hex) so it never reads the same as the character the pair
            # stands for.
            parts.append("\\ufffe%04x" % code)
        elif code > 0xFFFF:
            code -= 0x10000
            parts.append("\\u%04x\\u%04x" % (0xD800 + (code >> 10), 0xDC00 + (code & 0x3FF)))
        else:
            parts.append("\\u%04x" % code)
    parts.append('"')
    out.append("".join(parts))


def _dump(value, out):
    if isinstance(value, Raw):
        out.append(value.text)
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, str):
        _dump_str(value, out)
    elif isinstance(value, int):
        out.append(str(value))
    elif isinstance(value, list):
        out.append("[")
        for index, item in enumerate(value):
            if index:
                out.append(",")
            _dump(item, out)
        out.append("]")
    elif isinstance(value, dict):
        out.append("{")
        for index, key in enumerate(sorted(value)):
            if index:
                out.append(",")
            _dump_str(key, out)
            out.append(":")
            _dump(value[key], out)
        out.append("}")
    else:
        raise TypeError("not canonical: " + type(value).__name__)


def dumps(value):
    """Canonical JSON: ASCII only, keys sorted, no spaces. value must be canon()'d."""
    out = []
    _dump(value, out)
    return "".join(out)


def fnv1a(text):
    """32-bit FNV-1a hash of the text's UTF-8 bytes, in pure Python."""
    value = 2166136261
    for byte in text.encode("utf-8"):
        value = ((value ^ byte) * 16777619) & 0xFFFFFFFF
    return value


def summary(text):
    """A long text in brief: its length, ends and hash."""
    return {"len": len(text), "head": text[:40], "tail": text[-40:], "fnv1a": fnv1a(text)}


def run_case(func, args, raises):
    try:
        value = func(*args)
    except Exception as error:  # recorded, never fatal: one case must not hide the rest
        name = exception_name(error)
        if raises is not None and name == raises:
            return {"raised": name}, None
        return {"error": name}, name + ": " + str(error)
    if raises is not None:
        return {"error": "did not raise " + raises, "ok": canon(value)}, "did not raise " + raises
    return {"ok": canon(value)}, None


# ---------------------------------------------------------------------------
# markup
# ---------------------------------------------------------------------------

HOSTILE = [
    "",
    "plain words",
    "<script>alert('x')</script>",
    '"><img src=x onerror=alert(1)>',
    "Tom & Jerry's \"show\"",
    "&amp; &lt; already escaped &#x27;",
    "<<>>&&''\"\"",
    "javascript:alert(1)",
    "caf\u00e9 \u00fcber na\u00efve",
    "emoji \U0001F600 and \u2603 snowman",
    "line\nbreak\ttab\rreturn",
    "nul\x00 and del\x7f",
    "line separator \u2028 paragraph \u2029",
    "right-to-left \u202e override",
    "zero\u200bwidth",
    "  leading and trailing  ",
    "x" * 5000 + "<&>",
]


def add_markup_cases():
    for index, text in enumerate(HOSTILE):
        case("markup.escape.hostile_%02d" % index, escape, text)
    case("markup.escape.none", escape, None)
    case("markup.escape.int", escape, 42)
    case("markup.escape.negative_int", escape, -7)
    case("markup.escape.big_int", escape, 10 ** 30)
    case("markup.escape.true", escape, True)
    case("markup.escape.false", escape, False)
    case("markup.escape.list", escape, ["<a>", 1])
    case("markup.escape.twice", lambda text: escape(escape(text)), "<a href=\"x\">&</a>")
    links = [
        ("", "", "no link"),
        ("", "checklist/", "Checklist"),
        ("/sub/site", "checklist/", "Checklist"),
        ("..", "talking-to-your-doctor/", "Talk <now> & \"then\""),
        ('"><script>', 'x" onclick="evil', "<b>bold</b>"),
        ("", None, "None href"),
        ("/r", "a?b=1&c=2#frag", "query & fragment"),
    ]
    for index, args in enumerate(links):
        case("markup.link.%02d" % index, link, args[0], args[1], args[2])


# ---------------------------------------------------------------------------
# screener.rules
# ---------------------------------------------------------------------------

QUESTION_IDS = [question["id"] for question in DATA["questions"]]
VALUES = rules.answer_values(DATA)


def all_answered(value, **overrides):
    answers = {}
    for qid in QUESTION_IDS:
        answers[qid] = value
    for key in overrides:
        answers[key] = overrides[key]
    return answers


EVALUATE_CASES = [
    ("empty", {}),
    ("emergency_yes", {"emergency": "yes"}),
    ("emergency_no", {"emergency": "no"}),
    ("emergency_not_sure", {"emergency": "not_sure"}),
    ("emergency_yes_beats_everything", all_answered("yes")),
    ("emergency_yes_with_notes_answers", {"emergency": "yes", "medicare": "yes", "older_adult": "yes",
                                          "doctor_suggested": "yes", "rushed_visit": "yes"}),
    ("emergency_not_sure_with_worth_seeking", {"emergency": "not_sure", "no_diagnosis": "yes"}),
    ("worth_seeking_single", {"no_diagnosis": "yes"}),
    ("worth_seeking_last_question", {"doctor_suggested": "yes"}),
    ("could_help_single_not_sure", {"no_diagnosis": "not_sure"}),
    ("could_help_rushed_yes", {"rushed_visit": "yes"}),
    ("could_help_side_effects_not_sure", {"side_effects": "not_sure"}),
    ("not_needed_all_no", all_answered("no")),
    ("all_yes_but_emergency", all_answered("yes", emergency="no")),
    ("all_not_sure", all_answered("not_sure")),
    ("all_not_sure_but_emergency", all_answered("not_sure", emergency="no")),
    ("info_only_questions", {"medicare": "yes", "biopsy_or_cancer": "yes", "older_adult": "yes"}),
    ("reason_order_mixed", {"side_effects": "yes", "rushed_visit": "not_sure", "doctor_suggested": "yes",
                            "no_diagnosis": "not_sure", "serious_illness": "yes",
                            "told_nothing_wrong": "not_sure"}),
    ("reason_order_reverse_insert", {"doctor_suggested": "yes", "limited_options": "yes",
                                     "conflicting_advice": "yes", "major_treatment": "yes",
                                     "serious_illness": "yes", "not_improving": "yes",
                                     "told_nothing_wrong": "yes", "no_diagnosis": "yes"}),
    ("note_medicare_surgery", {"medicare": "yes", "major_treatment": "yes"}),
    ("note_medicare_check_no", {"medicare": "yes", "major_treatment": "no"}),
    ("note_medicare_check_not_sure", {"medicare": "yes", "major_treatment": "not_sure"}),
    ("note_medicare_check_unanswered", {"medicare": "yes"}),
    ("note_medicare_no", {"medicare": "no", "major_treatment": "yes"}),
    ("note_medicare_not_sure", {"medicare": "not_sure", "major_treatment": "no"}),
    ("note_pathology", {"biopsy_or_cancer": "yes"}),
    ("note_older_adult", {"older_adult": "yes"}),
    ("note_ask_why", {"doctor_suggested": "yes"}),
    ("note_ask_why_not_sure", {"doctor_suggested": "not_sure"}),
    ("all_notes", {"emergency": "not_sure", "medicare": "yes", "major_treatment": "yes",
                   "biopsy_or_cancer": "yes", "older_adult": "yes", "doctor_suggested": "yes"}),
    ("uncleaned_unknown_value", {"no_diagnosis": "maybe", "rushed_visit": "yes"}),
    ("uncleaned_unknown_question", {"nope": "yes", "rushed_visit": "no"}),
]


def random_answer_sets(count, seed):
    """Deterministic pseudo-random answer sets (a small LCG: same in every runtime)."""
    state = seed
    sets = []
    for _ in range(count):
        answers = {}
        for qid in QUESTION_IDS:
            state = (state * 1103515245 + 12345) % 2147483648
            pick = (state >> 16) % (len(VALUES) + 2)  # two extra picks: leave it blank
            if pick < len(VALUES):
                answers[qid] = VALUES[pick]
        sets.append(answers)
    return sets


def evaluate_and_clean(raw):
    answers, dropped = rules.clean_answers(DATA, raw)
    return {"dropped": dropped, "result": rules.evaluate(DATA, answers)}


def add_rules_cases():
    case("rules.answer_values", rules.answer_values, DATA)
    for name, answers in EVALUATE_CASES:
        case("rules.evaluate." + name, rules.evaluate, DATA, answers)
    # Every question with every answer, on its own.
    for qid in QUESTION_IDS:
        for value in VALUES:
            case("rules.evaluate.single." + qid + "." + value, rules.evaluate, DATA, {qid: value})
    for index, answers in enumerate(random_answer_sets(60, 20240601)):
        case("rules.evaluate.random_%02d" % index, rules.evaluate, DATA, answers)
    for level in DATA["levels"]:
        case("rules.find_level." + level["id"], rules.find_level, DATA, level["id"])
    case_raises("rules.find_level.unknown", "KeyError", rules.find_level, DATA, "no_such_level")
    case("rules.matching_notes.none", lambda a: [n["id"] for n in rules.matching_notes(DATA, a)], {})
    case("rules.matching_notes.all_yes", lambda a: [n["id"] for n in rules.matching_notes(DATA, a)],
         all_answered("yes"))

    junk = [
        ("none", None),
        ("list", ["emergency", "yes"]),
        ("string", "emergency=yes"),
        ("int", 42),
        ("true", True),
        ("empty_dict", {}),
        ("all_good", all_answered("no")),
        ("mixed", {"emergency": "yes", "junk": "yes", "medicare": "maybe", "older_adult": None,
                   "no_diagnosis": 1, "": "", "EMERGENCY": "yes", "emergency ": "yes",
                   "rushed_visit": "not_sure", "side_effects": ["yes"], "doctor_suggested": {"v": "yes"},
                   "told_nothing_wrong": True, "not_improving": "YES", "serious_illness": " yes"}),
        ("non_string_keys", {1: "yes", None: "no", 2.5: "yes", "medicare": "yes"}),
        ("unicode_keys", {"emergenc\u00e9": "yes", "medicare": "n\u00f8", "older_adult": "yes"}),
    ]
    for name, raw in junk:
        case("rules.clean_answers." + name, rules.clean_answers, DATA, raw)
        case("rules.clean_then_evaluate." + name, evaluate_and_clean, raw)


# ---------------------------------------------------------------------------
# screener.saved
# ---------------------------------------------------------------------------

def saved_round_trip(answers, show_result):
    """to_saved, through JSON text and back with from_saved."""
    stored = saved.to_saved(answers, show_result)
    text = json.dumps(stored)
    back = saved.from_saved(DATA, json.loads(text))
    return {"stored": stored, "back": back, "same_answers": back[0] == answers}


def to_saved_copies():
    """to_saved keeps its own copy: changing the answers afterwards leaves it alone."""
    answers = {"emergency": "no"}
    stored = saved.to_saved(answers, True)
    answers["medicare"] = "yes"
    return stored


def add_saved_cases():
    case("saved.constants", lambda: [saved.KIND, saved.VERSION])
    shows = [("true", True), ("false", False), ("zero", 0), ("one", 1), ("string", "yes"),
             ("none", None), ("empty_string", ""), ("list", [0])]
    for name, show in shows:
        case("saved.to_saved.show_" + name, saved.to_saved, {"emergency": "no"}, show)
    case("saved.to_saved.copies_answers", to_saved_copies)
    case("saved.to_saved.from_pairs", saved.to_saved, [("medicare", "yes"), ("emergency", "no")], True)

    stored = [
        ("none", None),
        ("string", "answers"),
        ("list", [{"answers": {}}]),
        ("int", 3),
        ("empty", {}),
        ("good", {"answers": {"emergency": "no", "medicare": "yes"}, "show_result": True}),
        ("good_hidden", {"answers": {"emergency": "no"}, "show_result": False}),
        ("show_string_true", {"answers": {"emergency": "no"}, "show_result": "true"}),
        ("show_one", {"answers": {"emergency": "no"}, "show_result": 1}),
        ("show_missing", {"answers": {"emergency": "no"}}),
        ("answers_missing", {"show_result": True}),
        ("answers_list", {"answers": ["emergency", "no"], "show_result": True}),
        ("answers_junk", {"answers": {"emergency": "si", "gone_question": "yes", "medicare": "yes"},
                          "show_result": True}),
        ("extra_fields", {"answers": {"older_adult": "yes"}, "show_result": True, "future": [1, 2]}),
    ]
    for name, value in stored:
        case("saved.from_saved." + name, saved.from_saved, DATA, value)

    trips = [
        ("empty", {}, False),
        ("one", {"emergency": "not_sure"}, True),
        ("all_yes", all_answered("yes"), True),
        ("all_no", all_answered("no"), False),
        ("all_not_sure", all_answered("not_sure"), True),
    ]
    for index, answers in enumerate(random_answer_sets(10, 7)):
        trips.append(("random_%02d" % index, answers, index % 2 == 0))
    for name, answers, show in trips:
        case("saved.round_trip." + name, saved_round_trip, answers, show)


# ---------------------------------------------------------------------------
# storage
# ---------------------------------------------------------------------------

KIND = "screener"
KEY = storage.storage_key(KIND)


class Raw:
    """Text put into an envelope_text() as is, e.g. a number written a particular way."""

    def __init__(self, text):
        self.text = text


_DROP = object()


def envelope_text(**fields):
    """An envelope as JSON text; fields override the good defaults (_DROP removes one).

    Written by dumps() rather than json.dumps, so every runtime builds the
    same text: MicroPython's json.dumps orders keys differently.
    """
    envelope = {"app": storage.APP, "kind": KIND, "version": 1, "saved_at": 1700000000, "data": {"a": 1}}
    for key in fields:
        if fields[key] is _DROP:
            envelope.pop(key)
        else:
            envelope[key] = fields[key]
    return dumps(envelope)


GOOD = envelope_text()
HEAD = '{"app": "second-opinion-guide", "kind": "screener", "version": 1, "saved_at": 5, "data": '


def padded_to(text, size):
    """The JSON text padded with spaces (still valid JSON) to exactly size characters."""
    return text[:-1] + " " * (size - len(text)) + "}"


def upgrade_1_to_2(data):
    return {"answers": data, "v": 2}


def upgrade_2_to_3(data):
    data["v"] = 3
    return data


def broken_upgrade(data):
    raise KeyError("no such field")


MIGRATIONS = {1: upgrade_1_to_2, 2: upgrade_2_to_3}

UNWRAP_CASES = [
    ("none", None),
    ("empty", ""),
    ("good", GOOD),
    ("good_compact",
     '{"app":"second-opinion-guide","kind":"screener","version":1,"saved_at":1,"data":[1,2]}'),
    ("good_null_data", envelope_text(data=None)),
    ("good_unicode_raw", HEAD + '"caf\u00e9 \U0001F600"}'),
    ("good_unicode_escaped", HEAD + '"caf\\u00e9"}'),
    ("good_nested", envelope_text(data={"answers": {"emergency": "no"}, "show_result": True,
                                        "deep": [[[{"x": [None, True, False, 0, -1, "s"]}]]]})),
    ("good_big_int_saved_at", envelope_text(saved_at=10 ** 30)),
    ("good_float_saved_at", envelope_text(saved_at=Raw("1700000000.5"))),
    ("good_negative_saved_at", envelope_text(saved_at=-3)),
    ("good_float_data", HEAD + '[0.5, 1e5, -2.25, 1E2]}'),
    ("saved_at_missing", envelope_text(saved_at=_DROP)),
    ("saved_at_string", envelope_text(saved_at="yesterday")),
    ("saved_at_true", envelope_text(saved_at=True)),
    ("saved_at_null", envelope_text(saved_at=None)),
    ("saved_at_list", envelope_text(saved_at=[1])),
    ("saved_at_huge_float", HEAD.replace('"saved_at": 5', '"saved_at": 1e400') + "1}"),
    ("data_missing", envelope_text(data=_DROP)),
    ("version_missing", envelope_text(version=_DROP)),
    ("version_string", envelope_text(version="1")),
    ("version_true", envelope_text(version=True)),
    ("version_false", envelope_text(version=False)),
    ("version_float", envelope_text(version=Raw("1.0"))),
    ("version_negative", envelope_text(version=-1)),
    ("version_null", envelope_text(version=None)),
    ("version_newer", envelope_text(version=2)),
    ("version_newer_saved_at_string", envelope_text(version=2, saved_at="x")),
    ("version_huge", envelope_text(version=10 ** 30)),
    ("version_old_no_migration", envelope_text(version=0)),
    ("wrong_app", envelope_text(app="other-site")),
    ("app_missing", envelope_text(app=_DROP)),
    ("wrong_kind", envelope_text(kind="checklist")),
    ("kind_missing", envelope_text(kind=_DROP)),
    ("duplicate_key_last_wins", GOOD[:-1] + ', "kind": "checklist"}'),
    ("list_envelope", "[1, 2, 3]"),
    ("string_envelope", '"second-opinion-guide"'),
    ("number_envelope", "12"),
    ("null_envelope", "null"),
    ("true_envelope", "true"),
    ("truncated", GOOD[:-10]),
    ("garbage", "not json at all"),
    ("whitespace_only", "   "),
    ("single_quotes", "{'app': 'second-opinion-guide'}"),
    ("unclosed_brace", "{"),
    ("unclosed_string", '{"app": "second'),
    ("extra_closing", GOOD + "}"),
    ("extra_text", GOOD + " trailing"),
    ("two_documents", GOOD + " " + GOOD),
    ("comment", GOOD + " // note"),
    ("bom_prefix", "\ufeff" + GOOD),
    ("nul_char", "\x00"),
    ("leading_dot_number", HEAD + ".5}"),
    ("too_large", "x" * (storage.MAX_CHARS + 1)),
    ("too_large_valid_json", padded_to(GOOD, storage.MAX_CHARS + 1)),
    ("exactly_max_valid_json", padded_to(GOOD, storage.MAX_CHARS)),
    ("deep_but_fine", HEAD + "[" * 50 + "]" * 50 + "}"),
    ("non_string_int", 42),
    ("non_string_float", 4.5),
    ("non_string_bytes", b'{"app": "second-opinion-guide"}'),
    ("non_string_list", ["not", "text"]),
    ("non_string_dict", {"app": storage.APP, "kind": KIND, "version": 1, "data": {}}),
    ("non_string_true", True),
    ("non_string_false", False),
]

# Texts that the runtimes' json modules read differently. Kept as cases so the
# differences stay visible; test_runtime_parity.KNOWN_DIFFERENCES lists them.
UNWRAP_JSON_QUIRKS = [
    ("quirk_trailing_comma", GOOD[:-1] + ",}"),
    ("quirk_trailing_comma_in_data", HEAD + "[1, 2,]}"),
    ("quirk_missing_value", GOOD[:-1] + ', "extra": }'),
    ("quirk_missing_colon", GOOD[:-1] + ', "extra" 1}'),
    ("quirk_leading_zero_version", GOOD.replace('"version":1', '"version":01')),
    ("quirk_trailing_dot_number", HEAD + "1.}"),
    ("quirk_raw_tab_in_string", HEAD + '"a\tb"}'),
    ("quirk_raw_newline_in_string", HEAD + '"a\nb"}'),
    ("quirk_hex_escape", HEAD + '"\\x41"}'),
    ("quirk_unknown_escape", HEAD + '"\\q"}'),
    ("quirk_infinity_data", HEAD + "Infinity}"),
    ("quirk_trailing_nul", GOOD + "\x00"),
    ("quirk_nan_saved_at", GOOD.replace('"saved_at":1700000000', '"saved_at":NaN')),
    ("quirk_infinity_saved_at", GOOD.replace('"saved_at":1700000000', '"saved_at":-Infinity')),
    ("quirk_surrogate_pair_escape", HEAD + '"\\ud83d\\ude00"}'),
]

# Deeply nested JSON: recorded by shape (canon() recurses, and MicroPython's
# Python stack is small). Depth 3000 parses in MicroPython and Pyodide but
# exhausts CPython 3.11's recursion limit. Far deeper texts (about 8000 levels)
# crash Pyodide outright under Node, so they cannot be a case here.
DEEP_CASES = [
    ("deep_nesting_200", HEAD + "[" * 200 + "]" * 200 + "}"),
    ("quirk_deep_nesting_3000", HEAD + "[" * 3000 + "]" * 3000 + "}"),
    ("unclosed_deep_nesting_3000", "[" * 3000),
]


def unwrap(text, migrations=None, version=1):
    return storage.unwrap(KIND, version, text, migrations)


def nesting_depth(value):
    """How deeply lists and dicts nest in value, found without recursion."""
    deepest = 0
    stack = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            item = list(item.values())
        if isinstance(item, list):
            depth += 1
            if depth > deepest:
                deepest = depth
            for child in item:
                stack.append((child, depth))
    return deepest


def unwrap_shape(text):
    """unwrap's result with the data given only as its type and nesting depth."""
    data, saved_at, notice = unwrap(text)
    return [type(data).__name__, nesting_depth(data), saved_at, notice]


class MemoryStorage:
    """localStorage stand-in: a dict, with every call logged."""

    def __init__(self, items=None):
        self.items = dict(items or {})
        self.calls = []

    def getItem(self, key):
        self.calls.append("get " + key)
        return self.items.get(key)

    def setItem(self, key, value):
        self.calls.append("set " + key)
        self.items[key] = value

    def removeItem(self, key):
        self.calls.append("remove " + key)
        self.items.pop(key, None)


class BrokenStorage(MemoryStorage):
    """Storage whose every method raises, as a blocked localStorage can."""

    def getItem(self, key):
        self.calls.append("get " + key)
        raise OSError("SecurityError: the operation is insecure")

    def setItem(self, key, value):
        self.calls.append("set " + key)
        raise OSError("SecurityError: the operation is insecure")

    def removeItem(self, key):
        self.calls.append("remove " + key)
        raise OSError("SecurityError: the operation is insecure")


class FullStorage(MemoryStorage):
    """Storage that reads and removes but refuses to store: the quota is full."""

    def setItem(self, key, value):
        self.calls.append("set " + key)
        raise OSError("QuotaExceededError")


class RemoveFailsStorage(MemoryStorage):
    def removeItem(self, key):
        self.calls.append("remove " + key)
        raise OSError("removeItem failed")


class OddValueStorage(MemoryStorage):
    """A bridge that hands back a non-string stand-in for a missing key."""

    def __init__(self, value):
        MemoryStorage.__init__(self)
        self.value = value

    def getItem(self, key):
        self.calls.append("get " + key)
        return self.value


def describe_text(text):
    """A stored value: parsed JSON where it parses (key order and escaping vary
    between runtimes' json.dumps), else the text itself, in brief if long."""
    if not isinstance(text, str):
        return {"value": canon(text)}
    try:
        return {"json": brief(canon(json.loads(text)))}
    except ValueError:
        return {"text": brief(text)}


def snapshot(backend):
    if backend is None:
        return None
    return {
        "items": [[key, describe_text(backend.items[key])] for key in sorted(backend.items)],
        "calls": backend.calls,
    }


def brief(value):
    """value with every long string in it summarised."""
    if isinstance(value, str) and len(value) > 1000:
        return {"summary": summary(value)}
    if isinstance(value, list):
        return [brief(item) for item in value]
    if isinstance(value, dict):
        result = {}
        for key in value:
            result[key] = brief(value[key])
        return result
    return value


def store_script(backend, steps, version=1, migrations=None):
    """Run steps (tuples: method name, args...) on a Store; log every return value."""
    store = storage.Store(backend, KIND, version, migrations)
    log = [["key", store.key], ["available", store.available()]]
    for step in steps:
        name = step[0]
        try:
            value = getattr(store, name)(*step[1:])
            if name == "read_text":
                value = describe_text(value)
            log.append([name, brief(canon(value))])
        except Exception as error:  # Store promises never to raise: record it if it does
            log.append([name, {"error": exception_name(error)}])
    log.append(["backend", snapshot(backend)])
    return log


SAVE_LOAD_CLEAR = [("load",), ("save", {"answers": {"emergency": "no"}, "show_result": True}, 1700000001),
                   ("load",), ("read_text",), ("clear",), ("load",)]


def add_storage_cases():
    case("storage.keys", lambda: [storage.storage_key("screener"), storage.unreadable_key("checklist")])
    case("storage.wrap", storage.wrap, "screener", 1, {"answers": {}}, 99)
    for notice in [storage.OK, storage.EMPTY, storage.BLOCKED, storage.CORRUPT, storage.TOO_LARGE,
                   storage.NEWER, storage.MIGRATED, storage.OLD, "unknown", None]:
        case("storage.message_for." + str(notice), storage.message_for, notice)

    for name, text in UNWRAP_CASES + UNWRAP_JSON_QUIRKS:
        case("storage.unwrap." + name, unwrap, text)
    for name, text in DEEP_CASES:
        case("storage.unwrap." + name, unwrap_shape, text)
    case("storage.unwrap.wrap_round_trip",
         lambda: unwrap(json.dumps(storage.wrap(KIND, 1, saved.to_saved({"medicare": "yes"}, True), 12))))
    case("storage.unwrap.migrate_1_to_3", unwrap, envelope_text(version=1), MIGRATIONS, 3)
    case("storage.unwrap.migrate_2_to_3", unwrap, envelope_text(version=2), MIGRATIONS, 3)
    case("storage.unwrap.migrate_0_missing_step", unwrap, envelope_text(version=0), MIGRATIONS, 3)
    case("storage.unwrap.migrate_broken_step", unwrap, envelope_text(version=1), {1: broken_upgrade}, 2)
    case("storage.unwrap.migrate_not_callable", unwrap, envelope_text(version=1), {1: "nope"}, 2)
    case("storage.unwrap.migrate_newer_than_target", unwrap, envelope_text(version=4), MIGRATIONS, 3)
    case("storage.unwrap.migrations_empty_dict", unwrap, envelope_text(version=0), {}, 1)

    case("storage.Store.blocked", store_script, None,
         [("load",), ("read_text",), ("save", {"a": 1}, 1), ("clear",), ("set_aside", "text")])
    case("storage.Store.fresh_save_load_clear", store_script, MemoryStorage(), SAVE_LOAD_CLEAR)
    case("storage.Store.screener_round_trip", store_script, MemoryStorage(),
         [("save", saved.to_saved(all_answered("not_sure"), False), 3), ("load",)])
    case("storage.Store.keeps_other_keys", store_script,
         MemoryStorage({"other": "x", storage.storage_key("checklist"): "y"}), SAVE_LOAD_CLEAR)
    for name, text in [("corrupt", "{broken"), ("wrong_kind", envelope_text(kind="checklist")),
                       ("newer", envelope_text(version=5, saved_at=77)),
                       ("old", envelope_text(version=0)),
                       ("too_large", "y" * (storage.MAX_CHARS + 5)),
                       ("good", GOOD), ("empty_string", "")]:
        case("storage.Store.existing_" + name, store_script, MemoryStorage({KEY: text}),
             [("load",), ("save", {"fresh": True}, 2), ("load",), ("clear",)])
    case("storage.Store.migrating", store_script, MemoryStorage({KEY: envelope_text(version=1)}),
         [("load",), ("save", {"v": 3}, 5), ("load",)], 3, MIGRATIONS)
    case("storage.Store.save_too_large", store_script, MemoryStorage(),
         [("save", {"big": "z" * storage.MAX_CHARS}, 1), ("load",)])
    case("storage.Store.save_just_fits", store_script, MemoryStorage(),
         [("save", {"big": "z" * (storage.MAX_CHARS - 200)}, 1), ("read_text",)])
    case("storage.Store.set_aside_non_string", store_script, MemoryStorage(),
         [("set_aside", None), ("set_aside", 42), ("set_aside", "kept")])
    case("storage.Store.broken_backend", store_script, BrokenStorage({KEY: GOOD}),
         [("read_text",), ("load",), ("save", {"a": 1}, 1), ("clear",), ("set_aside", "x")])
    case("storage.Store.full_backend", store_script, FullStorage({KEY: "{corrupt"}),
         [("load",), ("save", {"a": 1}, 1), ("clear",)])
    case("storage.Store.remove_fails", store_script, RemoveFailsStorage({KEY: GOOD}),
         [("clear",), ("load",)])
    for name, value in [("none", None), ("int", 0), ("false", False), ("list", []), ("object", object())]:
        case("storage.Store.odd_missing_value_" + name, store_script, OddValueStorage(value), [("load",)])
    # Saved text with non-ASCII data: CPython's json.dumps escapes it (6
    # characters for each), MicroPython's writes it as is; see KNOWN_DIFFERENCES.
    case("storage.Store.save_non_ascii_near_limit", store_script, MemoryStorage(),
         [("save", {"note": "\u00e9" * 40000}, 1), ("load",)])


# ---------------------------------------------------------------------------
# screener.render
# ---------------------------------------------------------------------------

def hostile_data():
    """The screener data with markup-breaking text in every field render shows."""
    data = copy_data(DATA)
    evil = "<b onmouseover=\"x\">&'</b>"
    for answer in data["answers"]:
        answer["label"] = answer["label"] + evil
    for level in data["levels"]:
        level["title"] = level["title"] + evil
        level["summary"] = evil + level["summary"]
        for step in level["next_steps"]:
            step["text"] = step["text"] + evil
            if step["href"]:
                step["href"] = step["href"] + '?a="b"&c=<d>'
    for question in data["questions"]:
        question["text"] = question["text"] + evil
        question["hint"] = evil if not question["hint"] else question["hint"] + evil
        for value in question["reasons"]:
            question["reasons"][value] = question["reasons"][value] + evil
    for note in data["notes"]:
        note["text"] = note["text"] + evil
        note["source"] = note["source"] + evil
        note["href"] = note["href"] + '"><script>'
    return data


def result_for(data, answers, root):
    return render.result_html(data, rules.evaluate(data, answers), root)


RESULT_ANSWERS = [
    ("empty", {}),
    ("emergency", {"emergency": "yes", "no_diagnosis": "yes"}),
    ("emergency_not_sure", {"emergency": "not_sure"}),
    ("worth_seeking", {"no_diagnosis": "yes", "rushed_visit": "not_sure", "medicare": "yes"}),
    ("could_help", {"side_effects": "yes", "older_adult": "yes"}),
    ("not_needed_all_no", all_answered("no")),
    ("all_yes", all_answered("yes")),
    ("all_yes_but_emergency", all_answered("yes", emergency="no")),
    ("all_not_sure", all_answered("not_sure")),
    ("all_notes", {"emergency": "not_sure", "medicare": "yes", "major_treatment": "yes",
                   "biopsy_or_cancer": "yes", "older_adult": "yes", "doctor_suggested": "yes"}),
]

ROOTS = [("root_empty", ""), ("root_dotdot", ".."), ("root_hostile", '"><script>alert(1)</script>')]


def add_render_cases():
    case("render.ROOT_ID", lambda: render.ROOT_ID)
    for root_name, root in ROOTS:
        case("render.form_html." + root_name, render.form_html, DATA, root)
        case("render.guide_html." + root_name, render.guide_html, DATA, root)
        for name, answers in RESULT_ANSWERS:
            case("render.result_html." + root_name + "." + name, result_for, DATA, answers, root)
    evil = hostile_data()
    case("render.form_html.hostile_data", render.form_html, evil, "/r")
    case("render.guide_html.hostile_data", render.guide_html, evil, "/r")
    for name, answers in RESULT_ANSWERS:
        case("render.result_html.hostile_data." + name, result_for, evil, answers, "/r")
    for index, answers in enumerate(random_answer_sets(12, 99)):
        case("render.result_html.random_%02d" % index, result_for, DATA, answers, "")
    # The long pages again, in brief, so a difference also shows as a hash.
    case("render.form_html.summary", lambda: summary(render.form_html(DATA, "")))
    case("render.guide_html.summary", lambda: summary(render.guide_html(DATA, "")))
    case_raises("render.result_html.unknown_level", "KeyError", render.result_html, DATA,
                {"level": "nope", "reasons": [], "notes": [], "unanswered": []}, "")


# ---------------------------------------------------------------------------
# checklist.model
# ---------------------------------------------------------------------------

CHECKLIST = checklist_model.load_items(find_data_file("checklist/items.json"))
CK_KIND = checklist_model.KIND
CK_TASK = "tell_doctor"
CK_RECORD = "lab_results"
CK_ITEM_IDS = [item["id"] for item in CHECKLIST["items"]]
CK_SUGGESTED_IDS = [question["id"] for question in CHECKLIST["suggested_questions"]]

# Each model operation by a short name, called as (state, *args).
CK_OPERATIONS = {
    "toggle": lambda state, item_id: checklist_model.toggle(CHECKLIST, state, item_id),
    "stage": lambda state, item_id, stage: checklist_model.set_stage(CHECKLIST, state, item_id, stage),
    "custom": checklist_model.add_custom,
    "remove_custom": checklist_model.remove_custom,
    "question": checklist_model.add_question,
    "suggested": lambda state, suggested_id: checklist_model.add_suggested(CHECKLIST, state, suggested_id),
    "remove_question": checklist_model.remove_question,
    "move": checklist_model.move_question,
    "appointment": checklist_model.set_appointment,
    "goals": checklist_model.set_goals,
    "show_all": checklist_model.set_show_all,
}


def ck_build(steps, state=None):
    """The state after steps (tuples: operation name, args...), from a new one."""
    if state is None:
        state = checklist_model.new_state()
    for step in steps:
        state = CK_OPERATIONS[step[0]](state, *step[1:])
    return state


def ck_script(steps):
    """Run steps from a new state, logging each result and whether the
    operation gave a new state and left the one passed in alone."""
    state = checklist_model.new_state()
    log = []
    for step in steps:
        before = dumps(canon(state))
        after = CK_OPERATIONS[step[0]](state, *step[1:])
        log.append({"step": step[0], "state": after, "new_object": after is not state,
                    "input_unchanged": dumps(canon(state)) == before})
        state = after
    return log


def ck_digest(value):
    """A large result in brief: its canonical JSON's length and hash."""
    text = dumps(canon(value))
    return {"len": len(text), "fnv1a": fnv1a(text)}


# A state using every part of the format, built only through operations
# (as the unit tests' rich_state).
CK_RICH_STEPS = [
    ("toggle", CK_TASK), ("stage", CK_RECORD, "confirmed"), ("stage", "clinical_summary", "sent"),
    ("custom", "Find parking for the visit"), ("custom", "Ask Sam to drive"), ("toggle", "c2"),
    ("suggested", "benefits"), ("question", "Can I keep working during treatment?"),
    ("appointment", "doctor", "Dr. Ana Ruiz"), ("appointment", "date", "2026-12-03"),
    ("goals", "Walk with my grandchildren."), ("show_all", True),
]
# More of everything, show_all off, items started outside the tailored list,
# and text with characters HTML escapes and non-ASCII.
CK_FILLED_STEPS = CK_RICH_STEPS[:-1] + [
    ("stage", "pathology_report", "asked"), ("stage", "imaging", "sent"), ("toggle", "ask_cost"),
    ("toggle", "release_form"), ("stage", "primary_care_note", "confirmed"),
    ("custom", "Caf\u00e9 near the clinic \u2615 \U0001F600"), ("custom", "Bring the blue folder & charger"),
    ("toggle", "c1"), ("question", 'Is 3 < 5 & "why" it\'s so?'), ("suggested", "how_sure"),
    ("suggested", "if_i_wait"), ("appointment", "phone", "555 0100"), ("appointment", "time", "09:30"),
    ("appointment", "companion", "Sam O'Neil"), ("goals", "Keep gardening \u2014 and pain < 3."),
]


def ck_rich():
    return ck_build(CK_RICH_STEPS)


def ck_filled():
    return ck_build(CK_FILLED_STEPS)


CK_EVIL = "<b onmouseover=\"x\">&'</b>"


def ck_hostile_state():
    """The filled state with markup in every text, set directly (bypassing the
    model's checks) so rendering alone must keep it text."""
    state = ck_filled()
    for entry in state["custom"] + state["questions"]:
        entry["text"] = entry["text"] + CK_EVIL
    for field in checklist_model.APPOINTMENT_FIELDS:
        state["appointment"][field] = CK_EVIL + field
    state["goals"] = CK_EVIL + "</textarea><script>alert(1)</script>"
    return state


def ck_hostile_data():
    """The checklist data with markup-breaking text in every field render shows."""
    data = copy_data(CHECKLIST)
    for group in data["groups"]:
        group["title"] = group["title"] + CK_EVIL
    for stage in data["stages"]:
        stage["label"] = stage["label"] + CK_EVIL
    for item in data["items"]:
        item["text"] = item["text"] + CK_EVIL
        item["why"] = CK_EVIL + item["why"]
        item["because"] = item["because"] + CK_EVIL
        if item["href"]:
            item["href"] = item["href"] + '?a="b"&c=<d>'
    for question in data["suggested_questions"]:
        question["text"] = question["text"] + CK_EVIL
    return data


# Screener answer sets the checklist tailors itself to.
CK_ANSWERS = [
    ("empty", {}),
    ("biopsy", {"biopsy_or_cancer": "yes"}),
    ("surgery_medicare", {"major_treatment": "yes", "medicare": "yes"}),
    ("older_serious", {"older_adult": "yes", "serious_illness": "yes"}),
    ("all_yes", all_answered("yes")),
    ("all_no", all_answered("no")),
    ("all_not_sure", all_answered("not_sure")),
]


def ck_view(state, answers):
    """What the page shows for a state and answers."""
    done, total = checklist_model.progress(CHECKLIST, state, answers)
    visible = checklist_model.visible_items(CHECKLIST, state, answers)
    return {
        "visible": visible,
        "more_count": checklist_model.more_count(CHECKLIST, state, answers),
        "progress": [done, total],
        "progress_text": checklist_model.progress_text(done, total),
        "groups": [[group["group"]["id"], [item["id"] for item in group["items"]]]
                   for group in checklist_model.groups_with_items(CHECKLIST, visible)],
    }


def ck_is_done_all(state):
    """is_done for every item, the visitor's own items and some unknown ids."""
    ids = CK_ITEM_IDS + [entry["id"] for entry in state["custom"]] + ["c99", "nope", "", "q1"]
    return [[item_id, checklist_model.is_done(CHECKLIST, state, item_id)] for item_id in ids]


# Texts to add, set or check, beyond markup.HOSTILE.
CK_TEXTS = [
    "Ask about rest", "Is 3 < 5 and 5 > 3?", "  ", "\t\n\r\f\v", "<a href=x>", "JavaScript:void(0)",
    "<b", "<Z", "</", "<!--", "<?xml", "JAVASCRIPT:", "x\u0000", "< b", "<3 my family", "a<", "<\u00e9",
    "java script:", "dose <=5", "\u00e9<b", "\U0001F600<b", "JAVASCR\u0130PT:", "java\u017fcript:",
    "\u00e9javascript:x", "<", "<<", "<<a", "1<2<3", "jAvAsCrIpT:alert(1)", "javascript :", "vbscript:x",
    "data:text/html,<script>", "\u00a0", "\u3000", "\u200b", " \u00a0padded\u00a0 ", "\n  trimmed  \t",
    "a\tb\nc", "x" * 600, " " + "a" * 499 + " b", "\U0001F600" * 501, "\u00e9" * 2001,
]


def ck_text_everywhere(text):
    """One text given to every place the visitor types."""
    state = checklist_model.new_state()
    return {
        "looks_like_markup": checklist_model.looks_like_markup(text),
        "text_problem": checklist_model.text_problem(text),
        "custom": checklist_model.add_custom(state, text)["custom"],
        "question": checklist_model.add_question(state, text)["questions"],
        "goals": checklist_model.set_goals(state, text)["goals"],
        "doctor": checklist_model.set_appointment(state, "doctor", text)["appointment"]["doctor"],
    }


def ck_caps(operation, count):
    """count adds of one kind: how many were kept, and the ids at the end."""
    state = checklist_model.new_state()
    for index in range(count):
        state = operation(state, "Entry " + str(index))
    entries = state["custom"] if state["custom"] else state["questions"]
    return {"kept": len(entries), "last": entries[-1], "next_id": state["next_id"],
            "digest": ck_digest(state)}


def ck_questions(count):
    state = checklist_model.new_state()
    for index in range(count):
        state = checklist_model.add_question(state, "Question " + str(index + 1) + "?")
    return state


def ck_move(count, question_id, step):
    moved = checklist_model.move_question(ck_questions(count), question_id, step)
    return [entry["id"] for entry in moved["questions"]]


def add_checklist_model_cases():
    case("checklist.model.constants", lambda: [
        checklist_model.KIND, checklist_model.VERSION, checklist_model.MAX_TEXT, checklist_model.MAX_GOALS,
        checklist_model.MAX_FIELD, checklist_model.MAX_CUSTOM, checklist_model.MAX_QUESTIONS,
        checklist_model.MAX_ID_DIGITS, checklist_model.APPOINTMENT_FIELDS, checklist_model.FIELDS,
        checklist_model.WHITESPACE, checklist_model.EMPTY_MESSAGE, checklist_model.MARKUP_MESSAGE,
        sorted(checklist_model.MIGRATIONS)])
    case("checklist.model.new_state", checklist_model.new_state)
    case("checklist.model.new_state_fresh_each_time",
         lambda: checklist_model.new_state() is not checklist_model.new_state())
    case("checklist.model.stage_ids", checklist_model.stage_ids, CHECKLIST)
    case("checklist.model.find_item.task", checklist_model.find_item, CHECKLIST, CK_TASK)
    case("checklist.model.find_item.unknown", checklist_model.find_item, CHECKLIST, "nope")
    case("checklist.model.find_item.none", checklist_model.find_item, CHECKLIST, None)
    case("checklist.model.groups_with_items.all", lambda: [
        [group["group"]["id"], [item["id"] for item in group["items"]]]
        for group in checklist_model.groups_with_items(CHECKLIST, CK_ITEM_IDS)])
    case("checklist.model.groups_with_items.some_reversed", lambda: [
        [group["group"]["id"], [item["id"] for item in group["items"]]]
        for group in checklist_model.groups_with_items(CHECKLIST, ["follow_up", "imaging", "nope", CK_TASK])])
    case("checklist.model.groups_with_items.none", checklist_model.groups_with_items, CHECKLIST, [])

    # Ticks and stages, step by step.
    scripts = [
        ("toggle_task_twice", [("toggle", CK_TASK), ("toggle", CK_TASK)]),
        ("toggle_ignores", [("toggle", CK_RECORD), ("toggle", "nope"), ("toggle", ""), ("toggle", None),
                            ("toggle", "c1")]),
        ("toggle_custom", [("custom", "Mine"), ("toggle", "c1"), ("toggle", "c1"), ("toggle", "c2")]),
        ("stages", [("stage", CK_RECORD, "asked"), ("stage", CK_RECORD, "sent"),
                    ("stage", CK_RECORD, "confirmed"), ("stage", CK_RECORD, ""),
                    ("stage", CK_RECORD, "confirmed"), ("stage", CK_RECORD, None)]),
        ("stage_ignores", [("stage", CK_RECORD, "sent"), ("stage", CK_RECORD, "lost"),
                           ("stage", CK_RECORD, "none"), ("stage", CK_RECORD, "Sent"),
                           ("stage", CK_TASK, "sent"), ("stage", "nope", "sent"), ("stage", None, "sent"),
                           ("stage", CK_RECORD, 1)]),
        ("custom_add_remove", [("custom", "a"), ("custom", "b"), ("remove_custom", "c1"), ("custom", "c"),
                               ("remove_custom", "c9"), ("remove_custom", None), ("custom", "   "),
                               ("custom", None), ("custom", 5), ("custom", "<b>no</b>")]),
        ("questions", [("question", "Mine?"), ("suggested", "benefits"), ("suggested", "benefits"),
                       ("suggested", "nope"), ("suggested", None), ("question", "With origin", "how_sure"),
                       ("question", "Odd origin", 5), ("question", "  "), ("question", "<i>x</i>"),
                       ("remove_question", "q1"), ("remove_question", "q99"),
                       ("suggested", "how_sure"), ("suggested", "downsides")]),
        ("suggested_typed_by_hand", [("question", "  HOW SURE ARE YOU OF MY DIAGNOSIS?  "),
                                     ("suggested", "how_sure"), ("suggested", "agree_first")]),
        ("ids_never_reused", [("custom", "a"), ("question", "b?"), ("remove_custom", "c1"),
                              ("remove_question", "q2"), ("custom", "c"), ("question", "d?")]),
        ("appointment", [("appointment", field, "Value for " + field)
                         for field in checklist_model.APPOINTMENT_FIELDS]
         + [("appointment", "doctor", ""), ("appointment", "phone", None), ("appointment", "date", 5),
            ("appointment", "time", "<b>9</b>"), ("appointment", "email", "a@b.c"),
            ("appointment", None, "x"), ("appointment", "companion", "  Sam  "),
            ("appointment", "doctor", "d" * 250)]),
        ("goals", [("goals", "  Feel well  "), ("goals", "g" * 2100), ("goals", "<script>"),
                   ("goals", 5), ("goals", None), ("goals", "again"), ("goals", "")]),
        ("show_all", [("show_all", True), ("show_all", 1), ("show_all", True), ("show_all", "yes"),
                      ("show_all", True), ("show_all", None), ("show_all", False)]),
        ("rich", CK_RICH_STEPS),
        ("filled", CK_FILLED_STEPS),
    ]
    for name, steps in scripts:
        case("checklist.model.script." + name, ck_script, steps)

    # Moving questions: 4 questions q1..q4, with the no-ops at either end.
    moves = [("first_up", "q1", -1), ("first_down", "q1", 1), ("middle_up", "q2", -1),
             ("middle_down", "q3", 1), ("last_down", "q4", 1), ("last_up", "q4", -1),
             ("step_two", "q2", 2), ("step_zero", "q2", 0), ("step_minus_two", "q3", -2),
             ("step_true", "q2", True), ("step_string", "q2", "1"), ("step_none", "q2", None),
             ("unknown_id", "q9", 1), ("none_id", None, 1), ("custom_id", "c1", 1)]
    for name, question_id, step in moves:
        case("checklist.model.move_question." + name, ck_move, 4, question_id, step)
    case("checklist.model.move_question.only_one_up", ck_move, 1, "q1", -1)
    case("checklist.model.move_question.only_one_down", ck_move, 1, "q1", 1)
    case("checklist.model.move_question.empty", ck_move, 0, "q1", 1)
    case_raises("checklist.model.move_question.step_float", "TypeError", ck_move, 4, "q2", 1.0)

    case("checklist.model.has_suggested.new", lambda: [
        checklist_model.has_suggested(CHECKLIST, checklist_model.new_state(), sid)
        for sid in CK_SUGGESTED_IDS + ["nope", ""]])
    case("checklist.model.has_suggested.filled", lambda: [
        [sid, checklist_model.has_suggested(CHECKLIST, ck_filled(), sid)]
        for sid in CK_SUGGESTED_IDS + ["nope"]])
    case("checklist.model.add_suggested.all_then_again", lambda: ck_build(
        [("suggested", sid) for sid in CK_SUGGESTED_IDS + CK_SUGGESTED_IDS])["questions"])

    case("checklist.model.add_custom.cap", ck_caps, checklist_model.add_custom,
         checklist_model.MAX_CUSTOM + 3)
    case("checklist.model.add_question.cap", ck_caps, checklist_model.add_question,
         checklist_model.MAX_QUESTIONS + 3)

    for index, text in enumerate(HOSTILE + CK_TEXTS):
        case("checklist.model.text.%02d" % index, ck_text_everywhere, text)
    for name, value in [("none", None), ("int", 5), ("list", ["a"]), ("bytes", b"<b>"), ("true", True)]:
        case("checklist.model.text_problem." + name, checklist_model.text_problem, value)
    case_raises("checklist.model.looks_like_markup.none", "TypeError",
                checklist_model.looks_like_markup, None)

    # is_done, tailoring, visibility and progress.
    case("checklist.model.is_done.new", ck_is_done_all, checklist_model.new_state())
    case("checklist.model.is_done.rich", ck_is_done_all, ck_rich())
    case("checklist.model.is_done.filled", ck_is_done_all, ck_filled())
    for name, answers in EVALUATE_CASES:
        case("checklist.model.tailor." + name, checklist_model.tailor, CHECKLIST, answers)
    for index, answers in enumerate(random_answer_sets(12, 4242)):
        case("checklist.model.tailor.random_%02d" % index, checklist_model.tailor, CHECKLIST, answers)
    for name, answers in [("none", None), ("list", [["biopsy_or_cancer", "yes"]]), ("string", "x"),
                          ("upper_case_answer", {"biopsy_or_cancer": "YES"}),
                          ("unknown_question", {"nope": "yes"})]:
        case("checklist.model.tailor.junk_" + name, checklist_model.tailor, CHECKLIST, answers)

    states = [("new", checklist_model.new_state()), ("rich", ck_rich()), ("filled", ck_filled()),
              ("filled_show_all", checklist_model.set_show_all(ck_filled(), True)),
              ("started_hidden", ck_build([("toggle", "ask_cost"), ("stage", "tissue_blocks", "asked"),
                                           ("stage", "mammograms", "confirmed")]))]
    for state_name, state in states:
        for answers_name, answers in CK_ANSWERS:
            case("checklist.model.view." + state_name + "." + answers_name, ck_view, state, answers)
    for done, total in [(0, 0), (7, 12), (12, 12), (10 ** 12, 10 ** 12 + 1), (-1, 0)]:
        case("checklist.model.progress_text.%d_of_%d" % (done, total),
             checklist_model.progress_text, done, total)

    add_checklist_clean_cases()


# ---- clean_state (lenient) --------------------------------------------------

# Any JSON value, as the unit tests' JSON_JUNK.
CK_JUNK = [None, True, 0, -1, 2.5, "", "text", "<b>x</b>", [], [1, "a"], {}, {"a": None}, "x" * 300000]

CK_V1 = {
    "ticked": [CK_TASK, "release_form"],
    "stages": {CK_RECORD: "sent"},
    "custom": ["Find parking", "Ask Sam"],
    "appointment": {"doctor": "Dr. Lee", "phone": "", "date": "2026-12-01", "time": "09:30",
                    "companion": "Sam"},
    "questions": ["How sure are you?", "What if I wait?"],
    "goals": "Keep gardening.",
}


def ck_with(value, **fields):
    """A copy of value (a dict) with fields replaced."""
    result = copy_data(value)
    for key in fields:
        result[key] = fields[key]
    return result


def ck_envelope(data, version=2, kind=CK_KIND, app=storage.APP, saved_at=5):
    """A checklist envelope as text, the same in every runtime (see envelope_text)."""
    return dumps({"app": app, "kind": kind, "version": version, "saved_at": saved_at, "data": data})


def ck_clean(raw):
    """clean_state, and whether it left its input alone."""
    before = dumps(canon(raw))
    state, problems = checklist_model.clean_state(CHECKLIST, raw)
    return {"state": state, "problems": problems, "input_unchanged": dumps(canon(raw)) == before}


def ck_clean_brief(raw):
    """clean_state of a large raw state, in brief."""
    state, problems = checklist_model.clean_state(CHECKLIST, raw)
    return {"problems": problems, "custom": len(state["custom"]), "questions": len(state["questions"]),
            "lengths": sorted(set([len(entry["text"]) for entry in state["custom"] + state["questions"]])),
            "goals": len(state["goals"]), "next_id": state["next_id"], "digest": ck_digest(state)}


def ck_from_storage(text):
    """Saved text read as the widget does: storage.unwrap with the migrations, then clean_state."""
    loaded, saved_at, notice = storage.unwrap(
        CK_KIND, checklist_model.VERSION, text, checklist_model.MIGRATIONS)
    return {"notice": notice, "saved_at": saved_at, "clean": checklist_model.clean_state(CHECKLIST, loaded)}


def ck_junk_inside(junk):
    raw = ck_rich()
    raw["done"]["x"] = junk
    raw["done"][CK_TASK] = junk
    raw["stages"][CK_RECORD] = junk
    raw["custom"].append(junk)
    raw["custom"].append({"id": junk, "text": "kept", "done": junk})
    raw["questions"].append(junk)
    raw["questions"].append({"id": junk, "text": "kept?", "from": junk})
    raw["appointment"]["phone"] = junk
    return ck_clean(raw)


def ck_good_parts_and_junk():
    """The unit tests' scenario: every kind of loss at once."""
    raw = ck_rich()
    raw["done"]["gone_one"] = True
    raw["done"]["gone_two"] = True
    raw["done"]["release_form"] = "yes"
    raw["stages"]["gone_record"] = "sent"
    raw["stages"]["primary_care_note"] = "lost"
    raw["custom"].append({"id": "c40", "text": "<script>x</script>", "done": False})
    raw["custom"].append(42)
    raw["questions"].append({"id": "q41", "text": "   ", "from": ""})
    raw["goals"] = "g" * (checklist_model.MAX_GOALS + 10)
    raw["appointment"]["doctor"] = 12
    return ck_clean(raw)


def ck_entries(prefix, count, text, extra=None):
    entries = []
    for number in range(1, count + 1):
        entry = {"id": prefix + str(number), "text": text}
        if prefix == "c":
            entry["done"] = number % 2 == 0
        else:
            entry["from"] = ""
        entries.append(entry)
    return entries


def add_checklist_clean_cases():
    new = checklist_model.new_state()
    for name, raw in [("none", None), ("list_empty", []), ("list", [1, 2]), ("string", "text"), ("int", 5),
                      ("true", True), ("float", 2.5), ("empty_dict", {}), ("new_state", new),
                      ("rich", ck_rich()),
                      ("filled", ck_filled()), ("unknown_field", ck_with(new, extra=1, other=[1])),
                      ("only_unknown_fields", {"a": 1, "b": 2})]:
        case("checklist.model.clean_state." + name, ck_clean, raw)
    for field in checklist_model.FIELDS:
        for index, junk in enumerate(CK_JUNK):
            case("checklist.model.clean_state.field_junk.%s.%02d" % (field, index),
                 ck_clean, ck_with(ck_rich(), **{field: junk}))
        raw = ck_rich()
        raw.pop(field)
        case("checklist.model.clean_state.missing." + field, ck_clean, raw)
    for index, junk in enumerate(CK_JUNK[:-1]):
        case("checklist.model.clean_state.junk_inside_%02d" % index, ck_junk_inside, junk)
    case("checklist.model.clean_state.good_parts_and_junk", ck_good_parts_and_junk)

    # Oversized text and lists.
    long_text = "t" * 900
    case("checklist.model.clean_state.too_many_long_custom", ck_clean_brief,
         ck_with(new, custom=ck_entries("c", 105, long_text), next_id=106))
    case("checklist.model.clean_state.too_many_long_questions", ck_clean_brief,
         ck_with(new, questions=ck_entries("q", 105, " " + long_text + " "), next_id=106))
    case("checklist.model.clean_state.long_non_ascii", ck_clean_brief,
         ck_with(new, custom=ck_entries("c", 3, "\u00e9\U0001F600" * 400), goals="\u4e2d" * 5000, next_id=4))
    case("checklist.model.clean_state.long_appointment", ck_clean,
         ck_with(new, appointment={"doctor": "d" * 201, "phone": " " * 300 + "5", "date": "x" * 199 + " y",
                                   "time": "", "companion": "\u00e9" * 250}))
    case("checklist.model.clean_state.huge_lists", ck_clean_brief,
         ck_with(new, custom=[7] * 5000, questions=[{"id": "q1"}] * 5000))

    # Ids and next_id.
    custom = [{"id": "c5", "text": "a", "done": False}, {"id": "c5", "text": "b", "done": True}]
    case("checklist.model.clean_state.ids_repaired", ck_clean, ck_with(
        new, custom=custom, questions=[{"id": "nonsense", "text": "c?", "from": "gone"}], next_id=2))
    odd_ids = ["c0", "c01", "c1234567890", "c123456789", "q3", "c\u0663", "c-1", "c 2", "C4", "", None, 7,
               ["c8"], "c9"]
    case("checklist.model.clean_state.odd_ids", ck_clean, ck_with(
        new, custom=[{"id": value, "text": "item " + str(index), "done": False}
                     for index, value in enumerate(odd_ids)], next_id=10))
    for index, value in enumerate([0, -1, 1, 3, 4, "7", 2.5, 4.0, True, None, [], 10 ** 9 - 1, 10 ** 9,
                                   10 ** 30, -10 ** 30]):
        case("checklist.model.clean_state.next_id_%02d" % index, ck_clean, ck_with(
            new, custom=[{"id": "c1", "text": "a", "done": False}, {"id": "c3", "text": "b", "done": False}],
            next_id=value))
    case("checklist.model.clean_state.next_id_top_id", ck_clean, ck_with(
        new, custom=[{"id": "c999999999", "text": "a", "done": False},
                     {"id": "x", "text": "b", "done": False}],
        next_id=5))

    # Keys and values the data does not know.
    case("checklist.model.clean_state.unknown_ids", ck_clean, ck_with(
        new, done={"nope": True, CK_RECORD: True, CK_TASK: True, "release_form": False, "own_copy": "yes"},
        stages={"nope": "sent", CK_TASK: "sent", CK_RECORD: "lost", "imaging": "", "clinical_summary": None,
                "tissue_blocks": "confirmed"}))
    case("checklist.model.clean_state.markup_keys_and_values", ck_clean, ck_with(
        new, done={"<b>": True, "javascript:x": True, CK_TASK: True},
        stages={"<i>": "sent", CK_RECORD: "<i>sent</i>", "imaging": "JavaScript:x"},
        appointment={"doctor": "<b>Dr</b>", "phone": "javascript:call()", "date": "", "time": "",
                     "companion": "ok"},
        goals="a\u0000b"))
    case("checklist.model.clean_state.non_string_keys", ck_clean, ck_with(
        new, done={1: True, None: True, CK_TASK: True}, stages={2: "sent", CK_RECORD: "sent"}))
    case("checklist.model.clean_state.entries_wrong_shape", ck_clean, ck_with(
        new, custom=[{"text": "no id"}, {"id": "c1", "text": "extra", "done": False, "more": 1},
                     {"id": "c2", "text": ["x"], "done": False}, {"id": "c3", "text": "done 1", "done": 1},
                     {"id": "c4", "text": "done null", "done": None}, "plain string"],
        questions=[{"text": "no id?"}, {"id": "q5", "text": "from known", "from": "benefits"},
                   {"id": "q6", "text": "from junk", "from": 5},
                   {"id": "q7", "text": "from markup", "from": "<b>"},
                   {"id": "q8", "text": "", "from": ""}], next_id=9))
    case("checklist.model.clean_state.appointment_wrong_shape", ck_clean, ck_with(
        new, appointment={"doctor": "Dr. A", "email": "a@b.c", 3: "x"}))

    # v1 data (development-era) through storage.unwrap with model.MIGRATIONS.
    v1_cases = [
        ("full", CK_V1),
        ("removed_item", ck_with(CK_V1, ticked=[CK_TASK, "gone_item"])),
        ("junk_parts", {"ticked": "x", "custom": ["fine", 7], "questions": {"a": 1}, "goals": "Rest."}),
        ("ticked_non_strings", ck_with(CK_V1, ticked=[1, None, CK_TASK, ["x"], CK_RECORD])),
        ("custom_markup", ck_with(CK_V1, custom=["<b>x</b>", "ok", ""], questions=["javascript:x", "fine?"])),
        ("appointment_list", ck_with(CK_V1, appointment=["Dr. Lee"])),
        ("empty_dict", {}),
        ("unknown_fields", ck_with(CK_V1, extra=True)),
        ("none", None), ("list", []), ("string", "text"), ("number", 4),
    ]
    for name, old in v1_cases:
        case("checklist.model.v1_from_storage." + name, ck_from_storage, ck_envelope(old, version=1))
    case("checklist.model.v2_from_storage.rich", ck_from_storage, ck_envelope(ck_rich()))
    case("checklist.model.v3_from_storage.newer", ck_from_storage, ck_envelope(ck_rich(), version=3))
    case("checklist.model.v0_from_storage.old", ck_from_storage, ck_envelope(ck_rich(), version=0))
    case("checklist.model.from_storage.corrupt", ck_from_storage, "{broken")
    case("checklist.model.from_storage.none", ck_from_storage, None)
    case("checklist.model.from_v1.direct", checklist_model.from_v1, CK_V1)
    for name, old in [("none", None), ("list", []), ("string", "x")]:
        case_raises("checklist.model.from_v1.not_dict_" + name, "ValueError", checklist_model.from_v1, old)


# ---- export_text and import_text (strict) ----------------------------------------

def ck_import(text):
    """import_text's outcome: refused or not, the message, and the state (in brief if large)."""
    state, message = checklist_model.import_text(CHECKLIST, text)
    if state is not None and len(dumps(canon(state))) > 5000:
        state = ck_digest(state)
    return {"refused": state is None, "message": message, "state": state}


def ck_round_trip(state, exported_at_ms):
    """export_text, read back: the export compared parsed (MicroPython's
    json.dumps escapes and orders keys differently), then import_text."""
    text = checklist_model.export_text(state, exported_at_ms)
    envelope = canon(json.loads(text))
    state_back, message = checklist_model.import_text(CHECKLIST, text)
    same = state_back == state
    if len(dumps(envelope)) > 5000:
        envelope = ck_digest(envelope)
        state_back = ck_digest(state_back)
    return {"envelope": envelope, "imported": state_back, "message": message, "same": same}


def ck_set_in(path, value):
    def change(data):
        target = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
    return change


def ck_pop(path):
    def change(data):
        target = data
        for key in path[:-1]:
            target = target[key]
        target.pop(path[-1])
    return change


def ck_file(change, version=2):
    """The file of the rich state, with one change made to its data."""
    data = ck_rich()
    change(data)
    return ck_envelope(data, version=version, saved_at=1764000000000)


CK_GOOD_FILE = ck_file(lambda data: None)


def ck_padded(text, size):
    """JSON text padded with spaces to exactly size characters."""
    return text[:-1] + " " * (size - len(text)) + "}"


def ck_raw_emoji(text):
    """Text with every escaped U+1F600 written as the character itself (as
    MicroPython's json.dumps writes it)."""
    return text.replace("\\ud83d\\ude00", "\U0001F600")


CK_HOSTILE = [("script", "<script>alert(1)</script>"), ("img", "<img src=x onerror=alert(1)>"),
              ("end_tag", "</textarea>"), ("comment", "<!-- x"), ("php", "<?php"),
              ("javascript", "JavaScript:alert(1)"), ("nul", "ok\u0000")]

CK_HOSTILE_PLACES = [
    ("custom_text", lambda value: ck_set_in(["custom", 0, "text"], value)),
    ("question", lambda value: ck_set_in(["questions", 0, "text"], value)),
    ("goals", lambda value: ck_set_in(["goals"], value)),
    ("appointment_doctor", lambda value: ck_set_in(["appointment", "doctor"], value)),
    ("appointment_time", lambda value: ck_set_in(["appointment", "time"], value)),
    ("ticked_item_id", lambda value: ck_set_in(["done", value], True)),
    ("record_item_id", lambda value: ck_set_in(["stages", value], "sent")),
    ("stage", lambda value: ck_set_in(["stages", CK_RECORD], value)),
    ("custom_id", lambda value: ck_set_in(["custom", 0, "id"], value)),
    ("question_origin", lambda value: ck_set_in(["questions", 0, "from"], value)),
]


def add_checklist_import_cases():
    # Round trips through a file.
    non_ascii = ck_build([("custom", "caf\u00e9 \u4e2d\u6587 \U0001F600"),
                          ("question", "\u00bfQu\u00e9 tal?"),
                          ("goals", "\u202eright-to-left\u202c and \u2028 line"),
                          ("appointment", "doctor", "Dr. \u00d8stergaard")])
    control = ck_build([("custom", "a\tb\nc\x01d\x7fe"), ("question", 'quote " and back\\slash'),
                        ("goals", "line one\nline two")])
    biggest = checklist_model.new_state()
    biggest["custom"] = ck_entries("c", checklist_model.MAX_CUSTOM, "x" * checklist_model.MAX_TEXT)
    biggest["questions"] = [{"id": "q" + str(number), "text": "y" * checklist_model.MAX_TEXT, "from": ""}
                            for number in range(101, 101 + checklist_model.MAX_QUESTIONS)]
    biggest["goals"] = "g" * checklist_model.MAX_GOALS
    for field in checklist_model.APPOINTMENT_FIELDS:
        biggest["appointment"][field] = "a" * checklist_model.MAX_FIELD
    biggest["next_id"] = 201
    trips = [("new", checklist_model.new_state(), 0), ("rich", ck_rich(), 1764000000000),
             ("filled", ck_filled(), 10 ** 15), ("non_ascii", non_ascii, 1), ("control", control, 2),
             ("biggest", biggest, 3),
             ("cleaned_junk", checklist_model.clean_state(CHECKLIST, ck_with(
                 ck_rich(), custom=[7, {"id": "c1", "text": "dup", "done": 3}], next_id="x"))[0], 4),
             ("from_v1", ck_from_storage(ck_envelope(CK_V1, version=1))["clean"][0], 5)]
    for name, state, exported_at in trips:
        case("checklist.round_trip." + name, ck_round_trip, state, exported_at)
    # Non-ASCII text near the size limit: CPython's json.dumps escapes each
    # character as 6, so its export is too large to import; see KNOWN_DIFFERENCES.
    near_limit = checklist_model.new_state()
    near_limit["custom"] = ck_entries("c", checklist_model.MAX_CUSTOM, "\u00e9" * checklist_model.MAX_TEXT)
    near_limit["next_id"] = 101
    case("checklist.round_trip.quirk_non_ascii_near_limit", ck_round_trip, near_limit, 6)

    # Files that import, and files refused whole.
    accepted = [
        ("good", CK_GOOD_FILE),
        ("v1", ck_envelope(CK_V1, version=1)),
        ("legal_angle_brackets_trimmed", ck_file(ck_set_in(["goals"], "  Keep pain < 3 out of 10  "))),
        ("text_at_limits", ck_file(lambda data: [
            ck_set_in(["custom", 0, "text"], "x" * checklist_model.MAX_TEXT)(data),
            ck_set_in(["questions", 0, "text"], "y" * checklist_model.MAX_TEXT)(data),
            ck_set_in(["goals"], "g" * checklist_model.MAX_GOALS)(data),
            ck_set_in(["appointment", "doctor"], "d" * checklist_model.MAX_FIELD)(data)])),
        ("padded_to_max", ck_padded(CK_GOOD_FILE, storage.MAX_CHARS)),
        ("saved_at_string", ck_envelope(ck_rich(), saved_at="yesterday")),
        ("non_ascii_escaped", ck_file(ck_set_in(["goals"], "caf\u00e9 \u4e2d\u6587"))),
        ("emoji_raw_goals", ck_raw_emoji(ck_file(ck_set_in(["goals"], "\U0001F600 ok")))),
        ("emoji_raw_long_text", ck_raw_emoji(ck_file(ck_set_in(["custom", 0, "text"], "\U0001F600" * 300)))),
        ("micropython_key_order", '{"data": {"next_id": 1, "goals": "", "questions": [], "show_all": false, '
                                  '"custom": [], "stages": {}, "done": {}, "appointment": {"time": "", '
                                  '"phone": "", "doctor": "", "date": "", "companion": ""}}, "kind": '
                                  '"checklist", "version": 2, "saved_at": 1, "app": "second-opinion-guide"}'),
        ("empty_stage_ignored", ck_file(ck_set_in(["stages", "imaging"], ""))),
        ("ticked_false_ignored", ck_file(ck_set_in(["done", "own_copy"], False))),
    ]
    for name, text in accepted:
        case("checklist.import_text." + name, ck_import, text)

    too_many_custom = [{"id": "c" + str(n), "text": "x", "done": False} for n in range(100, 201)]
    too_many_questions = [{"id": "q" + str(n), "text": "x", "from": ""} for n in range(100, 201)]
    refused = [
        ("not_text_none", None), ("not_text_bytes", b"{}"), ("not_text_int", 5), ("not_text_list", ["{}"]),
        ("empty", ""), ("whitespace", "  \n\t\r "), ("nbsp_only", "\u00a0"),
        ("huge_spaces", " " * (storage.MAX_CHARS + 1)), ("huge_text", "x" * (storage.MAX_CHARS + 1)),
        ("padded_over_max", ck_padded(CK_GOOD_FILE, storage.MAX_CHARS + 1)),
        ("damaged", CK_GOOD_FILE[:-3]), ("not_json", "{not json"), ("garbage", "not json at all"),
        ("bom_prefix", "\ufeff" + CK_GOOD_FILE), ("two_documents", CK_GOOD_FILE + " " + CK_GOOD_FILE),
        ("plain_json_list", "[1, 2, 3]"), ("json_null", "null"), ("json_string", '"checklist"'),
        ("json_number", "12"),
        ("deep_nesting_200", "[" * 200 + "]" * 200),
        ("deep_nesting_in_data_40", ck_envelope(None).replace("null", "[" * 40 + "]" * 40)),
        ("deep_nesting_in_field_40", ck_file(ck_set_in(["goals"], None)).replace(
            '"goals":null', '"goals":' + "[" * 40 + "]" * 40)),
        ("unclosed_deep_3000", "[" * 3000),
        ("other_app", ck_envelope(ck_rich(), app="another-app")),
        ("app_missing", dumps({"kind": CK_KIND, "version": 2, "saved_at": 1, "data": ck_rich()})),
        ("screener_file", ck_envelope({"answers": {}, "show_result": False}, kind="screener", version=1)),
        ("newer_version", ck_envelope(ck_rich(), version=3)),
        ("huge_version", ck_envelope(ck_rich(), version=10 ** 30)),
        ("version_0", ck_envelope(ck_rich(), version=0)),
        ("version_string", ck_envelope(ck_rich(), version="2")),
        ("version_true", ck_envelope(ck_rich(), version=True)),
        ("version_float", ck_envelope(ck_rich(), version=Raw("2.0"))),
        ("null_data", ck_envelope(None)), ("list_data", ck_envelope([])), ("string_data", ck_envelope("x")),
        ("empty_data", ck_envelope({})),
        ("v1_null", ck_envelope(None, version=1)), ("v1_list", ck_envelope([], version=1)),
        ("v1_removed_item", ck_envelope(ck_with(CK_V1, ticked=[CK_TASK, "gone_item"]), version=1)),
        ("v1_markup", ck_envelope(ck_with(CK_V1, custom=["<b>x</b>"]), version=1)),
        ("unknown_field", ck_file(ck_set_in(["extra"], 1))),
        ("done_wrong_type", ck_file(ck_set_in(["done"], [CK_TASK]))),
        ("done_not_true", ck_file(ck_set_in(["done", CK_TASK], "yes"))),
        ("done_one", ck_file(ck_set_in(["done", CK_TASK], 1))),
        ("unknown_item_id", ck_file(ck_set_in(["done", "not_an_item"], True))),
        ("record_in_done", ck_file(ck_set_in(["done", CK_RECORD], True))),
        ("unknown_stage", ck_file(ck_set_in(["stages", CK_RECORD], "lost"))),
        ("stage_on_a_task", ck_file(ck_set_in(["stages", CK_TASK], "sent"))),
        ("stages_wrong_type", ck_file(ck_set_in(["stages"], []))),
        ("custom_not_a_list", ck_file(ck_set_in(["custom"], {}))),
        ("custom_entry_string", ck_file(ck_set_in(["custom", 0], "plain"))),
        ("custom_done_not_bool", ck_file(ck_set_in(["custom", 0, "done"], 1))),
        ("custom_empty_text", ck_file(ck_set_in(["custom", 0, "text"], " "))),
        ("custom_text_not_string", ck_file(ck_set_in(["custom", 0, "text"], 5))),
        ("custom_bad_id", ck_file(ck_set_in(["custom", 0, "id"], "x1"))),
        ("custom_leading_zero_id", ck_file(ck_set_in(["custom", 0, "id"], "c01"))),
        ("custom_duplicate_id", ck_file(ck_set_in(["custom", 1, "id"], "c1"))),
        ("custom_missing_done", ck_file(ck_pop(["custom", 0, "done"]))),
        ("question_unknown_origin", ck_file(ck_set_in(["questions", 0, "from"], "gone"))),
        ("question_origin_not_string", ck_file(ck_set_in(["questions", 0, "from"], 5))),
        ("question_extra_key", ck_file(ck_set_in(["questions", 0, "extra"], ""))),
        ("question_missing_from", ck_file(ck_pop(["questions", 0, "from"]))),
        ("show_all_not_bool", ck_file(ck_set_in(["show_all"], "yes"))),
        ("next_id_too_low", ck_file(ck_set_in(["next_id"], 1))),
        ("next_id_not_int", ck_file(ck_set_in(["next_id"], "7"))),
        ("next_id_float", ck_file(ck_set_in(["next_id"], Raw("9.0")))),
        ("next_id_huge", ck_file(ck_set_in(["next_id"], 10 ** 30))),
        ("appointment_unknown_field", ck_file(ck_set_in(["appointment", "email"], "a@b.c"))),
        ("appointment_not_text", ck_file(ck_set_in(["appointment", "phone"], 5550100))),
        ("appointment_missing_field", ck_file(ck_pop(["appointment", "time"]))),
        ("appointment_wrong_type", ck_file(ck_set_in(["appointment"], "Dr. Lee"))),
        ("goals_not_text", ck_file(ck_set_in(["goals"], ["a"]))),
        ("too_many_custom", ck_file(ck_set_in(["custom"], too_many_custom))),
        ("too_many_questions", ck_file(ck_set_in(["questions"], too_many_questions))),
        ("long_custom", ck_file(ck_set_in(["custom", 0, "text"], "x" * (checklist_model.MAX_TEXT + 1)))),
        ("long_question", ck_file(ck_set_in(["questions", 0, "text"], "x" * (checklist_model.MAX_TEXT + 1)))),
        ("long_goals", ck_file(ck_set_in(["goals"], "x" * (checklist_model.MAX_GOALS + 1)))),
        ("long_appointment", ck_file(ck_set_in(["appointment", "doctor"],
                                               "x" * (checklist_model.MAX_FIELD + 1)))),
        ("long_non_ascii_raw", ck_raw_emoji(ck_file(ck_set_in(["custom", 0, "text"], "\U0001F600" * 501)))),
    ]
    for field in checklist_model.FIELDS:
        refused.append(("missing_" + field, ck_file(ck_pop([field]))))
    for name, text in refused:
        case("checklist.import_text." + name, ck_import, text)
    for place_name, place in CK_HOSTILE_PLACES:
        for value_name, value in CK_HOSTILE:
            case("checklist.import_text.markup." + place_name + "." + value_name, ck_import,
                 ck_file(place(value)))

    # The runtimes' json modules read these differently; see KNOWN_DIFFERENCES.
    case("checklist.import_text.quirk_trailing_comma", ck_import, CK_GOOD_FILE[:-1] + ",}")
    case("checklist.import_text.quirk_deep_nesting_3000", ck_import, "[" * 3000 + "]" * 3000)
    case("checklist.import_text.quirk_emoji_escape_goals", ck_import,
         ck_file(ck_set_in(["goals"], "\U0001F600 ok")))
    case("checklist.import_text.quirk_emoji_escape_long_text", ck_import,
         ck_file(ck_set_in(["custom", 0, "text"], "\U0001F600" * 300)))

    # The screener's saved answers, as the checklist reads them.
    answers_texts = [
        ("good", envelope_text(data={"answers": {"biopsy_or_cancer": "yes", "medicare": "no"},
                                     "show_result": True})),
        ("all_yes", envelope_text(data={"answers": all_answered("yes"), "show_result": False})),
        ("junk_answers", envelope_text(data={"answers": {"biopsy_or_cancer": "si", "gone": "yes",
                                                         "medicare": "yes", "older_adult": None}})),
        ("answers_list", envelope_text(data={"answers": ["biopsy_or_cancer", "yes"]})),
        ("data_list", envelope_text(data=[1])), ("data_null", envelope_text(data=None)),
        ("corrupt", "{broken"), ("truncated", GOOD[:-5]),
        ("newer", envelope_text(version=2, data={"answers": {"medicare": "yes"}})),
        ("old", envelope_text(version=0, data={"answers": {"medicare": "yes"}})),
        ("wrong_kind", envelope_text(kind="checklist", data={"answers": {"medicare": "yes"}})),
        ("too_large", "x" * (storage.MAX_CHARS + 1)), ("deep", "[" * 3000),
        ("none", None), ("empty", ""), ("non_string", 5),
    ]
    for name, text in answers_texts:
        case("saved.answers_from_text." + name, saved.answers_from_text, DATA, text)
        case("checklist.model.tailor.from_saved." + name,
             lambda text: checklist_model.tailor(CHECKLIST, saved.answers_from_text(DATA, text)), text)


# ---------------------------------------------------------------------------
# checklist.render
# ---------------------------------------------------------------------------

CK_PRINTED_ON = "November 21, 2026"
CK_ADDRESS = "https://example.org/second-opinion/"


def add_checklist_render_cases():
    new = checklist_model.new_state()
    states = [("new", new), ("rich", ck_rich()), ("filled", ck_filled()),
              ("hostile_state", ck_hostile_state()),
              ("started_hidden", ck_build([("toggle", "ask_cost"), ("stage", "tissue_blocks", "asked")]))]
    answer_sets = [CK_ANSWERS[0], CK_ANSWERS[1], CK_ANSWERS[4]]

    # The printable sheet.
    case("checklist.render.print_sheet_html.blank", checklist_render.print_sheet_html,
         CHECKLIST, new, {}, False, "", "")
    case("checklist.render.print_sheet_html.blank.summary", lambda: summary(
        checklist_render.print_sheet_html(CHECKLIST, new, {}, False, "", "")))
    case("checklist.render.print_sheet_html.blank_dated", checklist_render.print_sheet_html,
         CHECKLIST, new, {}, False, CK_PRINTED_ON, CK_ADDRESS)
    case("checklist.render.print_sheet_html.hostile_date_address", checklist_render.print_sheet_html,
         CHECKLIST, new, {}, False, '"><script>alert(1)</script>', "a&b <c> \"d\" 'e'")
    case("checklist.render.print_sheet_html.untailored_filled", checklist_render.print_sheet_html,
         CHECKLIST, ck_filled(), {"biopsy_or_cancer": "yes"}, False, CK_PRINTED_ON, CK_ADDRESS)
    for state_name, state in states:
        for answers_name, answers in answer_sets:
            case("checklist.render.print_sheet_html.tailored." + state_name + "." + answers_name,
                 checklist_render.print_sheet_html, CHECKLIST, state, answers, True,
                 CK_PRINTED_ON, CK_ADDRESS)
    case("checklist.render.print_sheet_html.many_questions", checklist_render.print_sheet_html,
         CHECKLIST, ck_questions(7), {}, True, CK_PRINTED_ON, "")
    case("checklist.render.print_sheet_html.hostile_data", checklist_render.print_sheet_html,
         ck_hostile_data(), ck_filled(), {"biopsy_or_cancer": "yes"}, True, CK_PRINTED_ON, CK_ADDRESS)

    # The pages' widget roots.
    for root_name, root in ROOTS:
        case("checklist.render.print_page_html." + root_name, checklist_render.print_page_html,
             CHECKLIST, root)
        case("checklist.render.checklist_page_html." + root_name, checklist_render.checklist_page_html,
             CHECKLIST, root)
    case("checklist.render.checklist_page_html.summary", lambda: summary(
        checklist_render.checklist_page_html(CHECKLIST, "")))

    # The interactive checklist.
    widget_states = states + [
        ("show_all", checklist_model.set_show_all(ck_filled(), True)),
        ("one_question", ck_questions(1)), ("five_questions", ck_questions(5)),
        ("all_suggested", ck_build([("suggested", sid) for sid in CK_SUGGESTED_IDS])),
    ]
    for state_name, state in widget_states:
        for answers_name, answers in answer_sets:
            case("checklist.render.widget_html." + state_name + "." + answers_name,
                 checklist_render.widget_html, CHECKLIST, state, answers, "", False)
    case("checklist.render.widget_html.nothing_hidden", checklist_render.widget_html,
         CHECKLIST, ck_build([("toggle", "ask_cost")]), all_answered("yes"), "", False)
    for state_name, state in [("new", new), ("filled", ck_filled())]:
        case("checklist.render.widget_html.confirming." + state_name, checklist_render.widget_html,
             CHECKLIST, state, {}, "", True)
    for root_name, root in ROOTS:
        case("checklist.render.widget_html.filled." + root_name, checklist_render.widget_html,
             CHECKLIST, ck_filled(), {"biopsy_or_cancer": "yes"}, root, True)
    case("checklist.render.widget_html.hostile_data", checklist_render.widget_html,
         ck_hostile_data(), ck_filled(), {"biopsy_or_cancer": "yes", "major_treatment": "yes"}, "/r", False)
    case("checklist.render.widget_html.filled.summary", lambda: summary(
        checklist_render.widget_html(CHECKLIST, ck_filled(), {"biopsy_or_cancer": "yes"}, "", False)))

    for year, month, day in [(2026, 10, 21), (2026, 0, 1), (1999, 11, 31), (2026, -1, 5), (0, 0, 0),
                             (10 ** 6, 5, 99)]:
        case("checklist.render.format_date.%d_%d_%d" % (year, month, day), checklist_render.format_date,
             year, month, day)
    case_raises("checklist.render.format_date.month_12", "IndexError", checklist_render.format_date,
                2026, 12, 1)

def add_harness_cases():
    def browser_modules_loaded():
        # dom.py and the widget modules (screener/widget.py, checklist/*widget.py)
        # need the browser; these cases must never load them.
        return sorted(name for name in sys.modules
                      if name in ("pyscript", "js", "dom") or name.endswith("widget"))

    case("harness.browser_modules_not_loaded", browser_modules_loaded)
    case("harness.canonical_json", lambda: dumps(canon({
        "b": [1, "\u00e9\U0001F600\x00\"\\"], "a": (True, None), "f": [0.5, float("inf")], 3: "int key"})))


# Every group of cases, in order. Add new modules' functions here.
GROUPS = [
    add_harness_cases,
    add_markup_cases,
    add_rules_cases,
    add_saved_cases,
    add_storage_cases,
    add_render_cases,
    add_checklist_model_cases,
    add_checklist_import_cases,
    add_checklist_render_cases,
]


def main():
    for add in GROUPS:
        add()
    results = {}
    errors = {}
    for name, func, args, raises in CASES:
        result, message = run_case(func, args, raises)
        results[name] = result
        if message is not None:
            errors[name] = message
    implementation = sys.implementation.name
    output = {
        # meta is for people reading a failure; the tests compare results only.
        "meta": {"implementation": implementation, "platform": sys.platform, "cases": len(CASES),
                 "errors": errors},
        "results": results,
    }
    print(dumps(canon(output)))


if __name__ == "__main__":
    main()
