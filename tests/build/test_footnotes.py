"""Footnotes are numbered in the order a reader first meets them: 1, 2, 3… down the page.

Python-Markdown's footnotes number in the order of the definitions (USE_DEFINITION_ORDER, the
default); each chapter lists its definitions in the order of first citation, so the numbers run
in order however the references are nested (admonitions and md_in_html blocks are processed
after the rest of the page, so numbering by reference order alone does not give this).
"""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from tests.conftest import PAGES, page_url


def first_citation_numbers(html: str) -> list[int]:
    """Each footnote number as it first appears in the article, in document order."""
    article = LexborHTMLParser(html).css_first("article")
    numbers: list[int] = []
    for ref in article.css("a.footnote-ref") if article else []:
        number = int(ref.text())
        if number not in numbers:
            numbers.append(number)
    return numbers


def test_first_citation_numbers__reads_document_order() -> None:
    html = (
        '<article><p><sup id="fnref:b"><a class="footnote-ref" href="#fn:b">2</a></sup>'
        '<sup id="fnref:a"><a class="footnote-ref" href="#fn:a">1</a></sup>'
        '<sup id="fnref2:b"><a class="footnote-ref" href="#fn:b">2</a></sup></p></article>'
    )
    assert first_citation_numbers(html) == [2, 1]


@pytest.mark.parametrize("page", PAGES)
def test_footnotes__numbered_in_order_of_first_citation(
    page: str, html_pages: dict[str, str]
) -> None:
    numbers = first_citation_numbers(html_pages[f"{page_url(page)}index.html"])
    print(page, numbers)
    assert numbers == list(range(1, len(numbers) + 1))


def test_footnotes__chapters_cite_sources(html_pages: dict[str, str]) -> None:
    """The test above has footnotes to read (without them it would prove nothing)."""
    citing = [
        page for page in PAGES if first_citation_numbers(html_pages[f"{page_url(page)}index.html"])
    ]
    print(citing)
    assert len(citing) >= 8
