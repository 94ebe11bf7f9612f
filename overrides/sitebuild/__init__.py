"""Build-time work as plain functions. The MkDocs hooks in overrides/hooks/ are
thin adapters that call these, so the tests can call them too."""
