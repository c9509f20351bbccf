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

The extension reads the store once per page, before the page is parsed: pymdownx.superfences
would swallow an error raised in the fence's format and print the diagram as code. What it does
with a store that cannot be read, or a diagram the store lacks, is ex01.markdown.stored's.
"""

from __future__ import annotations

import re
from pathlib import Path

from markdown import Markdown
from markdown.postprocessors import Postprocessor
from pymdownx.superfences import fence_code_format

from ex01.markdown.stored import StoredExtension
from ex01.store import Kind, key

# Relative to the folder the build runs in, like pymdownx.snippets' base_path.
STORE = "docs/includes/diagrams.json"
KIND = Kind(tool="mermaid", program="Mermaid", noun="diagram", verb="draw", done="drawn")


# The smallest share of its drawn size a diagram is shrunk to, to fit the column: Mermaid sets
# labels at 16 px, so they stay at 11 px or more. A diagram wider than the column at that scale
# scrolls sideways in its box (extra.css shows that it does, and takes it off on paper).
MIN_SCALE = 0.7
_VIEWBOX_WIDTH = re.compile(r'<svg\b[^>]*?\sviewBox="[-\d.]+ [-\d.]+ (?P<width>[\d.]+) ')


def embed(digest: str, svg: str) -> str:
    """The markup of a drawn diagram: its SVG in an open declarative shadow root. A newline
    parts the diagram's title from its description, which Mermaid writes back to back: Material's
    search index reads the two as text, and ran them into one word ("attentionToken").

    The SVG shrinks with the column down to MIN_SCALE of its drawn width (the host's
    --diagram-width), and no further; the host takes keyboard focus, so that a diagram that
    scrolls can be scrolled without a pointer."""
    svg = svg.replace("</title><desc", "</title>\n<desc", 1)
    match = _VIEWBOX_WIDTH.search(svg)
    if match is None:
        return (
            f'<div class="mermaid" data-diagram="{digest}">'
            f'<template shadowrootmode="open">{svg}</template></div>'
        )
    width = round(float(match["width"]))
    style = (
        f"<style>svg {{ min-width: calc(var(--diagram-width) * {MIN_SCALE}); }}"
        " @media print { svg { min-width: 0; } }</style>"
    )
    return (
        f'<div class="mermaid" data-diagram="{digest}" style="--diagram-width: {width}px" '
        f'tabindex="0"><template shadowrootmode="open">{style}{svg}</template></div>'
    )


def _extension(md: Markdown) -> DiagramsExtension | None:
    found = [ext for ext in md.registeredExtensions if isinstance(ext, DiagramsExtension)]
    return found[0] if found else None


def fence_format(source: str, language: str, class_name: str, options, md, **kwargs) -> str:
    """The superfences `format` of mermaid fences: the stored SVG, else the fence as code."""
    extension = _extension(md)
    digest = key(source)
    if extension is not None:
        entry = extension.entries.get(digest)
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


class _Report(Postprocessor):
    def __init__(self, md: Markdown, extension: DiagramsExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, text: str) -> str:
        self.extension.report(self.md, self.extension.undrawn, fence_line)
        return text


class DiagramsExtension(StoredExtension):
    """Reads the store for fence_format and reports the diagrams it lacks."""

    kind = KIND
    default_store = STORE
    language = "Mermaid"

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)
        self.undrawn: list[str] = []

    def start(self, lines: list[str]) -> None:
        super().start(lines)
        self.undrawn = []

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        self.register_store(md)
        md.postprocessors.register(_Report(md, self), "ex01-diagrams-report", 1)


def makeExtension(**kwargs: object) -> DiagramsExtension:
    return DiagramsExtension(**kwargs)
