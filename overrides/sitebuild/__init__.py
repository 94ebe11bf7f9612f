"""Build-time work as plain functions; overrides/hooks/ holds the thin MkDocs
adapters that call them, so another site generator could call them too."""
