"""Mermaid diagrams drawn ahead of time (docs/includes/diagrams.json), served as SVG.

    markdown_extensions:
      - pymdownx.superfences:
          custom_fences:
            - name: mermaid
              class: mermaid
              format: !!python/name:ex01.markdown.diagrams.fence_format

`fence_format` looks each mermaid fence up in the store (ex01.diagrams explains it and
`make prerender`) and writes its SVG into a declarative shadow root, the same isolation
Material's own rendering uses, so the page's styles do not reach into the diagram while the
palette's colour variables do. A diagram not in the store (one just written under
`mkdocs serve`) is left as `<pre class="mermaid">`, and Material draws it in the browser.
"""

from __future__ import annotations

from pathlib import Path

from pymdownx.superfences import fence_code_format

from ex01.store import Kind, key

# Relative to the folder the build runs in, like pymdownx.snippets' base_path.
STORE = "docs/includes/diagrams.json"
KIND = Kind(tool="mermaid", program="Mermaid", noun="diagram", verb="draw", done="drawn")


def embed(digest: str, svg: str) -> str:
    """The markup of a drawn diagram: its SVG in an open declarative shadow root. A newline
    parts the diagram's title from its description, which Mermaid writes back to back: Material's
    search index reads the two as text, and ran them into one word ("attentionToken")."""
    svg = svg.replace("</title><desc", "</title>\n<desc", 1)
    return (
        f'<div class="mermaid" data-diagram="{digest}">'
        f'<template shadowrootmode="open">{svg}</template></div>'
    )


def fence_format(source: str, language: str, class_name: str, options, md, **kwargs) -> str:
    """The superfences `format` of mermaid fences: the stored SVG, else the fence as code."""
    digest = key(source)
    entry = KIND.load(Path(STORE))[KIND.section].get(digest)
    if entry is None or entry.get("source") != source:
        return fence_code_format(source, language, class_name, options, md, **kwargs)
    return embed(digest, entry["svg"])
