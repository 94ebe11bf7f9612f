"""The JSON Schemas of the sog package's data files (schemas/), and the
check of a language overlay against its data file.

schemas/<path>.schema.json describes pyscript/sog/<path>.json;
schemas/saved.schema.json every widget's saved.json. An overlay,
<stem>.<language>.json beside a data file (the Spanish words, say), has
the same shape holding strings only: each of its strings stands for a
string of the data file at the same place (lists of objects matched by their
"id" or "value", other lists by position, as sog/language.py lays them
over), and none is an id, a link or a rule (NOT_WORDS; an object's id only
names which object it is, and must be one the data file has), so a language
changes words and never rules, ids or numbers. The data file with the
overlay's strings put in (language.localise) must still fit the schema.
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
# Fields that hold ids, links or rules, never words, besides those
# language.is_structure names: an overlay leaves them out.
NOT_WORDS = {"version"}
# Files that are no data file: the manifests (sitebuild/widgets.py checks them).
NOT_DATA = {"widget.json"}


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


def overlay_problems(base, overlay, where=""):
    """Where an overlay is not the data file's shape with strings only."""
    if isinstance(overlay, str):
        return [] if isinstance(base, str) else [f"{where or '/'}: a string where the data has {type(base).__name__}"]
    if isinstance(overlay, dict) and isinstance(base, dict):
        found = []
        for key in sorted(overlay):
            if key not in base:
                found.append(f"{where}/{key}: not in the data file")
            elif key in NOT_WORDS or language.is_structure(key, base[key]):
                found.append(f"{where}/{key}: ids, links and rules are the same in every language")
            else:
                found += overlay_problems(base[key], overlay[key], f"{where}/{key}")
        return found
    if isinstance(overlay, list) and isinstance(base, list):
        key = language.identity_key(base)
        if key is not None:
            return _matched_problems(base, overlay, key, where)
        if len(overlay) != len(base):
            return [f"{where}: {len(overlay)} entries where the data has {len(base)}"]
        found = []
        for index, (one, other) in enumerate(zip(base, overlay, strict=True)):
            found += overlay_problems(one, other, f"{where}/{index}")
        return found
    return [f"{where or '/'}: {type(overlay).__name__} where only strings may be"]


def _matched_problems(base, overlay, key, where):
    """A list of objects matched by identity: each overlay object names one
    of the data file's objects by key, and is that object's shape otherwise."""
    by_id = {item[key]: item for item in base}
    found = []
    for index, other in enumerate(overlay):
        place = f"{where}/{index}"
        if not isinstance(other, dict):
            found.append(f"{place}: {type(other).__name__} where the data has an object")
        elif other.get(key) not in by_id:
            found.append(f"{place}/{key}: ids, links and rules are the same in every language")
        else:
            rest = {name: value for name, value in other.items() if name != key}
            found += overlay_problems(by_id[other[key]], rest, place)
    return found


def with_overlay(base, overlay):
    """The data file with the overlay's strings put in (a copy), as the
    widgets read it (language.localise)."""
    return language.localise(base, overlay)
