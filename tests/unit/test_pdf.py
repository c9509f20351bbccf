"""ex01.pdf's pure steps (the print page made ready for paper, the PDF's dates), its command's
bad input, and the black-box check of tests/support/raster.py on made-up images."""

from __future__ import annotations

import datetime
import io
from pathlib import Path

import numpy as np
import pytest

from ex01 import pdf
from tests.support.raster import drawing_problems

CANONICAL = '<link rel="canonical" href="https://example.org/ex01/print/">'
DATE = '<meta name="citation_publication_date" content="2026/12/03">'
DIAGRAM = (
    '<div class="mermaid" data-diagram="ab"><template shadowrootmode="open"><svg id="m">'
    '<title id="t">A &amp; B</title><style>#m{fill:red}</style></svg></template></div>'
)
PRINT_PAGE = (
    f'<html lang="en"><head>{CANONICAL}{DATE}</head><body><article>'
    '<p><a href="../side-by-side/x/">side</a></p>'
    '<div class="print-report"><nav class="print-contents" aria-labelledby="print-contents">'
    '<h2 id="print-contents">Contents</h2><ol><li><a href="#home">Home</a>'
    '<ol><li><a href="#home-a">A</a></li></ol></li></ol></nav>'
    '<section class="print-page" id="home"><h1>Home</h1><h2 id="home-a">A</h2>'
    f'<a href="#home-a">here</a> <a href="../downloads/x.csv">data</a> {DIAGRAM}'
    '<details class="question"><summary>Q</summary><p>Answer</p></details>'
    "<details open><summary>R</summary></details></section></div>"
    '<details class="cite" id="cite-this-page" data-search-exclude><p>c</p></details>'
    "</article></body></html>"
)


def test_absolute_links__to_the_published_site_and_fragments_kept() -> None:
    text = pdf.absolute_links(
        '<a href="../a/">a</a><a class="x" href="#b">b</a><a href="https://o.org/">o</a>',
        "https://example.org/ex01/print/",
    )
    print(text)
    assert text == (
        '<a href="https://example.org/ex01/a/">a</a><a class="x" href="#b">b</a>'
        '<a href="https://o.org/">o</a>'
    )


def test_open_details__every_collapsed_block_opened_once() -> None:
    text = pdf.open_details('<details class="q"><summary>Q</summary></details><details open>')
    assert text == '<details open class="q"><summary>Q</summary></details><details open>'


def test_diagrams__numbered_in_order_with_their_titles() -> None:
    text, found = pdf.diagrams(DIAGRAM + DIAGRAM.replace("A &amp; B", "C"))
    print(text, found)
    assert found == [("diagram-1", "A & B"), ("diagram-2", "C")]
    assert text.count('<div class="mermaid" id="diagram-1" data-diagram="ab">') == 1
    assert '<div class="mermaid" id="diagram-2" data-diagram="ab">' in text


def test_number_entries__empty_boxes_then_numbers() -> None:
    nav = '<nav class="print-contents"><a href="#a">A</a><a href="#b">B</a></nav>'
    empty = pdf.number_entries(nav, None)
    numbered = pdf.number_entries(empty, {"a": 3, "b": 12})
    print(empty, numbered)
    assert empty.count('<span class="pdf-page"></span>') == 2
    assert numbered == (
        '<nav class="print-contents"><a href="#a">A</a><span class="pdf-page">3</span>'
        '<a href="#b">B</a><span class="pdf-page">12</span></nav>'
    )


def test_prepare__contents_diagram_list_links_and_details() -> None:
    text = pdf.prepare(PRINT_PAGE, {"home": 3, "home-a": 3, "diagram-1": 4})
    print(text)
    assert pdf.entry_ids(text) == ["home", "home-a", "diagram-1"]
    assert '<a href="#diagram-1">A &amp; B</a><span class="pdf-page">4</span>' in text
    assert 'href="https://example.org/ex01/side-by-side/x/"' in text
    assert 'href="https://example.org/ex01/downloads/x.csv"' in text
    assert '<a href="#home-a">here</a>' in text
    assert text.count("<details open") == 2
    assert "cite-this-page" not in text
    assert text.startswith('<html data-pdf-edition="" lang="en">')


def test_prepare__same_input_same_output() -> None:
    assert pdf.prepare(PRINT_PAGE) == pdf.prepare(PRINT_PAGE)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ((CANONICAL, ""), "print page: no canonical link to make links absolute with (site_url)"),
        (('<nav class="print-contents"', "<nav"), 'print page: no <nav class="print-contents">'),
    ],
)
def test_prepare__names_what_the_print_page_lacks(change: tuple[str, str], message: str) -> None:
    with pytest.raises(pdf.PdfError, match=message.replace("(", r"\(").replace(")", r"\)")):
        pdf.prepare(PRINT_PAGE.replace(*change))


def _printer(pages: list[dict[str, int]]):
    """A stand-in for Chromium: its nth print is a PDF whose named destinations land on the
    pages `pages[n]` gives (the last one repeats); it records the page it was handed."""
    from pypdf import PdfWriter

    handed: list[str] = []

    def print_text(text: str) -> bytes:
        handed.append(text)
        places = pages[min(len(handed), len(pages)) - 1]
        writer = PdfWriter()
        for _ in range(max(places.values(), default=1)):
            writer.add_blank_page(width=595, height=842)
        for name, page in places.items():
            writer.add_named_destination(name, page - 1)
        out = io.BytesIO()
        writer.write(out)
        return out.getvalue()

    return print_text, handed


PLACES = {"home": 1, "home-a": 2, "diagram-1": 2}


def test_settle__prints_until_the_numbers_match_their_pages() -> None:
    print_text, handed = _printer([PLACES])
    result, passes = pdf.settle(PRINT_PAGE, print_text, "print/index.html")
    print([pdf.entry_ids(text) for text in handed])
    assert passes == 2
    assert pdf.page_numbers(result) == PLACES
    assert '<a href="#home-a">A</a><span class="pdf-page">2</span>' in handed[-1]


def test_settle__a_pass_that_drops_a_destination_is_printed_again() -> None:
    dropped = {name: page for name, page in PLACES.items() if name != "home-a"}
    print_text, handed = _printer([dropped, PLACES])
    _, passes = pdf.settle(PRINT_PAGE, print_text, "print/index.html")
    # The first print lacks #home-a: it is printed again with the contents still unnumbered.
    assert '<span class="pdf-page"></span>' in handed[1]
    assert passes == 3


def test_settle__a_destination_missing_from_every_pass_is_one_line() -> None:
    dropped = {name: page for name, page in PLACES.items() if name != "home-a"}
    print_text, handed = _printer([dropped])
    with pytest.raises(
        pdf.PdfError, match=r"^print/index.html: the PDF has no destination for #home-a$"
    ):
        pdf.settle(PRINT_PAGE, print_text, "print/index.html")
    assert len(handed) == pdf.MAX_PASSES


def test_settle__numbers_that_never_settle_are_one_line() -> None:
    moving = [{**PLACES, "diagram-1": 2 + n} for n in range(pdf.MAX_PASSES + 1)]
    print_text, handed = _printer(moving)
    with pytest.raises(pdf.PdfError, match=rf"did not settle after {pdf.MAX_PASSES} prints$"):
        pdf.settle(PRINT_PAGE, print_text, "print/index.html")
    assert len(handed) == pdf.MAX_PASSES


def test_edition_date__from_the_citation_meta_tag() -> None:
    assert pdf.edition_date(PRINT_PAGE) == datetime.date(2026, 12, 3)
    with pytest.raises(pdf.PdfError, match="no citation_publication_date"):
        pdf.edition_date("<html></html>")


def test_pdf_date__midnight_utc() -> None:
    assert pdf.pdf_date(datetime.date(2026, 12, 3)) == "D:20261203000000Z"


def test_main__no_built_site_is_one_line_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "dist" / "ex01-report.pdf"
    assert pdf.main([str(tmp_path / "site"), str(out)]) == 2
    err = capsys.readouterr().err
    print(err)
    assert err == f"error: {tmp_path / 'site'}: no built site (run `make build` first)\n"
    assert not (tmp_path / "dist").exists()


def test_main__no_print_page_is_one_line_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_text("<html></html>", encoding="utf-8")
    out = tmp_path / "dist" / "ex01-report.pdf"
    assert pdf.main([str(tmp_path / "site"), str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "no print page (print/index.html or print.html; docs/print.md)" in err
    assert not (tmp_path / "dist").exists()


def test_main__an_unfilled_print_page_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "site" / "print").mkdir(parents=True)
    unfilled = f'<html><head>{CANONICAL}{DATE}</head><div class="print-report"></div></html>'
    (tmp_path / "site" / "print" / "index.html").write_text(unfilled, encoding="utf-8")
    assert pdf.main([str(tmp_path / "site"), str(tmp_path / "out.pdf")]) == 2
    err = capsys.readouterr().err
    assert err == (
        f"error: {tmp_path / 'site' / 'print' / 'index.html'}: "
        'no <nav class="print-contents"> (run ex01.postbuild first)\n'
    )
    assert not (tmp_path / "out.pdf").exists()


def _paper(height: int = 120, width: int = 300) -> np.ndarray:
    return np.full((height, width), 255, dtype=np.uint8)


def test_drawing_problems__boxes_lines_and_labels_are_a_drawing() -> None:
    image = _paper()
    image[20:22, 10:290] = 40  # an arrow
    image[40:80, 30:100] = 235  # a light node ...
    image[40, 30:100] = image[79, 30:100] = image[40:80, 30] = image[40:80, 99] = 60  # ... framed
    image[55:60, 40:90:3] = 20  # its label's letters
    problems = drawing_problems(image)
    print(problems)
    assert problems == []


def test_drawing_problems__a_black_box_is_caught() -> None:
    image = _paper()
    image[10:110, 20:280] = 0  # a diagram whose shapes all print black
    problems = drawing_problems(image)
    print(problems)
    assert problems == ["72% of it is ink", "it holds a solid dark block of 20 pt or more"]


def test_drawing_problems__a_small_filled_box_is_caught() -> None:
    image = _paper()
    image[30:60, 30:60] = 10  # one node filled black, the rest drawn
    image[20:22, 10:290] = 40
    problems = drawing_problems(image)
    print(problems)
    assert problems == ["it holds a solid dark block of 20 pt or more"]


def test_drawing_problems__a_blank_region_is_caught() -> None:
    assert drawing_problems(_paper()) == ["it is blank"]
