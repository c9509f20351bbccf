"""The built side-by-side pages: both answers in full, stable ids, links both ways, unsearched."""

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
    assert sorted(found) == sorted(expected)


@pytest.mark.parametrize("prompt", PROMPTS, ids=SLUGS)
def test_sidebyside__links_both_answers_and_the_comparison(prompt: int, site: Path) -> None:
    slug = PROMPT_SLUGS[prompt]
    header = _article(site, _page(prompt)).css_first(".answer-header")
    assert header is not None
    hrefs = [a.attributes.get("href") for a in header.css("a[href]")]
    print(hrefs)
    assert f"../../answers/chatgpt/{slug}/" in hrefs
    assert f"../../answers/gemini/{slug}/" in hrefs
    assert f"../../comparison/#coverage-prompt-{prompt}" in hrefs


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
