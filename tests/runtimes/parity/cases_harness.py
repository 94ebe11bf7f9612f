"""Parity cases that check the harness itself."""

import json
import sys

from tests.runtimes.parity.harness import canon, case, case_expecting, dumps

# The harness's JSON, pinned: what each kind of character is written as
# (escaped whole-text, not a character at a time), keys sorted, a lone
# surrogate marked.
CANONICAL_TEXT = ('{"keys":{"a":[true,null,-2],"b":1},'
                  '"text":"a\\"b\\\\c\\u0000\\u001f\\u007f \\u00e9\\u2019\\uffff\\ud83d\\ude00\\ufffed800z"}')


def add_cases():
    def browser_modules_loaded():
        # sog.dom and the widget modules (sog.*.widget) need the browser;
        # these cases must never load them.
        return sorted(name for name in sys.modules
                      if name in ("pyscript", "js", "sog.dom") or name.endswith(".widget"))

    case("harness.browser_modules_not_loaded", browser_modules_loaded)
    case("harness.canonical_json", lambda: dumps(canon({
        "b": [1, "\u00e9\U0001F600\x00\"\\"], "a": (True, None), "f": [0.5, float("inf")], 3: "int key"})))
    case_expecting("harness.canonical_json_pinned", CANONICAL_TEXT, lambda: dumps(canon({
        "text": 'a"b\\c\x00\x1f\x7f \u00e9\u2019\uffff\U0001F600' + json.loads('"\\ud800"') + "z",
        "keys": {"b": 1, "a": [True, None, -2]}})))


