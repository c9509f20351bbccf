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

The store is read once per page, so one that is missing or not readable stops the build with
one error naming it. Each formula not in the store, new or not valid LaTeX (`make prerender`
names KaTeX's complaint), is logged naming the page and line: a warning, which fails a strict
build, or with `undrawn: info` (hooks/site.py sets it under `mkdocs serve`) a note while the
browser typesets it.

Search reads each typeset formula as its LaTeX, once: KaTeX's HTML holds a formula's text three
times (the MathML symbols, the LaTeX in its annotation, and the glyphs, with zero-width spaces).
So the LaTeX goes first, as hidden code, and KaTeX's HTML inside a `<typeset-formula>` element
marked `data-search-exclude`. Material's search parser ends an exclusion at the first closing
tag of the same name, and KaTeX writes only spans and MathML, so no name but our own would do.
"""

from __future__ import annotations

import html
import logging
import re
from pathlib import Path

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor

from ex01.markdown import PRIORITY
from ex01.markdown.checks import first_line
from ex01.markdown.context import current_page
from ex01.markdown.diagrams import load_store
from ex01.store import Kind, key

STORE = "docs/includes/formulas.json"
KIND = Kind(tool="katex", program="KaTeX", noun="formula", verb="typeset", done="typeset")
log = logging.getLogger("mkdocs.ex01.markdown.formulas")

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


class _Load(Preprocessor):
    def __init__(self, md: Markdown, extension: FormulasExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        # Each conversion starts afresh: an engine may use one extension for many pages.
        self.extension.formulas = load_store(self.extension.store, KIND)
        self.extension.lines = list(lines)
        self.extension.reported = set()
        return lines


class _Typeset(Postprocessor):
    def __init__(self, md: Markdown, extension: FormulasExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, text: str) -> str:
        extension = self.extension
        left: list[tuple[str, bool]] = []
        text = typeset_page(text, extension.formulas, left)
        # Python-Markdown also runs the postprocessors over fragments (toc over each heading's
        # text): each formula is reported once per page.
        left = [formula for formula in dict.fromkeys(left) if formula not in extension.reported]
        extension.reported.update(left)
        if not left:
            return text
        page = current_page(self.md)
        shown = f"docs/{page.path}" if page else "<text>"
        start = first_line(extension.lines, Path("docs"), page.path) if page else 1
        level = logging.INFO if extension.getConfig("undrawn") == "info" else logging.WARNING
        for tex, display in left:
            number = formula_line(extension.lines, tex, display)
            where = f"{shown}:{start + number}" if number is not None else shown
            log.log(
                level,
                "%s: a formula not typeset ahead of time (new, or not valid LaTeX); run "
                "`make prerender`, which names KaTeX's complaint; until then the browser "
                "typesets it",
                where,
            )
        return text


class FormulasExtension(Extension):
    """Puts stored formulas in place (see `typeset_page`); runs after pymdownx.arithmatex."""

    def __init__(self, **kwargs: object) -> None:
        self.config = {
            "store": [STORE, "the store, relative to the folder the build runs in"],
            "undrawn": ["warn", "how a formula not in the store is logged: warn or info"],
        }
        super().__init__(**kwargs)
        self.formulas: dict = {}
        self.lines: list[str] = []
        self.reported: set[tuple[str, bool]] = set()

    @property
    def store(self) -> Path:
        return Path(self.getConfig("store"))

    def extendMarkdown(self, md: Markdown) -> None:
        md.preprocessors.register(_Load(md, self), "ex01-formulas-load", 39)
        md.postprocessors.register(_Typeset(md, self), "ex01-formulas", PRIORITY["formulas"])


def makeExtension(**kwargs: object) -> FormulasExtension:
    return FormulasExtension(**kwargs)
