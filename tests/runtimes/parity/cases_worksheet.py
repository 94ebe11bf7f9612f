"""Parity cases for the worksheet: its data look-ups, state changes, saved
form (lenient and strict, and as a part of the checklist's file), the
checklist's goals it prefills from, and its HTML."""

from sog import jsondata, keep, storage
from sog.checklist import saved as checklist_saved
from sog.checklist import state as checklist_state
from sog.worksheet import goals, render, saved, sheet, state

from tests.runtimes.parity.cases_screener import ROOTS
from tests.runtimes.parity.harness import canon, case, dumps
from tests.support import worksheet_examples
from tests.support.examples import EVIL, HOSTILE_TEXTS, MARKUP_TEXTS
from tests.support.fake_storage import BrokenStorage, MemoryStorage, SafeStorage

WS = sheet.load()
# Built once: each junk case starts from a copy.
WS_FILLED = worksheet_examples.filled_worksheet(WS)
WS_JUNK = [None, True, 0, -1, 2.5, "", "text", "<b>x</b>", [], [1, "a"], {}, {"a": None}]


def ws_script(steps):
    """Run changes from a new worksheet, logging each result and whether the
    change left the state passed in alone."""
    worksheet = state.new_state(WS)
    log = []
    for step in steps:
        before = dumps(canon(worksheet))
        name = step[0]
        if name == "answer":
            after = state.set_answer(WS, worksheet, step[1], step[2], step[3])
        elif name == "goals":
            after = state.set_goals(worksheet, step[1])
        elif name == "follow":
            after = state.follow_checklist_goals(worksheet)
        elif name == "comparison":
            after = state.set_comparison(WS, worksheet, step[1])
        else:
            after = state.set_thoughts(worksheet, step[1])
        log.append({"step": name, "state": after, "input_unchanged": dumps(canon(worksheet)) == before})
        worksheet = after
    return log


SCRIPT = [
    ("answer", "first", "benefits", "  It may help. "), ("answer", "second", "risks", "Caf\u00e9 \u2615 \U0001F600"),
    ("answer", "third", "risks", "x"), ("answer", "first", "nope", "x"), ("answer", "first", "risks", "<b>"),
    ("answer", "first", "name", "n" * 1500), ("goals", " Walk. "), ("goals", "javascript:x"), ("goals", ""),
    ("follow",), ("comparison", "diagnosis"), ("comparison", "maybe"), ("comparison", ""),
    ("thoughts", "t" * 2500), ("thoughts", "Line\nbreak"),
]


def ws_with(path, value):
    raw = jsondata.copy(WS_FILLED)
    target = raw
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return raw


def ws_read(raw):
    before = dumps(canon(raw))
    cleaned = saved.clean(raw)
    checked = saved.check(raw)
    return {"clean": cleaned, "check": checked, "input_unchanged": dumps(canon(raw)) == before}


def ws_goals(backend):
    reader = goals.ChecklistGoals(backend)
    first = reader.read()
    return {"goals": first, "again": reader.read(), "writes": [c for c in getattr(backend, "calls", [])
                                                               if not c.startswith("get ")]}


def ws_checklist_with_goals(text):
    backend = SafeStorage()
    checklist_saved.open_store(backend).save(checklist_state.set_goals(checklist_state.new_state(), text), 1)
    return backend


def ws_file_round_trip(worksheet):
    backend = SafeStorage()
    saved.open_store(backend).save(worksheet, 1)
    loaded, message = keep.import_text(keep.export_text(backend, 2))
    fresh = SafeStorage()
    kept = keep.save_all(fresh, loaded or {}, 3) if loaded is not None else False
    return {"message": message, "worksheet": (loaded or {}).get(saved.KIND), "kept": kept,
            "stored": saved.open_store(fresh).load()[0] if kept else None}


def ws_file_with(path, value):
    backend = SafeStorage()
    text = keep.export_text(backend, 1, {saved.KIND: ws_with(path, value)})
    return keep.import_text(text)


def add_cases():
    case("worksheet.look_ups", lambda: {
        "doctors": sheet.doctor_ids(WS), "rows": sheet.row_ids(WS), "comparisons": sheet.comparison_ids(WS),
        "goal_rows": [row["id"] for row in sheet.rows_in(WS, "goals")],
        "third": [choice for choice in sheet.comparison_ids(WS) + ["", "x"] if sheet.shows_third(WS, choice)],
    })
    case("worksheet.with_figures", lambda: WS["words"]["third_text"])
    case("worksheet.new_state", state.new_state, WS)
    case("worksheet.script", ws_script, SCRIPT)
    for index, text in enumerate(HOSTILE_TEXTS):
        case("worksheet.set_answer.text_%02d" % index, lambda t: state.set_answer(
            WS, state.new_state(WS), "first", "risks", t)["answers"]["first"]["risks"], text)
    for kind, text in MARKUP_TEXTS:
        case("worksheet.set_goals.markup_" + kind, lambda t: state.set_goals(state.new_state(WS), t)["goals"], text)
    case("worksheet.shown_goals", lambda: [
        [state.shown_goals({"goals": goals_value}, checklist), state.offers_checklist_goals(
            {"goals": goals_value}, checklist)]
        for goals_value in (None, "", "Mine.", "Stay.") for checklist in ("", "Stay.")
    ])

    # The saved form.
    case("worksheet.read.filled", ws_read, worksheet_examples.filled_worksheet(WS))
    case("worksheet.read.partly", ws_read, worksheet_examples.partly_filled_worksheet(WS))
    case("worksheet.read.none", ws_read, None)
    for index, junk in enumerate(WS_JUNK):
        case("worksheet.read.junk_%02d" % index, ws_read, junk)
        for path in (["answers"], ["answers", "first"], ["answers", "second", "risks"], ["goals"],
                     ["comparison"], ["thoughts"], ["extra"]):
            case("worksheet.read.junk_%02d.%s" % (index, ".".join(path)), ws_read, ws_with(path, junk))
    for kind, text in MARKUP_TEXTS:
        case("worksheet.read.markup_" + kind, ws_read, ws_with(["answers", "first", "ask"], text))
    case("worksheet.read.long", ws_read, ws_with(["thoughts"], "x" * 2500))
    case("worksheet.store.round_trip", lambda: _store_round_trip(worksheet_examples.filled_worksheet(WS)))

    # The checklist's goals.
    case("worksheet.goals.saved", ws_goals, ws_checklist_with_goals("Keep gardening \u2600."))
    case("worksheet.goals.nothing", ws_goals, SafeStorage())
    case("worksheet.goals.blocked", ws_goals, None)
    case("worksheet.goals.broken", ws_goals, BrokenStorage())
    case("worksheet.goals.corrupt", ws_goals, MemoryStorage({storage.storage_key("checklist"): "{bad"}))

    # In the checklist's file.
    case("worksheet.file.filled", ws_file_round_trip, worksheet_examples.filled_worksheet(WS))
    case("worksheet.file.new", ws_file_round_trip, state.new_state(WS))
    case("worksheet.file.markup", ws_file_with, ["goals"], "<script>x</script>")
    case("worksheet.file.unknown_row", ws_file_with, ["answers", "first", "colour"], "red")
    case("worksheet.file.clear_all", lambda: _clear_all())

    # The HTML.
    for root_name, root in ROOTS:
        case("worksheet.render.page_html." + root_name, render.page_html, WS, root)
    worksheets = [("new", state.new_state(WS)), ("filled", worksheet_examples.filled_worksheet(WS)),
                  ("partly", worksheet_examples.partly_filled_worksheet(WS)),
                  ("hostile", worksheet_examples.hostile_worksheet(WS))]
    for name, worksheet in worksheets:
        for goals_name, goals_text in (("no_goals", ""), ("goals", "Stay well \u2600."), ("evil_goals", EVIL)):
            case("worksheet.render.form_html." + name + "." + goals_name, render.form_html, WS, worksheet,
                 goals_text, "..")
        case("worksheet.render.field_values." + name, render.field_values, WS, worksheet, "Stay well.")
    case("worksheet.render.form_html.confirming", render.form_html, WS, state.new_state(WS), "", ".", True)
    case("worksheet.render.clear_html", lambda: [render.clear_html(WS, False), render.clear_html(WS, True)])
    case("worksheet.render.goals_note_text", lambda: [
        render.goals_note_text(WS, worksheet, checklist)
        for _, worksheet in worksheets for checklist in ("", "Stay.")
    ])


def _store_round_trip(worksheet):
    backend = SafeStorage()
    store = saved.open_store(backend)
    kept = store.save(worksheet, 7)
    loaded, saved_at, notice = saved.open_store(backend).load()
    return {"kept": kept, "notice": notice, "saved_at": saved_at, "clean": saved.clean(loaded)}


def _clear_all():
    backend = SafeStorage()
    saved.open_store(backend).save(worksheet_examples.filled_worksheet(WS), 1)
    backend.items[storage.unreadable_key(saved.KIND)] = "{old"
    return {"cleared": keep.clear_all(backend), "left": sorted(backend.items)}
