"""Parity cases for sog.markup."""

from sog.markup import escape, link

from tests.runtimes.parity.harness import case
from tests.support.examples import HOSTILE_TEXTS


def add_cases():
    for index, text in enumerate(HOSTILE_TEXTS):
        case("markup.escape.hostile_%02d" % index, escape, text)
    case("markup.escape.none", escape, None)
    case("markup.escape.int", escape, 42)
    case("markup.escape.negative_int", escape, -7)
    case("markup.escape.big_int", escape, 10 ** 30)
    case("markup.escape.true", escape, True)
    case("markup.escape.false", escape, False)
    case("markup.escape.list", escape, ["<a>", 1])
    case("markup.escape.twice", lambda text: escape(escape(text)), "<a href=\"x\">&</a>")
    links = [
        ("", "", "no link"),
        ("", "checklist/", "Checklist"),
        ("/sub/site", "checklist/", "Checklist"),
        ("..", "talking-to-your-doctor/", "Talk <now> & \"then\""),
        ('"><script>', 'x" onclick="evil', "<b>bold</b>"),
        ("", None, "None href"),
        ("/r", "a?b=1&c=2#frag", "query & fragment"),
    ]
    for index, args in enumerate(links):
        case("markup.link.%02d" % index, link, args[0], args[1], args[2])

