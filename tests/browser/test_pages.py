"""Every page loads in Chromium with no error and no request off the site."""

from __future__ import annotations

import pytest

from tests.browser.conftest import Session
from tests.conftest import PRINT_URL, URLS

pytestmark = pytest.mark.browser

# Besides the docs pages: the whole-report print page and the page a host serves for a
# missing address.
EVERY_PAGE = [*URLS, PRINT_URL, "404.html"]


@pytest.mark.parametrize("url", EVERY_PAGE)
def test_page__loads_without_errors(url: str, session: Session) -> None:
    page = session.open(url)
    page.wait_for_timeout(300)  # diagrams and search index load after the load event
    print(session.errors, session.third_party)
    assert page.locator("article h1").count() >= 1
    assert session.errors == []


@pytest.mark.parametrize("url", EVERY_PAGE)
def test_page__requests_nothing_off_the_site(url: str, session: Session) -> None:
    session.open(url)
    session.page.wait_for_timeout(300)
    print(session.third_party)
    assert session.third_party == []


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
