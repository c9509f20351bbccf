"""Incremental rebuilds under `mkdocs serve --dirty` that give the site a clean build gives.

`mkdocs serve --dirty` reads, renders and writes again only the pages whose source is newer than
their output. On its own, MkDocs then gets the rest of the site wrong:
- the pages it skips have no title, so the rebuilt pages' navigation reads "None" for them;
- the print page (mkdocs-print-site-plugin) holds only the rebuilt pages;
- Material's search plugin merges its index by a rule of its own, which drops every other
  page's entries when the home page is the one rebuilt, and reorders the rest.

`Incremental` keeps, for every page, what reading and rendering it left on the `Page` (MkDocs'
title, HTML, table of contents and anchors, and what plugins and hooks attach to it, such as the
HTML the print page collects), and the entries Material's search plugin made of it; it hands
them back when MkDocs skips the page. It falls back to a full build when anything other than a
page's Markdown changed (mkdocs.yml, a template, a snippet or store under docs/includes, a
script, an asset), when pages were added or removed, and after a failed build; and it has
MkDocs write every page again when a page's title changed, since titles are in every page's
navigation. Outside `mkdocs serve --dirty` it does nothing.

overrides/hooks/incremental.py wires it in; tests/build/test_incremental.py checks the result
against a clean build of the same sources, byte for byte.
"""

from __future__ import annotations

import contextlib
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils import clean_directory

log = logging.getLogger("mkdocs.plugins.ex01.incremental")

# Folders never read by a build, left out of the scan for changes.
_UNREAD = {"__pycache__", ".git", "node_modules"}


class _DirtyWarning(logging.Filter):
    """MkDocs warns at every dirty build that navigation and links will likely be wrong. Under
    this module they are not (tests/build/test_incremental.py), and the warning would fail every
    build in strict mode; this leaves out that one message, and only while the module is on."""

    MESSAGE = "A 'dirty' build is being performed"

    def filter(self, record: logging.LogRecord) -> bool:
        return not (STATE.enabled and record.getMessage().startswith(self.MESSAGE))


class IncrementalError(Exception):
    """Material's search plugin no longer has the parts this module relies on."""


@dataclass
class _Kept:
    """What one page's reading and rendering produced, from the build that last did them."""

    attributes: dict[str, Any]
    title: str | None
    search: list[dict[str, Any]] = field(default_factory=list)


def _scan(folders: list[Path], files: list[Path]) -> dict[str, int]:
    """Modification time of every file a build may read, by path. Hidden files and folders are
    left out, as MkDocs leaves them out of the site: an editor's swap or backup file must not
    turn each edit into a full build; nor may a file that vanishes while it is listed."""
    seen: dict[str, int] = {}
    paths = [str(path) for path in files]
    for folder in folders:
        for root, dirs, names in os.walk(folder):
            dirs[:] = [d for d in dirs if d not in _UNREAD and not d.startswith(".")]
            paths += [
                os.path.join(root, name)
                for name in names
                if not name.startswith(".") and not name.endswith("~")
            ]
    for path in paths:
        with contextlib.suppress(FileNotFoundError):
            seen[path] = os.stat(path).st_mtime_ns
    return seen


def _inputs(config) -> dict[str, int]:
    folders = [Path(config["docs_dir"]), *(Path(p) for p in config["watch"])]
    custom_dir = config["theme"].custom_dir
    if custom_dir:
        folders.append(Path(custom_dir))
    files = [Path(config.config_file_path)] if config.config_file_path else []
    return _scan(folders, files)


def _page_files(files: Files) -> list[File]:
    """The pages `mkdocs serve` builds, in the order it builds them."""
    return list(files.documentation_pages(inclusion=InclusionLevel.is_in_serve))


def _pages(files: Files) -> list[Page]:
    return [f.page for f in _page_files(files) if f.page is not None]


class Incremental:
    """The state kept across the rebuilds of one `mkdocs serve --dirty` process."""

    def __init__(self) -> None:
        self.enabled = False
        self._forget()

    def _forget(self) -> None:
        self._site_dir: str | None = None
        self._inputs: dict[str, int] = {}
        self._kept: dict[str, _Kept] = {}
        self._order: list[str] = []
        self._full = True
        self._before: dict[str, dict[str, Any]] = {}
        self._read: dict[str, _Kept] = {}
        self._search_start: dict[str, int] = {}
        self._searched: dict[str, list[dict[str, Any]]] = {}

    def startup(self, command: str, dirty: bool) -> None:
        """`mkdocs serve --dirty` turns it on; any other command leaves MkDocs alone."""
        self.enabled = command == "serve" and dirty
        self._forget()
        build_log = logging.getLogger("mkdocs.commands.build")
        if self.enabled and not any(isinstance(f, _DirtyWarning) for f in build_log.filters):
            build_log.addFilter(_DirtyWarning())

    def files(self, files: Files, config) -> None:
        """Decide whether this build can reuse the last one: only pages' own Markdown changed."""
        if not self.enabled:
            return
        inputs = _inputs(config)
        pages = {f.src_uri: f.abs_src_path for f in _page_files(files)}
        changed = {
            path
            for path in inputs.keys() | self._inputs.keys()
            if inputs.get(path) != self._inputs.get(path)
        }
        others = sorted(changed - set(pages.values()))
        if self._site_dir != config["site_dir"] or not self._kept:
            reason = "first build"
        elif set(pages) != set(self._kept):
            reason = "pages were added or removed"
        elif others:
            reason = f"{os.path.relpath(others[0])} changed" + (
                f" (and {len(others) - 1} more)" if len(others) > 1 else ""
            )
        else:
            reason = ""
        self._full = bool(reason)
        if self._full:
            log.info(f"Full rebuild: {reason}")
            clean_directory(config["site_dir"])
            self._kept.clear()
        else:
            # MkDocs rebuilds a page whose source is newer than its output: make sure of it for
            # every page that changed, whatever its new modification time.
            for f in _page_files(files):
                if f.abs_src_path in changed and os.path.isfile(f.abs_dest_path):
                    os.remove(f.abs_dest_path)
        self._site_dir = config["site_dir"]
        self._inputs = inputs

    def pre_page(self, page: Page) -> None:
        """Before the plugins read a page: what it holds already."""
        if self.enabled:
            self._before[page.file.src_uri] = dict(vars(page))

    def page_content(self, html: str, page: Page) -> None:
        """After every plugin's on_page_content: what reading and rendering set on the page."""
        if not self.enabled:
            return
        before = self._before.pop(page.file.src_uri)
        attributes = {
            name: value
            for name, value in vars(page).items()
            if name not in before or before[name] is not value
        }
        attributes["content"] = html  # MkDocs stores the final HTML once the event returns
        self._read[page.file.src_uri] = _Kept(attributes, page.title)

    def env(self, files: Files) -> None:
        """Between reading and writing the pages: give the skipped pages what they had."""
        if not self.enabled:
            return
        pages = _pages(files)
        self._order = [page.file.src_uri for page in pages]
        if self._full:
            return
        retitled = False
        for page in pages:
            src = page.file.src_uri
            if src in self._read:
                retitled |= page.title != self._kept[src].title
                continue
            for name, value in self._kept[src].attributes.items():
                setattr(page, name, value)
            if "links_to_anchors" in self._kept[src].attributes:
                # Keyed by the last build's File objects: check against this build's pages.
                page.links_to_anchors = {
                    files.get_file_from_path(target.src_uri) or target: links
                    for target, links in page.links_to_anchors.items()
                }
        log.info(
            f"Rebuilt {len(self._read)} of {len(pages)} pages; kept the others from the last build"
            + ("; a title changed, so every page is written again" if retitled else "")
        )
        if retitled:
            # Every page's navigation shows the titles: have MkDocs write each page again.
            for page in pages:
                if page.file.src_uri not in self._read and os.path.isfile(page.file.abs_dest_path):
                    os.remove(page.file.abs_dest_path)

    def search_start(self, page: Page, search) -> None:
        """Before Material's search plugin indexes a page."""
        if self.enabled:
            self._search_start[page.file.src_uri] = len(_index(search).entries)

    def search_end(self, page: Page, search) -> None:
        """After it: the entries it made of the page."""
        if self.enabled:
            start = self._search_start.pop(page.file.src_uri)
            self._searched[page.file.src_uri] = _index(search).entries[start:]

    def post_build(self, search) -> None:
        """Before Material's search plugin writes its index: every page's entries, in the
        order a clean build indexes them, instead of its own merge."""
        if not self.enabled:
            return
        _index(search).entries = [entry for src in self._order for entry in self._entries(src)]
        search.search_index_prev = None

    def _entries(self, src: str) -> list[dict[str, Any]]:
        """A page's search entries: from this build if it indexed the page, else the last."""
        return self._searched[src] if src in self._searched else self._kept[src].search

    def done(self) -> None:
        """After a build: keep what this one read and indexed, for the next."""
        if not self.enabled:
            return
        self._kept.update(self._read)
        for src, entries in self._searched.items():
            self._kept[src].search = entries
        self._read.clear()
        self._searched.clear()

    def failed(self) -> None:
        """After a failed build, the next one starts afresh."""
        if self.enabled:
            self._forget()


def _index(search):
    index = getattr(search, "search_index", None)
    if index is None or not isinstance(getattr(index, "entries", None), list):
        raise IncrementalError(
            "Material's search plugin changed: search_index.entries is gone "
            "(scripts/ex01/incremental.py)"
        )
    if not hasattr(search, "search_index_prev"):
        raise IncrementalError(
            "Material's search plugin changed: search_index_prev is gone "
            "(scripts/ex01/incremental.py)"
        )
    return index


STATE = Incremental()
