"""Mermaid diagrams drawn ahead of time (docs/includes/diagrams.json), served as SVG.

    markdown_extensions:
      - pymdownx.superfences:
          custom_fences:
            - name: mermaid
              class: mermaid
              format: !!python/name:ex01.markdown.diagrams.fence_format
      - ex01.markdown.diagrams:
          store: docs/includes/diagrams.json

`fence_format` looks each mermaid fence up in the store (ex01.diagrams explains it and
`make prerender`) and writes its SVG into a declarative shadow root, the same isolation
Material's own rendering uses, so the page's styles do not reach into the diagram while the
palette's colour variables do. A diagram not in the store is left as `<pre class="mermaid">`,
which Material draws in the browser.

The extension reads the store once per page, so a store that is missing or not readable stops
the build with one error naming it (pymdownx.superfences would swallow an error raised in the
fence's format and print the diagram as code). Each diagram not in the store, new or malformed
(`make prerender` names Mermaid's complaint), is logged naming the page and line: a warning,
which fails a strict build, or with `undrawn: info` (hooks/site.py sets it under
`mkdocs serve`) a note while the browser draws it.
"""

from __future__ import annotations

import logging
from pathlib import Path

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor
from pymdownx.superfences import fence_code_format

from ex01.markdown.checks import first_line
from ex01.markdown.context import current_page
from ex01.markdown.errors import PageError
from ex01.store import Kind, StoreError, key

# Relative to the folder the build runs in, like pymdownx.snippets' base_path.
STORE = "docs/includes/diagrams.json"
KIND = Kind(tool="mermaid", program="Mermaid", noun="diagram", verb="draw", done="drawn")
log = logging.getLogger("mkdocs.ex01.markdown.diagrams")


def embed(digest: str, svg: str) -> str:
    """The markup of a drawn diagram: its SVG in an open declarative shadow root. A newline
    parts the diagram's title from its description, which Mermaid writes back to back: Material's
    search index reads the two as text, and ran them into one word ("attentionToken")."""
    svg = svg.replace("</title><desc", "</title>\n<desc", 1)
    return (
        f'<div class="mermaid" data-diagram="{digest}">'
        f'<template shadowrootmode="open">{svg}</template></div>'
    )


def load_store(store: Path, kind: Kind) -> dict:
    """The store's entries; a missing or unreadable store is a PageError naming it."""
    if not store.is_file():
        raise PageError(f"{store}: missing (`make prerender` writes it)")
    try:
        return kind.load(store)[kind.section]
    except StoreError as error:
        raise PageError(" ".join(str(error).split())) from None


def _extension(md: Markdown) -> DiagramsExtension | None:
    found = [ext for ext in md.registeredExtensions if isinstance(ext, DiagramsExtension)]
    return found[0] if found else None


def fence_format(source: str, language: str, class_name: str, options, md, **kwargs) -> str:
    """The superfences `format` of mermaid fences: the stored SVG, else the fence as code."""
    extension = _extension(md)
    digest = key(source)
    if extension is not None:
        entry = extension.diagrams.get(digest)
    else:  # superfences on its own, without the extension: read the default store
        entry = KIND.load(Path(STORE))[KIND.section].get(digest)
    if entry is None or entry.get("source") != source:
        if extension is not None and source not in extension.undrawn:
            extension.undrawn.append(source)
        return fence_code_format(source, language, class_name, options, md, **kwargs)
    return embed(digest, entry["svg"])


def fence_line(lines: list[str], source: str) -> int | None:
    """The index of the ```mermaid line that opens `source` (compared line by line, without
    indentation: a fence in a list or a tab is indented)."""
    wanted = [line.strip() for line in source.splitlines()]
    for number, line in enumerate(lines):
        if not line.strip().startswith(("```mermaid", "~~~mermaid")):
            continue
        body = [candidate.strip() for candidate in lines[number + 1 : number + 1 + len(wanted)]]
        if body == wanted:
            return number
    return None


class _Load(Preprocessor):
    def __init__(self, md: Markdown, extension: DiagramsExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        # Each conversion starts afresh: an engine may use one extension for many pages.
        self.extension.diagrams = load_store(self.extension.store, KIND)
        self.extension.lines = list(lines)
        self.extension.undrawn = []
        return lines


class _Report(Postprocessor):
    def __init__(self, md: Markdown, extension: DiagramsExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, text: str) -> str:
        # Python-Markdown also runs the postprocessors over fragments (toc over each heading's
        # text): each diagram is reported once, and then forgotten.
        extension = self.extension
        if not extension.undrawn:
            return text
        undrawn, extension.undrawn = extension.undrawn, []
        page = current_page(self.md)
        shown = f"docs/{page.path}" if page else "<text>"
        start = first_line(extension.lines, Path("docs"), page.path) if page else 1
        level = logging.INFO if extension.getConfig("undrawn") == "info" else logging.WARNING
        for source in undrawn:
            number = fence_line(extension.lines, source)
            where = f"{shown}:{start + number}" if number is not None else shown
            log.log(
                level,
                "%s: a diagram not drawn ahead of time (new, or not valid Mermaid); "
                "run `make prerender`, which names Mermaid's complaint; until then the "
                "browser draws it",
                where,
            )
        return text


class DiagramsExtension(Extension):
    """Reads the store for fence_format and reports diagrams it lacks."""

    def __init__(self, **kwargs: object) -> None:
        self.config = {
            "store": [STORE, "the store, relative to the folder the build runs in"],
            "undrawn": ["warn", "how a diagram not in the store is logged: warn or info"],
        }
        super().__init__(**kwargs)
        self.diagrams: dict = {}
        self.undrawn: list[str] = []
        self.lines: list[str] = []

    @property
    def store(self) -> Path:
        return Path(self.getConfig("store"))

    def reset(self) -> None:
        self.undrawn = []

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        md.preprocessors.register(_Load(md, self), "ex01-diagrams-load", 39)
        md.postprocessors.register(_Report(md, self), "ex01-diagrams-report", 1)


def makeExtension(**kwargs: object) -> DiagramsExtension:
    return DiagramsExtension(**kwargs)
