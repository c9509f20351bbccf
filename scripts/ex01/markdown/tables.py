"""Tables laid out on demand: each wrapped in a block the stylesheet defers (extra.css).

markdown_extensions:
  - ex01.markdown.tables
"""

from __future__ import annotations

import re

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor

from ex01.markdown import PRIORITY

# Exactly the tables Material's bundle moves into a scroll wrapper of its own on load
# (`table:not([class])`): Python-Markdown writes them without attributes.
_TABLE = re.compile(r"<table>.*?</table>", re.DOTALL)


def defer_tables(html: str) -> str:
    """Wrap each bare table in `<div class="deferred-table" style="--rows: N">`.

    Blocks after a page's second section are laid out only near the viewport (extra.css), but
    a bare table would not stay so: Material's bundle moves it into a scroll wrapper on load,
    and the stylesheet keeps those wrappers laid out (a placeholder made them scroll). A wrapper
    of our own, written at build time, stays deferred around Material's; N, the body's row
    count, lets the stylesheet reserve about the table's height meanwhile.
    """

    def wrap(match: re.Match[str]) -> str:
        table = match[0]
        head, _, body = table.partition("<tbody>")
        rows = (body or head).count("<tr")
        return f'<div class="deferred-table" style="--rows: {rows}">{table}</div>'

    return _TABLE.sub(wrap, html)


class _Tables(Postprocessor):
    def run(self, text: str) -> str:
        return defer_tables(text)


class TablesExtension(Extension):
    """Wraps every table of the page (see `defer_tables`)."""

    def extendMarkdown(self, md: Markdown) -> None:
        md.postprocessors.register(_Tables(md), "ex01-tables", PRIORITY["tables"])


def makeExtension(**kwargs: object) -> TablesExtension:
    return TablesExtension(**kwargs)
