"""Small helpers the saved-format validators share (checklist, letter,
worksheet): counting what was wrong, and walking a dict in one order."""


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
