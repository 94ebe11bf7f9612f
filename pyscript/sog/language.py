"""The page's language, and a data file's words in that language.

Each data file a widget reads is English and holds everything: ids, rules,
levels, numbers, links and the English words. A language other than English
adds an overlay beside it, "<stem>.<code>.json" ("questions.es.json"), of the
same shape that holds only the words a visitor reads. localise() lays the
overlay over the English file, so the rules exist once and only the words
differ:

- dicts: by key. An overlay string replaces the English string under the
  same key; a key the English file lacks is ignored (a unit test names it).
- lists of objects that all have an "id" (or all a "value", the screener's
  answers): matched by that identity, so an overlay need not repeat the
  order. Other lists (strings, the plural pairs, next steps): by position.
- Only strings are replaced: ids, booleans, numbers and structure always come
  from the English file, so no overlay can change a decision.

Pure and runtime-neutral (CPython, MicroPython, Pyodide). In the browser
sog/dom.py sets the page's language from <html lang> before any widget reads
its data; at build time the build sets it for each page it renders.
"""

from sog import jsondata

DEFAULT = "en"
# The keys that identify an object in a list, tried in this order.
IDENTITY_KEYS = ("id", "value")
# Keys whose values are identities, rules or addresses, never words: they
# (and everything under them) stay English. A key of the second kind is
# words where its value is a string ("when": "Date and time"), and rules where
# it is a list or a dict ("when": [["biopsy", "yes"]]; "specimens" and
# "image_records" are lists of record ids at the top of letter.json).
NOT_WORDS = ("id", "value", "href", "third_href", "group", "kind", "part")
RULES = ("when", "leads_to", "specimens", "image_records")

_current = [DEFAULT]


def current():
    """The language the widgets' data is read in ("en", "es")."""
    return _current[0]


def use(code):
    """Set the language; anything empty or odd means English. Returns it.

    "es-US" and "ES" count as "es": only the primary subtag matters."""
    _current[0] = normalise(code)
    return _current[0]


def cache_key(name):
    """A per-page cache's key for name in the current language: the name
    itself in English, (language, name) in any other."""
    code = current()
    return name if code == DEFAULT else (code, name)


def normalise(code):
    """The primary language subtag, lower case; DEFAULT when there is none."""
    if not isinstance(code, str):
        return DEFAULT
    primary = code.strip().replace("_", "-").split("-")[0].lower()
    return primary if primary.isalpha() and 2 <= len(primary) <= 3 else DEFAULT


def overlay_name(relative, code):
    """The overlay's package-relative name for a data file in a language,
    or None for English: "screener/questions.json" -> "screener/questions.es.json"."""
    code = normalise(code)
    if code == DEFAULT or not relative.endswith(".json"):
        return None
    return relative[: -len(".json")] + "." + code + ".json"


def identity_key(items):
    """The key that identifies each object of a list, or None (match by position)."""
    if not items:
        return None
    for key in IDENTITY_KEYS:
        if all(isinstance(item, dict) and isinstance(item.get(key), str) for item in items):
            return key
    return None


def localise(base, overlay):
    """base with overlay's strings laid over it (see the module docstring).

    Returns a new structure; neither argument is changed. Where overlay does
    not fit base (a string for a dict, a list for a string), base is kept."""
    if isinstance(base, str):
        return overlay if isinstance(overlay, str) else base
    if isinstance(base, dict):
        if not isinstance(overlay, dict):
            return jsondata.copy(base)
        merged = {}
        for key in base:
            if key in overlay and not is_structure(key, base[key]):
                merged[key] = localise(base[key], overlay[key])
            else:
                merged[key] = jsondata.copy(base[key])
        return merged
    if isinstance(base, list):
        if not isinstance(overlay, list):
            return jsondata.copy(base)
        key = identity_key(base)
        if key is None:
            return [localise(item, overlay[index]) if index < len(overlay) else jsondata.copy(item)
                    for index, item in enumerate(base)]
        by_id = {}
        for item in overlay:
            if isinstance(item, dict) and isinstance(item.get(key), str):
                by_id[item[key]] = item
        return [localise(item, by_id[item[key]]) if item[key] in by_id else jsondata.copy(item) for item in base]
    return base


def is_structure(key, value):
    """True where a key's value is an identity, a rule or an address (see
    NOT_WORDS and RULES): it always comes from the English file."""
    return key in NOT_WORDS or (key in RULES and not isinstance(value, str))


def words(data, path=()):
    """Every string a visitor reads in a data file, as (path, text) pairs.

    A path is a tuple of dict keys, list identities ("id=emergency") and
    list positions; structure (is_structure) is skipped. Empty strings count
    (a hint left empty): their overlay value may be empty too."""
    found = []
    if isinstance(data, str):
        found.append((path, data))
    elif isinstance(data, dict):
        for key in sorted(data):
            if not is_structure(key, data[key]):
                found += words(data[key], path + (key,))
    elif isinstance(data, list):
        key = identity_key(data)
        for index, item in enumerate(data):
            step = key + "=" + item[key] if key else index
            found += words(item, path + (step,))
    return found
