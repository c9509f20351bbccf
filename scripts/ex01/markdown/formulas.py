"""Formulas typeset ahead of time (docs/includes/formulas.json) in place of their LaTeX.

    markdown_extensions:
      - pymdownx.arithmatex:
          generic: true
      - ex01.markdown.formulas:
          store: docs/includes/formulas.json

pymdownx.arithmatex leaves each formula as LaTeX (`<span class="arithmatex">\\(...\\)</span>`,
`<div class="arithmatex">\\[...\\]</div>`). This extension puts the stored KaTeX HTML of each one
in its place (ex01.formulas explains the store and `make prerender`). A formula not in the store
(one just written under `mkdocs serve`) is left as LaTeX, and assets/javascripts/math-loader.js
typesets it in the browser.

What it does with a store that cannot be read, or a formula the store lacks, is
ex01.markdown.stored's.

Search reads each typeset formula as its LaTeX, once: KaTeX's HTML holds a formula's text three
times (the MathML symbols, the LaTeX in its annotation, and the glyphs, with zero-width spaces).
So the LaTeX goes first, as hidden code, and KaTeX's HTML inside a `<typeset-formula>` element
marked `data-search-exclude`. Material's search parser ends an exclusion at the first closing
tag of the same name, and KaTeX writes only spans and MathML, so no name but our own would do.
"""

from __future__ import annotations

import html
import re

from markdown import Markdown
from markdown.postprocessors import Postprocessor

from ex01.markdown import PRIORITY
from ex01.markdown.stored import StoredExtension
from ex01.store import Kind, key

STORE = "docs/includes/formulas.json"
KIND = Kind(tool="katex", program="KaTeX", noun="formula", verb="typeset", done="typeset")

# pymdownx.arithmatex's generic output, with the LaTeX HTML-escaped.
RAW = re.compile(
    r'<span class="arithmatex">\\\((?P<inline>.*?)\\\)</span>'
    r'|<div class="arithmatex">\\\[(?P<display>.*?)\\\]</div>',
    re.S,
)
TYPESET = re.compile(r'<(?:span|div) class="arithmatex" data-formula="(?P<key>[0-9a-f]{16})"')


def formula_key(tex: str, display: bool) -> str:
    """The store key of a formula: a hash of its kind and exact source."""
    return key(("display:" if display else "inline:") + tex)


def raw_formula(match: re.Match[str]) -> tuple[str, bool]:
    """(LaTeX, display) of a formula arithmatex left in the page, matched by `RAW`."""
    display = match.group("display") is not None
    return html.unescape(match.group("display" if display else "inline")), display


def typeset_markup(digest: str, entry: dict) -> str:
    """A stored formula as the page shows it: its LaTeX for search, then KaTeX's HTML."""
    source = f'<code class="formula-source" hidden>{html.escape(entry["tex"].strip())}</code>'
    formula = f"<typeset-formula data-search-exclude>{entry['html']}</typeset-formula>"
    if entry["display"]:
        # A wide formula scrolls sideways; keyboard users must be able to reach it to scroll.
        attributes = f'class="arithmatex" data-formula="{digest}" tabindex="0"'
        return f"<div {attributes}>{source}{formula}</div>"
    return f'<span class="arithmatex" data-formula="{digest}">{source}{formula}</span>'


def typeset_page(page_html: str, formulas: dict, left: list[tuple[str, bool]] | None = None) -> str:
    """The page with every stored formula's HTML in place of its LaTeX; the (LaTeX, display)
    of each formula the store lacks is added to `left`."""

    def replace(match: re.Match[str]) -> str:
        tex, display = raw_formula(match)
        digest = formula_key(tex, display)
        entry = formulas.get(digest)
        if entry is None or entry.get("tex") != tex:
            if left is not None:
                left.append((tex, display))
            return match.group(0)  # typeset in the browser
        return typeset_markup(digest, entry)

    return RAW.sub(replace, page_html)


def formula_line(lines: list[str], tex: str, display: bool) -> int | None:
    """The index of the first line holding a formula: with its delimiters ($...$ or \\(...\\))
    inline, or a display formula's first line."""
    first = next((line.strip() for line in tex.splitlines() if line.strip()), "")
    for number, line in enumerate(lines):
        if display and first and (line.strip() == first or f"$${tex}$$" in line):
            return number
        if not display and (f"${tex}$" in line or f"\\({tex}\\)" in line):
            return number
    return None


class _Typeset(Postprocessor):
    def __init__(self, md: Markdown, extension: FormulasExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, text: str) -> str:
        left: list[tuple[str, bool]] = []
        text = typeset_page(text, self.extension.entries, left)
        self.extension.report(self.md, left, lambda lines, item: formula_line(lines, *item))
        return text


class FormulasExtension(StoredExtension):
    """Puts stored formulas in place (see `typeset_page`); runs after pymdownx.arithmatex."""

    kind = KIND
    default_store = STORE
    language = "LaTeX"

    def extendMarkdown(self, md: Markdown) -> None:
        self.register_store(md)
        md.postprocessors.register(_Typeset(md, self), "ex01-formulas", PRIORITY["formulas"])


def makeExtension(**kwargs: object) -> FormulasExtension:
    return FormulasExtension(**kwargs)
