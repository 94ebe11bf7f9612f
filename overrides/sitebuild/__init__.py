"""Build-time work in plain functions; the MkDocs hooks in overrides/hooks/ only call them."""
