"""MkDocs hook: the Python widgets. A thin adapter over sitebuild.widgets and
sitebuild.runtime_files.

- Renders each widget marker (<!-- widget:name -->) into its page from the
  same data files the browser reads, so the page works and prints with
  JavaScript off; in the page's language where sitebuild.widgets takes one
  (its `language` argument, branch es-widgets), else in English.
- Gives pages whose front matter says `widget: name` the PyScript settings
  the template needs.
- Copies the self-hosted runtime and the widget code into the built site,
  in folders named by their content's hash, once for every language (the
  i18n plugin builds once per language: sitebuild/languages.py).
"""

import functools
import inspect
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.utils import get_relative_url

# MkDocs puts only this hook's own folder on sys.path while loading it.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from sitebuild import languages, runtime_files, widgets  # noqa: E402  (in overrides/, via the path above)

del sys.path[0]

found = {}
_rounds = languages.Rounds()


def _runtime_name(config):
    return config["extra"].get("python_runtime", "micropython")


def _in_language(function, page, config):
    """function with the page's language, if it takes one (sitebuild.widgets
    does once branch es-widgets is merged; until then the widgets' words are
    English on every page)."""
    if "language" not in inspect.signature(function).parameters:
        return function
    return functools.partial(function, language=languages.page_language(page, config))


def on_config(config):
    widgets.make_importable()
    try:
        runtime_files.runtime(_runtime_name(config))
        found["registry"] = widgets.discover()
        found["markers"] = widgets.marker_functions(found["registry"])
        found["folders"] = runtime_files.folders(_runtime_name(config))
        found["plugins_off"] = runtime_files.plugins_off()
    except (widgets.WidgetError, runtime_files.RuntimeFilesError) as error:
        raise PluginError(str(error)) from error
    return config


def on_page_content(html, page, config, files):
    if "<!-- widget:" not in html:
        return html
    try:
        fill = _in_language(widgets.fill_markers, page, config)
        return fill(html, get_relative_url(".", page.url) or ".", found["markers"])
    except widgets.WidgetError as error:
        raise PluginError(f"{page.file.src_uri}: {error}") from error


def on_page_context(context, page, config, nav):
    name = page.meta.get("widget")
    if not name:
        return context
    if name not in found["registry"]:
        raise PluginError(f"{page.file.src_uri}: unknown widget {name!r}; known: {sorted(found['registry'])}")
    settings = _in_language(widgets.page_settings, page, config)
    page.meta["pyscript"] = settings(
        found["registry"][name], context["base_url"], _runtime_name(config), found["folders"], found["plugins_off"]
    )
    return context


def on_pre_build(config):
    _rounds.begin()


def on_build_error(error):
    _rounds.reset()


@event_priority(languages.AFTER_EVERY_LANGUAGE)
def on_post_build(config):
    if not _rounds.end():
        return
    try:
        runtime_files.copy_into_site(Path(config["site_dir"]), _runtime_name(config))
    except runtime_files.RuntimeFilesError as error:
        raise PluginError(str(error)) from error
