"""The built side-by-side pages: both answers in full, paired or under "Only in …", stable ids,
links both ways, unsearched."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from ex01.answers import ORIGINAL_REPORT, PROMPT_SLUGS, SIDE_BY_SIDE_DIR, TOOLS, answer_path
from ex01.source import Part, read_report
from tests.conftest import DOCS, page_html
from tests.support.fidelity import missing_sentences

ANSWERS = [part for part in read_report(DOCS / ORIGINAL_REPORT) if part.tool is not None]
PROMPTS = list(PROMPT_SLUGS)
SLUGS = list(PROMPT_SLUGS.values())
HEADINGS = "h2, h3, h4, h5, h6"
SOURCE_ID = re.compile(r"^#{2,6} .*\{#([a-z0-9-]+)[^}]*\}\s*$", re.MULTILINE)
# The page's own sections, around the answers' headings.
PAGE_SECTIONS = {"paired-sections", *(f"only-in-{tool}" for tool in TOOLS)}


def _page(prompt: int) -> str:
    return f"{SIDE_BY_SIDE_DIR}/{PROMPT_SLUGS[prompt]}.md"


def _page_of(part: Part) -> str:
    assert part.prompt is not None
    return _page(part.prompt)


def _article(site: Path, page: str):
    article = LexborHTMLParser(page_html(site, page)).css_first("article")
    assert article is not None
    return article


@pytest.mark.parametrize("part", ANSWERS, ids=[part.key for part in ANSWERS])
def test_sidebyside__every_sentence_of_both_answers(part: Part, site: Path) -> None:
    missing = missing_sentences(part.body, page_html(site, _page_of(part)))
    listing = "\n".join(f"  - {sentence}" for sentence in missing)
    assert not missing, (
        f"{len(missing)} sentence(s) of {part.key} missing from {_page_of(part)}:\n{listing}"
    )


@pytest.mark.parametrize("prompt", PROMPTS, ids=SLUGS)
def test_sidebyside__heading_ids_are_the_answers_ids_with_the_tool_in_front(
    prompt: int, site: Path
) -> None:
    expected = [
        f"{tool}-{anchor}"
        for tool in TOOLS
        for anchor in SOURCE_ID.findall(
            (DOCS / answer_path(tool, prompt)).read_text(encoding="utf-8")
        )
    ]
    found = [node.id for node in _article(site, _page(prompt)).css(HEADINGS)]
    print(found)
    assert sorted(anchor for anchor in found if anchor not in PAGE_SECTIONS) == sorted(expected)


@pytest.mark.parametrize("prompt", PROMPTS, ids=SLUGS)
def test_sidebyside__unpaired_sections_are_under_their_tools_only_in_heading(
    prompt: int, site: Path
) -> None:
    article = _article(site, _page(prompt))
    assert "No section of" not in article.text()  # the placeholder the pages used to have
    groups = article.css(".sbs-only")
    found = {}
    for group in groups:
        heading = group.css_first("h2")
        assert heading is not None
        found[heading.id] = [node.id for node in group.css("h3, h4, h5, h6")]
    print(found)
    assert found, "every prompt's answers have sections without a partner"
    for section, ids in found.items():
        tool = section.removeprefix("only-in-")
        assert tool in TOOLS
        assert ids and all(anchor.startswith(f"{tool}-") for anchor in ids)


@pytest.mark.parametrize("prompt", PROMPTS, ids=SLUGS)
def test_sidebyside__both_sides_of_a_row_start_at_the_same_heading_level(
    prompt: int, site: Path
) -> None:
    rows = _article(site, _page(prompt)).css(".sbs-paired .sbs-row")
    starts = []
    for row in rows:
        blocks = row.css(".tabbed-content > .tabbed-block")
        assert len(blocks) == 2  # no row with one side only
        firsts = [block.css_first(HEADINGS) for block in blocks]
        starts.append([node.tag if node is not None else None for node in firsts])
    print(starts)
    assert rows
    assert all(a == b or None in (a, b) for a, b in starts)


@pytest.mark.parametrize("prompt", PROMPTS, ids=SLUGS)
def test_sidebyside__links_both_answers_and_the_comparison(prompt: int, site: Path) -> None:
    slug = PROMPT_SLUGS[prompt]
    header = _article(site, _page(prompt)).css_first(".answer-header")
    assert header is not None
    hrefs = [a.attributes.get("href") for a in header.css("a[href]")]
    print(hrefs)
    assert f"../../answers/chatgpt/{slug}/" in hrefs
    assert f"../../answers/gemini/{slug}/" in hrefs
    assert f"../../comparison/coverage/#coverage-prompt-{prompt}" in hrefs


@pytest.mark.parametrize("path", [answer_path(t, p) for t in TOOLS for p in PROMPT_SLUGS])
def test_answer_header__links_its_side_by_side_page(path: str, site: Path) -> None:
    header = _article(site, path).css_first(".answer-header")
    assert header is not None
    hrefs = [a.attributes.get("href") for a in header.css("a[href]")]
    print(hrefs)
    slug = path.rsplit("/", 1)[1].removesuffix(".md")
    assert f"../../../side-by-side/{slug}/" in hrefs


def test_search_index__has_no_side_by_side_entry(site: Path) -> None:
    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    locations = [doc["location"] for doc in docs]
    sentence = "Learn a bijective mapping between the data space and a latent space."
    holding = sorted({doc["location"].split("#")[0] for doc in docs if sentence in doc["text"]})
    print(holding)
    # The answer's sentence is indexed once, on its own page, and no side-by-side page is indexed
    # (but the section's index page, which lists them and quotes nothing).
    assert holding == ["answers/gemini/foundations/"]
    assert not [
        location
        for location in locations
        if location.startswith(SIDE_BY_SIDE_DIR) and location.split("#")[0] != "side-by-side/"
    ]
