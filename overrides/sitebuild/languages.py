"""The guide's languages at build time. Plain functions and one small class.

mkdocs-static-i18n builds the whole site once per language, into the same
folder: the default language (English, at /) first, then each other language
(Spanish, at /es/) inside the first build's on_post_build (the plugin's,
priority -100), running every hook again. So a hook that writes a file for
the whole site (sw.js, _headers, the versioned runtime folders) must:

- start collecting only when the outermost build starts (Rounds.begin), and
- write only when the outermost build ends, after the plugin's own end, so
  after every language and the merged search index: its on_post_build has
  event_priority(AFTER_EVERY_LANGUAGE) and asks Rounds.end().

What is the same in every language (the files a widget page loads) is worked
out once, in the first language's on_config: a later language's on_config
runs while the first build is under way (Rounds.under_way).
"""

# Below the i18n plugin's -100, so a hook's on_post_build runs after the
# plugin has built the other languages and merged their search index.
AFTER_EVERY_LANGUAGE = -200
I18N_PLUGIN = "i18n"
# Material registers its own search plugin under this name.
SEARCH_PLUGINS = ("material/search", "search")


class Rounds:
    """Counts the builds that are under way, one inside another: the
    outermost build's end is the end of the site's build."""

    def __init__(self):
        self.depth = 0

    def begin(self):
        """Call in on_pre_build: True for the outermost build (the first language)."""
        self.depth += 1
        return self.depth == 1

    def end(self):
        """Call in on_post_build: True once every language is built."""
        self.depth = max(0, self.depth - 1)
        return self.depth == 0

    def under_way(self):
        """In on_config: True in another language's build, inside the first's end."""
        return self.depth > 0

    def reset(self):
        """Call in on_build_error: the next build starts from the top."""
        self.depth = 0


def _languages(config):
    plugin = config["plugins"].get(I18N_PLUGIN)
    if plugin is None:
        return [(config["theme"]["language"], True)]
    return [(language.locale, language.default) for language in plugin.config.languages if language.build]


def site_languages(config):
    """Every language the site is built in, the default first: ["en", "es"]."""
    return [locale for locale, default in sorted(_languages(config), key=lambda pair: (not pair[1], pair[0]))]


def default_language(config):
    return site_languages(config)[0]


def build_language(config):
    """The language of the build under way (the plugin sets the theme's
    language in its on_config, before any page is read)."""
    return config["theme"]["language"]


def page_language(page, config):
    """A page's language: its file's locale (the plugin's), else the build's."""
    return getattr(page.file, "locale", None) or build_language(config)


def home_of(page, config):
    """The site-relative address of the home of a page's language: "" for
    the default language, "es/" for Spanish (the plugin's folders)."""
    language = page_language(page, config)
    return "" if language == default_language(config) else language + "/"


def search_languages(config):
    """The search plugin's languages (its `lang`), ["en"] when it has none."""
    for name in SEARCH_PLUGINS:
        plugin = config["plugins"].get(name)
        if plugin is not None:
            return list(plugin.config.lang or ["en"])
    return ["en"]
