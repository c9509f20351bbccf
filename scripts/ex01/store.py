"""The stores of things drawn ahead of time (docs/includes/diagrams.json, formulas.json):

    {"<tool>": "<version>", "<section>": {"<key>": {...}}}

keyed by a hash of each item's exact source. Read once per change of the file, written whole.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import tempfile
from pathlib import Path


class StoreError(Exception):
    """A store or a pin that cannot be read, or a build that failed; the message says which."""


def key(source: str) -> str:
    """The store key of an item: a hash of its exact source text."""
    return hashlib.sha256(source.encode("utf-8")).hexdigest()[:16]


def pinned_version(package_json: Path, package: str) -> str:
    """The version of an npm package as pinned in package.json."""
    try:
        return json.loads(package_json.read_text(encoding="utf-8"))["devDependencies"][package]
    except (OSError, ValueError, KeyError) as error:
        raise StoreError(
            f"{package_json}: cannot read the pinned {package} version ({error})"
        ) from error


def load(store: Path, tool: str, section: str) -> dict:
    """The store's contents; an absent store is an empty one."""
    try:
        stat = store.stat()
        stamp = (stat.st_mtime_ns, stat.st_size)
    except FileNotFoundError:
        return {tool: None, section: {}}
    return _load(store, tool, section, *stamp)


@functools.lru_cache(maxsize=8)
def _load(store: Path, tool: str, section: str, mtime_ns: int, size: int) -> dict:
    try:
        data = json.loads(store.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise StoreError(f"{store}: not a readable store ({error})") from error
    if not isinstance(data, dict) or not isinstance(data.get(section), dict):
        raise StoreError(f'{store}: expected {{"{tool}": ..., "{section}": {{...}}}}')
    return data


def write(store: Path, tool: str, version: str, section: str, items: dict) -> None:
    """Writes the store deterministically (sorted keys), replacing the old one whole."""
    text = json.dumps({tool: version, section: items}, indent=1, sort_keys=True)
    with tempfile.NamedTemporaryFile(
        "w", encoding="utf-8", dir=store.parent, suffix=".tmp", delete=False
    ) as handle:
        handle.write(text + "\n")
    os.chmod(handle.name, 0o644)
    os.replace(handle.name, store)
