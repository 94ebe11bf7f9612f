"""Stand-ins for the browser's storage, for the unit tests and the runtime
parity cases alike (so MicroPython-safe: plain classes, no typing).

MemoryStorage behaves like window.localStorage (setItem returns nothing);
SafeStorage like javascripts/safe-storage.js, which the widgets really use
(True or False back). The others fail the ways a browser can. Every call is
logged in .calls, so a test can see what was read and written.
"""


class MemoryStorage:
    """A dict-backed window.localStorage: None for a missing key."""

    def __init__(self, items=None):
        self.items = dict(items or {})
        self.calls = []

    def getItem(self, key):
        self.calls.append("get " + key)
        return self.items.get(key)

    def setItem(self, key, value):
        self.calls.append("set " + key)
        self.items[key] = str(value)

    def removeItem(self, key):
        self.calls.append("remove " + key)
        self.items.pop(key, None)


class SafeStorage(MemoryStorage):
    """Like safe-storage.js: setItem and removeItem report True."""

    def setItem(self, key, value):
        MemoryStorage.setItem(self, key, value)
        return True

    def removeItem(self, key):
        MemoryStorage.removeItem(self, key)
        return True


class FullSafeStorage(SafeStorage):
    """safe-storage.js when the quota is full: setItem stores nothing, gives False."""

    def setItem(self, key, value):
        self.calls.append("set " + key)
        return False


class RemoveReturnsFalse(SafeStorage):
    """safe-storage.js when storage is blocked mid-visit: removeItem gives False."""

    def removeItem(self, key):
        self.calls.append("remove " + key)
        return False


class GetFails(MemoryStorage):
    """localStorage that throws on reading, as a blocked one does."""

    def getItem(self, key):
        self.calls.append("get " + key)
        raise OSError("SecurityError: the operation is insecure")


class SetFails(MemoryStorage):
    """localStorage that throws on writing: the quota is full."""

    def setItem(self, key, value):
        self.calls.append("set " + key)
        raise OSError("QuotaExceededError")


class RemoveFails(MemoryStorage):
    def removeItem(self, key):
        self.calls.append("remove " + key)
        raise OSError("removeItem failed")


class BrokenStorage(MemoryStorage):
    """Storage whose every method throws, as a blocked localStorage can.
    (Written out: MicroPython resolves multiple inheritance depth-first.)"""

    def getItem(self, key):
        return GetFails.getItem(self, key)

    def setItem(self, key, value):
        return SetFails.setItem(self, key, value)

    def removeItem(self, key):
        return RemoveFails.removeItem(self, key)


class OddValueStorage(MemoryStorage):
    """A bridge that hands back a non-string stand-in (such as 0) for a missing key."""

    def __init__(self, value):
        MemoryStorage.__init__(self)
        self.value = value

    def getItem(self, key):
        self.calls.append("get " + key)
        return self.value
