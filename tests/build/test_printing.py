"""The print page (print/) holds the whole report, made from the built site by ex01.printpage."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from ex01.printpage import page_key
from tests.conftest import PRINT_URL, PRINTED, page_url


def _print_page(html_pages: dict[str, str]) -> LexborHTMLParser:
    return LexborHTMLParser(html_pages[PRINT_URL + "index.html"])


def test_print_page__every_page_but_the_side_by_side_ones_in_reading_order(
    html_pages: dict[str, str],
) -> None:
    sections = [node.id for node in _print_page(html_pages).css("section.print-page")]
    print(sections)
    assert sections == [page_key(page_url(page) + "index.html") for page in PRINTED]


def test_print_page__contents_list_links_every_page_and_section(
    html_pages: dict[str, str],
) -> None:
    tree = _print_page(html_pages)
    ids = {node.id for node in tree.css("[id]")}
    links = [node.attributes["href"] for node in tree.css("nav.print-contents a")]
    print(len(links))
    assert len(links) > len(PRINTED)
    assert [link for link in links if link.removeprefix("#") not in ids] == []


def test_print_page__diagrams_keep_their_own_ids(html_pages: dict[str, str]) -> None:
    """Each diagram's style targets its SVG's id; renaming it printed black boxes."""
    html = html_pages[PRINT_URL + "index.html"]
    diagrams = LexborHTMLParser(html).css("section.print-page div.mermaid[data-diagram]")
    print(len(diagrams))
    assert len(diagrams) == 12
    for node in diagrams:
        digest = node.attributes["data-diagram"]
        assert f'<svg id="mermaid-{digest}"' in html


def test_print_page__no_cite_blocks_or_copy_buttons_from_the_pages(
    html_pages: dict[str, str],
) -> None:
    tree = _print_page(html_pages)
    assert tree.css("section.print-page details.cite") == []
    assert tree.css("section.print-page button.copy-link") == []
