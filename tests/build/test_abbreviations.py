"""Abbreviations are marked where they help (ex01.markdown.abbreviations): in running text, the
first of each in every h2 section, focusable; never in a heading, bold text or a link."""

from __future__ import annotations

from collections import Counter

import pytest
from selectolax.lexbor import LexborHTMLParser, LexborNode

from tests.conftest import PAGES, page_url

PLAIN = "h1, h2, h3, h4, h5, h6, strong, b, a"


def _article(html: str) -> LexborNode | None:
    return LexborHTMLParser(html).css_first("article")


def marked(html: str) -> list[tuple[int, str]]:
    """(h2 section number, text) for each `<abbr>` in the article, in document order."""
    article = _article(html)
    found, section = [], 0
    for node in article.css("h2, abbr") if article else []:
        if node.tag == "h2":
            section += 1
        else:
            found.append((section, node.text()))
    return found


def test_marked__counts_sections() -> None:
    html = "<article><abbr>A</abbr><h2>x</h2><p><abbr>A</abbr><abbr>B</abbr></p></article>"
    assert marked(html) == [(0, "A"), (1, "A"), (1, "B")]


@pytest.mark.parametrize("page", PAGES)
def test_abbreviations__once_per_section(page: str, html_pages: dict[str, str]) -> None:
    found = marked(html_pages[f"{page_url(page)}index.html"])
    repeats = {key: n for key, n in Counter(found).items() if n > 1}
    print(page, len(found), "marked;", repeats)
    assert repeats == {}


@pytest.mark.parametrize("page", PAGES)
def test_abbreviations__never_in_headings_bold_or_links(
    page: str, html_pages: dict[str, str]
) -> None:
    article = _article(html_pages[f"{page_url(page)}index.html"])
    inside = [node.parent.tag for node in article.css(f":is({PLAIN}) abbr")] if article else []
    print(page, inside)
    assert inside == []


def test_abbreviations__each_marked_one_is_focusable(html_pages: dict[str, str]) -> None:
    counts = {
        path: (len(nodes), sum(node.attributes.get("tabindex") == "0" for node in nodes))
        for path, html in html_pages.items()
        if (article := _article(html)) is not None and (nodes := article.css("abbr"))
    }
    print(counts)
    assert counts and all(total == focusable for total, focusable in counts.values())


def test_abbreviations__an_answer_page_marks_far_fewer(html_pages: dict[str, str]) -> None:
    """An answer page underlined about 80 abbreviations before; each one once a section now."""
    found = marked(html_pages["answers/chatgpt/scaling/index.html"])
    print(len(found), Counter(text for _, text in found).most_common(5))
    assert 0 < len(found) < 60
