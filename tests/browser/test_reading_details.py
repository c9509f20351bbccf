"""Reading details a student notices: page titles, the citation block, copied addresses, wide
diagrams and formulas, the glossary's letter bar, section pages and the home page's first screen."""

from __future__ import annotations

import base64
import functools
import threading
from collections.abc import Iterator
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from mkdocs.config import load_config
from playwright.sync_api import Browser, Locator, expect

from tests.browser.conftest import Session, new_session
from tests.conftest import DOCS, PAGES, ROOT
from tests.support.permalinks import page_url

pytestmark = pytest.mark.browser

WIDTHS = {"desktop": (1280, 800), "phone": (390, 844)}


def _open(browser: Browser, base_url: str, width: str, scheme: str = "light") -> Session:
    w, h = WIDTHS[width]
    return new_session(browser, base_url, viewport={"width": w, "height": h}, color_scheme=scheme)


@pytest.fixture(params=sorted(WIDTHS))
def sized(request: pytest.FixtureRequest, browser: Browser, base_url: str) -> Iterator[Session]:
    """A page at each width the details show at (1280 and 390 px)."""
    session = _open(browser, base_url, request.param)
    yield session
    session.page.context.close()


# --- Page titles ---------------------------------------------------------------------------------

# Where the title's last text line is, and where the permalink and copy button sit.
TITLE_GEOMETRY = """() => {
  const h1 = document.querySelector("article h1")
  const link = h1.querySelector(".headerlink")
  const text = document.createRange()
  text.setStartBefore(h1.firstChild)
  text.setEndBefore(link)
  const lines = [...text.getClientRects()]
  const last = lines.reduce((a, b) => (b.bottom > a.bottom ? b : a))
  const button = h1.querySelector(".copy-link").getBoundingClientRect()
  const box = h1.getBoundingClientRect()
  return {
    lineHeight: parseFloat(getComputedStyle(h1).lineHeight),
    textBottom: last.bottom, lastTop: last.top, boxBottom: box.bottom,
    buttonTop: button.top, buttonBottom: button.bottom,
  }
}"""

TITLED = ["", "comparison/", "conclusion/", "answers/chatgpt/foundations/", "chapters/scaling/"]


@pytest.mark.parametrize("path", TITLED)
def test_title__copy_button_sits_on_its_last_line(sized: Session, path: str) -> None:
    """No line of the title holds only the permalink and the copy button (a 42 px gap)."""
    sized.open(path, settle=False)
    g = sized.page.evaluate(TITLE_GEOMETRY)
    print(path, g)
    # The title's box ends with its text's last line, not a line below it.
    assert g["boxBottom"] - g["textBottom"] < g["lineHeight"] / 2
    # The button is inside that last line.
    assert g["buttonTop"] >= g["textBottom"] - g["lineHeight"]
    assert g["buttonBottom"] <= g["boxBottom"] + 1


# --- Cite this page ------------------------------------------------------------------------------

CITE_GEOMETRY = """() => {
  const summary = document.querySelector("details.cite > summary")
  const box = summary.getBoundingClientRect()
  const icon = getComputedStyle(summary, "::before")
  const iconLeft = box.left + parseFloat(icon.left)
  const label = document.createRange()
  label.selectNodeContents(summary)
  const text = label.getBoundingClientRect()
  const apa = document.querySelector("details.cite p.cite__entry")
  const bibtex = document.querySelector("details.cite pre.cite__entry code")
  return {
    iconLeft, iconRight: iconLeft + parseFloat(icon.width), textLeft: text.left,
    apaSize: getComputedStyle(apa).fontSize, bibtexSize: getComputedStyle(bibtex).fontSize,
    bibtexOverflow: bibtex.scrollWidth - bibtex.clientWidth,
  }
}"""


def test_cite__icon_clear_of_label_and_entries_one_size(sized: Session) -> None:
    page = sized.open("chapters/scaling/", settle=False)
    page.locator("details.cite > summary").click()
    g = page.evaluate(CITE_GEOMETRY)
    print(g)
    assert g["iconRight"] <= g["textLeft"], "the disclosure icon overlaps 'Cite this page'"
    assert g["apaSize"] == g["bibtexSize"]
    assert float(g["apaSize"].removesuffix("px")) >= 12
    assert g["bibtexOverflow"] <= 0, "the BibTeX entry runs past its box"


# --- Copied addresses ----------------------------------------------------------------------------

MIRROR_PREFIX = "/mirror"


class _MirrorHandler(SimpleHTTPRequestHandler):
    """The built site under a sub-path, as a copy hosted elsewhere would serve it."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_head(self):  # SimpleHTTPRequestHandler's own signature
        if not self.path.startswith(MIRROR_PREFIX + "/"):
            self.send_error(HTTPStatus.NOT_FOUND)
            return None
        self.path = self.path.removeprefix(MIRROR_PREFIX)
        return super().send_head()


@pytest.fixture(scope="module")
def mirror_url(site: Path) -> Iterator[str]:
    """The same build served on another port under /mirror/, with no rebuild."""
    handler = functools.partial(_MirrorHandler, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}{MIRROR_PREFIX}/"
    server.shutdown()
    server.server_close()


@pytest.fixture
def mirror(browser: Browser, mirror_url: str) -> Iterator[Session]:
    session = new_session(browser, mirror_url, viewport={"width": 1280, "height": 900})
    session.page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    yield session
    session.page.context.close()


def _clipboard(session: Session) -> str:
    return session.page.evaluate("navigator.clipboard.readText()")


def test_copy__heading_link_names_the_address_served(mirror: Session, base_url: str) -> None:
    page = mirror.open("chapters/scaling/", settle=False)
    page.locator("#chinchilla > button.copy-link").click()
    expect(page.get_by_role("status")).to_have_text("Link to this section copied to the clipboard")
    assert _clipboard(mirror) == f"{mirror.base_url}chapters/scaling/#chinchilla"


def test_copy__citation_names_the_address_served(mirror: Session, base_url: str) -> None:
    """The build's site_url is the first server's address; the mirror's citations name it."""
    page = mirror.open("chapters/scaling/", settle=False)
    here = f"{mirror.base_url}chapters/scaling/"
    page.locator("details.cite > summary").click()
    expect(page.locator("details.cite p.cite__entry a")).to_have_attribute("href", here)
    expect(page.locator("details.cite p.cite__entry")).to_contain_text(here)
    expect(page.locator("details.cite pre code")).to_contain_text(f"url = {{{here}}}")
    page.get_by_role("button", name="Copy the APA citation").click()
    expect(page.get_by_role("status")).to_have_text("Citation copied to the clipboard")
    apa = _clipboard(mirror)
    assert apa.endswith(f". {here}") and base_url not in apa
    page.get_by_role("button", name="Copy the BibTeX entry").click()
    bibtex = _clipboard(mirror)
    assert f"url = {{{here}}}" in bibtex and base_url not in bibtex
    # The meta tags reference managers read stay the build's.
    assert page.locator('meta[name="citation_public_url"]').get_attribute("content") == (
        f"{base_url}chapters/scaling/"
    )


def test_copy__citation_keeps_the_build_address_where_it_is_served(session: Session) -> None:
    page = session.open("chapters/scaling/", settle=False)
    page.locator("details.cite > summary").click()
    expect(page.locator("details.cite p.cite__entry a")).to_have_attribute(
        "href", f"{session.base_url}chapters/scaling/"
    )


# --- Wide diagrams -------------------------------------------------------------------------------

DIAGRAM_PAGES = sorted(
    page_url(page) for page in PAGES if "```mermaid" in (DOCS / page).read_text(encoding="utf-8")
)
# For each diagram: the smallest label as drawn (its font size times the SVG's scale), whether
# it scrolls in its box, and its tabindex.
DIAGRAM_LABELS = """() => [...document.querySelectorAll("article div.mermaid")].map((div) => {
  const svg = div.shadowRoot.querySelector("svg")
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width
  const labels = [...svg.querySelectorAll(".nodeLabel, .edgeLabel, text")]
    .filter((node) => node.textContent.trim())
  return {
    smallest: Math.min(...labels.map((node) => parseFloat(getComputedStyle(node).fontSize)))
      * scale,
    scrolls: div.scrollWidth > div.clientWidth + 1,
    tabindex: div.getAttribute("tabindex"),
  }
})"""


@pytest.mark.parametrize("url", DIAGRAM_PAGES)
def test_diagram__labels_legible_at_both_widths(sized: Session, url: str) -> None:
    """Labels of 11 px or more; a diagram that cannot shrink that far scrolls in its own box."""
    page = sized.open(url)
    sized.lay_out_everything()
    diagrams = page.evaluate(DIAGRAM_LABELS)
    print(url, diagrams)
    assert diagrams
    for diagram in diagrams:
        assert diagram["smallest"] >= 11
        if diagram["scrolls"]:
            assert diagram["tabindex"] == "0"
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_diagram__wide_one_shows_it_scrolls(browser: Browser, base_url: str, scheme: str) -> None:
    """chapters/foundations/ has a diagram too wide for any column at a legible size."""
    session = _open(browser, base_url, "phone", scheme)
    try:
        page = session.open("chapters/foundations/")
        diagram = page.locator("article div.mermaid").first
        diagram.scroll_into_view_if_needed()
        # The drawing hidden, the box shows only its background: shadows or none.
        diagram.evaluate(
            "(div) => { div.shadowRoot.querySelector('svg').style.visibility = 'hidden' }"
        )
        background = page.evaluate(
            "() => { const [r, g, b] = getComputedStyle(document.body).backgroundColor"
            ".match(/\\d+/g).map(Number); return (r + g + b) / 3 }"
        )
        start = _edge_colours(session, diagram)
        diagram.evaluate("(div) => { div.scrollLeft = div.scrollWidth }")
        end = _edge_colours(session, diagram)
        print(scheme, background, start, end)
        assert abs(start["left"] - background) < 3 and abs(start["right"] - background) > 10
        assert abs(end["left"] - background) > 10 and abs(end["right"] - background) < 3
    finally:
        session.page.context.close()


# --- Wide formulas -------------------------------------------------------------------------------

# The mean colour of the outermost 4 px on each side of a box of the screenshot, decoded in the
# page (no image library needed): a shadow there differs from the page's background.
EDGE_COLOURS = """async ([png, width, height]) => {
  const image = new Image()
  image.src = `data:image/png;base64,${png}`
  await image.decode()
  const canvas = document.createElement("canvas")
  canvas.width = width
  canvas.height = height
  const context = canvas.getContext("2d")
  context.drawImage(image, 0, 0, width, height)
  const mean = (x) => {
    const data = context.getImageData(x, 0, 4, height).data
    let sum = 0
    for (let i = 0; i < data.length; i += 4) sum += data[i] + data[i + 1] + data[i + 2]
    return sum / (data.length / 4) / 3
  }
  return { left: mean(0), right: mean(width - 4) }
}"""


def _edge_colours(session: Session, block: Locator) -> dict[str, float]:
    box = block.bounding_box()
    assert box is not None
    png = block.screenshot(animations="disabled")
    return session.page.evaluate(
        EDGE_COLOURS, [base64.b64encode(png).decode(), round(box["width"]), round(box["height"])]
    )


def _edges(session: Session, index: int) -> dict[str, float]:
    return _edge_colours(session, session.page.locator("article div.arithmatex").nth(index))


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_formula__wide_one_shows_it_scrolls_on_a_phone(
    browser: Browser, base_url: str, scheme: str
) -> None:
    """chapters/training/ has display formulas wider than a 390 px column."""
    session = new_session(
        browser,
        base_url,
        viewport={"width": 390, "height": 844},
        is_mobile=True,
        has_touch=True,
        color_scheme=scheme,
    )
    try:
        page = session.open("chapters/training/")
        session.lay_out_everything()
        # The glyphs hidden, the formula's box shows only its background: shadows or none.
        page.add_style_tag(content="typeset-formula { visibility: hidden; }")
        indexes = page.evaluate(
            """() => [...document.querySelectorAll("article div.arithmatex")]
              .map((node, i) => (node.scrollWidth > node.clientWidth + 1 ? i : -1))
              .filter((i) => i >= 0)"""
        )
        assert indexes, "no formula is wider than the column: the test checks nothing"
        background = (
            255
            if scheme == "light"
            else page.evaluate(
                "() => parseInt(getComputedStyle(document.body).backgroundColor.split(',')[1])"
            )
        )
        for index in indexes:
            formula = page.locator("article div.arithmatex").nth(index)
            formula.scroll_into_view_if_needed()
            expect(formula).to_have_attribute("tabindex", "0")
            start = _edges(session, index)
            formula.focus()
            page.keyboard.press("ArrowRight")  # the keyboard scrolls it
            page.wait_for_function(
                "(n) => document.querySelectorAll('article div.arithmatex')[n].scrollLeft > 0",
                arg=index,
            )
            formula.evaluate("(node) => { node.scrollLeft = node.scrollWidth; node.blur() }")
            end = _edges(session, index)
            print(index, scheme, background, start, end)
            # At the start: a shadow at the right edge only; at the end, at the left only.
            assert abs(start["left"] - background) < 3
            assert abs(start["right"] - background) > 10
            assert abs(end["left"] - background) > 10
            assert abs(end["right"] - background) < 3
    finally:
        session.page.context.close()


# --- The glossary's A-Z bar ----------------------------------------------------------------------

GLOSSARY = """() => {
  const bar = document.querySelector("article nav.letters")
  const sections = [...document.querySelectorAll("article h2[id]")]
  const misfiled = []
  for (const h2 of sections) {
    const letter = h2.firstChild.textContent.trim()
    let node = h2.nextElementSibling
    while (node && node.tagName !== "H2") {
      if (node.tagName === "H3" && node.textContent.trim()[0].toUpperCase() !== letter) {
        misfiled.push(`${node.textContent.trim()} under ${letter}`)
      }
      node = node.nextElementSibling
    }
  }
  return {
    top: bar ? bar.getBoundingClientRect().top : null,
    bottom: bar ? bar.getBoundingClientRect().bottom : null,
    links: bar ? [...bar.querySelectorAll("a")].map((a) => [a.textContent, a.hash]) : [],
    sections: sections.map((h2) => [h2.firstChild.textContent.trim(), `#${h2.id}`]),
    misfiled,
  }
}"""


def test_glossary__letter_bar_on_the_first_screen_links_every_letter(sized: Session) -> None:
    page = sized.open("glossary/", settle=False)
    found = page.evaluate(GLOSSARY)
    print(found)
    assert found["top"] is not None, "no A-Z bar"
    assert found["bottom"] <= page.viewport_size["height"]
    assert found["links"] == found["sections"]
    letters = [letter for letter, _ in found["links"]]
    assert letters == sorted(letters)
    assert found["misfiled"] == []
    page.locator("article nav.letters").get_by_role("link", name="M", exact=True).click()
    page.wait_for_url("**/glossary/#m")
    expect(page.locator("#m")).to_be_in_viewport()


# --- Section index pages -------------------------------------------------------------------------


def _first_page(entry: str | dict) -> str:
    """The page a navigation entry opens: a page, or a section's first page (its index)."""
    value = next(iter(entry.values())) if isinstance(entry, dict) else entry
    return _first_page(value[0]) if isinstance(value, list) else value


def _sections(nav: list, found: dict[str, list[str]]) -> dict[str, list[str]]:
    """Each section's index page (its first entry, an index.md) -> the pages listed after it."""
    for entry in nav:
        value = next(iter(entry.values())) if isinstance(entry, dict) else entry
        if isinstance(value, list):
            first = _first_page(value[0])
            if first.endswith("index.md"):
                found[first] = [_first_page(item) for item in value[1:]]
            _sections(value, found)
    return found


SECTIONS = _sections(load_config(str(ROOT / "mkdocs.yml"))["nav"], {})


def test_sections__every_address_of_a_section_has_its_index() -> None:
    assert sorted(page_url(page) for page in SECTIONS) == [
        "answers/",
        "answers/chatgpt/",
        "answers/gemini/",
        "chapters/",
        "comparison/",
        "side-by-side/",
    ]


@pytest.mark.parametrize("index", sorted(SECTIONS))
def test_sections__index_page_links_every_page_in_it(session: Session, index: str) -> None:
    url = page_url(index)
    response = session.page.goto(session.base_url + url, wait_until="networkidle")
    assert response is not None and response.status == 200
    links = session.page.evaluate(
        """() => [...document.querySelectorAll("article a[href]")]
          .map((a) => new URL(a.href, location.href).pathname)"""
    )
    expected = {f"/{page_url(page)}" for page in SECTIONS[index]}
    print(url, links)
    assert expected <= set(links), f"{url} leaves out {sorted(expected - set(links))}"
    # Each listed page comes with a line saying what it holds, not a bare link.
    items = session.page.locator("article :is(ol, ul) > li:has(a)")
    assert items.count() >= len([p for p in SECTIONS[index] if not p.endswith("index.md")])
    for text in items.all_inner_texts():
        assert ":" in text and len(text.split(":", 1)[1].split()) >= 3, text


# --- The home page's first screen ----------------------------------------------------------------

FIRST_SCREEN_LINKS = """() => [...document.querySelectorAll("article a[href]")]
  .filter((a) => {
    const box = a.getBoundingClientRect()
    return box.width > 0 && box.top >= 0 && box.bottom <= innerHeight
  })
  .map((a) => new URL(a.href, location.href).pathname)"""


def test_home__first_screen_leads_to_chapters_comparison_and_answers(sized: Session) -> None:
    sized.open("", settle=False)
    links = set(sized.page.evaluate(FIRST_SCREEN_LINKS))
    print(links)
    for section in ("chapters/", "comparison/", "answers/"):
        assert f"/{section}" in links, f"no link to {section} on the first screen"
