"""The built comparison page: each tick of the coverage matrix lands on a section naming it."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from selectolax.lexbor import LexborHTMLParser, LexborNode

from comparison.coverage import Matcher
from comparison.taxonomy import TAXONOMY_FILE, parse_taxonomy
from tests.conftest import page_html

PAGE = "comparison/coverage.md"
PAGE_URL = "https://site.invalid/comparison/coverage/"
TAXONOMY = parse_taxonomy(TAXONOMY_FILE.read_text(encoding="utf-8"), "taxonomy.yaml")
MATCHER = Matcher(TAXONOMY)
BY_LABEL = {concept.label: concept.id for concept in TAXONOMY.concepts}
HEADINGS = {f"h{level}": level for level in range(1, 7)}
# Editorial parts of a page, and permalink signs: not the tool's words.
NOT_THE_ANSWER = ".admonition, .answer-header, .footnote, .headerlink"


def _matrix_links(site: Path) -> list[tuple[str, str, str]]:
    """(concept label, prompt section id, href) of every link in the coverage matrices."""
    article = LexborHTMLParser(page_html(site, PAGE)).css_first("article")
    assert article is not None
    links, section = [], ""
    node = article.child
    while node is not None:
        if node.tag in HEADINGS:
            section = node.attributes.get("id") or ""
        elif section.startswith("coverage-prompt-"):
            for row in node.css("tbody tr"):
                cells = row.css("td")
                for topic in cells[0].css("small"):  # the concept's topic, under its name
                    topic.decompose()
                label = " ".join(cells[0].text().split())  # abbreviations are <abbr> here
                links += [(label, section, a.attributes["href"] or "") for a in row.css("a[href]")]
        node = node.next
    return links


def _section_text(site: Path, href: str) -> str:
    """The text of the linked section: from its heading to the next one of the same or higher level.

    A link without a fragment goes to the top of the page: the text under the title, up to the
    first heading.
    """
    url = urlsplit(urljoin(PAGE_URL, href))
    html = (site / url.path.lstrip("/") / "index.html").read_text(encoding="utf-8")
    article = LexborHTMLParser(html).css_first("article")
    assert article is not None
    for node in article.css(NOT_THE_ANSWER):
        node.decompose()
    if url.fragment:
        start = article.css_first(f'[id="{url.fragment}"]')
        assert start is not None and start.tag in HEADINGS, f"{href}: no heading with that id"
        level = HEADINGS[start.tag]
    else:
        start, level = article.css_first("h1"), 6
    assert start is not None
    texts = [start.text()] if url.fragment else []
    node: LexborNode | None = start.next
    while node is not None and not (node.tag in HEADINGS and HEADINGS[node.tag] <= level):
        texts.append(node.text())
        node = node.next
    return " ".join(texts)


@pytest.fixture(scope="module")
def matrix_links(site: Path) -> list[tuple[str, str, str]]:
    links = _matrix_links(site)
    print(len(links), links[:3])
    assert len(links) > 100
    return links


def test_comparison_matrix__every_link_lands_on_a_section_naming_the_concept(
    site: Path, matrix_links: list[tuple[str, str, str]]
) -> None:
    missing = []
    for label, prompt, href in matrix_links:
        concept = BY_LABEL[label]
        found = {m.concept for m in MATCHER.find(" ".join(_section_text(site, href).split()))}
        if concept not in found:
            missing.append(f"{prompt}: {label} -> {href}")
    print("\n".join(missing))
    assert not missing


def test_comparison_matrix__links_stay_on_the_answer_pages(
    matrix_links: list[tuple[str, str, str]],
) -> None:
    elsewhere = [href for _, _, href in matrix_links if not href.startswith("../../answers/")]
    print(elsewhere)
    assert not elsewhere


def _url(page: str) -> str:
    return urljoin(PAGE_URL, "/" + page.removesuffix("index.md").removesuffix(".md") + "/")


def test_comparison_page__charts_are_served_with_a_text_alternative(site: Path) -> None:
    page = "comparison/metrics.md"
    images = LexborHTMLParser(page_html(site, page)).css("article img")
    found = {
        urlsplit(urljoin(_url(page), img.attributes.get("src") or "")).path: img.attributes.get(
            "alt"
        )
        for img in images
    }
    print(found)
    assert len(found) == 3
    for path, alt in found.items():
        assert (site / path.lstrip("/")).is_file() and path.endswith(".svg")
        assert alt and len(alt) > 40


def test_comparison_page__downloads_are_served(site: Path) -> None:
    page = "comparison/index.md"
    hrefs = [
        a.attributes.get("href") or ""
        for a in LexborHTMLParser(page_html(site, page)).css("article a[href*='downloads/']")
    ]
    print(hrefs)
    assert len(hrefs) == 6
    for href in hrefs:
        assert (site / urlsplit(urljoin(_url(page), href)).path.lstrip("/")).is_file()


def test_comparison_downloads__carry_every_part_of_every_verdict(site: Path) -> None:
    """The verdicts download, as served: each point's verdict and each part with its figures."""
    import json

    data = json.loads((site / "downloads" / "comparison-verdicts.json").read_text("utf-8"))
    claims = {claim["id"]: claim for claim in data["claims"]}
    print({k: (v["verdict"], [p["status"] for p in v["parts"]]) for k, v in claims.items()})
    assert sorted(claims) == ["claim-1", "claim-2", "claim-3", "claim-4"]
    for claim in claims.values():
        assert {part["subject"] for part in claim["parts"]} >= {"comparison"}
        assert all(part["figures"] and part["test"] for part in claim["parts"])
    evidence = page_html(site, "comparison/evidence.md")
    for claim in claims.values():
        assert claim["verdict"] in evidence
        for part in claim["parts"]:
            assert f'id="{part["id"]}"' in evidence
