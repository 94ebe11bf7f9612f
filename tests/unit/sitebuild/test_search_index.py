"""sitebuild/search_index.py: one search index per language, and each page
pointed at its own language's; sitebuild/offline.py: the search files each
index needs (its own `lang`)."""

import json
from urllib.parse import urljoin

import pytest
from sitebuild import offline, search_index

MERGED = {
    "config": {"lang": ["en", "es"], "separator": "[\\s\\-]+", "pipeline": ["stopWordFilter"]},
    "docs": [
        {"location": "", "title": "Home", "text": "start"},
        {"location": "about/#who", "title": "Who", "text": "we"},
        {"location": "es/", "title": "Inicio", "text": "empezar"},
        {"location": "es/about/#who", "title": "Quiénes", "text": "nosotros"},
    ],
}


def test_split_index_keeps_each_language_to_its_own_pages():
    split = search_index.split_index(MERGED, ["en", "es"])
    assert sorted(split) == ["", "es/"]
    assert split[""]["config"]["lang"] == ["en"]
    assert split["es/"]["config"]["lang"] == ["es"]
    assert [doc["location"] for doc in split[""]["docs"]] == ["", "about/#who"]
    # Relative to /es/, where the Spanish pages read it.
    assert [doc["location"] for doc in split["es/"]["docs"]] == ["", "about/#who"]
    assert [doc["title"] for doc in split["es/"]["docs"]] == ["Inicio", "Quiénes"]
    # The rest of the settings as the search plugin wrote them; the merged index untouched.
    assert split["es/"]["config"]["separator"] == MERGED["config"]["separator"]
    assert MERGED["config"]["lang"] == ["en", "es"] and MERGED["docs"][2]["location"] == "es/"


def test_write_split(tmp_path):
    (tmp_path / "search").mkdir()
    (tmp_path / search_index.INDEX).write_text(json.dumps(MERGED), encoding="utf-8")
    assert search_index.write_split(tmp_path, ["en", "es"]) == {"": 2, "es/": 2}
    spanish = json.loads((tmp_path / "es" / search_index.INDEX).read_text(encoding="utf-8"))
    assert spanish["config"]["lang"] == ["es"] and spanish["docs"][1]["title"] == "Quiénes"
    # Each index asks the search worker only for its own language's files.
    assert offline.site_search_files(tmp_path) == {
        "assets/javascripts/lunr/min/lunr.es.min.js",
        "assets/javascripts/lunr/min/lunr.stemmer.support.min.js",
    }


def _page(base):
    return (
        '<head></head><body><script id="__config" type="application/json">'
        f'{{"annotate": null, "base": "{base}", "features": []}}</script></body>'
    )


@pytest.mark.parametrize(
    "address, base",
    [("https://h/es/", ".."), ("https://h/es/screener/", "../.."), ("https://h/es/404.html", "/")],
)
def test_a_page_in_another_language_reads_its_own_index(address, base):
    moved = search_index.language_base(_page(base), "es/")
    new_base = json.loads(moved.split('type="application/json">')[1].split("</script>")[0])["base"]
    # Material: new URL("search/search_index.json", new URL(base, location)).
    assert urljoin(urljoin(address, new_base), search_index.INDEX) == "https://h/es/search/search_index.json"
    assert search_index.language_base(_page(base), "") == _page(base)


def test_a_changed_theme_stops_the_build():
    with pytest.raises(search_index.SearchConfigChanged):
        search_index.language_base("<p>no settings</p>", "es/")
