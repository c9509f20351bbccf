"""The side-by-side pages: two columns on a wide screen, linked tabs on a phone, out of search."""

from __future__ import annotations

import pytest

from tests.browser.conftest import Session

pytestmark = pytest.mark.browser

PAGE = "side-by-side/foundations/"
# Each row's two panels: where they are, and whether the reader can see them.
PANELS = """() => [...document.querySelectorAll("article .sbs-row")].map(row =>
  [...row.querySelectorAll(":scope > .tabbed-set > .tabbed-content > .tabbed-block")]
    .map(block => {
      const box = block.getBoundingClientRect();
      return {x: box.x, y: box.y, width: box.width, height: box.height,
              shown: getComputedStyle(block).display !== "none" && box.height > 0};
    }))"""
LABELS = """() => [...document.querySelectorAll("article .sbs-row .tabbed-labels")]
  .map(labels => labels.getBoundingClientRect().height > 0)"""
# A phrase found in one answer only: Gemini's, prompt 1.
PHRASE = "bijective mapping"


def test_sidebyside__two_columns_at_desktop_width(session: Session) -> None:
    rows = session.open(PAGE).evaluate(PANELS)
    print(rows[:3])
    assert len(rows) > 5 and all(len(row) == 2 for row in rows)
    for chatgpt, gemini in rows:
        assert chatgpt["shown"] and gemini["shown"]
        assert abs(chatgpt["y"] - gemini["y"]) < 1  # the same row
        assert gemini["x"] >= chatgpt["x"] + chatgpt["width"]  # Gemini to the right
        assert chatgpt["width"] > 250 and gemini["width"] > 250


def test_sidebyside__one_tab_at_a_time_at_phone_width(phone: Session) -> None:
    page = phone.open(PAGE)
    rows = page.evaluate(PANELS)
    print(rows[:3])
    assert len(rows) > 5
    assert [[panel["shown"] for panel in row] for row in rows] == [[True, False]] * len(rows)
    assert all(page.evaluate(LABELS))  # the tabs are there to pick from


def test_sidebyside__picking_gemini_in_one_row_switches_every_row(phone: Session) -> None:
    page = phone.open(PAGE)
    page.locator("article .sbs-row").nth(3).locator(
        ".tabbed-labels label", has_text="Gemini"
    ).click()
    page.wait_for_timeout(300)
    rows = page.evaluate(PANELS)
    print(rows[:3])
    assert [[panel["shown"] for panel in row] for row in rows] == [[False, True]] * len(rows)


def test_sidebyside__a_link_to_a_tab_opens_it(phone: Session) -> None:
    # Tab ids are named after their row's first heading (ex01.markdown.tabs), so a copied link to
    # a tab keeps working when rows are added above it; following one opens that tab.
    page = phone.open(PAGE + "#chatgpt-introduction-gemini")
    assert page.locator("#chatgpt-introduction-gemini").is_checked()
    rows = page.evaluate(PANELS)
    print(rows[:2])
    assert [panel["shown"] for panel in rows[1]] == [False, True]


def test_sidebyside__search_finds_the_answer_once_and_no_side_by_side_page(
    session: Session,
) -> None:
    page = session.open("")
    page.locator("label.md-search__icon[for=__search], .md-search__input").first.click()
    page.locator("input.md-search__input").press_sequentially(PHRASE, delay=40)
    items = page.locator("li.md-search-result__item")
    items.first.wait_for(timeout=10_000)
    page.wait_for_timeout(300)
    hrefs = page.locator("li.md-search-result__item a[href]").evaluate_all(
        "links => links.map(a => a.href.split(/[?#]/)[0])"
    )
    pages = [href.removeprefix(session.base_url) for href in hrefs]
    firsts = items.evaluate_all(
        "items => items.map(li => li.querySelector('a[href]').href.split(/[?#]/)[0])"
    )
    print(pages, firsts)
    assert [href.removeprefix(session.base_url) for href in firsts].count(
        "answers/gemini/foundations/"
    ) == 1
    assert not [p for p in pages if p.startswith("side-by-side/")]
