"""Parsing answer pages into sections and blocks: golden files, one fixture per edge case."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from comparison.errors import ComparisonError
from comparison.parse import OPENING, Answer, parse_answer, parse_conclusion, read_meta
from ex01.answers import answer_path
from tests.conftest import ROOT
from tests.unit.comparison_support import BAD, EXPECTED, PAGES, assert_golden

FIXTURES = sorted(PAGES.glob("*.md"))


def _parse(fixture: Path) -> Answer:
    """Parse a page fixture as the page its front matter declares."""
    text = fixture.read_text(encoding="utf-8")
    declared = read_meta(text, fixture.name)
    assert declared is not None
    return parse_answer(text, answer_path(*declared))


@pytest.mark.parametrize("fixture", FIXTURES, ids=[f.stem for f in FIXTURES])
def test_parse_answer__matches_golden(fixture: Path, request: pytest.FixtureRequest) -> None:
    answer = _parse(fixture)
    actual = json.dumps(dataclasses.asdict(answer), indent=2, ensure_ascii=False) + "\n"
    assert_golden(request, EXPECTED / "parse" / f"{fixture.stem}.json", actual)


def test_parse_answer__title_is_not_part_of_the_answer() -> None:
    answer = _parse(PAGES / "opening-and-sections.md")
    print(answer.title, [s.title for s in answer.sections])
    assert answer.title == "ChatGPT, prompt 1: Foundations"
    assert all("prompt 1" not in block.text for block in answer.blocks)


def test_parse_answer__opening_paragraphs_link_to_the_page_top() -> None:
    opening = _parse(PAGES / "opening-and-sections.md").sections[0]
    print(opening)
    assert (opening.title, opening.anchor, opening.target) == (OPENING, None, "")


def test_parse_answer__heading_without_id_links_to_its_parent() -> None:
    sections = {s.title: s for s in _parse(PAGES / "heading-without-id.md").sections}
    print(sections)
    assert sections["Fine-tuning without an id"].target == "training"
    assert sections["Also without an id"].target == ""


def test_parse_answer__editorial_note_is_left_out() -> None:
    text = " ".join(b.text for b in _parse(PAGES / "editorial-note.md").blocks)
    print(text)
    assert "While scaling will continue." in text
    assert "Editorial" not in text and "RLHF" not in text


def test_parse_answer__fact_check_and_its_footnote_are_left_out() -> None:
    text = " ".join(b.text for b in _parse(PAGES / "fact-check-footnote.md").blocks)
    print(text)
    assert "goes on after the fact check" in text
    assert "OpenAI" not in text and "Technical Report" not in text and "RLHF" not in text


def test_parse_answer__header_block_is_left_out() -> None:
    text = " ".join(b.text for b in _parse(PAGES / "header-block.md").blocks)
    print(text)
    assert "Tool:" not in text and "added by the site" in text


def test_parse_answer__nested_list_item_keeps_only_its_own_text() -> None:
    items = [b for b in _parse(PAGES / "nested-lists.md").blocks if b.kind == "list_item"]
    print(items)
    assert items[1].text == "Flow-Based Models: Learn a bijective mapping."
    assert [b.depth for b in items[:4]] == [1, 1, 2, 2]


def test_parse_answer__loose_list_item_keeps_its_paragraphs() -> None:
    items = [b for b in _parse(PAGES / "nested-lists.md").blocks if b.kind == "list_item"]
    print(items)
    assert items[4].text == "A loose list item. Its second paragraph belongs to the item."


def test_parse_conclusion__finds_the_numbered_claims() -> None:
    text = (ROOT / "docs" / "conclusion.md").read_text(encoding="utf-8")
    claims = parse_conclusion(text, "conclusion.md")
    print(claims)
    assert list(claims) == ["claim-1", "claim-2", "claim-3", "claim-4"]
    assert claims["claim-2"].text.startswith("ChatGPT covers advanced concepts like transformers")


BAD_PAGES = {
    "no-front-matter": "answers/chatgpt/foundations.md:1: no front matter",
    "invalid-front-matter": "answers/chatgpt/foundations.md:4: front matter is not valid YAML",
    "missing-keys": "answers/chatgpt/foundations.md: front matter lacks prompt_text",
    "unknown-tool": "answers/chatgpt/foundations.md: unknown tool 'bard'",
    "empty-answer": "answers/chatgpt/foundations.md:7: the answer is empty",
}


@pytest.mark.parametrize("case", BAD_PAGES, ids=list(BAD_PAGES))
def test_parse_answer__bad_page_names_file_and_line(case: str) -> None:
    text = (BAD / f"{case}.md").read_text(encoding="utf-8")
    with pytest.raises(ComparisonError) as raised:
        parse_answer(text, "answers/chatgpt/foundations.md")
    print(raised.value)
    assert str(raised.value).startswith(BAD_PAGES[case])


@pytest.mark.parametrize("tool", ["[chatgpt]", "{a: 1}", "3"])
def test_parse_answer__tool_that_is_not_text_is_unknown(tool: str) -> None:
    text = f"---\ntool: {tool}\nprompt: 1\nprompt_text: x\n---\n\n# T\n\nText.\n"
    with pytest.raises(ComparisonError) as raised:
        parse_answer(text, "answers/chatgpt/foundations.md")
    print(raised.value)
    assert "unknown tool" in str(raised.value)
