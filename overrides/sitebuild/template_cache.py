"""The theme's templates, compiled once per build for every language. One small class.

mkdocs-static-i18n builds the site again for each language, and MkDocs
makes a new Jinja environment for each, so Material's 45 templates were
parsed and compiled to Python twice (a tenth of a build). Jinja's own
bytecode cache lets the second language's environment reuse the first's
compiled code: keyed by template name, and used only while the template's
source is unchanged (Jinja checks a checksum of it). Kept in memory, never
on disk: nothing to go stale between builds.
"""

from jinja2 import BytecodeCache


class CompiledOnce(BytecodeCache):
    """Jinja's bytecode cache, in memory: set it as env.bytecode_cache in on_env."""

    def __init__(self):
        self.kept = {}

    def load_bytecode(self, bucket):
        if bucket.key in self.kept:
            bucket.bytecode_from_string(self.kept[bucket.key])

    def dump_bytecode(self, bucket):
        self.kept[bucket.key] = bucket.bytecode_to_string()
