"""Typing into the search box (real keystrokes) brings up the page a reader expects.

The query set covers the kinds of term readers of this site type: hyphenated terms (flow-based,
self-attention, text-to-speech), terms with digits (GPT-3, T5, DeepSeek-V3), acronyms (RLHF,
LLM, VAE) and model names (BERT, PaLM, Chinchilla), plus phrases from the answers themselves.
Where the glossary defines a term, the reader should land on its definition: those queries
name the glossary section (`glossary/#gpt-3`), which must be among the links of the results.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

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
    """Open the home page, open search as a reader does at the page's width (the search box on
    a wide screen, the header's icon on a phone), type the query key by key, and wait for its
    results."""
    session.page.context.add_init_script(COUNT_QUERIES)
    # The home page's diagram is not what these tests look at: no need to wait for it.
    page = session.open("", settle=False)
    page.locator(
        "label.md-search__icon[for=__search]:visible, .md-search__input:visible,"
        " label.md-header__button[for=__search]:visible"
    ).first.click()
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


def all_result_pages(session: Session) -> list[str]:
    """Every page in the results: Material shows the first ten, and four more each time the
    reader scrolls to the end of the list."""
    items = session.page.locator("li.md-search-result__item")
    count = -1
    while count != items.count():
        count = items.count()
        session.page.locator(".md-search__scrollwrap").evaluate(
            "el => el.scrollTo(0, el.scrollHeight)"
        )
        session.page.wait_for_timeout(300)
    return result_pages(session)


@pytest.fixture(params=["session", "phone"])
def reader(request: pytest.FixtureRequest) -> Session:
    """A reader at 1280 px wide, then at 390 (a phone)."""
    return request.getfixturevalue(request.param)


def page_texts(site: Path) -> dict[str, str]:
    """Each indexed page's words (its entries' titles and texts, without markup), lowercased."""
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    texts: dict[str, str] = {}
    for entry in index["docs"]:
        page = entry["location"].split("#")[0]
        words = re.sub(r"<[^>]+>", " ", f"{entry['title']} {entry['text']}").lower()
        texts[page] = f"{texts.get(page, '')} {words}"
    return texts


def has_word(text: str, prefix: str) -> bool:
    """Whether a word of the text starts with `prefix`, words split as the index splits them
    (at spaces and hyphens); the search worker matches each query term as such a prefix."""
    return any(word.startswith(prefix) for word in re.split(r"[\s\-]+", text))


def test_search__gpt_3_ranks_its_pages_above_pages_with_only_a_3(
    reader: Session, site: Path
) -> None:
    texts = page_texts(site)
    type_query(reader, "GPT-3")
    pages = all_result_pages(reader)
    print(pages)
    with_gpt_3 = [page for page in pages if "gpt-3" in texts[page]]
    only_3 = [page for page in pages if not has_word(texts[page], "gpt")]
    assert with_gpt_3
    assert only_3
    assert max(map(pages.index, with_gpt_3)) < min(map(pages.index, only_3))


@pytest.mark.parametrize("query", ["music generation", "mode collapse", "latent space"])
def test_search__pages_matching_every_term_rank_first(
    query: str, reader: Session, site: Path
) -> None:
    texts = page_texts(site)
    # Terms apart, without hyphens: the worker matches a hyphenated word's last part as a
    # prefix but the others only whole (GPT-3 above covers hyphens).
    terms = query.split()
    type_query(reader, query)
    pages = all_result_pages(reader)
    every = [all(has_word(texts[page], term) for term in terms) for page in pages]
    print(list(zip(pages, every, strict=True)))
    assert True in every
    assert False in every
    assert every == sorted(every, reverse=True)


@pytest.mark.parametrize("query", ["GPT-3", "self-attention", "Chinchilla", "mode collapse"])
def test_search__no_result_link_has_an_empty_highlight(query: str, reader: Session) -> None:
    type_query(reader, query)
    hrefs = reader.page.locator(".md-search-result a").evaluate_all(
        "links => links.map(a => a.href)"
    )
    highlights = [parse_qs(urlsplit(href).query).get("h", [""])[0] for href in hrefs]
    print(list(zip(hrefs, highlights, strict=True)))
    assert len(hrefs) > 3
    assert all(highlights)


INDEX = re.compile(r"/search/search_index\.json$")


def test_search__index_is_downloaded_only_when_the_reader_opens_search(reader: Session) -> None:
    """The index is most of a text page's bytes (CONTRIBUTING.md, "Search loads its index on
    demand"): a page loads without it, and opening search fetches it."""
    requests: list[str] = []
    reader.page.on("request", lambda request: requests.append(request.url))
    page = reader.open("chapters/scaling/")
    page.wait_for_timeout(500)
    assert not [url for url in requests if INDEX.search(url)]
    with page.expect_request(INDEX, timeout=10_000):
        page.locator(
            ".md-search__input:visible, label.md-header__button[for=__search]:visible"
        ).first.click()
    page.locator("input.md-search__input").press_sequentially("Chinchilla", delay=40)
    page.locator("li.md-search-result__item > a").first.wait_for(timeout=10_000)


def test_search__index_leaves_out_the_pages_that_repeat_others(site: Path) -> None:
    """Side by side and print pages repeat the answers and the whole site word for word."""
    pages = set(page_texts(site))
    print(sorted(pages))
    assert "answers/gemini/scaling/" in pages
    assert not {page for page in pages if page.startswith(("side-by-side/", "print/"))}
