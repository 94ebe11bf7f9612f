"""Checks of the built site's pages: build, links, page furniture, reading level, originality."""
