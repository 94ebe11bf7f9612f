"""Parity cases for the checklist's state, view, look-ups and renderers."""

from sog import jsondata
from sog import text as text_policy
from sog.checklist import calendar, items, render_list, render_sheet, saved, view
from sog.checklist import state as ck_state
from sog.printable import render as printable_render

from tests.runtimes.parity.cases_screener import EVALUATE_CASES, ROOTS, all_answered, random_answer_sets
from tests.runtimes.parity.harness import canon, case, case_raises, dumps, sha256, summary
from tests.support import examples

CHECKLIST = items.load()
CK_KIND = saved.KIND
CK_TASK = examples.TASK
CK_RECORD = examples.RECORD
CK_ITEM_IDS = [item["id"] for item in CHECKLIST["items"]]
CK_SUGGESTED_IDS = [question["id"] for question in CHECKLIST["suggested_questions"]]

# Each model operation by a short name, called as (state, *args).
CK_OPERATIONS = {
    "toggle": lambda state, item_id: ck_state.toggle(CHECKLIST, state, item_id),
    "stage": lambda state, item_id, stage: ck_state.set_stage(CHECKLIST, state, item_id, stage),
    "custom": ck_state.add_custom,
    "remove_custom": ck_state.remove_custom,
    "question": ck_state.add_question,
    "suggested": lambda state, suggested_id: ck_state.add_suggested(CHECKLIST, state, suggested_id),
    "remove_question": ck_state.remove_question,
    "move": ck_state.move_question,
    "appointment": ck_state.set_appointment,
    "goals": ck_state.set_goals,
    "show_all": ck_state.set_show_all,
    "done": lambda state, item_id, done: ck_state.set_done(CHECKLIST, state, item_id, done),
    "ask": lambda state, item_id, asked: ck_state.set_asked(CHECKLIST, state, item_id, asked),
    "plain_title": ck_state.set_plain_title,
    "open_group": lambda state, group_id, is_open: ck_state.set_group_open(CHECKLIST, state, group_id, is_open),
}


def ck_build(steps, state=None):
    """The state after steps (tuples: operation name, args...), from a new one."""
    if state is None:
        state = ck_state.new_state()
    for step in steps:
        state = CK_OPERATIONS[step[0]](state, *step[1:])
    return state


def ck_script(steps):
    """Run steps from a new state, logging each result and whether the
    operation gave a new state and left the one passed in alone."""
    state = ck_state.new_state()
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
    return {"len": len(text), "sha256": sha256(text)}


# A state using every part of the format, built only through operations, of
# what the unit tests' rich_checklist is made of (examples.RICH: the
# checklist's examples.json).
CK_RICH_STEPS = (
    [("toggle", CK_TASK), ("stage", CK_RECORD, "confirmed"), ("stage", "clinical_summary", "sent")]
    + [("custom", text) for text in examples.RICH["custom"]]
    + [("toggle", "c2"), ("suggested", examples.RICH["suggested"]), ("question", examples.RICH["question"]),
       ("appointment", "doctor", examples.RICH["appointment"]["doctor"]),
       ("appointment", "date", examples.RICH["appointment"]["date"]),
       ("goals", examples.RICH["goals"]), ("plain_title", True), ("open_group", "records", True),
       ("show_all", True)]
)
# More of everything, show_all off, items started outside the tailored list,
# and text with characters HTML escapes and non-ASCII.
CK_FILLED_STEPS = CK_RICH_STEPS[:-1] + [
    ("stage", "pathology_report", "asked"), ("stage", "imaging", "sent"), ("toggle", "ask_cost"),
    ("toggle", "release_form"), ("stage", "primary_care_note", "confirmed"),
    ("custom", "Caf\u00e9 near the clinic \u2615 \U0001F600"), ("custom", "Bring the blue folder & charger"),
    ("toggle", "c1"), ("question", 'Is 3 < 5 & "why" it\'s so?'), ("suggested", "how_sure"),
    ("suggested", "if_i_wait"), ("appointment", "phone", "555 0100"), ("appointment", "time", "09:30"),
    ("appointment", "companion", "Sam O'Neil"), ("goals", "Keep gardening \u2014 and pain < 3."),
    ("appointment", "address", "12 Oak St, Suite 4; Springfield"),
]


# Built once: some 300 cases start from a copy of one of these, and the
# operations copy the whole state at every step.
_CK_RICH = ck_build(CK_RICH_STEPS)
_CK_FILLED = ck_build(CK_FILLED_STEPS)


def ck_rich():
    """A copy of the rich state, for the caller to change."""
    return jsondata.copy(_CK_RICH)


def ck_filled():
    """A copy of the filled state, for the caller to change."""
    return jsondata.copy(_CK_FILLED)


def ck_hostile_state():
    return examples.hostile_checklist(CHECKLIST)


def ck_hostile_data():
    return examples.hostile_checklist_data(CHECKLIST)


# Screener answer sets the checklist tailors itself to.
CK_ANSWERS = [
    ("empty", {}),
    ("biopsy", {"biopsy": "yes", "breast": "yes"}),
    ("surgery_medicare", {"major_treatment": "yes", "medicare": "yes"}),
    ("older_serious", {"older_adult": "yes", "serious_illness": "yes"}),
    ("all_yes", all_answered("yes")),
    ("all_no", all_answered("no")),
    ("all_not_sure", all_answered("not_sure")),
]


def ck_view(state, answers):
    """What the page shows for a state and answers."""
    shown = view.build(CHECKLIST, state, answers)
    visible = shown["shown"]
    return {
        "view": shown,
        "progress_text": view.progress_text(CHECKLIST, shown["progress"]),
        "groups": [[group["group"]["id"], [item["id"] for item in group["items"]]]
                   for group in items.groups_with_items(CHECKLIST, visible)],
    }


def ck_is_done_all(state):
    """is_done for every item, the visitor's own items and some unknown ids."""
    ids = CK_ITEM_IDS + [entry["id"] for entry in state["custom"]] + ["c99", "nope", "", "q1"]
    return [[item_id, ck_state.is_done(CHECKLIST, state, item_id)] for item_id in ids]


# Texts to add, set or check, beyond examples.HOSTILE_TEXTS.
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
    state = ck_state.new_state()
    return {
        "looks_like_markup": text_policy.looks_like_markup(text),
        "text_problem": text_policy.problem(text),
        "custom": ck_state.add_custom(state, text)["custom"],
        "question": ck_state.add_question(state, text)["questions"],
        "goals": ck_state.set_goals(state, text)["goals"],
        "doctor": ck_state.set_appointment(state, "doctor", text)["appointment"]["doctor"],
    }


def ck_caps(operation, count):
    """count adds of one kind: how many were kept, and the ids at the end."""
    state = ck_state.new_state()
    for index in range(count):
        state = operation(state, "Entry " + str(index))
    entries = state["custom"] if state["custom"] else state["questions"]
    return {"kept": len(entries), "last": entries[-1], "next_id": state["next_id"],
            "digest": ck_digest(state)}


def ck_questions(count):
    state = ck_state.new_state()
    for index in range(count):
        state = ck_state.add_question(state, "Question " + str(index + 1) + "?")
    return state


def ck_move(count, question_id, step):
    moved = ck_state.move_question(ck_questions(count), question_id, step)
    return [entry["id"] for entry in moved["questions"]]


def add_checklist_model_cases():
    case("checklist.constants", lambda: [
        saved.KIND, saved.VERSION, ck_state.MAX_TEXT, ck_state.MAX_GOALS,
        ck_state.MAX_FIELD, ck_state.MAX_CUSTOM, ck_state.MAX_QUESTIONS,
        ck_state.APPOINTMENT_FIELDS, ck_state.FIELDS, text_policy.WHITESPACE, sorted(saved.MIGRATIONS)])
    case("checklist.new_state", ck_state.new_state)
    case("checklist.new_state_fresh_each_time",
         lambda: ck_state.new_state() is not ck_state.new_state())
    case("checklist.stage_ids", items.stage_ids, CHECKLIST)
    case("checklist.find_item.task", items.find_item, CHECKLIST, CK_TASK)
    case("checklist.find_item.unknown", items.find_item, CHECKLIST, "nope")
    case("checklist.find_item.none", items.find_item, CHECKLIST, None)
    case("checklist.groups_with_items.all", lambda: [
        [group["group"]["id"], [item["id"] for item in group["items"]]]
        for group in items.groups_with_items(CHECKLIST, CK_ITEM_IDS)])
    case("checklist.groups_with_items.some_reversed", lambda: [
        [group["group"]["id"], [item["id"] for item in group["items"]]]
        for group in items.groups_with_items(CHECKLIST, ["follow_up", "imaging", "nope", CK_TASK])])
    case("checklist.groups_with_items.none", items.groups_with_items, CHECKLIST, [])

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
                         for field in ck_state.APPOINTMENT_FIELDS]
         + [("appointment", "doctor", ""), ("appointment", "phone", None), ("appointment", "date", 5),
            ("appointment", "time", "<b>9</b>"), ("appointment", "email", "a@b.c"),
            ("appointment", None, "x"), ("appointment", "companion", "  Sam  "),
            ("appointment", "doctor", "d" * 250)]),
        ("goals", [("goals", "  Feel well  "), ("goals", "g" * 2100), ("goals", "<script>"),
                   ("goals", 5), ("goals", None), ("goals", "again"), ("goals", "")]),
        ("show_all", [("show_all", True), ("show_all", 1), ("show_all", True), ("show_all", "yes"),
                      ("show_all", True), ("show_all", None), ("show_all", False)]),
        ("plain_title", [("plain_title", True), ("plain_title", 1), ("plain_title", True),
                         ("plain_title", "yes"), ("plain_title", False)]),
        ("groups", [("open_group", "records", True), ("open_group", "before", True),
                    ("open_group", "records", False), ("open_group", "nope", True), ("open_group", None, True),
                    ("open_group", "before", "yes"), ("open_group", "before", True)]),
        ("ask", [("ask", CK_RECORD, True), ("ask", CK_RECORD, True), ("ask", CK_RECORD, False),
                 ("stage", CK_RECORD, "sent"), ("ask", CK_RECORD, True), ("ask", CK_RECORD, False),
                 ("ask", CK_TASK, True), ("ask", "nope", True)]),
        ("set_done", [("done", CK_TASK, True), ("done", CK_TASK, True), ("done", CK_TASK, False),
                      ("custom", "Mine"), ("done", "c1", True), ("done", CK_RECORD, True)]),
        ("rich", CK_RICH_STEPS),
        ("filled", CK_FILLED_STEPS),
    ]
    for name, steps in scripts:
        case("checklist.script." + name, ck_script, steps)

    # Moving questions: 4 questions q1..q4, with the no-ops at either end.
    moves = [("first_up", "q1", -1), ("first_down", "q1", 1), ("middle_up", "q2", -1),
             ("middle_down", "q3", 1), ("last_down", "q4", 1), ("last_up", "q4", -1),
             ("step_two", "q2", 2), ("step_zero", "q2", 0), ("step_minus_two", "q3", -2),
             ("step_true", "q2", True), ("step_string", "q2", "1"), ("step_none", "q2", None),
             ("unknown_id", "q9", 1), ("none_id", None, 1), ("custom_id", "c1", 1)]
    for name, question_id, step in moves:
        case("checklist.move_question." + name, ck_move, 4, question_id, step)
    case("checklist.move_question.only_one_up", ck_move, 1, "q1", -1)
    case("checklist.move_question.only_one_down", ck_move, 1, "q1", 1)
    case("checklist.move_question.empty", ck_move, 0, "q1", 1)
    case_raises("checklist.move_question.step_float", "TypeError", ck_move, 4, "q2", 1.0)

    case("checklist.has_suggested.new", lambda: [
        ck_state.has_suggested(CHECKLIST, ck_state.new_state(), sid)
        for sid in CK_SUGGESTED_IDS + ["nope", ""]])
    case("checklist.has_suggested.filled", lambda: [
        [sid, ck_state.has_suggested(CHECKLIST, ck_filled(), sid)]
        for sid in CK_SUGGESTED_IDS + ["nope"]])
    case("checklist.add_suggested.all_then_again", lambda: ck_build(
        [("suggested", sid) for sid in CK_SUGGESTED_IDS + CK_SUGGESTED_IDS])["questions"])

    case("checklist.add_custom.cap", ck_caps, ck_state.add_custom,
         ck_state.MAX_CUSTOM + 3)
    case("checklist.add_question.cap", ck_caps, ck_state.add_question,
         ck_state.MAX_QUESTIONS + 3)

    for index, text in enumerate(examples.HOSTILE_TEXTS + CK_TEXTS):
        case("checklist.text.%02d" % index, ck_text_everywhere, text)
    for name, value in [("none", None), ("int", 5), ("list", ["a"]), ("bytes", b"<b>"), ("true", True)]:
        case("checklist.text_problem." + name, text_policy.problem, value)
    case_raises("checklist.looks_like_markup.none", "TypeError",
                text_policy.looks_like_markup, None)

    # is_done, tailoring, visibility and progress.
    case("checklist.is_done.new", ck_is_done_all, ck_state.new_state())
    case("checklist.is_done.rich", ck_is_done_all, ck_rich())
    case("checklist.is_done.filled", ck_is_done_all, ck_filled())
    for name, answers in EVALUATE_CASES:
        case("checklist.tailor." + name, view.tailor, CHECKLIST, answers)
    for index, answers in enumerate(random_answer_sets(12, 4242)):
        case("checklist.tailor.random_%02d" % index, view.tailor, CHECKLIST, answers)
    for name, answers in [("none", None), ("list", [["biopsy", "yes"]]), ("string", "x"),
                          ("upper_case_answer", {"biopsy": "YES"}),
                          ("unknown_question", {"nope": "yes"})]:
        case("checklist.tailor.junk_" + name, view.tailor, CHECKLIST, answers)

    states = [("new", ck_state.new_state()), ("rich", ck_rich()), ("filled", ck_filled()),
              ("filled_show_all", ck_state.set_show_all(ck_filled(), True)),
              ("started_hidden", ck_build([("toggle", "ask_cost"), ("stage", "tissue_blocks", "asked"),
                                           ("stage", "mammograms", "confirmed")]))]
    for state_name, state in states:
        for answers_name, answers in CK_ANSWERS:
            case("checklist.view." + state_name + "." + answers_name, ck_view, state, answers)
    for done, total in [(0, 0), (7, 12), (12, 12), (10 ** 12, 10 ** 12 + 1), (-1, 0)]:
        case("checklist.progress_text.%d_of_%d" % (done, total),
             view.progress_text, CHECKLIST, (done, total))





CK_PRINTED_ON = "November 21, 2026"
CK_ADDRESS = "https://example.org/second-opinion/"


def widget_html(data, checklist, answers, root, confirming):
    """The live list as the widget draws it: the view, then the HTML."""
    return render_list.widget_html(data, checklist, view.build(data, checklist, answers), root, confirming)


def add_checklist_render_cases():
    new = ck_state.new_state()
    states = [("new", new), ("rich", ck_rich()), ("filled", ck_filled()),
              ("hostile_state", ck_hostile_state()),
              ("started_hidden", ck_build([("toggle", "ask_cost"), ("stage", "tissue_blocks", "asked")]))]
    answer_sets = [CK_ANSWERS[0], CK_ANSWERS[1], CK_ANSWERS[4]]

    # The printable sheet.
    case("checklist.render.print_sheet_html.blank", render_sheet.sheet_html,
         CHECKLIST, new, {}, False, "", "")
    case("checklist.render.print_sheet_html.blank.summary", lambda: summary(
        render_sheet.sheet_html(CHECKLIST, new, {}, False, "", "")))
    case("checklist.render.print_sheet_html.blank_dated", render_sheet.sheet_html,
         CHECKLIST, new, {}, False, CK_PRINTED_ON, CK_ADDRESS)
    case("checklist.render.print_sheet_html.hostile_date_address", render_sheet.sheet_html,
         CHECKLIST, new, {}, False, '"><script>alert(1)</script>', "a&b <c> \"d\" 'e'")
    case("checklist.render.print_sheet_html.untailored_filled", render_sheet.sheet_html,
         CHECKLIST, ck_filled(), {"biopsy": "yes", "breast": "yes"}, False, CK_PRINTED_ON, CK_ADDRESS)
    for state_name, state in states:
        for answers_name, answers in answer_sets:
            case("checklist.render.print_sheet_html.tailored." + state_name + "." + answers_name,
                 render_sheet.sheet_html, CHECKLIST, state, answers, True,
                 CK_PRINTED_ON, CK_ADDRESS)
    case("checklist.render.print_sheet_html.many_questions", render_sheet.sheet_html,
         CHECKLIST, ck_questions(7), {}, True, CK_PRINTED_ON, "")
    case("checklist.render.print_sheet_html.hostile_data", render_sheet.sheet_html,
         ck_hostile_data(), ck_filled(), {"biopsy": "yes", "breast": "yes"}, True, CK_PRINTED_ON, CK_ADDRESS)

    # The pages' widget roots.
    for root_name, root in ROOTS:
        case("printable.render.page_html." + root_name, printable_render.page_html, CHECKLIST, root)
        case("checklist.render_list.page_html." + root_name, render_list.page_html, CHECKLIST, root)
    case("checklist.render_list.page_html.summary", lambda: summary(render_list.page_html(CHECKLIST, "")))

    # The interactive checklist.
    widget_states = states + [
        ("show_all", ck_state.set_show_all(ck_filled(), True)),
        ("one_question", ck_questions(1)), ("five_questions", ck_questions(5)),
        ("all_suggested", ck_build([("suggested", sid) for sid in CK_SUGGESTED_IDS])),
    ]
    for state_name, state in widget_states:
        for answers_name, answers in answer_sets:
            case("checklist.render.widget_html." + state_name + "." + answers_name,
                 widget_html, CHECKLIST, state, answers, "", False)
    case("checklist.render.widget_html.nothing_hidden", widget_html,
         CHECKLIST, ck_build([("toggle", "ask_cost")]), all_answered("yes"), "", False)
    for state_name, state in [("new", new), ("filled", ck_filled())]:
        case("checklist.render.widget_html.confirming." + state_name, widget_html,
             CHECKLIST, state, {}, "", True)
    for root_name, root in ROOTS:
        case("checklist.render.widget_html.filled." + root_name, widget_html,
             CHECKLIST, ck_filled(), {"biopsy": "yes", "breast": "yes"}, root, True)
    case("checklist.render.widget_html.hostile_data", widget_html,
         ck_hostile_data(), ck_filled(), {"biopsy": "yes", "breast": "yes", "major_treatment": "yes"}, "/r", False)
    case("checklist.render.widget_html.filled.summary", lambda: summary(
        widget_html(CHECKLIST, ck_filled(), {"biopsy": "yes", "breast": "yes"}, "", False)))

    # Start-up: what a visitor did before Python started, and which parts
    # of the list and the sheet are drawn again.
    given_sets = [
        ("nothing", []),
        ("ticks", [("toggle", CK_TASK, True), ("toggle", "ask_cost", True), ("toggle", "nope", True)]),
        ("untick", [("toggle", CK_TASK, False)]),
        ("stages", [("stage", CK_RECORD, "sent"), ("stage", "tissue_blocks", ""), ("stage", CK_RECORD, "bogus")]),
        ("typed", [("appointment", "doctor", "Dr. Lee"), ("appointment", "date", "2027-03-01"),
                   ("appointment", "nope", "x"), ("goals", "", "Keep walking"), ("goals", "", "<script>")]),
        ("next_and_folds", [("ask", CK_RECORD, True), ("toggle", "check_coverage", True),
                            ("group", "records", True), ("group", "nope", True), ("plain_title", "", True),
                            ("appointment", "address", "12 Oak St")]),
    ]
    for given_name, given in given_sets:
        for state_name, state in [("new", new), ("filled", ck_filled())]:
            case("checklist.apply_given." + given_name + "." + state_name, ck_state.apply_given,
                 CHECKLIST, state, given)
    drawn = (new, {}, False)
    for state_name, state in states:
        for answers_name, answers in answer_sets:
            case("checklist.render_list.changed_sections." + state_name + "." + answers_name,
                 render_list.changed_sections, CHECKLIST, drawn, (state, answers, False), "..")
            case("checklist.render_sheet.changed_parts." + state_name + "." + answers_name,
                 render_sheet.changed_parts, CHECKLIST, (new, {}, False, "", ""),
                 (state, answers, True, CK_PRINTED_ON, CK_ADDRESS))
    case("checklist.render_sheet.changed_parts.nothing_saved", render_sheet.changed_parts, CHECKLIST,
         (new, {}, False, "", ""), (new, {}, False, CK_PRINTED_ON, CK_ADDRESS))

    for name, date, time in [("words", "2027-01-14", "10:30"), ("no_time", "2027-01-14", ""),
                             ("bad_date", "2027-02-30", "10:30"), ("time_only", "", "10:30"), ("none", "", "")]:
        case("checklist.render_sheet.when_text." + name, render_sheet.when_text, {"date": date, "time": time})
    for done, total in [(0, 4), (3, 15), (10 ** 9, 10 ** 9)]:
        case("checklist.render_list.group_count_text.%d_%d" % (done, total), render_list.group_count_text,
             CHECKLIST, (done, total))
    for name, appointment, plain in [
        ("full", {"doctor": "Dr. Lee", "date": "2027-03-01", "time": "09:30"}, False),
        ("plain_all_day", {"doctor": "Dr. Lee", "date": "2027-12-31", "time": ""}, True),
        ("hostile", {"doctor": examples.EVIL + "{when}{title}", "date": "2027-05-05", "time": "07:05"}, False),
    ]:
        case("checklist.render_list.calendar_saved_html." + name, lambda a, p: render_list.calendar_saved_html(
            CHECKLIST, calendar.events(CHECKLIST, a, p)), appointment, plain)


def add_cases():
    add_checklist_model_cases()
    add_checklist_render_cases()
