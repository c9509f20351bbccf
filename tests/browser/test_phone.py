"""At a phone size (390x844) no page scrolls sideways and the navigation opens."""

from __future__ import annotations

import pytest

from tests.browser.conftest import Session
from tests.conftest import URLS

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("url", URLS)
def test_phone__no_horizontal_scroll(url: str, phone: Session) -> None:
    page = phone.open(url)
    # A block left unlaid-out clips what overflows it: a block too wide for a phone must be
    # caught here, not merely clipped.
    phone.lay_out_everything()
    page.wait_for_timeout(300)
    widths = page.evaluate(
        "({scroll: document.documentElement.scrollWidth,"
        " client: document.documentElement.clientWidth})"
    )
    print(widths)
    assert widths["scroll"] <= widths["client"]


@pytest.mark.parametrize("url", URLS)
def test_phone__navigation_opens(url: str, phone: Session) -> None:
    page = phone.open(url)
    drawer = page.locator("nav.md-nav--primary")
    page.locator("label.md-header__button[for=__drawer]").click()
    page.wait_for_timeout(400)  # the drawer slides in
    box = drawer.bounding_box()
    print(box)
    assert box is not None and box["x"] >= 0 and box["width"] > 200
    assert page.locator("nav.md-nav--primary a.md-nav__link:visible").count() > 0
