"""One Spanish word for one thing (SPANISH.md, "Choices settled"; issue 18).

Where two Spanish forms are both in use, the guide chose one: "estimación de
buena fe" (not "estimado"), and "visita" for the second-opinion appointment
(not "consulta"). Every Spanish page, include and data file (widget overlays,
the theme's words) uses the chosen form; only the glossary's notes that say
the other form means the same may name it. Read from the sources, so no build.
"""

import re
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]
SPANISH_FILES = sorted(
    path.relative_to(PROJECT).as_posix()
    for folder in ("docs", "overrides/words", "pyscript/sog")
    for path in (PROJECT / folder).rglob("*.es.*")
    if path.is_file()
)
# The other form -> the form the guide uses.
OTHER_FORMS = {
    r"\bestimados?\s+de\s+buena\s+fe\b": "estimación de buena fe",
    r"\bestimados?\s+de\s+los\s+cargos\b": "estimación de los cargos",
    r"\bconsultas?\b": "visita (the second-opinion appointment)",
}
# The glossary's notes that name the other form, so a reader who meets it knows it.
GLOSSARY = "docs/glossary.es.md"
ALLOWED = {
    GLOSSARY: [
        "A veces también se dice «estimado de buena fe»: es lo mismo.",
        "(a veces también se dice «la consulta»)",
    ],
}


def test_spanish_files_are_found():
    assert GLOSSARY in SPANISH_FILES and "pyscript/sog/checklist/items.es.json" in SPANISH_FILES


@pytest.mark.parametrize("name", SPANISH_FILES)
def test_the_chosen_term_only(name):
    text = (PROJECT / name).read_text(encoding="utf-8")
    for allowed in ALLOWED.get(name, []):
        assert allowed in text, f"{name}: the note {allowed!r} is gone: update ALLOWED"
        text = text.replace(allowed, "")
    found = [
        f"{match.group(0)!r} (use {chosen})"
        for pattern, chosen in OTHER_FORMS.items()
        for match in re.finditer(pattern, text, re.IGNORECASE)
    ]
    assert not found, f"{name}: " + ", ".join(found)
