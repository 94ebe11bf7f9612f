"""Small helpers the saved-format validators share (checklist, letter,
worksheet, screener): counting what was wrong, walking a dict in one order,
whether saved data is a dict to walk, and the visitor's sentences for what
was left out."""

from sog.markup import fill


def note(issues, code, count=1):
    """Count an issue; issues is a list of [code, count] in the order found."""
    for entry in issues:
        if entry[0] == code:
            entry[1] += count
            return
    issues.append([code, count])


def sorted_keys(value):
    """A dict's keys in one order every runtime agrees on."""
    return sorted(value, key=str)


def walkable(raw, fields, issues):
    """Whether raw saved data is a dict to read field by field. None
    (nothing saved) is not, and is no issue; anything else that is not a
    dict is noted "unreadable". In a dict, each key that is not one of
    fields is noted "unknown_field", in sorted order."""
    if raw is None:
        return False
    if not isinstance(raw, dict):
        note(issues, "unreadable")
        return False
    for key in sorted_keys(raw):
        if key not in fields:
            note(issues, "unknown_field")
    return True


def sentences(said, issues, values=None):
    """The visitor's sentences for issues ([[code, count]]): said maps a code
    to its [one, many] sentences, filled with {n} and values(code) (a dict)
    if given. A code without sentences stays quiet (nothing the visitor
    could see was lost)."""
    found = []
    for code, count in issues:
        pair = said.get(code)
        if pair is not None:
            filled = {"n": count}
            if values is not None:
                filled.update(values(code))
            found.append(fill(pair[0] if count == 1 else pair[1], filled))
    return found
