"""One widget's saved work in one tab: the save-and-redraw loop every widget
with saved work shares. Pure: the storage object, the clock and the live
notice are passed in (the widget's DOM glue gives them, from sog/dom.py).

A page works from the newest saved copy. Every change reads it first
(latest), applies one change and saves the result (apply), so two open tabs
never overwrite each other's newer work; when another tab changed or cleared
it, the session marks itself stale so the page redraws in step. What the tab
holds survives when it cannot be saved (storage full or blocked).

The widget's saved module (its "part") gives the saved format: KIND, VERSION,
MIGRATIONS, open_store(backend), clean(raw) -> (state, issues) and
problems(issues) -> the visitor's sentences for what clean left out (issues:
[[code, count]], as sog/checks.py notes them).
"""

from sog import storage
from sog import text as text_policy


class Session:
    """The saved work of one widget in this tab.

    state is what the tab shows; raw the saved data it was cleaned from (to
    skip cleaning it again), or None; stale is set when storage differs from
    what this tab last showed (another tab changed or cleared it).
    """

    def __init__(self, part, backend, fresh, clock, clean=None):
        self.part = part
        self.store = part.open_store(backend)
        # clean(raw) -> (state, issues): the part's own, unless the page
        # cleans against data the part does not read itself (the screener's
        # questions).
        self.clean = clean or part.clean
        self.fresh = fresh
        self.clock = clock
        # speak(text): the page's live notice; set once the page is there.
        self.speak = None
        self.state = fresh()
        self.raw = None
        self.stale = False
        # Whether the notice shows a typed-text problem, to take it back.
        self.problem = False

    def start(self):
        """Read what this browser saved: the state to show, and the sentences
        to say (what storage found, then what the saved work left out)."""
        loaded, _, notice = self.store.load()
        self.state, issues = self.clean(loaded)
        self.raw = loaded
        return [message for message in [storage.message_for(notice, self.store.kept_copy)]
                + self.part.problems(issues) if message]

    def latest(self):
        """The newest saved work: from storage when it can be read, else what
        this tab holds. A page that could not save keeps its own work."""
        if not self.store.available():
            return self.state
        loaded, _, notice = self.store.load()
        if notice == storage.EMPTY:
            if self.raw is not None:
                # Cleared in another tab.
                self.raw = None
                self.state = self.fresh()
                self.stale = True
            return self.state
        if notice not in (storage.OK, storage.MIGRATED):
            return self.state
        if loaded is not self.raw:
            self.raw = loaded
            self.state = self.clean(loaded)[0]
            self.stale = True
        return self.state

    def save(self):
        """Save the state; says so when the browser would not keep it."""
        if self.store.save(self.state, self.clock()):
            self.raw = self.state
            return True
        if self.store.available():
            self.say(storage.message_for("not_saved"))
        return False

    def apply(self, change):
        """Read the latest, apply change(state) -> new state, save it.
        Returns the new state."""
        self.state = change(self.latest())
        self.save()
        return self.state

    def take_stale(self):
        """Whether another tab changed the work since this tab last drew it
        (asked once per draw: the answer resets)."""
        stale = self.stale
        self.stale = False
        return stale

    def clear(self):
        """Forget the saved work here and in storage. True if the browser let
        us (or keeps nothing anyway)."""
        cleared = self.store.clear()
        self.state = self.fresh()
        self.raw = None
        self.stale = False
        return cleared or not self.store.available()

    def say(self, message):
        """Put a sentence in the page's live notice ("" empties it)."""
        self.problem = False
        if self.speak is not None:
            self.speak(message or "")

    def typed(self, value):
        """Typed text if it can be saved, else None, after saying why. A
        problem said before is taken back once the text is fine again."""
        problem = None if text_policy.is_blank(value) else text_policy.problem(value)
        if problem:
            self.say(problem)
            self.problem = True
            return None
        if self.problem:
            self.say("")
        return value

    def follows(self, key, *others):
        """Whether a storage event's key (None: storage cleared) is this
        work's, or one of the others' (other widgets' keys this page shows)."""
        return storage.concerns(key, self.store.key, *others)
