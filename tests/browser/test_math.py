"""Every formula is typeset by the site's own KaTeX (ahead of time, or in the browser for one
not yet in the store) and styled by its stylesheet: on direct load and after instant navigation."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from tests.browser.conftest import Session
from tests.conftest import DOCS, PAGES, page_url

pytestmark = pytest.mark.browser

# Pages whose source holds formulas ($...$ or $$ blocks).
MATH = [page_url(page) for page in PAGES if "$" in (DOCS / page).read_text(encoding="utf-8")]


def typeset(page: Page, timeout: float = 10_000) -> int:
    """Wait until every formula on the page is typeset; return how many there are."""
    page.wait_for_function(
        "[...document.querySelectorAll('.arithmatex')].every(n => n.querySelector('.katex'))",
        timeout=timeout,
    )
    # KaTeX's stylesheet hides the MathML copy (kept for screen readers) from view.
    page.wait_for_function(
        "getComputedStyle(document.querySelector('.arithmatex .katex-mathml')).position"
        " === 'absolute'",
        timeout=timeout,
    )
    return page.locator(".arithmatex").count()


def test_math__some_pages_have_formulas() -> None:
    print(MATH)
    assert MATH


@pytest.mark.parametrize("url", MATH)
def test_math__typeset_on_direct_load(url: str, session: Session) -> None:
    count = typeset(session.open(url))
    print(count)
    assert count > 0
    assert session.errors == [] and session.third_party == []


def test_math__typeset_after_instant_navigation(session: Session) -> None:
    page = session.open("")
    page.evaluate("window.sameDocument = true")
    page.locator("nav.md-nav--primary a", has_text="Variational autoencoders").first.click()
    page.wait_for_url(session.base_url + "chapters/vaes/")
    # The address changes before the new content is in: wait for the page's formulas to arrive.
    page.wait_for_function("document.querySelectorAll('article .arithmatex').length > 0")
    assert typeset(page) > 0
    assert page.evaluate("window.sameDocument === true"), "expected an instant navigation"
    assert session.errors == [] and session.third_party == []


def _with_raw_formula(session: Session, site, url: str, *formulas: str) -> None:
    """Serves `url` with more formulas, left as LaTeX as if they were not yet in the store."""
    html = (site / url / "index.html").read_text(encoding="utf-8")
    spans = "".join(f'<span class="arithmatex">\\({tex}\\)</span> ' for tex in formulas)
    extra = html.replace("</article>", f"<p>{spans}</p></article>", 1)
    assert extra != html
    session.page.route(
        session.base_url + url,
        lambda route: route.fulfill(body=extra, content_type="text/html"),
    )


def test_math__untypeset_formula_is_typeset_in_the_browser(session: Session, site) -> None:
    """A formula just written (under `mkdocs serve`, before `make prerender`) still renders."""
    url = MATH[0]
    _with_raw_formula(session, site, url, "x^2")
    page = session.open(url, settle=False)
    count = typeset(page)
    assert page.locator(".arithmatex:not([data-formula]) .katex").count() == 1
    assert count > 1 and session.errors == []


def test_math__a_bad_formula_is_marked_and_the_rest_still_typeset(session: Session, site) -> None:
    """One formula KaTeX cannot parse once stopped every later one on the page."""
    url = MATH[0]
    _with_raw_formula(session, site, url, "\\frac{", "x^3")
    page = session.open(url, settle=False)
    page.wait_for_selector(".arithmatex--error", timeout=10_000)
    bad = page.locator(".arithmatex--error")
    good = page.locator(".arithmatex:not([data-formula]):not(.arithmatex--error) .katex")
    print(bad.get_attribute("title"), good.count())
    assert bad.count() == 1
    assert "could not be typeset" in (bad.get_attribute("title") or "")
    assert good.count() == 1
    assert session.errors == []
