"""The stores of things drawn ahead of time (docs/includes/diagrams.json, formulas.json):

    {"<tool>": "<version>", "<section>": {"<key>": {...}}}

keyed by a hash of each item's exact source. Read once per change of the file, written whole.
`problems` and `refresh` hold what checking and updating a store share (ex01.prerender).
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
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


@dataclass(frozen=True)
class Kind:
    """What a store holds, for its messages: ("mermaid", "Mermaid", "diagram", "draw", "drawn")."""

    tool: str  # the npm package, also the store's version field
    program: str
    noun: str
    verb: str
    done: str

    @property
    def section(self) -> str:
        return self.noun + "s"

    def load(self, store: Path) -> dict:
        return load(store, self.tool, self.section)

    def write(self, store: Path, version: str, items: dict) -> None:
        write(store, self.tool, version, self.section, items)

    def pinned_version(self, package_json: Path) -> str:
        return pinned_version(package_json, self.tool)


def problems(
    kind: Kind, store_path: Path, store: dict, version: str, used: dict, pending: list[str]
) -> list[str]:
    """What keeps a store from matching the built site: another tool version, pages still
    `pending` in the browser, entries no page `used`. Empty when it is up to date."""
    found = []
    if store[kind.section] and store[kind.tool] != version:
        found.append(
            f"{store_path}: {kind.done} with {kind.tool} {store[kind.tool]}, "
            f"the site serves {version}"
        )
    found += [f"{page}: a {kind.noun} is not {kind.done} yet" for page in sorted(set(pending))]
    found += [
        f"{store_path}: {kind.noun} {digest} is used by no page"
        for digest in sorted(set(store[kind.section]) - set(used))
    ]
    return found


def refresh(
    kind: Kind,
    store_path: Path,
    store: dict,
    version: str,
    used: dict,
    make: Callable[[dict], dict[str, dict]],
    entry: Callable[[object, dict], dict],
    where: Callable[[object], str],
) -> list[str]:
    """Makes the entries the store lacks for the sources `used` {key: source}, with
    `make({key: source}) -> {key: result | {"error": ...}}` and `entry(source, result)`, then
    rewrites the store with exactly the entries used. Returns one line per source that could not
    be made, located by `where(source)`, and then writes nothing."""
    keep = {
        digest: store[kind.section][digest]
        for digest in used
        if digest in store[kind.section] and store[kind.tool] == version
    }
    missing = {digest: source for digest, source in used.items() if digest not in keep}
    made = make(missing) if missing else {}
    failures = [
        f"{where(missing[digest])}: {kind.program} cannot {kind.verb} this {kind.noun}: "
        f"{result['error']}"
        for digest, result in sorted(made.items())
        if "error" in result
    ]
    if failures:
        return failures
    items = {**keep, **{digest: entry(missing[digest], made[digest]) for digest in made}}
    if items != store[kind.section] or store[kind.tool] != version:
        kind.write(store_path, version, items)
    print(f"{store_path}: {len(items)} {kind.section}, {len(made)} {kind.done} now")
    return []
