"""What visitor text may be saved: the policy every free-text field shares.

Visitor text is always escaped when shown, so this is a second guard: text
that looks like markup or a script link is refused outright, and saved text
is trimmed and capped. Pure, and the same in CPython, MicroPython and Pyodide.
"""

from sog import datafiles

# An explicit list: str.strip() strips different characters in each runtime.
WHITESPACE = " \t\n\r\f\v"
WORDS = "words.json"


def looks_like_markup(text):
    """Whether text could be read as HTML or a script link.

    Plain string checks, the same in every runtime: "<" before an ASCII
    letter, "/", "!" or "?" (how a browser starts a tag or comment),
    "javascript:" in any case, or a NUL character.
    """
    if "\u0000" in text or "javascript:" in text.lower():
        return True
    index = text.find("<")
    while index != -1:
        after = text[index + 1:index + 2]
        if ("a" <= after <= "z") or ("A" <= after <= "Z") or (after != "" and after in "/!?"):
            return True
        index = text.find("<", index + 1)
    return False


def is_blank(text):
    """Whether text is empty once trimmed."""
    return text.strip(WHITESPACE) == ""


def problem(text):
    """A plain message if this text cannot be saved, else None.

    Widgets ask before an add or set, because those quietly ignore text they
    refuse.
    """
    words = datafiles.load(WORDS)["text"]
    if not isinstance(text, str) or is_blank(text):
        return words["empty"]
    if looks_like_markup(text):
        return words["markup"]
    return None


def tidy(text, limit):
    """Text trimmed and capped, or None if it is not text or looks like markup."""
    if text is None:
        text = ""
    if not isinstance(text, str) or looks_like_markup(text):
        return None
    return text.strip(WHITESPACE)[:limit].strip(WHITESPACE)


def set_tidied(target, key, value, limit):
    """target[key] = value tidied (see tidy): how a widget's state keeps
    typed text. Text tidy refuses (markup, not text) leaves target as it was."""
    value = tidy(value, limit)
    if value is not None:
        target[key] = value


def check(value, limit, allow_empty):
    """Judge saved or loaded text. Returns (text, issue).

    issue is None when the text is fine as it is; "bad" (not text, or blank
    where text is needed) and "markup" come with text None; "long" comes with
    the text cut to limit.
    """
    if not isinstance(value, str):
        return None, "bad"
    if looks_like_markup(value):
        return None, "markup"
    trimmed = value.strip(WHITESPACE)
    if trimmed == "" and not allow_empty:
        return None, "bad"
    if len(trimmed) > limit:
        return trimmed[:limit].strip(WHITESPACE), "long"
    return trimmed, None
