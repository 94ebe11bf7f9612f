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
formatting can make two equal results look different.

Adding cases: each module has an add_..._cases() function filling the table
with case(name, function, *args). A case's result is whatever the function
returns, made canonical; an exception is recorded by class. Use
case_raises() when raising is the intended behaviour; any other exception is
recorded as an "error" (the reference check in the test refuses those).
New modules get their own add_..._cases() function, listed in GROUPS at the
bottom. See the CHECKLIST comments for the one planned next.
"""

import json
import sys

import storage
from markup import escape, link
from screener import render, rules, saved

# CHECKLIST (1 of 2): once pyscript/checklist/model.py is settled, import it here:
# from checklist import model as checklist_model


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
    if len(text.encode("utf-8")) == len(text):
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
    ("surrogate_pair_escape", HEAD + '"\\ud83d\\ude00"}'),
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
# checklist (planned)
# ---------------------------------------------------------------------------

# CHECKLIST (2 of 2): once pyscript/checklist/model.py is settled, fill in
# this function with its cases and list it in GROUPS below. The function names
# here are only an illustration; use the module's real API. For example:
#
# CHECKLIST_ITEMS = checklist_model.load_items(find_data_file("checklist/items.json"))
#
# def add_checklist_cases():
#     case("checklist.model.new_state", checklist_model.new_state)
#     for name, answers in EVALUATE_CASES:
#         case("checklist.model.tailor." + name, checklist_model.tailor, CHECKLIST_ITEMS, answers)
#     case("checklist.model.clean_state.junk", checklist_model.clean_state, CHECKLIST_ITEMS, [1, 2])
#
# Keep results JSON-like (canon() handles dicts, lists, tuples, floats); for
# whole HTML pages compare the string, or summary(text) if it is very long.


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
    # add_checklist_cases,  # CHECKLIST: uncomment once pyscript/checklist/model.py exists
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
