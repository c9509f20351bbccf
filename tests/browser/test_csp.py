"""The Content-Security-Policy (ex01.csp): no page breaks it, in either palette, and it blocks a
script injected into a page."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser

from tests.browser.conftest import Session, new_session
from tests.conftest import PRINT_URL, URLS

pytestmark = pytest.mark.browser

EVERY_PAGE = [*URLS, PRINT_URL, "404.html"]
# Records every violation the browser reports, from before the page's first script.
RECORD = """
window.__violations = []
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`)
})
"""


def _session(browser: Browser, base_url: str, scheme: str) -> Session:
    session = new_session(
        browser,
        base_url,
        viewport={"width": 1280, "height": 900},
        color_scheme=scheme,
        bypass_csp=False,
    )
    session.page.context.add_init_script(RECORD)
    return session


@pytest.fixture(scope="module", params=["light", "dark"])
def scheme_session(request, browser: Browser, base_url: str) -> Iterator[Session]:
    session = _session(browser, base_url, request.param)
    yield session
    session.page.context.close()


@pytest.mark.parametrize("url", EVERY_PAGE)
def test_csp__no_violation_on_any_page(url: str, scheme_session: Session) -> None:
    page = scheme_session.open(url)
    page.wait_for_timeout(200)  # the search index and the sitemap load after the load event
    violations = page.evaluate("window.__violations")
    policy = page.locator('meta[http-equiv="Content-Security-Policy"]')
    print(violations)
    assert policy.count() == 1
    assert violations == []


def test_csp__no_violation_through_instant_navigation_and_the_palette_toggle(
    browser: Browser, base_url: str
) -> None:
    """Instant navigation keeps the first page's policy for every page it shows."""
    session = _session(browser, base_url, "light")
    page = session.open("")
    page.locator("nav.md-nav a[href$='chapters/transformers/']").first.click()
    page.wait_for_url("**/chapters/transformers/")
    page.locator("nav.md-nav a[href$='answers/gemini/scaling/']").first.click()
    page.wait_for_url("**/answers/gemini/scaling/")
    page.locator("form[data-md-component=palette] label:visible").first.click()
    page.wait_for_timeout(300)
    violations = page.evaluate("window.__violations")
    print(violations, session.errors)
    assert violations == []
    session.page.context.close()


def test_csp__blocks_a_script_injected_into_a_page(browser: Browser, base_url: str, site) -> None:
    """Raw `<script>` and `onerror=` in a page's Markdown reach the page; the policy stops both."""
    html = (site / "index.html").read_text(encoding="utf-8")
    injected = html.replace(
        "</article>",
        "<script>window.__injected = true</script>"
        '<img src="missing.png" alt="" onerror="window.__onerror = true"></article>',
        1,
    )
    assert injected != html
    session = _session(browser, base_url, "light")
    session.page.route(
        base_url, lambda route: route.fulfill(body=injected, content_type="text/html")
    )
    page = session.open("", settle=False)
    page.wait_for_timeout(500)
    ran = page.evaluate("[window.__injected === true, window.__onerror === true]")
    violations = page.evaluate("window.__violations")
    print(ran, violations)
    assert ran == [False, False]
    assert len([v for v in violations if v.startswith("script-src")]) == 2
    session.page.context.close()
