"""Footnote markers next to each other read as separate numbers (extra.css)."""

from __future__ import annotations

import pytest

from tests.browser.conftest import Session

pytestmark = pytest.mark.browser

# On chapters/transformers/, "…just like word embeddings." cites two sources in a row.
MARKERS = """() => [...document.querySelectorAll("article sup[id^='fnref']")]
  .filter(sup => sup.nextElementSibling && sup.nextElementSibling.matches("sup[id^='fnref']")
    && sup.nextSibling === sup.nextElementSibling)
  .map(sup => sup.textContent + getComputedStyle(sup.nextElementSibling, "::before").content
    + sup.nextElementSibling.textContent)"""


def test_footnotes__adjacent_markers_are_separated(session: Session) -> None:
    page = session.open("chapters/transformers/")
    pairs = page.evaluate(MARKERS)
    print(pairs)
    assert pairs  # the chapter has such pairs; without any, this test would prove nothing
    # Each pair reads first number, the comma the stylesheet puts before the second, second.
    assert all(pair.count('","') == 1 for pair in pairs), pairs
