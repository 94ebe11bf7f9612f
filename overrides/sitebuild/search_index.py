"""Search in the page's language: one search index per language. Plain functions.

The i18n plugin merges every language's pages into one index
(site/search/search_index.json) with the search plugin's languages together
(`lang: [en, es]`), so a Spanish reader's search would list English pages and
the other way round. When every language is built, split_index() splits it:

- site/search/search_index.json: the default language's pages, `lang: ["en"]`;
- site/es/search/search_index.json: the Spanish pages, `lang: ["es"]` (Material's
  search worker then uses lunr's Spanish stemmer and stop words), with
  addresses relative to /es/.

Material's script reads the index from the `base` in each page's `__config`
(base_url, the site's root): a page in another language gets its language's
root instead (language_base), so it reads its own index and its results'
addresses resolve under /es/.
"""

import json
import re
from pathlib import Path

INDEX = "search/search_index.json"
# Material writes its settings as JSON in one element; "base" is base_url.
CONFIG_BASE = re.compile(r'(<script id="__config" type="application/json">\{[^<]*?"base": ")([^"]*)(")')


class SearchConfigChanged(ValueError):
    """The theme no longer writes the settings this module rewrites."""


def split_index(index, site_languages):
    """{folder: index} for each language: "" for the default language (the
    first of site_languages), "es/" for Spanish. Each holds that language's
    documents only, addresses relative to its folder, and its own `lang`."""
    default, others = site_languages[0], list(site_languages[1:])
    parts = {"": (default, [])}
    for language in others:
        parts[language + "/"] = (language, [])
    for doc in index.get("docs", []):
        top = doc["location"].split("/")[0]
        folder = top + "/" if top in others else ""
        found = dict(doc)
        found["location"] = doc["location"][len(folder) :]
        parts[folder][1].append(found)
    split = {}
    for folder, (language, docs) in parts.items():
        config = dict(index.get("config", {}))
        config["lang"] = [language]
        split[folder] = {"config": config, "docs": docs}
    return split


def write_split(site, site_languages):
    """Split site/search/search_index.json into one index per language (in
    place for the default language); returns {folder: number of documents}."""
    site = Path(site)
    merged = json.loads((site / INDEX).read_text(encoding="utf-8"))
    counts = {}
    for folder, index in split_index(merged, site_languages).items():
        path = site / folder / INDEX
        path.parent.mkdir(parents=True, exist_ok=True)
        # Compact, as the search plugin writes it.
        path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        counts[folder] = len(index["docs"])
    return counts


def language_base(page_html, folder):
    """The page with Material's `base` pointing at its language's root
    (folder "es/": base ".." becomes "../es/", "/" becomes "/es/"), so its
    search reads that language's index. folder "" leaves the page alone."""
    if not folder:
        return page_html
    if len(CONFIG_BASE.findall(page_html)) != 1:
        raise SearchConfigChanged("expected Material's __config script once, starting with its base")

    def moved(match):
        base = match.group(2)
        return match.group(1) + base + ("" if base.endswith("/") else "/") + folder + match.group(3)

    return CONFIG_BASE.sub(moved, page_html)
