"""What Material writes on each page, made valid and accessible (an MkDocs
hook; the work is in overrides/sitebuild/theme_markup.py and page_meta.py).

- Each page's meta description is its front matter's `summary`.
- Fixes to the theme's own markup: a name for the search dialog (in the
  page's language), no attributes the Nu Html Checker rejects, and no head
  links to other language versions that make Material fetch a sitemap.xml
  that is not there (theme_markup.py says why; sitemap.xml has the pairs).
- A 404.html for each language: the i18n plugin renders the theme's pages
  again for each language into the same file, site/404.html; security.py
  (last, once the page is final) moves each other language's to its folder
  (site/es/404.html). It names no other language version (hreflang, switch):
  it is the same page for every address.
- The templates are compiled once for every language's build
  (sitebuild/template_cache.py).
"""

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

OVERRIDES = Path(__file__).resolve().parents[1]
if str(OVERRIDES) not in sys.path:
    sys.path.insert(0, str(OVERRIDES))

from sitebuild import languages, page_meta, template_cache, theme_markup  # noqa: E402  (in overrides/, via the path above)

_compiled = template_cache.CompiledOnce()


def on_env(env, config, files):
    env.bytecode_cache = _compiled
    return env


def on_page_context(context, page, config, nav):
    found = page_meta.description(page.meta)
    if found:
        # Material's base.html writes page.meta.description in place of site_description.
        page.meta["description"] = found
    return context


def on_template_context(context, template_name, config):
    if template_name == "404.html":
        # The plugin sets the alternates again for each page it renders next.
        config["extra"]["alternate"] = []
        # Where this language's pages are ("" or "es/"), and the others' homes
        # (the root 404 answers every address: it offers the Spanish guide).
        language = languages.build_language(config)
        default = languages.default_language(config)
        context["language_folder"] = "" if language == default else language + "/"
        context["other_languages"] = [
            other for other in languages.site_languages(config) if other not in (language, default)
        ]
    return context


def _fixed(output, where, config):
    try:
        return theme_markup.fix_theme_markup(output, config["extra"]["words"]["search"])
    except theme_markup.ThemeMarkupChanged as error:
        raise PluginError(f"{where}: {error} (see overrides/sitebuild/theme_markup.py)") from error


def on_post_page(output, page, config):
    return _fixed(output, page.file.src_uri, config)


def on_post_template(output_content, template_name, config):
    """Theme pages that are not built from docs/ (404.html)."""
    if not template_name.endswith(".html"):
        return output_content
    return _fixed(output_content, template_name, config)
