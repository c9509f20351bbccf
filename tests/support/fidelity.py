"""Sentence-level fidelity: which sentences of an original part are missing from a built page."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

import markdown
import pysbd
from selectolax.lexbor import LexborHTMLParser as HTMLParser
from selectolax.lexbor import LexborNode as Node

_BLOCKS = "h1, h2, h3, h4, h5, h6, p, li, td, th, blockquote, dt, dd"
# Nested blocks are read on their own, so a list item's text excludes its sub-list.
_NESTED = {"ul", "ol", "p", "div", "blockquote", "table", "dl", "pre"}
# List markers that the original types by hand ("1.", "a)", "1)", or a bullet its damaged
# Markdown leaves as text) and that the site's lists render themselves.
_ENUMERATOR = re.compile(r"^(?:[-*+]|\d{1,2}[.)]|[a-z][.)])\s+")
_SPACE = re.compile(r"\s+")


@cache
def _segmenter() -> pysbd.Segmenter:
    return pysbd.Segmenter(language="en", clean=False)


def normalise(text: str) -> str:
    """Fold whitespace and a leading hand-typed list marker, keeping every character of wording."""
    text = unicodedata.normalize("NFC", text)
    text = _SPACE.sub(" ", text).strip()
    return _ENUMERATOR.sub("", text)


def _own_text(node: Node) -> str:
    """The text of a block without the text of the blocks nested in it or of permalink anchors."""
    pieces: list[str] = []
    child = node.child
    while child is not None:
        if child.tag == "-text":
            pieces.append(child.text_content or "")
        elif child.tag in _NESTED:
            pieces.append(" ")
        elif not (child.tag == "a" and "headerlink" in (child.attributes.get("class") or "")):
            pieces.append(_own_text(child))
        child = child.next
    return "".join(pieces)


def text_blocks(html: str, root: str | None = None) -> list[str]:
    """The normalised text of each block element of an HTML document (or of its `root` element)."""
    tree = HTMLParser(html)
    scope = tree.css_first(root) if root else tree.root
    if scope is None:
        raise ValueError(f"no element matches {root!r}")
    blocks = (normalise(_own_text(node)) for node in scope.css(_BLOCKS))
    return [block for block in blocks if block]


def sentences(part_markdown: str) -> list[str]:
    """The sentences of a part of the original, each one a substring of one of its blocks."""
    html = markdown.markdown(part_markdown)
    found: list[str] = []
    for block in text_blocks(f"<body>{html}</body>"):
        for segment in _segmenter().segment(block):
            sentence = normalise(segment)
            if sentence and sentence not in found:
                found.append(sentence)
    return found


def missing_sentences(part_markdown: str, page_html: str, root: str = "article") -> list[str]:
    """The sentences of the original part that no block of the page contains word for word."""
    blocks = text_blocks(page_html, root)
    return [s for s in sentences(part_markdown) if not any(s in block for block in blocks)]
