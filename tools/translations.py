"""Which Spanish text was written for English that has changed since.

tests/content/translations.lock holds, for each translated file, a short hash
of the English it translates: for a page or an include (docs/about.es.md,
docs/includes/journey-timeline.es.html), the whole English file; for a data
file's overlay (pyscript/sog/**/*.es.json, overrides/words/*.es.json), each
key the overlay translates, one hash per English string. When the English
changes, its hash no longer matches and tests/content/test_translations.py
names the Spanish page or key to check.

    .venv/bin/python tools/translations.py            # list what is stale (exit 1 if any)
    .venv/bin/python tools/translations.py --accept   # after the Spanish is checked: rewrite the lock

Not listed: pyscript/sog/pages.es.json (its English, pages.json, is written by
each build from the nav, whose titles are the pages' own: a page's hash covers
them) and the letter overlay's "alongside" words (no English: only a Spanish
page shows them).
"""

import hashlib
import json
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT / "pyscript"))
from sog import language  # noqa: E402  (in pyscript/, via the path above)

LOCK = PROJECT / "tests" / "content" / "translations.lock"
LANGUAGE = "es"
SUFFIX = "." + LANGUAGE + "."
# Where translated files live.
FOLDERS = ("docs", "overrides/words", "pyscript/sog")
WHOLE_FILES = ("docs/",)
NOT_TRACKED = ("pyscript/sog/pages.es.json",)
# The letter's overlay: its Spanish letter is an overlay of letter.json
# itself; "alongside" holds words with no English.
LETTER = "pyscript/sog/letter/letter.es.json"
LETTER_BODY = "body"
LETTER_ALONGSIDE = "alongside"


def short_hash(text):
    """A short hash of English text (12 hex digits: enough to see a change)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def english_of(spanish):
    """docs/about.es.md -> docs/about.md."""
    return spanish.replace(SUFFIX, ".", 1)


def spanish_files(project=PROJECT):
    """The project's translated files (project-relative paths, sorted)."""
    project = Path(project)
    found = []
    for folder in FOLDERS:
        for path in (project / folder).rglob("*" + SUFFIX + "*"):
            name = path.relative_to(project).as_posix()
            if path.is_file() and name not in NOT_TRACKED:
                found.append(name)
    return sorted(found)


def _key(path):
    return ".".join(str(step) for step in path)


def overlay_keys(spanish_data, english_data, letter=False):
    """{key: hash of the English it translates} for every string an overlay
    holds, keyed as sog.language.words walks it ("items.id=fax.text")."""
    english = {_key(path): text for path, text in language.words(english_data)}
    spanish_data = dict(spanish_data)
    parts = [("", spanish_data)]
    if letter:
        spanish_data.pop(LETTER_ALONGSIDE, None)
        body = spanish_data.pop(LETTER_BODY, None)
        if body is not None:
            parts.append((LETTER_BODY + ":", body))
    found = {}
    for prefix, part in parts:
        for path, _ in language.words(part):
            key = _key(path)
            # An overlay key without English is the Spanish data tests' to name.
            found[prefix + key] = short_hash(english[key]) if key in english else ""
    return found


def current(project=PROJECT):
    """{Spanish file: hash of its English file, or {key: hash}} as the English is today."""
    project = Path(project)
    found = {}
    for name in spanish_files(project):
        english = project / english_of(name)
        if not english.is_file():
            found[name] = ""
            continue
        if name.startswith(WHOLE_FILES) or not name.endswith(".json"):
            found[name] = short_hash(english.read_text(encoding="utf-8"))
        else:
            spanish = json.loads((project / name).read_text(encoding="utf-8"))
            found[name] = overlay_keys(spanish, json.loads(english.read_text(encoding="utf-8")), name == LETTER)
    return found


def read_lock(path=LOCK):
    return json.loads(Path(path).read_text(encoding="utf-8")) if Path(path).is_file() else {}


def stale(lock, today):
    """What to check, in words: each Spanish file or key whose English has
    changed since the lock was written, or that the lock does not know."""
    found = []
    for name in sorted(set(lock) | set(today)):
        was, now = lock.get(name), today.get(name)
        if now is None:
            found.append(f"{name}: no longer translated (run --accept to drop it)")
        elif was is None:
            found.append(f"{name}: new, its English not yet accepted")
        elif isinstance(now, str) or isinstance(was, str):
            if was != now:
                found.append(f"{name}: its English ({english_of(name)}) changed since the Spanish was written")
        else:
            for key in sorted(set(was) | set(now)):
                if key not in now:
                    found.append(f"{name}: {key}: no longer in the overlay")
                elif was.get(key) != now[key]:
                    found.append(f"{name}: {key}: its English changed since the Spanish was written")
    return found


def write_lock(today, path=LOCK):
    Path(path).write_text(json.dumps(today, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def main(argv):
    today = current()
    if "--accept" in argv:
        write_lock(today)
        print(f"{LOCK.relative_to(PROJECT)}: written for {len(today)} translated files")
        return 0
    found = stale(read_lock(), today)
    for line in found:
        print(line)
    if not found:
        print("Every Spanish text was written for today's English.")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
