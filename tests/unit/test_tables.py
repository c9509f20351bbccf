"""ex01.markdown.tables: each bare table wrapped in a deferred block that knows its row count."""

from __future__ import annotations

import markdown

from ex01.markdown.tables import defer_tables

TABLE = (
    "<table>\n<thead>\n<tr>\n<th>A</th>\n</tr>\n</thead>\n"
    "<tbody>\n<tr>\n<td>1</td>\n</tr>\n<tr>\n<td>2</td>\n</tr>\n</tbody>\n</table>"
)


def test_defer_tables__wraps_each_bare_table_with_its_body_rows() -> None:
    html = f"<p>x</p>\n{TABLE}\n<p>y</p>\n{TABLE}"
    wrapped = f'<div class="deferred-table" style="--rows: 2">{TABLE}</div>'
    assert defer_tables(html) == f"<p>x</p>\n{wrapped}\n<p>y</p>\n{wrapped}"


def test_defer_tables__tables_with_attributes_and_other_html_left_alone() -> None:
    """Material leaves a table with a class where it is; so does this."""
    html = '<table class="x"><tr><td>1</td></tr></table><p>table</p>'
    assert defer_tables(html) == html


def test_extension__wraps_a_markdown_table() -> None:
    html = markdown.markdown(
        "| A |\n|---|\n| 1 |\n| 2 |", extensions=["tables", "ex01.markdown.tables"]
    )
    print(html)
    assert html.startswith('<div class="deferred-table" style="--rows: 2"><table>')
