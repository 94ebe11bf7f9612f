"""Parity cases for sog.pages and the figures filled into the widgets' data."""

from sog import datafiles, figures, pages

from tests.runtimes.parity.harness import case, case_raises
from tests.support.examples import EVIL


def add_cases():
    for href in sorted(datafiles.load(pages.PAGES_FILE)["titles"]):
        case("pages.title." + href, pages.title, href)
    case("pages.title.part_of_a_page", pages.title, "when-to-get-one/#is-it-safe-to-wait")
    case_raises("pages.title.unknown", "KeyError", pages.title, "no-such-page/")
    case("pages.titled_link.plain", pages.titled_link, "..", "pathology/", "Read more: {title}")
    case("pages.titled_link.hostile", pages.titled_link, EVIL, "checklist/#x", EVIL + "{title}")
    case("figures.load", figures.load)
    for name in ("screener/questions.json", "checklist/items.json"):
        case("figures.load_filled.placeholders_left." + name,
             lambda name: [text for text in strings(figures.load_filled(name)) if figures.placeholders(text)], name)


def strings(value):
    """Every string in JSON-like data."""
    if isinstance(value, str):
        return [value]
    found = []
    if isinstance(value, list):
        for item in value:
            found += strings(item)
    elif isinstance(value, dict):
        for key in value:
            found += strings(value[key])
    return found
