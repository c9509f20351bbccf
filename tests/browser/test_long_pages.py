"""Long pages lay out only what is near the viewport (extra.css, content-visibility), and
still load without shifting and open at a linked section."""

from __future__ import annotations

import pytest

from tests.browser.conftest import Session

pytestmark = pytest.mark.browser

# The two heaviest pages (README, Benchmarks), and a section near each one's end.
LONG_PAGES = {
    "chapters/transformers/": "check-your-understanding",
    "comparison/": "methodology",
}
# Layout shift seen by the page itself (the Layout Instability API), not caused by input.
RECORD_SHIFTS = """
window.layoutShift = 0;
new PerformanceObserver(list => {
  for (const entry of list.getEntries()) {
    if (!entry.hadRecentInput) window.layoutShift += entry.value;
  }
}).observe({type: "layout-shift", buffered: true});
"""


@pytest.mark.parametrize("url", LONG_PAGES)
def test_long_page__far_blocks_not_laid_out_on_load(url: str, phone: Session) -> None:
    page = phone.open(url)
    state = page.evaluate(
        """() => {
          const blocks = [...document.querySelectorAll("article.md-typeset > *")];
          const deferred = blocks.filter(b => getComputedStyle(b).contentVisibility === "auto");
          // A block that is not laid out hides its content (the block itself stays visible).
          const skipped = deferred.filter(b => b.querySelector("*")
            && !b.querySelector("*").checkVisibility({contentVisibilityAuto: true}));
          return {blocks: blocks.length, deferred: deferred.length, skipped: skipped.length};
        }"""
    )
    print(state)
    assert state["deferred"] > state["blocks"] / 2
    assert state["skipped"] > 0


@pytest.mark.parametrize("url", LONG_PAGES)
def test_long_page__loads_without_layout_shift(url: str, phone: Session) -> None:
    phone.page.context.add_init_script(RECORD_SHIFTS)
    page = phone.open(url)
    page.wait_for_timeout(1000)
    shift = page.evaluate("window.layoutShift")
    print(f"{url}: cumulative layout shift {shift:.4f}")
    # Lighthouse counts up to 0.1 as good; the pages shifted 0 before deferring layout.
    assert shift < 0.01


@pytest.mark.parametrize(("url", "section"), LONG_PAGES.items())
def test_long_page__opens_at_a_linked_late_section(url: str, section: str, phone: Session) -> None:
    page = phone.open(f"{url}#{section}")
    page.wait_for_timeout(1000)  # blocks around the target are laid out as they come into view
    top = page.locator(f"#{section}").evaluate("node => node.getBoundingClientRect().top")
    header = page.locator("header.md-header").evaluate("node => node.offsetHeight")
    print(f"#{section} top {top}px, header {header}px")
    assert header - 1 <= top <= header + 100
