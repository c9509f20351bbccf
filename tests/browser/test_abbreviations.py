"""An abbreviation's expansion on a tap (phone), a click or keyboard focus, hidden by Escape
(assets/javascripts/abbr.js); the browser's own title tooltip stays for hover."""

from __future__ import annotations

import pytest

from tests.browser.conftest import Session

pytestmark = pytest.mark.browser

PAGE = "answers/chatgpt/scaling/"
FIRST = "article > p abbr[tabindex]"
EXPANSION = "#abbr-expansion"


def test_abbreviations__tap_shows_the_expansion_on_a_phone(phone: Session) -> None:
    page = phone.open(PAGE)
    abbr = page.locator(FIRST).first
    title = abbr.get_attribute("title")
    abbr.scroll_into_view_if_needed()
    abbr.tap()
    expansion = page.locator(EXPANSION)
    expansion.wait_for(state="visible", timeout=2_000)
    box, under = expansion.bounding_box(), abbr.bounding_box()
    print(title, box, under)
    assert title and expansion.text_content() == title
    assert abbr.get_attribute("aria-describedby") == "abbr-expansion"
    # Just below the abbreviation, and inside the screen.
    assert box["y"] >= under["y"] + under["height"] and box["y"] - under["y"] < 60
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    # A tap elsewhere hides it.
    page.locator("article h1").tap()
    expansion.wait_for(state="hidden", timeout=2_000)
    assert phone.errors == []


def test_abbreviations__keyboard_focus_shows_and_escape_hides(session: Session) -> None:
    page = session.open(PAGE)
    abbr = page.locator(FIRST).first
    abbr.focus()
    expansion = page.locator(EXPANSION)
    expansion.wait_for(state="visible", timeout=2_000)
    assert expansion.text_content() == abbr.get_attribute("title")
    page.keyboard.press("Escape")
    expansion.wait_for(state="hidden", timeout=2_000)
    assert abbr.get_attribute("aria-describedby") is None
    page.keyboard.press("Enter")
    expansion.wait_for(state="visible", timeout=2_000)
    assert session.errors == []


def test_abbreviations__hover_keeps_the_title_tooltip_at_desktop_size(session: Session) -> None:
    page = session.open(PAGE)
    abbr = page.locator(FIRST).first
    abbr.hover()
    page.wait_for_timeout(200)
    # The browser's tooltip is drawn outside the page; what it shows is the title, still there,
    # and hovering alone opens nothing of ours over the text.
    print(abbr.get_attribute("title"))
    assert abbr.get_attribute("title")
    assert page.locator(f"{EXPANSION}:visible").count() == 0
    abbr.click()
    page.locator(EXPANSION).wait_for(state="visible", timeout=2_000)


def test_abbreviations__work_after_instant_navigation(session: Session) -> None:
    page = session.open("")
    page.locator(f'nav.md-nav--primary a[href$="{PAGE}"]').first.click()
    page.wait_for_url(f"**/{PAGE}")
    page.locator(FIRST).first.wait_for()
    # Focus the first of them and show it, as on a page loaded directly.
    page.locator(FIRST).first.focus()
    page.locator(EXPANSION).wait_for(state="visible", timeout=2_000)
    assert page.locator(EXPANSION).text_content() == page.locator(FIRST).first.get_attribute(
        "title"
    )
    assert session.errors == []
