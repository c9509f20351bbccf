"""Typing into the search box (real keystrokes) brings up the page a reader expects."""

from __future__ import annotations

import pytest

from tests.browser.conftest import Session

pytestmark = pytest.mark.browser

# (query, a page that must be among the first three pages in the results)
QUERIES = [
    ("discriminator", "chapters/gans/"),
    ("latent space", "answers/gemini/foundations/"),
    ("BERT", "answers/chatgpt/transformer-architectures/"),
    ("BlenderBot", "answers/chatgpt/applications/"),
    ("PaLM", "answers/chatgpt/scaling/"),
    ("philosophical discussions", "answers/gemini/scaling/"),
    ("music generation", "answers/gemini/applications/"),
    ("RLHF", "conclusion/"),
    # Material's default tokenizer splits at hyphens, so "flow-based" also matches every
    # "flow" and "based"; tuning search for such terms is issue 6's work.
    pytest.param(
        "flow-based",
        "answers/gemini/foundations/",
        marks=pytest.mark.xfail(reason="hyphenated terms need search tuning (issue 6)"),
    ),
]


def search(session: Session, query: str) -> list[str]:
    page = session.open("")
    page.locator("label.md-search__icon[for=__search], .md-search__input").first.click()
    page.locator("input.md-search__input").press_sequentially(query, delay=40)
    results = page.locator("li.md-search-result__item > a")
    results.first.wait_for(timeout=10_000)
    page.wait_for_timeout(300)
    hrefs = results.evaluate_all("links => links.map(a => a.href.split(/[?#]/)[0])")
    pages = [href.removeprefix(session.base_url) for href in hrefs]
    return list(dict.fromkeys(pages))  # one entry per page, in rank order


@pytest.mark.parametrize(("query", "expected"), QUERIES)
def test_search__finds_expected_page(query: str, expected: str, session: Session) -> None:
    found = search(session, query)
    print(found)
    assert expected in found[:3]
