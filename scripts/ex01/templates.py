"""A compiled-template cache that lasts as long as the Python process, for `mkdocs serve`."""

from __future__ import annotations

import jinja2


class MemoryBytecodeCache(jinja2.BytecodeCache):
    """Keeps Jinja's compiled templates in memory, keyed by name and source checksum.

    MkDocs makes a new Jinja environment for every build, so `mkdocs serve` compiled all of
    Material's templates again after each edit. Jinja checks each entry against the template's
    source, so an edited template is compiled afresh.
    """

    def __init__(self) -> None:
        self._entries: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if (code := self._entries.get(bucket.key)) is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._entries[bucket.key] = bucket.bytecode_to_string()


# One per process: hook modules are loaded afresh with each configuration, this module is not.
CACHE = MemoryBytecodeCache()


def use_cache(theme) -> None:
    """Give every Jinja environment the theme makes the cache: MkDocs' own, and the one
    mkdocs-print-site-plugin makes to render the print page, which compiled Material's
    templates again at every build (half of a one-page rebuild under `mkdocs serve --dirty`)."""
    make_env = getattr(theme, "get_env", None)
    if not callable(make_env):
        raise TypeError(f"{type(theme).__name__} has no get_env: MkDocs' Theme changed")

    def get_env() -> jinja2.Environment:
        env = make_env()
        env.bytecode_cache = CACHE
        return env

    theme.get_env = get_env
