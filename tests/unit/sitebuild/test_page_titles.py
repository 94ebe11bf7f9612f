"""Unit tests for overrides/sitebuild/page_titles.py: pages.json from the nav.

Tested here: every page of the project's nav but the home page gets its
address and its front matter's title (the records letter and the worksheet
too, which the hand-kept list missed); the nav's label stands in for a
page without a title; sections nest; external links are skipped; the file
is written only when its text changes; the file the tests read is the nav's.
"""

import json

import pytest
import yaml
from mkdocs.utils import meta
from sitebuild import page_titles

PROJECT = page_titles.PROJECT


def nav_paths(nav):
    return [path for _, path in page_titles._pages(nav)]


def test_every_page_of_the_nav_is_titled_as_it_titles_itself():
    config = yaml.load((PROJECT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    found = page_titles.from_mkdocs_yml()["titles"]
    paths = [path for path in nav_paths(config["nav"]) if path != "index.md"]
    assert sorted(found) == sorted(page_titles.address(path) for path in paths)
    for path in paths:
        _, front = meta.get_data((PROJECT / "docs" / path).read_text(encoding="utf-8"))
        assert found[page_titles.address(path)] == front["title"]
    assert {"records-letter/", "weigh-two-opinions/"} <= set(found)


@pytest.mark.parametrize("path, href", [("a.md", "a/"), ("index.md", ""), ("part/index.md", "part/"),
                                        ("part/b.md", "part/b/")])
def test_address(path, href):
    assert page_titles.address(path) == href


def test_titles_of_a_nav(tmp_path):
    (tmp_path / "index.md").write_text("---\ntitle: Home\n---\n", encoding="utf-8")
    (tmp_path / "a.md").write_text("---\ntitle: Page A\n---\n# A\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("# B\n", encoding="utf-8")
    nav = [{"Home": "index.md"}, {"Part": [{"Label A": "a.md"}, {"Label B": "b.md"}]},
           {"Elsewhere": "https://example.org/"}]
    assert page_titles.titles(nav, tmp_path) == {"version": 1, "titles": {"a/": "Page A", "b/": "Label B"}}
    with pytest.raises(ValueError, match="b.md"):
        page_titles.titles(["b.md"], tmp_path)


def test_written_only_when_it_changes(tmp_path):
    target = tmp_path / "pages.json"
    data = {"version": 1, "titles": {"a/": "\u00bfQu\u00e9?"}}
    assert page_titles.write(data, target) is True
    assert json.loads(target.read_text(encoding="utf-8")) == data
    assert page_titles.write(data, target) is False
    assert page_titles.write({"version": 1, "titles": {}}, target) is True


def test_the_tests_read_the_navs_titles():
    written = json.loads(page_titles.PAGES_JSON.read_text(encoding="utf-8"))
    assert written == page_titles.from_mkdocs_yml()
