"""The checklist's data file (items.json) and look-ups in it. Pure.

The data file:
    version              the data's own version (not the saved format's)
    groups               [{id, title}] in display order
    stages               [{id, label}] the steps a record goes through, in
                         order; a record is done only at the last one
    items                [{id, group, kind, text, why, href, core, when,
                         because}] in display order. kind is "task" (ticked)
                         or "record" (tracked through the stages). href is a
                         guidance page relative to the site root, like
                         "gathering-records/". core items are always shown
                         first; when is a list of [screener question id,
                         answer] pairs, and an item is shown first if ANY
                         pair matches the screener answers. because says why
                         such an item is shown ("Shown because ...").
    suggested_questions  [{id, text}] questions the visitor can add; a
                         question added from here is saved with its id
                         ("from") and shown in the page's language
                         (question_words), wherever it was added
    words                every other sentence the checklist pages show
"""

from sog import datafiles, figures

DATA_FILE = "checklist/items.json"


def load():
    """The checklist data, yearly figures filled in (shared per page: do not change it)."""
    return figures.load_filled(DATA_FILE)


def _by_id(records, wanted):
    for record in records:
        if record["id"] == wanted:
            return record
    return None


def find_item(data, item_id):
    """The item with this id, or None."""
    return _by_id(data["items"], item_id)


def suggested(data, suggested_id):
    """The suggested question with this id, or None."""
    return _by_id(data["suggested_questions"], suggested_id)


def question_words(data, entry):
    """A saved question's words as the page shows them: a suggested one in
    the page's language (found by its id), the visitor's own as typed."""
    question = suggested(data, entry.get("from", "")) if entry.get("from") else None
    return question["text"] if question is not None else entry["text"]


def _text_key(text):
    return " ".join(text.lower().split())


def suggested_by_words(data):
    """{words: id} of every suggested question, in the page's language and
    in English (the data file as written), so a question saved as its words
    in either is known by its id again. Words compare without case or
    extra spaces. (On an English page, Spanish words are not at hand: such
    a question stays as it was saved, the visitor's own words.)"""
    found = {}
    for source in (datafiles.original(DATA_FILE), data):
        for question in source["suggested_questions"]:
            found[_text_key(question["text"])] = question["id"]
    return found


def suggested_id_of(by_words, text):
    """The id of the suggested question with these words, or "" (own words)."""
    return by_words.get(_text_key(text), "") if isinstance(text, str) else ""


def ids_of_kind(data, kind):
    """The ids of every item of one kind ("task" or "record"), in order."""
    return [item["id"] for item in data["items"] if item["kind"] == kind]


def group_ids(data):
    """The group ids, in display order."""
    return [group["id"] for group in data["groups"]]


def stage_ids(data):
    """The record stage ids, in order."""
    return [stage["id"] for stage in data["stages"]]


def last_stage(data):
    """The stage that makes a record done (its arrival confirmed)."""
    return data["stages"][-1]["id"]


def groups_with_items(data, ids):
    """The given item ids as [{group, items}] in display order.

    Groups with none of the ids are left out, so the page shows no empty
    headings.
    """
    wanted = set(ids)
    result = []
    for group in data["groups"]:
        chosen = [item for item in data["items"] if item["group"] == group["id"] and item["id"] in wanted]
        if chosen:
            result.append({"group": group, "items": chosen})
    return result
