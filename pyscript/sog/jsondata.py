"""A deep copy of JSON-shaped data (dicts, lists, strings, numbers, True,
False, None), made the same way in every runtime. Pure.

The widgets' states change by copy: every change returns a new state, so a
copy is made on every tick and every key typed. copy.deepcopy is missing
from MicroPython, and a round trip through json.dumps and json.loads writes
and parses every string again: up to 10x slower there on a worksheet or
checklist full of text. Strings are never changed in place, so the copy
shares them.
"""


# Containers a copy walks into; anything else is shared. Checked before a
# call, as most values are strings and MicroPython's calls are slow.
_CONTAINERS = (dict, list, tuple)


def copy(value):
    """A copy of value that shares no dict or list with it (a tuple comes
    back a list, as it would from JSON)."""
    if isinstance(value, dict):
        result = {}
        for key in value:
            item = value[key]
            result[key] = copy(item) if isinstance(item, _CONTAINERS) else item
        return result
    if isinstance(value, (list, tuple)):
        return [copy(item) if isinstance(item, _CONTAINERS) else item for item in value]
    return value
