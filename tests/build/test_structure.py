"""The built pages' outline: one h1, no level jumps, no empty list items, stable heading ids."""

from __future__ import annotations

import itertools
import re

from selectolax.lexbor import LexborHTMLParser

from tests.conftest import DOCS, PRINT_URL

HEADINGS = "h1, h2, h3, h4, h5, h6"
POSITIONAL_ID = re.compile(r"_\d+$")


def _article(html: str):
    article = LexborHTMLParser(html).css_first("article")
    assert article is not None
    return article


def test_pages__one_h1_each(html_pages: dict[str, str]) -> None:
    # The print page holds every page, each under its own h1: the one page allowed many.
    counts = {
        path: len(_article(html).css("h1"))
        for path, html in html_pages.items()
        if path != PRINT_URL + "index.html"
    }
    print(counts)
    assert all(count == 1 for count in counts.values()), counts


def test_headings__no_level_jumps(html_pages: dict[str, str]) -> None:
    jumps = []
    for path, html in html_pages.items():
        levels = [int(node.tag[1]) for node in _article(html).css(HEADINGS)]
        jumps += [f"{path}: h{a} -> h{b}" for a, b in itertools.pairwise(levels) if b > a + 1]
    print(jumps)
    assert not jumps


def test_ids__none_positional(html_pages: dict[str, str]) -> None:
    # Any id in the content is an address a reader can copy (headings, footnotes, and the
    # side-by-side tabs, whose labels link to their inputs): none may depend on position.
    positional = [
        f"{path}#{node.id}"
        for path, html in html_pages.items()
        for node in _article(html).css("[id]")
        if node.id
        and (POSITIONAL_ID.search(node.id) or re.match(r"(__tabbed_|fn:|fnref:)\d", node.id))
    ]
    print(positional)
    assert not positional


def test_headings__every_section_heading_has_an_id(html_pages: dict[str, str]) -> None:
    without = [
        f"{path}: {node.text(strip=True)}"
        for path, html in html_pages.items()
        for node in _article(html).css("h2, h3, h4, h5, h6")
        if not node.id
    ]
    print(without)
    assert not without


def test_ids__unique_on_each_page(html_pages: dict[str, str]) -> None:
    duplicates = {}
    for path, html in html_pages.items():
        ids = [node.id for node in LexborHTMLParser(html).css("[id]")]
        if repeated := sorted({i for i in ids if ids.count(i) > 1}):
            duplicates[path] = repeated
    print(duplicates)
    assert not duplicates


def test_lists__no_empty_items(html_pages: dict[str, str]) -> None:
    empty = [
        path
        for path, html in html_pages.items()
        for item in _article(html).css("li")
        if not item.text(strip=True) and item.css_first("img, svg, input") is None
    ]
    print(empty)
    assert not empty


def test_answer_sources__headings_carry_explicit_ids() -> None:
    """Report headings carry `{#id}` in the source, so rewording a heading keeps its link."""
    implicit = [
        f"{page.relative_to(DOCS)}:{number}: {line}"
        for page in sorted((DOCS / "answers").rglob("*.md"))
        for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), 1)
        if re.match(r"#{2,6} ", line) and not re.search(r"\{#[a-z0-9-]+\}\s*$", line)
    ]
    print(implicit)
    assert not implicit


def test_tables__each_in_a_deferred_block_with_its_row_count(html_pages: dict[str, str]) -> None:
    """ex01.markdown.tables: Material's bundle moves a bare table out of the deferred blocks."""
    tables = {
        path: [(table.parent, len(table.css("tbody tr"))) for table in _article(html).css("table")]
        for path, html in html_pages.items()
    }
    assert sum(map(len, tables.values())) >= 16, tables  # the comparison's 13, and 3 more
    wrong = {
        path: [
            (parent.tag, parent.attributes)
            for parent, rows in found
            if parent is None
            or parent.attributes.get("class") != "deferred-table"
            or parent.attributes.get("style") != f"--rows: {rows}"
        ]
        for path, found in tables.items()
    }
    assert not any(wrong.values()), {path: w for path, w in wrong.items() if w}
