"""The comparison's charts fit the content column, and their text is at least 11 px as shown, on
a phone and on a desktop, in both palettes."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser

from tests.browser.conftest import Session, new_session

pytestmark = pytest.mark.browser

# The page that shows the charts: the one place to change when it moves.
CHARTS_PAGE = "comparison/metrics/"
CHART_IMAGES = 'img[src*="assets/comparison/"]'
CHART_COUNT = 3
MIN_TEXT_PX = 11
VIEWPORTS = {
    "phone": {
        "viewport": {"width": 390, "height": 844},
        "device_scale_factor": 3,
        "is_mobile": True,
        "has_touch": True,
    },
    "desktop": {"viewport": {"width": 1280, "height": 900}},
}

# Each chart image as laid out, with the SVG it shows: the smallest font-size of its <text>s in
# viewBox units, scaled by the rendered width over the viewBox width, is its smallest text in px.
MEASURE = """async (selector) => Promise.all([...document.querySelectorAll(selector)].map(
  async (img) => {
    await img.decode();
    const source = await (await fetch(img.src)).text();
    const svg = new DOMParser().parseFromString(source, "image/svg+xml").documentElement;
    const viewBox = svg.getAttribute("viewBox").trim().split(/[\\s,]+/).map(Number);
    const sizes = [...svg.querySelectorAll("text")].map(
      (text) => parseFloat(text.getAttribute("style").match(/font-size:\\s*([\\d.]+)px/)[1]));
    const box = img.getBoundingClientRect();
    const column = img.parentElement.getBoundingClientRect();
    const style = getComputedStyle(img);
    return {
      src: img.getAttribute("src"), texts: sizes.length,
      width: box.width, left: box.left, right: box.right, natural: img.naturalWidth,
      columnLeft: column.left, columnRight: column.right,
      smallestPx: Math.min(...sizes) * box.width / viewBox[2],
      filter: style.filter, opacity: style.opacity,
    };
  }))"""


@pytest.fixture(params=sorted(VIEWPORTS))
def viewer(request: pytest.FixtureRequest, browser: Browser, base_url: str) -> Iterator[Session]:
    """The served site in a phone-sized or a desktop-sized page."""
    session = new_session(browser, base_url, **VIEWPORTS[request.param])
    yield session
    session.page.context.close()


def _charts(viewer: Session, scheme: str) -> tuple[list[dict], dict]:
    page = viewer.open(CHARTS_PAGE)
    viewer.lay_out_everything()
    page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
    page.wait_for_timeout(300)
    charts = page.evaluate(MEASURE, CHART_IMAGES)
    widths = page.evaluate(
        "({scroll: document.documentElement.scrollWidth,"
        " client: document.documentElement.clientWidth})"
    )
    print(charts, widths)
    return charts, widths


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_charts__fit_the_column_at_their_own_size_at_most(viewer: Session, scheme: str) -> None:
    charts, widths = _charts(viewer, scheme)
    assert len(charts) == CHART_COUNT
    assert widths["scroll"] <= widths["client"]
    for chart in charts:
        assert chart["columnLeft"] - 0.5 <= chart["left"]
        assert chart["right"] <= chart["columnRight"] + 0.5
        assert chart["width"] <= chart["natural"] + 0.5  # never blown up past its own size


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_charts__every_text_at_least_11px_as_shown(viewer: Session, scheme: str) -> None:
    charts, _ = _charts(viewer, scheme)
    small = [(c["src"], round(c["smallestPx"], 2)) for c in charts if c["smallestPx"] < MIN_TEXT_PX]
    assert len(charts) == CHART_COUNT and all(c["texts"] for c in charts)
    assert small == []


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_charts__shown_as_drawn(viewer: Session, scheme: str) -> None:
    # The charts' contrast is measured on their own plate (tests/unit/test_comparison_charts.py):
    # a palette that dimmed or inverted images would undo it.
    charts, _ = _charts(viewer, scheme)
    altered = [c["src"] for c in charts if c["filter"] != "none" or c["opacity"] != "1"]
    assert len(charts) == CHART_COUNT
    assert altered == []
