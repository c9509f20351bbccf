"""Typing into the search box (real keystrokes) brings up the page a reader expects.

The query set covers the kinds of term readers of this site type: hyphenated terms (flow-based,
self-attention, text-to-speech), terms with digits (GPT-3, T5, DeepSeek-V3), acronyms (RLHF,
LLM, VAE) and model names (BERT, PaLM, Chinchilla), plus phrases from the answers themselves.
Where the glossary defines a term, the reader should land on its definition: those queries
name the glossary section (`glossary/#gpt-3`), which must be among the links of the results.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import Session

pytestmark = pytest.mark.browser

# (query, the page that must be among the first three pages in the results[#its section])
QUERIES = [
    # Terms with hyphens and digits
    ("flow-based", "glossary/#normalizing-flow"),
    ("GPT-3", "glossary/#gpt-3"),
    ("GPT-4", "answers/chatgpt/scaling/"),
    ("DALL-E", "glossary/#dall-e"),
    ("DeepSeek-V3", "chapters/scaling/"),
    ("T5", "chapters/transformers/"),
    ("VQ-VAE", "chapters/vaes/"),
    ("self-attention", "chapters/transformers/"),
    ("zero-shot", "glossary/#few-shot"),
    ("few-shot", "answers/chatgpt/scaling/"),
    ("text-to-speech", "chapters/applications/"),
    ("encoder-decoder", "chapters/transformers/"),
    ("mixture-of-experts", "chapters/scaling/"),
    ("chain-of-thought", "chapters/scaling/"),
    ("retrieval-augmented", "chapters/applications/"),
    # Acronyms
    ("RLHF", "conclusion/"),
    ("LLM", "glossary/#llm"),
    ("GAN", "chapters/gans/"),
    ("VAE", "chapters/vaes/"),
    # Model names
    ("BERT", "answers/chatgpt/transformer-architectures/"),
    ("BlenderBot", "answers/chatgpt/applications/"),
    ("PaLM", "answers/chatgpt/scaling/"),
    ("Chinchilla", "chapters/scaling/"),
    ("Vision Transformer", "glossary/#vit"),
    # Concepts and phrases
    ("discriminator", "chapters/gans/"),
    ("mode collapse", "chapters/gans/"),
    ("KL divergence", "chapters/vaes/"),
    ("reparameterization", "chapters/vaes/"),
    ("latent space", "answers/gemini/foundations/"),
    ("hallucination", "chapters/challenges-and-ethics/"),
    ("emergent abilities", "chapters/scaling/"),
    ("scaling laws", "chapters/scaling/"),
    ("philosophical discussions", "answers/gemini/scaling/"),
    ("music generation", "answers/gemini/applications/"),
]


# Material's search runs in a web worker: the page posts each query (message type 2) and the
# worker answers with its results (type 3). A slow query for an early prefix ("text-to") can
# answer after the last key is typed, so the tests wait until every query has its answer.
COUNT_QUERIES = """
window.pendingSearches = 0;
const NativeWorker = window.Worker;
window.Worker = class extends NativeWorker {
  constructor(...args) {
    super(...args);
    this.addEventListener("message", ({data}) => {
      if (data.type === 3) window.pendingSearches--;
    });
  }
  postMessage(message, ...rest) {
    if (message.type === 2) window.pendingSearches++;
    return super.postMessage(message, ...rest);
  }
};
"""


def type_query(session: Session, query: str) -> None:
    """Open the home page, type the query key by key, and wait for its results."""
    session.page.context.add_init_script(COUNT_QUERIES)
    # The home page's diagram is not what these tests look at: no need to wait for it.
    page = session.open("", settle=False)
    page.locator("label.md-search__icon[for=__search], .md-search__input").first.click()
    page.locator("input.md-search__input").press_sequentially(query, delay=40)
    page.wait_for_function("window.pendingSearches === 0", timeout=15_000)
    page.locator("li.md-search-result__item > a").first.wait_for(timeout=10_000)


def result_pages(session: Session) -> list[str]:
    """The pages in the results, one entry per page, in rank order."""
    hrefs = session.page.locator("li.md-search-result__item > a").evaluate_all(
        "links => links.map(a => a.href.split(/[?#]/)[0])"
    )
    return list(dict.fromkeys(href.removeprefix(session.base_url) for href in hrefs))


def result_links(session: Session) -> set[str]:
    """Every result link (pages and their sections), without the highlight query."""
    hrefs = session.page.locator(".md-search-result a").evaluate_all(
        "links => links.map(a => a.href.replace(/\\?[^#]*/, ''))"
    )
    return {href.removeprefix(session.base_url) for href in hrefs}


def test_search__query_set_is_large_enough() -> None:
    assert len(QUERIES) >= 20
    assert len({query for query, _ in QUERIES}) == len(QUERIES)


@pytest.mark.parametrize(("query", "expected"), QUERIES)
def test_search__finds_expected_page(query: str, expected: str, session: Session) -> None:
    type_query(session, query)
    pages = result_pages(session)
    print(pages)
    page, _, section = expected.partition("#")
    assert page in pages[:3]
    if section:
        assert expected in result_links(session)


def test_search__highlights_the_hit_on_the_target_page(session: Session) -> None:
    type_query(session, "Chinchilla")
    # A page's own entry carries no highlight when only its sections matched; the first
    # section that matched does.
    session.page.locator(".md-search-result a[href*='h=chinchilla']").first.click()
    session.page.wait_for_url("**/chapters/scaling/**")
    marks = session.page.locator("article mark[data-md-highlight]")
    marks.first.wait_for(timeout=10_000)
    assert "chinchilla" in marks.first.inner_text().lower()


def test_search__shared_link_opens_with_results(session: Session) -> None:
    page = session.open("?q=Chinchilla")
    assert page.locator("input.md-search__input").input_value() == "Chinchilla"
    page.locator("li.md-search-result__item > a").first.wait_for(timeout=10_000)
    assert "chapters/scaling/" in result_pages(session)[:3]


def test_search__share_button_copies_the_query_link(session: Session) -> None:
    session.page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    type_query(session, "Chinchilla")
    share = session.page.locator(".md-search__options [data-md-component=search-share]")
    expect(share).to_have_attribute("href", f"{session.base_url}?q=Chinchilla")
    share.click()
    copied = session.page.evaluate("navigator.clipboard.readText()")
    assert copied == f"{session.base_url}?q=Chinchilla"


def test_search__suggests_the_rest_of_a_word(session: Session) -> None:
    type_query(session, "chinchil")
    suggestion = session.page.locator(".md-search__suggest")
    assert "chinchilla" in suggestion.inner_text().lower()
