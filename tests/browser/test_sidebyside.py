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
    assert [panel["shown"] for panel in rows[0]] == [False, True]  # the introductions' row


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


COLUMNS = """() => {
  const header = document.querySelector("article .sbs-columns");
  const box = header.getBoundingClientRect();
  return {shown: getComputedStyle(header).display !== "none" && box.height > 0,
          names: [...header.children].map(span => {
            const b = span.getBoundingClientRect();
            return {text: span.textContent, x: b.x, width: b.width};
          })};
}"""
# The widest a row's tab labels are drawn: 1 px is the screen-reader-only box.
ROW_LABEL_WIDTHS = """() => [...document.querySelectorAll("article .sbs-row .tabbed-labels")]
  .map(labels => labels.getBoundingClientRect().width)"""
HEADER_BOTTOM = "() => document.querySelector('.md-header').getBoundingClientRect().bottom"


def test_sidebyside__column_labels_once_above_the_columns_at_desktop_width(
    session: Session,
) -> None:
    page = session.open(PAGE)
    columns = page.evaluate(COLUMNS)
    widths = page.evaluate(ROW_LABEL_WIDTHS)
    rows = page.evaluate(PANELS)
    print(columns, widths[:3])
    assert columns["shown"]
    assert [name["text"] for name in columns["names"]] == ["ChatGPT", "Gemini"]
    # Each name stands over its column.
    for name, panel in zip(columns["names"], rows[0], strict=True):
        assert abs(name["x"] - panel["x"]) < 1 and name["width"] > 250
    assert widths and max(widths) <= 1  # the rows' own labels: for screen readers only


def test_sidebyside__column_labels_stay_in_view_while_scrolling_the_pairs(
    session: Session,
) -> None:
    page = session.open(PAGE)
    page.locator("article .sbs-row").nth(3).scroll_into_view_if_needed()
    page.mouse.wheel(0, 400)
    page.wait_for_timeout(300)
    top = page.evaluate("() => document.querySelector('.sbs-columns').getBoundingClientRect().top")
    print(top, page.evaluate(HEADER_BOTTOM))
    assert abs(top - page.evaluate(HEADER_BOTTOM)) < 2


def test_sidebyside__no_header_row_at_phone_width_the_tabs_are_the_labels(phone: Session) -> None:
    page = phone.open(PAGE)
    assert not page.evaluate(COLUMNS)["shown"]
    # Halfway down the tallest row, its tabs are still in view below the site's header.
    heights = page.locator("article .sbs-row").evaluate_all(
        "rows => rows.map(row => row.getBoundingClientRect().height)"
    )
    row = page.locator("article .sbs-row").nth(heights.index(max(heights)))
    box = row.bounding_box()
    assert box is not None and box["height"] > 1000
    page.evaluate(f"window.scrollTo(0, {box['y'] + box['height'] / 2})")
    page.wait_for_timeout(300)
    labels = row.locator(".tabbed-labels").bounding_box()
    print(box, labels)
    assert labels is not None and abs(labels["y"] - page.evaluate(HEADER_BOTTOM)) < 2


@pytest.mark.parametrize("tool", ["chatgpt", "gemini"])
def test_sidebyside__only_in_heading_stays_in_view_over_its_sections(
    tool: str, phone: Session
) -> None:
    page = phone.open(PAGE)
    group = page.locator(f"article .sbs-only:has(#only-in-{tool})")
    box = group.bounding_box()
    assert box is not None
    page.evaluate(f"window.scrollTo(0, {box['y'] + box['height'] / 2})")
    page.wait_for_timeout(300)
    heading = page.locator(f"#only-in-{tool}").bounding_box()
    print(box, heading)
    assert heading is not None and abs(heading["y"] - page.evaluate(HEADER_BOTTOM)) < 2


@pytest.mark.parametrize(
    "slug", ["foundations", "transformer-architectures", "applications", "scaling"]
)
def test_sidebyside__no_horizontal_scroll_at_phone_width(slug: str, phone: Session) -> None:
    page = phone.open(f"side-by-side/{slug}/")
    phone.lay_out_everything()
    widths = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    print(widths)
    assert widths[0] <= widths[1]
