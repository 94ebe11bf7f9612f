"""MkDocs hook: the Python widgets. A thin adapter over sitebuild.widgets and
sitebuild.runtime_files.

- Renders each widget marker (<!-- widget:name -->) into its page from the
  same data files the browser reads, so the page works and prints with
  JavaScript off, in the page's language (the data files' overlays).
- Gives pages whose front matter says `widget: name` the PyScript settings
  the template needs.
- Copies the self-hosted runtime and the widget code into the built site,
  in folders named by their content's hash, once for every language (the
  i18n plugin builds once per language: sitebuild/languages.py). What goes
  there is worked out once, in the first language's on_config, and those
  same files are what the pages name and what is copied.
"""

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


# After pages.py's on_config (same priority, listed before): it writes
# pages.json, which a manifest may list.
@event_priority(languages.AFTER_EVERY_LANGUAGE)
def on_config(config):
    if _rounds.under_way():
        return config  # another language: the same widgets and files
    widgets.make_importable()
    try:
        runtime_files.runtime(_runtime_name(config))
        found["registry"] = widgets.discover()
        found["markers"] = widgets.marker_functions(found["registry"])
        found["groups"] = runtime_files.groups(_runtime_name(config))
        found["folders"] = runtime_files.folders(_runtime_name(config), found["groups"])
        found["plugins_off"] = runtime_files.plugins_off()
    except (widgets.WidgetError, runtime_files.RuntimeFilesError) as error:
        raise PluginError(str(error)) from error
    return config


def on_page_content(html, page, config, files):
    if "<!-- widget:" not in html:
        return html
    found.setdefault("shown", {})[page.file.src_uri] = widgets.widgets_shown(html, found["registry"])
    try:
        # Widget links stay in the page's language: root is its language's home.
        root = get_relative_url(languages.home_of(page, config) or ".", page.url).rstrip("/") or "."
        return widgets.fill_markers(html, root, found["markers"], language=languages.page_language(page, config))
    except widgets.WidgetError as error:
        raise PluginError(f"{page.file.src_uri}: {error}") from error


def on_page_context(context, page, config, nav):
    name = page.meta.get("widget")
    # The widgets' own stylesheets: the page's widget's, and those of the
    # widgets whose markers it shows.
    shown = ([name] if name else []) + found.get("shown", {}).get(page.file.src_uri, [])
    styles = widgets.styles_for([widget for widget in shown if widget in found["registry"]], found["registry"])
    page.meta["widget_styles"] = widgets.style_hrefs(context["base_url"], styles)
    if not name:
        return context
    if name not in found["registry"]:
        raise PluginError(f"{page.file.src_uri}: unknown widget {name!r}; known: {sorted(found['registry'])}")
    page.meta["pyscript"] = widgets.page_settings(
        found["registry"][name], context["base_url"], _runtime_name(config), found["folders"], found["plugins_off"],
        language=languages.page_language(page, config),
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
    widgets.copy_styles(config["site_dir"], found["registry"])
    try:
        runtime_files.copy_into_site(Path(config["site_dir"]), _runtime_name(config), found["groups"])
    except runtime_files.RuntimeFilesError as error:
        raise PluginError(str(error)) from error
