"""Abbreviations marked where they help: the first of each in every h2 section, in running text.

markdown_extensions:
  - abbr
  - ex01.markdown.abbreviations

Python-Markdown's `abbr` wraps every occurrence of every defined abbreviation in an
`<abbr title>`, headings and bold text included (an answer page had about 80). This keeps, in
each part of a page that starts at an h2 (and in the part before the first h2), only the first
`<abbr>` of each abbreviation that stands in running text, and makes it focusable
(`tabindex="0"`), so that `assets/javascripts/abbr.js` can show its expansion on a tap, a click
or keyboard focus. Per section rather than per page, because readers arrive mid-page: chapters,
the comparison and coursework link to an answer's sections. The other occurrences, and every one
in a heading (h1-h6), in bold text (`strong`, `b`) or in a link, become plain text again: a
heading's or link's own meaning comes first, and a dotted underline inside them reads as noise.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from ex01.markdown import TREE_PRIORITY

# Elements whose text never carries an abbreviation's mark.
_PLAIN = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "strong", "b", "a"})


def _unwrap(parent: etree.Element, abbr: etree.Element) -> None:
    """Replace `abbr` in `parent` by its text, joined to the text around it."""
    index = list(parent).index(abbr)
    text = (abbr.text or "") + (abbr.tail or "")
    if index == 0:
        parent.text = (parent.text or "") + text
    else:
        previous = parent[index - 1]
        previous.tail = (previous.tail or "") + text
    parent.remove(abbr)


def mark_first_abbreviations(root: etree.Element) -> None:
    """Keep the first `<abbr>` of each abbreviation per h2 section outside headings, bold text
    and links, made focusable; unwrap every other one to plain text (in place)."""
    found: list[tuple[etree.Element, etree.Element, bool, int]] = []
    section = 0

    def walk(element: etree.Element, plain: bool) -> None:
        nonlocal section
        for child in element:
            if child.tag == "h2":
                section += 1
            if child.tag == "abbr":
                found.append((element, child, plain, section))
            walk(child, plain or child.tag in _PLAIN)

    walk(root, root.tag in _PLAIN)
    seen: set[tuple[int, str]] = set()
    unwrap = []
    for parent, abbr, plain, part in found:
        key = (part, abbr.text or "")
        if plain or key in seen:
            unwrap.append((parent, abbr))
        else:
            seen.add(key)
            abbr.set("tabindex", "0")
    # Last first: unwrapping one only changes what comes before it in the same parent.
    for parent, abbr in reversed(unwrap):
        _unwrap(parent, abbr)


class _FirstAbbreviations(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        mark_first_abbreviations(root)


class AbbreviationsExtension(Extension):
    """Runs `mark_first_abbreviations` after `abbr` has marked every occurrence, and before
    `toc` reads the headings."""

    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(
            _FirstAbbreviations(md), "ex01-abbreviations", TREE_PRIORITY["abbreviations"]
        )


def makeExtension(**kwargs: object) -> AbbreviationsExtension:
    return AbbreviationsExtension(**kwargs)
