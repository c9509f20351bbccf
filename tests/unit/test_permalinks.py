"""Copy-link buttons on headings (ex01.markdown.permalinks), and the permalink registry's merge
and redirect rules (tests/support/permalinks.py)."""

from __future__ import annotations

import markdown

from ex01.markdown.permalinks import add_copy_buttons
from tests.support.permalinks import merge_registry, redirect_target

HEADING = (
    '<h2 id="model-size">1. Scaling the Size of <abbr title="Large language models">LLMs</abbr>'
    '<a class="headerlink" href="#model-size" title="Link to this section">&para;</a></h2>'
)


def test_copy_buttons__carry_the_fragment_and_the_heading_text() -> None:
    """The address the page is served from is joined to the fragment in the browser (copy.js)."""
    html = add_copy_buttons(f"<p>x</p>{HEADING}")
    print(html)
    assert html.startswith("<p>x</p><h2 id=")
    assert (
        '&para;</a><button type="button" class="copy-link" '
        'data-url="#model-size" '
        'aria-label="Copy link to section: 1. Scaling the Size of LLMs"'
    ) in html
    assert html.endswith("</button></h2>")


def test_copy_buttons__leave_headings_without_permalink_alone() -> None:
    html = '<h2 id="x">Title</h2><a class="headerlink" href="#y" title="t">&para;</a>'
    assert add_copy_buttons(html) == html


def test_copy_buttons__escape_quotes_in_the_label() -> None:
    heading = (
        '<h3 id="q">The "best" model'
        '<a class="headerlink" href="#q" title="Link to this section">&para;</a></h3>'
    )
    html = add_copy_buttons(heading)
    assert 'aria-label="Copy link to section: The &quot;best&quot; model"' in html


def test_extension__after_toc_permalinks() -> None:
    html = markdown.markdown(
        "## Model size {#model-size}",
        extensions=["attr_list", "toc", "ex01.markdown.permalinks"],
        extension_configs={"toc": {"permalink": True, "permalink_title": "Link to this section"}},
    )
    print(html)
    assert html.endswith(
        'data-url="#model-size" aria-label="Copy link to section: Model size" '
        'title="Copy link to this section"></button></h2>'
    )


def test_registry__merge_keeps_every_registered_id() -> None:
    registry = {"a/": ["old", "kept"], "gone/": ["x"]}
    current = {"a/": ["kept", "new"], "b/": ["y"]}
    merged = merge_registry(registry, current)
    assert merged == {"a/": ["kept", "new", "old"], "gone/": ["x"], "b/": ["y"]}


def test_redirect_target__reads_the_page_mkdocs_redirects_writes() -> None:
    stub = (
        '<!doctype html><html><head><meta charset="utf-8">'
        '<meta http-equiv="refresh" content="0; url=../terms/"></head><body></body></html>'
    )
    assert redirect_target(stub) == "../terms/"
    assert redirect_target("<html><body><article>page</article></body></html>") is None
