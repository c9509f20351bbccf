"""The copy buttons: "copy link to this section" on headings and the "Cite this page" entries."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import Session

pytestmark = pytest.mark.browser

PAGE = "chapters/scaling/"


@pytest.fixture
def clipboard(session: Session) -> Session:
    session.page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    return session


def _clipboard(session: Session) -> str:
    return session.page.evaluate("navigator.clipboard.readText()")


def test_copy_link__every_heading_has_one(session: Session) -> None:
    page = session.open(PAGE, settle=False)
    headings = page.locator("article :is(h2, h3)[id]")
    buttons = page.locator("article :is(h2, h3)[id] > button.copy-link")
    assert headings.count() > 5
    assert buttons.count() == headings.count()


def test_copy_link__keyboard_copies_the_full_address_and_announces_it(clipboard: Session) -> None:
    page = clipboard.open(PAGE, settle=False)
    button = page.locator("#chinchilla > button.copy-link")
    expect(button).to_have_accessible_name(
        "Copy link to section: Compute-optimal training: Chinchilla"
    )
    button.focus()
    expect(button).to_have_css("opacity", "1")  # a keyboard user sees what has focus
    page.keyboard.press("Enter")
    status = page.get_by_role("status")
    expect(status).to_have_text("Link to this section copied to the clipboard")
    assert _clipboard(clipboard) == f"{clipboard.base_url}{PAGE}#chinchilla"


def test_copy_link__works_after_instant_navigation(clipboard: Session) -> None:
    page = clipboard.open("", settle=False)
    page.locator("nav.md-nav a[href$='chapters/scaling/']").first.click()
    page.wait_for_url(f"**/{PAGE}")
    page.locator("#timeline > button.copy-link").click()
    expect(page.get_by_role("status")).to_have_text("Link to this section copied to the clipboard")
    assert _clipboard(clipboard) == f"{clipboard.base_url}{PAGE}#timeline"


def test_cite__copy_buttons_copy_each_entry(clipboard: Session) -> None:
    page = clipboard.open(PAGE, settle=False)
    page.locator("details.cite > summary").click()
    page.get_by_role("button", name="Copy the BibTeX entry").click()
    expect(page.get_by_role("status")).to_have_text("Citation copied to the clipboard")
    assert _clipboard(clipboard) == page.locator("details.cite pre code").inner_text()
    page.get_by_role("button", name="Copy the APA citation").click()
    expect(page.get_by_role("status")).to_have_text("Citation copied to the clipboard")
    apa = " ".join(page.locator("details.cite p.cite__entry").inner_text().split())
    assert _clipboard(clipboard) == apa
