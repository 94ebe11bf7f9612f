"""The JSON Schemas of the sog package's data files (schemas/), and the
check of a language overlay against its data file.

schemas/<path>.schema.json describes pyscript/sog/<path>.json;
schemas/saved.schema.json every widget's saved.json. An overlay,
<stem>.<language>.json beside a data file (the Spanish words, say), has
the same shape holding strings only: each of its strings stands for a
string of the data file at the same place (lists matched by position), and
none is an id, a link or a rule (NOT_WORDS), so a language changes words and
never rules, ids or numbers. The data file
with the overlay's strings put in must still fit the schema.
"""

import json
import re
from pathlib import Path

import jsonschema
from sog import language

PROJECT = Path(__file__).resolve().parents[2]
SCHEMAS = PROJECT / "schemas"
PACKAGE = PROJECT / "pyscript" / "sog"
SAVED = "saved.json"
# <stem>.<language>.json: a language overlay, not a data file of its own.
OVERLAY = re.compile(r"^(?P<stem>[^.]+)\.(?P<language>[a-z]{2})\.json$")
# Fields that hold ids, links or rules, never words: an overlay leaves them out.
NOT_WORDS = {"id", "value", "href", "group", "kind", "when", "leads_to", "part", "version"}
# Not data a page reads: the manifests, and the named examples the tests
# drive each widget with (never shipped; tests/e2e/widgets checks their shape).
NOT_DATA = {"widget.json", "examples.json"}


def data_files():
    """Every data file of the package (package-relative), overlays aside."""
    return sorted(path.relative_to(PACKAGE).as_posix() for path in PACKAGE.rglob("*.json")
                  if path.name not in NOT_DATA and not OVERLAY.match(path.name))


def overlays():
    """(overlay, its data file), package-relative, for every overlay present."""
    found = []
    for path in sorted(PACKAGE.rglob("*.json")):
        match = OVERLAY.match(path.name)
        if match:
            base = path.with_name(match.group("stem") + ".json")
            found.append((path.relative_to(PACKAGE).as_posix(), base.relative_to(PACKAGE).as_posix()))
    return found


def schema_path(relative):
    """The schema of a package-relative data file."""
    if Path(relative).name == SAVED:
        return SCHEMAS / "saved.schema.json"
    return SCHEMAS / (relative[:-len(".json")] + ".schema.json")


def validator(relative):
    schema = json.loads(schema_path(relative).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def problems(relative, data):
    """Where data does not fit its schema: one line each, with its place."""
    return ["/".join(str(part) for part in error.absolute_path) + ": " + error.message
            for error in sorted(validator(relative).iter_errors(data), key=lambda error: list(map(str, error.path)))]


def _structure(key, value):
    """An id, link or rule: the same in every language. "when" is a rule
    where it holds one, and a word where it is one (a label)."""
    return (key in NOT_WORDS and not (key == "when" and isinstance(value, str))) or language.is_structure(key, value)


def overlay_problems(base, overlay, where=""):
    """Where an overlay is not the data file's shape with strings only. A
    list of objects with an identity key (sog.language.identity_key: "id",
    "value") is matched by it, so the overlay repeats each entry's id as
    it is; other lists are matched by position."""
    if isinstance(overlay, str):
        return [] if isinstance(base, str) else [f"{where or '/'}: a string where the data has {type(base).__name__}"]
    if isinstance(overlay, dict) and isinstance(base, dict):
        found = []
        for key in sorted(overlay):
            if key not in base:
                found.append(f"{where}/{key}: not in the data file")
            elif _structure(key, base[key]) and overlay[key] != base[key]:
                found.append(f"{where}/{key}: ids, links and rules are the same in every language")
            elif not _structure(key, base[key]):
                found += overlay_problems(base[key], overlay[key], f"{where}/{key}")
        return found
    if isinstance(overlay, list) and isinstance(base, list):
        identity = language.identity_key(base)
        if identity:
            by_id = {entry[identity]: entry for entry in base}
            found = []
            for index, entry in enumerate(overlay):
                if not isinstance(entry, dict) or entry.get(identity) not in by_id:
                    found.append(f"{where}/{index}/{identity}: no entry with this {identity} in the data file")
                else:
                    found += overlay_problems(by_id[entry[identity]], entry, f"{where}/{index}")
            return found
        if len(overlay) != len(base):
            return [f"{where}: {len(overlay)} entries where the data has {len(base)}"]
        found = []
        for index, (one, other) in enumerate(zip(base, overlay, strict=True)):
            found += overlay_problems(one, other, f"{where}/{index}")
        return found
    return [f"{where or '/'}: {type(overlay).__name__} where only strings may be"]


def with_overlay(base, overlay):
    """The data file with the overlay's strings put in, as the widgets read
    it (sog.language.localise, a copy)."""
    return language.localise(base, overlay)
