"""The comparison section read on a desktop and on a phone, in both palettes: every table shows
all its columns, results and verdicts are text with a symbol, and old links land where their
section lives now."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from tests.browser.conftest import new_session

pytestmark = pytest.mark.browser

PAGES = (
    "comparison/",
    "comparison/evidence/",
    "comparison/metrics/",
    "comparison/coverage/",
    "comparison/methodology/",
)
VIEWPORTS = {"desktop": (1280, 900), "phone": (390, 844)}
SCHEMES = ("light", "dark")

# Every table, opened if it sits in a collapsed block: how much wider its content is than the
# box it is shown in (a table that scrolls sideways hides columns), and the page's own overflow.
OVERFLOW = """() => {
  document.querySelectorAll("details").forEach(d => d.open = true);
  const tables = [...document.querySelectorAll("article table")].map(t => {
    const box = t.closest(".md-typeset__scrollwrap") || t.parentElement;
    return {
      text: t.querySelector("th") ? t.querySelector("th").textContent.trim() : "",
      hidden: Math.max(t.scrollWidth - t.clientWidth, t.offsetWidth - box.clientWidth),
    };
  });
  return {
    tables,
    page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
  };
}"""


# Layout does not depend on the palette (axe checks both palettes on every page).
@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("url", PAGES)
def test_every_table_shows_every_column(
    url: str, viewport: str, browser: Browser, base_url: str
) -> None:
    width, height = VIEWPORTS[viewport]
    session = new_session(browser, base_url, viewport={"width": width, "height": height})
    try:
        session.open(url, settle=False)
        session.lay_out_everything()
        state = session.page.evaluate(OVERFLOW)
    finally:
        session.page.context.close()
    hiding = [t for t in state["tables"] if t["hidden"] > 1]
    print(url, viewport, len(state["tables"]), "tables", hiding)
    assert state["page"] <= 0, f"the page scrolls sideways by {state['page']} px"
    assert not hiding, f"tables wider than the column: {hiding}"


# Each result or verdict shown: its text, its symbol, its colour and the contrast of that colour
# on the page (WCAG relative luminance).
STATUSES = """() => {
  const rgb = s => s.match(/[\\d.]+/g).slice(0, 3).map(Number);
  const lum = ([r, g, b]) => [r, g, b].map(v => { v /= 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
    .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  const base = rgb(getComputedStyle(document.body).backgroundColor);
  return [...document.querySelectorAll(".ex01-status")].map(s => {
    const fg = lum(rgb(getComputedStyle(s).color)), back = lum(base);
    const [hi, lo] = fg > back ? [fg, back] : [back, fg];
    return {
      text: s.textContent.trim(),
      symbol: s.querySelector("[aria-hidden=true]")?.textContent || "",
      contrast: (hi + 0.05) / (lo + 0.05),
    };
  });
}"""
WORDS = {"holds", "fails", "unclear", "supported", "partly supported", "not supported"}


@pytest.mark.parametrize("scheme", SCHEMES)
def test_statuses_are_text_symbol_and_colour(scheme: str, browser: Browser, base_url: str) -> None:
    session = new_session(
        browser, base_url, viewport={"width": 390, "height": 844}, color_scheme=scheme
    )
    try:
        session.open("comparison/evidence/", settle=False)
        session.lay_out_everything()
        statuses = session.page.evaluate(STATUSES)
    finally:
        session.page.context.close()
    assert len(statuses) > 20
    for status in statuses:
        word = status["text"].removeprefix(status["symbol"]).strip()
        assert status["symbol"] in {"✓", "✗", "?", "◐"}, status
        assert word in WORDS, status
        assert status["contrast"] >= 4.5, status


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("comparison/#evidence-claim-3", "comparison/evidence/#evidence-claim-3"),
        ("comparison/#metrics-length", "comparison/metrics/#metrics-length"),
        ("comparison/#coverage-prompt-2", "comparison/coverage/#coverage-prompt-2"),
        ("comparison/#methodology-caveats", "comparison/methodology/#methodology-caveats"),
        ("comparison/#key-figures", "comparison/#key-figures"),
    ],
)
def test_an_old_link_lands_on_the_sections_new_page(
    old: str, new: str, browser: Browser, base_url: str
) -> None:
    session = new_session(browser, base_url, viewport={"width": 1280, "height": 900})
    try:
        page = session.open(old, settle=False)
        page.wait_for_url(base_url + new, timeout=5_000)
        anchor = new.partition("#")[2]
        assert page.locator(f"#{anchor}").count() == 1
        assert not session.errors
    finally:
        session.page.context.close()


def test_the_conclusion_links_each_point_to_its_check_and_back(
    browser: Browser, base_url: str
) -> None:
    session = new_session(browser, base_url, viewport={"width": 390, "height": 844})
    try:
        page = session.open("conclusion/", settle=False)
        for n in range(1, 5):
            link = page.locator(f"#claim-{n} .claim-check a")
            href = link.evaluate("a => a.href")
            assert href == f"{base_url}comparison/evidence/#evidence-claim-{n}"
        page = session.open("comparison/evidence/", settle=False)
        for n in range(1, 5):
            back = page.locator(f'#evidence-claim-{n} + blockquote a[href$="#claim-{n}"]')
            assert back.evaluate("a => a.href") == f"{base_url}conclusion/#claim-{n}"
    finally:
        session.page.context.close()
