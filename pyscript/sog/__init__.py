"""Second Opinion Guide: the Python that runs in the browser (and at build time).

One package, so that short module names (storage, dom, markup) never clash
with packages installed beside MkDocs. Each widget is a sub-package with a
widget.json manifest that the build finds by itself; shared modules sit here.
"""
