"""The citation entries: APA and BibTeX text, escaping, keys and the edition date."""

from __future__ import annotations

import datetime

import pytest

from ex01.citation import (
    Citation,
    CitationError,
    abbreviation,
    bibtex_key,
    edition_date,
    render_apa_html,
    render_apa_text,
    render_bibtex,
    render_cite_block,
)

CITATION = Citation(
    title="GPT & friends: 100% {braces}",
    author="EX01 report editors",
    site_name="EX01: Generative AI",
    report_title="EX01: Report",
    url="https://example.org/ex01/answers/gemini/scaling/",
    date=datetime.date(2026, 11, 28),
    description="A page.",
    key="ex01-answers-gemini-scaling-2026",
)


def test_apa__plain_text() -> None:
    text = render_apa_text(CITATION)
    print(text)
    assert text == (
        "EX01 report editors. (2026, November 28). GPT & friends: 100% {braces}. "
        "EX01: Generative AI. https://example.org/ex01/answers/gemini/scaling/"
    )


def test_apa__html_italicizes_and_escapes_the_title() -> None:
    html = render_apa_html(CITATION)
    print(html)
    assert "<em>GPT &amp; friends: 100% {braces}</em>" in html


def test_bibtex__escapes_special_characters() -> None:
    entry = render_bibtex(CITATION)
    print(entry)
    assert entry.startswith("@misc{ex01-answers-gemini-scaling-2026,\n")
    assert r"title = {{GPT \& friends: 100\% \{braces\}}}," in entry
    assert "month = nov," in entry
    assert "url = {https://example.org/ex01/answers/gemini/scaling/}," in entry
    assert entry.endswith("\n}")


def test_bibtex_key__from_the_page_url() -> None:
    date = datetime.date(2026, 11, 28)
    assert bibtex_key("answers/gemini/scaling/", date) == "ex01-answers-gemini-scaling-2026"
    assert bibtex_key("", date) == "ex01-home-2026"


def test_edition_date__rejects_a_non_date() -> None:
    assert edition_date("2026-11-28") == datetime.date(2026, 11, 28)
    with pytest.raises(CitationError, match=r"extra\.edition\.date must be a date"):
        edition_date("soon")


def test_cite_block__kept_out_of_search_with_two_copy_buttons() -> None:
    block = render_cite_block(CITATION, "American Psychological Association")
    print(block)
    assert "data-search-exclude" in block
    assert block.count('class="cite-copy"') == 2
    assert 'data-copy="EX01 report editors. (2026, November 28). GPT &amp; friends' in block
    assert '<abbr title="American Psychological Association">APA</abbr>' in block


def test_abbreviation__read_from_the_snippet_or_an_error_naming_it() -> None:
    snippet = "*[AI]: Artificial intelligence\n\n*[APA]: American Psychological Association\n"
    assert abbreviation(snippet, "APA", "a.md") == "American Psychological Association"
    with pytest.raises(CitationError, match=r"a\.md: no entry for BibTeX"):
        abbreviation(snippet, "BibTeX", "a.md")
