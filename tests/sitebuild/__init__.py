"""Unit tests for overrides/sitebuild/, one file per module."""
