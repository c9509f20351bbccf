"""What the diagram and formula extensions share: the store read once per page, and one log line
naming the page and line for each item the store lacks.

A store that is missing or not readable stops the build with one error naming it. An item the
store lacks (new, or not valid Mermaid or LaTeX: `make prerender` names the tool's complaint) is
drawn in the browser, and logged: a warning, which fails a strict build, or with `undrawn: info`
(hooks/site.py sets it under `mkdocs serve`) a note.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Hashable
from pathlib import Path

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

from ex01.markdown.checks import first_line
from ex01.markdown.context import current_page
from ex01.markdown.errors import PageError
from ex01.store import Kind, StoreError

log = logging.getLogger("mkdocs.ex01.markdown")


def load_store(store: Path, kind: Kind) -> dict:
    """The store's entries; a missing or unreadable store is a PageError naming it."""
    if not store.is_file():
        raise PageError(f"{store}: missing (`make prerender` writes it)")
    try:
        return kind.load(store)[kind.section]
    except StoreError as error:
        raise PageError(" ".join(str(error).split())) from None


class _Load(Preprocessor):
    def __init__(self, md: Markdown, extension: StoredExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        self.extension.start(lines)
        return lines


class StoredExtension(Extension):
    """An extension that puts stored items of `kind` in place; subclasses register the rest."""

    kind: Kind
    default_store: str
    language: str  # what a source that does not parse is not: "Mermaid", "LaTeX"

    def __init__(self, **kwargs: object) -> None:
        self.config = {
            "store": [self.default_store, "the store, relative to the folder the build runs in"],
            "undrawn": ["warn", f"how a {self.kind.noun} not in the store is logged: warn or info"],
        }
        super().__init__(**kwargs)
        self.entries: dict = {}
        self.lines: list[str] = []
        self.reported: set[Hashable] = set()

    @property
    def store(self) -> Path:
        return Path(self.getConfig("store"))

    def register_store(self, md: Markdown) -> None:
        """Read the store before every conversion (an engine may use one extension for many
        pages, so each conversion starts afresh)."""
        md.preprocessors.register(_Load(md, self), f"ex01-{self.kind.section}-load", 39)

    def start(self, lines: list[str]) -> None:
        self.entries = load_store(self.store, self.kind)
        self.lines = list(lines)
        self.reported = set()

    def report(
        self, md: Markdown, items: list, locate: Callable[[list[str], object], int | None]
    ) -> None:
        """Log each of `items` the store lacks, once per page (Python-Markdown also runs the
        postprocessors over fragments, toc over each heading's text)."""
        new = [item for item in dict.fromkeys(items) if item not in self.reported]
        if not new:
            return
        self.reported.update(new)
        page = current_page(md)
        shown = f"docs/{page.path}" if page else "<text>"
        start = first_line(self.lines, Path("docs"), page.path) if page else 1
        level = logging.INFO if self.getConfig("undrawn") == "info" else logging.WARNING
        kind = self.kind
        for item in new:
            number = locate(self.lines, item)
            where = f"{shown}:{start + number}" if number is not None else shown
            log.log(
                level,
                "%s: a %s not %s ahead of time (new, or not valid %s); run `make prerender`, "
                "which names %s's complaint; until then the browser %ss it",
                where, kind.noun, kind.done, self.language, kind.program, kind.verb,
            )  # fmt: skip
