"""Tables laid out on demand: each wrapped in a block the stylesheet defers (extra.css).

markdown_extensions:
  - ex01.markdown.tables
"""

from __future__ import annotations

import re

from ex01.markdown.rewrite import HtmlRewrite

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


class TablesExtension(HtmlRewrite):
    """Wraps every table of the page (see `defer_tables`)."""

    name = "tables"
    rewrite = staticmethod(defer_tables)


def makeExtension(**kwargs: object) -> TablesExtension:
    return TablesExtension(**kwargs)
