"""What a page's front matter gives its <head>."""

import html


def description(meta):
    """The page's meta description: its one-line `summary`, escaped for the
    attribute Material's template writes it into (unescaped). None without one."""
    summary = meta.get("summary")
    if not summary:
        return None
    return html.escape(" ".join(str(summary).split()), quote=False).replace('"', "&quot;")
