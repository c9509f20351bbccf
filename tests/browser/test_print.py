"""Printing: Chromium's PDF of the print page holds the whole report, in order, without chrome."""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser
from pypdf import PdfReader
from selectolax.lexbor import LexborHTMLParser

from tests.browser.conftest import Session, new_session
from tests.conftest import PRINT_URL, PRINTED, READING_ORDER, page_html

pytestmark = pytest.mark.browser

# Text that only the navigation chrome carries: the skip link, the search box's messages, the
# footer's credit and previous/next links, the back-to-top button, the palette toggle's label.
CHROME = [
    "Skip to content",
    "Initializing search",
    "Type to start searching",
    "Made with",
    "Previous",
    "Back to top",
    "Switch to",
]


def _words(text: str) -> str:
    # NFKC undoes the ligatures a PDF's text may hold ("ﬁgures" for "figures").
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()


def _title(site: Path, page: str) -> str:
    """A page's h1 as printed: its text without the permalink sign."""
    h1 = LexborHTMLParser(page_html(site, page)).css_first("article h1")
    for link in h1.css("a.headerlink"):
        link.decompose()
    return _words(h1.text(deep=True))


@pytest.fixture(scope="module")
def pdf_text(browser: Browser, base_url: str) -> Iterator[tuple[int, str]]:
    """The print page printed to PDF by Chromium once all its diagrams and formulas are drawn:
    (page count, the text of all sheets)."""
    session = new_session(browser, base_url, viewport={"width": 1280, "height": 900})
    page = session.open(PRINT_URL)
    page.emulate_media(media="print")
    reader = PdfReader(io.BytesIO(page.pdf(format="A4")))
    yield len(reader.pages), _words(" ".join(sheet.extract_text() for sheet in reader.pages))
    session.page.context.close()


def test_print_page__every_page_in_reading_order(site: Path, pdf_text: tuple[int, str]) -> None:
    _, text = pdf_text
    # The side-by-side pages and the section indexes are left out of it (ex01.printpage).
    titles = [_title(site, page) for page in PRINTED]
    # The contents list at the top names the pages by their navigation titles; the pages
    # themselves start at the home page's title.
    position = text.find(titles[0])
    found = []
    for title in titles:
        position = text.find(title, position)
        found.append((title, position))
    print(found)
    assert [title for title, position in found if position < 0] == []


def test_print_page__no_navigation_chrome(pdf_text: tuple[int, str]) -> None:
    _, text = pdf_text
    present = [words for words in CHROME if words in text]
    print(present)
    assert present == []


def test_print_page__sane_page_count(pdf_text: tuple[int, str]) -> None:
    """One sheet or more per report page (21), and not one per paragraph."""
    count, _ = pdf_text
    print(count, "sheets")
    assert len(READING_ORDER) <= count <= 400


def test_print_css__hides_chrome_on_an_ordinary_page(session: Session) -> None:
    page = session.open("")
    page.emulate_media(media="print")
    shown = page.evaluate(
        """() => [".md-header", ".md-tabs", ".md-sidebar--primary", ".md-sidebar--secondary",
                  ".md-footer", ".md-search", ".md-top", ".md-skip", "article .headerlink"]
            .filter(selector => [...document.querySelectorAll(selector)]
              .some(node => getComputedStyle(node).display !== "none"))"""
    )
    print(shown)
    assert shown == []
    assert page.locator("article h1").is_visible()


def test_print_css__shows_where_an_external_link_goes(session: Session) -> None:
    page = session.open("")
    link = page.locator('article a[href="https://www.mkdocs.org/"]')
    after = "node => getComputedStyle(node, '::after').content"
    on_screen = link.evaluate(after)
    page.emulate_media(media="print")
    on_paper = link.evaluate(after)
    print(on_screen, on_paper)
    assert on_screen == "none"
    assert on_paper == '" <https://www.mkdocs.org/>"'


def test_print_css__class_md_print_hide_opts_out(session: Session) -> None:
    page = session.open("")
    page.evaluate("document.querySelector('article p').classList.add('md-print-hide')")
    page.emulate_media(media="print")
    display = page.locator("article p").first.evaluate("node => getComputedStyle(node).display")
    assert display == "none"
