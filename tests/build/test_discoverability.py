"""Search engines and link previews find each page: descriptions, sitemap, and a helpful 404."""

from __future__ import annotations

from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from tests.conftest import PAGES, PRINT_URL, URLS, page_html


def _description(html: str) -> str:
    node = LexborHTMLParser(html).css_first('meta[name="description"]')
    return node.attributes.get("content") or "" if node else ""


@pytest.mark.parametrize("page", PAGES)
def test_meta__description_of_its_own(page: str, site: Path) -> None:
    description = _description(page_html(site, page))
    print(description)
    assert 50 <= len(description) <= 300


def test_meta__descriptions_are_unique(site: Path) -> None:
    descriptions = [_description(page_html(site, page)) for page in PAGES]
    assert len(set(descriptions)) == len(descriptions)


def test_sitemap__lists_every_page_at_its_real_address(site: Path, base_url: str) -> None:
    tree = LexborHTMLParser((site / "sitemap.xml").read_text(encoding="utf-8"))
    locations = sorted(node.text() for node in tree.css("loc"))
    print(locations)
    # The build's site_url is the address the tests serve it at, as a deploy's is its own.
    assert locations == sorted(base_url + url for url in [*URLS, PRINT_URL])


def test_404__says_so_and_offers_ways_on(site: Path, html_pages: dict[str, str]) -> None:
    tree = LexborHTMLParser(html_pages["404.html"])
    article = tree.css_first("article")
    links = {node.attributes["href"] for node in article.css("a[href]")}
    print(sorted(links))
    assert article.css_first("h1").text() == "Page not found"
    assert "/chapters/foundations/" in links
    assert "/glossary/" in links
    assert tree.css_first("input.md-search__input") is not None


def test_titles__unique_across_pages(site: Path) -> None:
    # Bookmarks, tabs and search engines show the <title>: ChatGPT's and Gemini's answers to a
    # prompt share a short navigation title, so their front matter gives the full one.
    titles = [LexborHTMLParser(page_html(site, page)).css_first("title").text() for page in PAGES]
    print(titles)
    assert len(set(titles)) == len(titles)
