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

Search reads each typeset formula as its LaTeX, once: KaTeX's HTML holds a formula's text three
times (the MathML symbols, the LaTeX in its annotation, and the glyphs, with zero-width spaces).
So the LaTeX goes first, as hidden code, and KaTeX's HTML inside a `<typeset-formula>` element
marked `data-search-exclude`. Material's search parser ends an exclusion at the first closing
tag of the same name, and KaTeX writes only spans and MathML, so no name but our own would do.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor

from ex01.markdown import PRIORITY
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


def typeset_page(page_html: str, store: Path) -> str:
    """The page with every stored formula's HTML in place of its LaTeX."""
    formulas = KIND.load(store)[KIND.section]

    def replace(match: re.Match[str]) -> str:
        tex, display = raw_formula(match)
        digest = formula_key(tex, display)
        entry = formulas.get(digest)
        if entry is None or entry.get("tex") != tex:
            return match.group(0)  # typeset in the browser
        return typeset_markup(digest, entry)

    return RAW.sub(replace, page_html)


class _Typeset(Postprocessor):
    def __init__(self, md: Markdown, store: Path) -> None:
        super().__init__(md)
        self.store = store

    def run(self, text: str) -> str:
        return typeset_page(text, self.store)


class FormulasExtension(Extension):
    """Puts stored formulas in place (see `typeset_page`); runs after pymdownx.arithmatex."""

    def __init__(self, **kwargs: object) -> None:
        self.config = {
            "store": [STORE, "the store, relative to the folder the build runs in"],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        store = Path(self.getConfig("store"))
        md.postprocessors.register(_Typeset(md, store), "ex01-formulas", PRIORITY["formulas"])


def makeExtension(**kwargs: object) -> FormulasExtension:
    return FormulasExtension(**kwargs)
