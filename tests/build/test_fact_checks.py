"""Every error a chapter points out in an answer has a Fact check note at the statement.

The convention (CONTRIBUTING.md, editing rules): a chapter's link to the answer section that
holds an error it points out carries `{ .fact-check }`, and that section of the answer page (from
its heading to the next heading) holds a `!!! warning "Fact check"` note on it, which links to
the chapter that explains the point.
"""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

import pytest
from selectolax.lexbor import LexborHTMLParser, LexborNode

from tests.conftest import PAGES, page_url

CHAPTERS = [page for page in PAGES if page.startswith("chapters/") and page != "chapters/index.md"]
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


def _is_fact_check(node: LexborNode) -> bool:
    title = node.css_first(".admonition-title")
    return "warning" in (node.attributes.get("class") or "").split() and (
        title is not None and title.text().strip() == "Fact check"
    )


def section_notes(html: str, fragment: str) -> list[LexborNode]:
    """The Fact check notes between the heading with id `fragment` and the next heading."""
    heading = LexborHTMLParser(html).css_first(f'article [id="{fragment}"]')
    notes: list[LexborNode] = []
    node = heading.next if heading is not None else None
    while node is not None and node.tag not in HEADINGS:
        if node.tag == "div" and _is_fact_check(node):
            notes.append(node)
        node = node.next
    return notes


def marked_links(html: str, url: str) -> list[tuple[str, str]]:
    """(answer page's site path, fragment) for each `.fact-check` link in the article."""
    article = LexborHTMLParser(html).css_first("article")
    found = []
    for link in article.css("a.fact-check") if article else []:
        target = urlsplit(urljoin("http://site/" + url, link.attributes.get("href") or ""))
        found.append((target.path.lstrip("/"), target.fragment))
    return found


def unchecked(html_pages: dict[str, str], chapter: str) -> list[str]:
    """`answer#id` for each marked link of `chapter` whose section has no Fact check note."""
    url = page_url(chapter)
    return [
        f"{path}#{fragment}"
        for path, fragment in marked_links(html_pages[f"{url}index.html"], url)
        if not path.startswith("answers/")
        or not section_notes(html_pages.get(f"{path}index.html", ""), fragment)
    ]


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_fact_checks__every_error_a_chapter_points_out_has_a_note(
    chapter: str, html_pages: dict[str, str]
) -> None:
    url = page_url(chapter)
    links = marked_links(html_pages[f"{url}index.html"], url)
    missing = unchecked(html_pages, chapter)
    print(chapter, len(links), "marked;", missing)
    # Every chapter's "What the two tools said" points out at least one error.
    assert links and missing == []


def test_gate__a_section_without_its_note_is_caught(html_pages: dict[str, str]) -> None:
    page = "answers/chatgpt/scaling/index.html"
    tree = LexborHTMLParser(html_pages[page])
    for note in tree.css("article div.admonition.warning"):
        note.decompose()
    doctored = {**html_pages, page: tree.html}
    missing = unchecked(doctored, "chapters/scaling.md")
    print(missing)
    assert "answers/chatgpt/scaling/#parameters" in missing


@pytest.mark.parametrize("page", [page for page in PAGES if page.startswith("answers/")])
def test_fact_checks__each_note_links_to_a_chapter(page: str, html_pages: dict[str, str]) -> None:
    html = html_pages[f"{page_url(page)}index.html"]
    notes = [
        node
        for node in LexborHTMLParser(html).css("article div.admonition.warning")
        if _is_fact_check(node)
    ]
    unlinked = [note.text()[:80] for note in notes if not note.css_first('a[href*="chapters/"]')]
    print(page, len(notes), "notes;", unlinked)
    assert unlinked == []
