"""Every page loads in Chromium with no error and no request off the site."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser

from tests.browser.conftest import Session, new_session
from tests.conftest import PRINT_URL, URLS

pytestmark = pytest.mark.browser

# Besides the docs pages: the whole-report print page and the page a host serves for a
# missing address.
EVERY_PAGE = [*URLS, PRINT_URL, "404.html"]


@pytest.fixture(scope="module", params=EVERY_PAGE)
def loaded(request, browser: Browser, base_url: str) -> Iterator[Session]:
    """Each page loaded once, for both checks below: what it logged and what it requested."""
    session = new_session(browser, base_url, viewport={"width": 1280, "height": 900})
    page = session.open(request.param)
    page.wait_for_timeout(300)  # diagrams and search index load after the load event
    yield session
    session.page.context.close()


def test_page__loads_without_errors(loaded: Session) -> None:
    print(loaded.errors, loaded.third_party)
    assert loaded.page.locator("article h1").count() >= 1
    assert loaded.errors == []


def test_page__requests_nothing_off_the_site(loaded: Session) -> None:
    print(loaded.third_party)
    assert loaded.third_party == []


def test_gate__third_party_script_is_caught(session: Session) -> None:
    """A page that loads a CDN script fails both checks above."""
    page = session.open("")
    page.evaluate(
        """() => { const s = document.createElement("script");
                   s.src = "https://cdn.jsdelivr.net/npm/left-pad@1.3.0/index.js";
                   document.head.append(s); }"""
    )
    page.wait_for_timeout(300)
    print(session.third_party, session.errors)
    assert session.third_party == ["https://cdn.jsdelivr.net/npm/left-pad@1.3.0/index.js"]
    assert any("ERR_FAILED" in error for error in session.errors)
