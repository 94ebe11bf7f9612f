"""Parity cases that check the harness itself."""

import sys

from tests.runtimes.parity.harness import canon, case, dumps


def add_cases():
    def browser_modules_loaded():
        # sog.dom and the widget modules (sog.*.widget) need the browser;
        # these cases must never load them.
        return sorted(name for name in sys.modules
                      if name in ("pyscript", "js", "sog.dom") or name.endswith(".widget"))

    case("harness.browser_modules_not_loaded", browser_modules_loaded)
    case("harness.canonical_json", lambda: dumps(canon({
        "b": [1, "\u00e9\U0001F600\x00\"\\"], "a": (True, None), "f": [0.5, float("inf")], 3: "int key"})))


