"""Words in a page's language, read from a data file and its overlay. Plain
functions.

A data file ("template.json") holds the English words; a language other than
English adds an overlay beside it ("template.es.json") with the same keys and
only the words, the way the widgets' data files do (pyscript/sog/language.py
on branch es-widgets). A key the overlay lacks keeps its English words.
"""

import datetime
import json
from pathlib import Path

OVERRIDES = Path(__file__).resolve().parents[1]
# The words the theme's templates show: the page note, the review date, the
# offer of the guide in another language.
TEMPLATE_WORDS = OVERRIDES / "words" / "template.json"
DEFAULT = "en"


def overlay_path(path, language):
    """words.json -> words.es.json (None for English)."""
    path = Path(path)
    if language == DEFAULT:
        return None
    return path.with_name(f"{path.stem}.{language}{path.suffix}")


def laid_over(base, overlay):
    """base with overlay's words in place of its own, key by key; a key
    base lacks is ignored, so an overlay never adds structure."""
    if isinstance(base, dict) and isinstance(overlay, dict):
        return {key: laid_over(value, overlay[key]) if key in overlay else value for key, value in base.items()}
    if isinstance(base, (str, list)) and type(overlay) is type(base):
        return overlay
    return base


def read(path, language):
    """A data file's words in language (English where its overlay is missing)."""
    words = json.loads(Path(path).read_text(encoding="utf-8"))
    overlay = overlay_path(path, language)
    if overlay is not None and overlay.is_file():
        words = laid_over(words, json.loads(overlay.read_text(encoding="utf-8")))
    return words


def review_date(value, words):
    """A review date as the page's language writes it: words["review_date"]
    with {month} {day} {year} ("November 21, 2026", "21 de noviembre de 2026")."""
    day = value if isinstance(value, datetime.date) else datetime.date.fromisoformat(str(value))
    return words["review_date"].format(month=words["months"][day.month - 1], day=day.day, year=day.year)
