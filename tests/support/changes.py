"""Changes to JSON-like data for tests: one value set deep inside."""


def set_in(path, value):
    """A change(data) that sets data[path[0]]...[path[-1]] to value, in place."""
    def change(data):
        target = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
    return change


def remove_in(path):
    """A change(data) that removes data[path[0]]...[path[-1]], in place."""
    def change(data):
        target = data
        for key in path[:-1]:
            target = target[key]
        del target[path[-1]]
    return change
