"""Every Mermaid diagram becomes an SVG: on direct load, after instant navigation, any palette."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from ex01 import diagrams
from tests.browser.conftest import Session
from tests.conftest import DOCS, PAGES, page_url

pytestmark = pytest.mark.browser

# Pages whose source holds at least one diagram, and how many.
DIAGRAMS = {
    page_url(page): text.count("```mermaid")
    for page in PAGES
    if "```mermaid" in (text := (DOCS / page).read_text(encoding="utf-8"))
}


def rendered(page: Page, expected: int, timeout: float = 15_000) -> None:
    """Wait until `expected` diagrams on the page are SVGs and no diagram source is left."""
    svgs = page.locator("article .mermaid svg[aria-roledescription]")
    svgs.nth(expected - 1).wait_for(state="attached", timeout=timeout)
    assert svgs.count() == expected
    assert page.locator("article pre.mermaid, article div.mermaid:not(:has(svg))").count() == 0


def test_diagrams__the_site_has_some() -> None:
    print(DIAGRAMS)
    assert DIAGRAMS


@pytest.mark.parametrize("url", sorted(DIAGRAMS))
def test_mermaid__renders_on_direct_load(url: str, session: Session) -> None:
    rendered(session.open(url), DIAGRAMS[url])
    assert session.errors == []


@pytest.mark.parametrize("url", sorted(DIAGRAMS))
def test_mermaid__every_diagram_has_a_title_and_description(url: str, session: Session) -> None:
    page = session.open(url)
    rendered(page, DIAGRAMS[url])
    labels = page.locator("article .mermaid svg[aria-roledescription]").evaluate_all(
        """svgs => svgs.map(svg => [svg.getAttribute("aria-labelledby"),
                                   svg.getAttribute("aria-describedby")].map(id =>
            id ? svg.getRootNode().getElementById(id)?.textContent.trim() : ""))"""
    )
    print(labels)
    assert all(title and description for title, description in labels)


@pytest.mark.parametrize("url", sorted(DIAGRAMS))
def test_mermaid__renders_after_instant_navigation(url: str, session: Session) -> None:
    start = "conclusion/" if url != "conclusion/" else ""
    page = session.open(start)
    page.evaluate("window.sameDocument = true")
    page.evaluate(
        "url => { const a = document.createElement('a'); a.href = url; a.id = 'go';"
        " a.textContent = 'go'; document.querySelector('article').append(a); }",
        session.base_url + url,
    )
    page.click("#go")
    page.wait_for_url(session.base_url + url)
    rendered(page, DIAGRAMS[url])
    assert page.evaluate("window.sameDocument === true"), "expected an instant navigation"
    assert session.errors == [] and session.third_party == []


@pytest.mark.parametrize("url", sorted(DIAGRAMS))
def test_mermaid__renders_in_both_palettes(url: str, session: Session) -> None:
    page = session.open(url)
    rendered(page, DIAGRAMS[url])
    colours = []
    for _ in range(3):  # auto -> light -> dark -> auto
        media = page.get_attribute("body", "data-md-color-media")
        page.locator("form[data-md-component=palette] label:visible").first.click()
        page.wait_for_function(f"document.body.dataset.mdColorMedia !== '{media}'")
        page.wait_for_timeout(200)
        rendered(page, DIAGRAMS[url])
        colours.append(
            page.evaluate(
                "getComputedStyle(document.querySelector('article .mermaid')"
                ".shadowRoot.querySelector('.nodeLabel')).color"
            )
        )
    print(colours)
    assert len(set(colours)) > 1, "diagram colours should follow the palette"


def test_gate__broken_diagram_is_caught(session: Session, site: Path) -> None:
    """A diagram drawn in the browser (one not yet in the store) with a syntax error leaves
    no SVG and reports an error."""
    url = sorted(DIAGRAMS)[0]
    html = (site / url / "index.html").read_text(encoding="utf-8")
    broken = html.replace(
        "</article>",
        '<pre class="mermaid"><code>flowchart LR\n    A --> --></code></pre></article>',
        1,
    )
    assert broken != html
    session.page.route(
        session.base_url + url, lambda route: route.fulfill(body=broken, content_type="text/html")
    )
    page = session.open(url, settle=False)
    with pytest.raises(Exception, match="Timeout"):
        rendered(page, DIAGRAMS[url] + 1, timeout=3_000)
    print(session.errors)
    assert session.errors


def test_mermaid__undrawn_diagram_is_drawn_in_the_browser(session: Session, site: Path) -> None:
    """A diagram not yet in the store (just written, under `mkdocs serve`) still renders."""
    url = sorted(DIAGRAMS)[0]
    html = (site / url / "index.html").read_text(encoding="utf-8")
    extra = html.replace(
        "</article>",
        '<pre class="mermaid"><code>flowchart LR\n    accTitle: New\n    accDescr: A new diagram\n'
        "    A --> B</code></pre></article>",
        1,
    )
    session.page.route(
        session.base_url + url, lambda route: route.fulfill(body=extra, content_type="text/html")
    )
    rendered(session.open(url), DIAGRAMS[url] + 1)
    assert session.errors == []


def test_draw__names_the_file_and_line_of_a_broken_diagram(
    site: Path, browser: Browser, tmp_path: Path
) -> None:
    """`make prerender` stops on a diagram Mermaid cannot draw, naming where it is written."""
    source = "flowchart LR\n    A --> -->\n"
    drawn = diagrams.draw(site, {"broken": source, "fine": "flowchart LR\n    A --> B\n"}, browser)
    print(drawn)
    assert "error" in drawn["broken"] and drawn["fine"]["svg"].startswith("<svg")
    page = tmp_path / "docs" / "chapters" / "new.md"
    page.parent.mkdir(parents=True)
    page.write_text("# New\n\nText.\n\n```mermaid\n" + source + "```\n", encoding="utf-8")
    assert diagrams.locate(source, tmp_path / "docs") == f"{page}:5"
