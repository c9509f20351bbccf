"""ex01.printpage: the whole report on one page, made from a small built site."""

from __future__ import annotations

from pathlib import Path

import pytest

from ex01 import postbuild, printpage

NAV = (
    '<nav class="md-nav md-nav--primary" aria-label="Navigation">'
    '<a href="." class="md-nav__link">Home</a>'
    '<a href="chapters/gans/" class="md-nav__link">GANs</a>'
    '<a href="side-by-side/x/" class="md-nav__link">Side by side</a>'
    '<a href="print/" class="md-nav__link">Print</a>'
    "</nav></div></div>"
)


def _page(article: str, nav: str = "") -> str:
    return (
        f"<html><head></head><body>{nav}"
        f'<article class="md-content__inner md-typeset">{article}</article></body></html>'
    )


def _site(tmp_path: Path, gans: str) -> Path:
    pages = {
        "index.html": _page(
            '<h1 id="home">Home</h1><p><a href="chapters/gans/#loss">loss</a></p>', NAV
        ),
        "chapters/gans/index.html": _page(gans),
        "side-by-side/x/index.html": _page("<h1>Side</h1>"),
        "print/index.html": _page('<h1 id="print">Print</h1><div class="print-report"></div>', NAV),
    }
    for name, html in pages.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(html, encoding="utf-8")
    return tmp_path


GANS = (
    '<h1 id="gans">GANs</h1><h2 id="loss">Loss</h2>'
    '<p><a href="#loss">here</a> <a href="../../side-by-side/x/">side</a> '
    '<a href="https://example.org/">out</a> <img src="../../assets/a.svg" alt="a"></p>'
    '<div class="mermaid"><template shadowrootmode="open"><svg id="mermaid-1"><style>'
    "#mermaid-1{fill:red}</style></svg></template></div>"
    '<details class="cite" id="cite-this-page" data-search-exclude><p>cite</p></details>'
)


def test_reading_order__from_the_primary_navigation() -> None:
    order = printpage.reading_order(NAV)
    assert order == [
        "index.html",
        "chapters/gans/index.html",
        "side-by-side/x/index.html",
        "print/index.html",
    ]


def test_render__pages_in_order_with_prefixed_ids_and_links_that_land(tmp_path: Path) -> None:
    html = printpage.render(_site(tmp_path, GANS))
    print(html)
    assert html.index('<section class="print-page" id="home">') < html.index('id="chapters-gans"')
    assert "Side</h1>" not in html
    assert '<h2 id="chapters-gans-loss">' in html
    assert '<a href="#chapters-gans-loss">here</a>' in html  # a link within the page
    assert '<a href="#chapters-gans-loss">loss</a>' in html  # a link from another page
    assert '<a href="../side-by-side/x/">side</a>' in html  # a page that is not printed
    assert '<a href="https://example.org/">out</a>' in html
    assert 'src="../assets/a.svg"' in html
    assert '<a href="#chapters-gans">GANs</a>' in html  # the contents list


def test_render__diagram_ids_and_cite_blocks_left_alone(tmp_path: Path) -> None:
    """A diagram's style targets its own ids; the print page once renamed them (black boxes)."""
    html = printpage.render(_site(tmp_path, GANS))
    assert '<svg id="mermaid-1"><style>#mermaid-1{fill:red}' in html
    assert "cite-this-page" not in html.split('class="print-report"')[1]


def test_render__deterministic(tmp_path: Path) -> None:
    site = _site(tmp_path, GANS)
    assert printpage.render(site) == printpage.render(site)


def test_render__already_filled_page_is_refused(tmp_path: Path) -> None:
    site = _site(tmp_path, GANS)
    printpage.write(site)
    with pytest.raises(printpage.PrintPageError, match="no empty"):
        printpage.render(site)


def test_postbuild__missing_print_page_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = _site(tmp_path, GANS)
    (site / "print" / "index.html").unlink()
    assert postbuild.main([str(site)]) == 2
    assert (
        capsys.readouterr().err
        == f"error: {site}: no print page (print/index.html or print.html; docs/print.md)\n"
    )


def test_is_section_index__an_index_whose_folder_holds_other_pages() -> None:
    order = ["index.html", "chapters/index.html", "chapters/gans/index.html", "glossary/index.html"]
    assert printpage.is_section_index("chapters/index.html", order)
    assert not printpage.is_section_index("chapters/gans/index.html", order)
    assert not printpage.is_section_index("glossary/index.html", order)
    assert not printpage.is_section_index("index.html", order)  # the home page is printed
    offline = ["index.html", "chapters/index.html", "chapters/gans.html"]  # no directory URLs
    assert printpage.is_section_index("chapters/index.html", offline)
    # The comparison's overview heads its section, but holds the verdicts: it is printed.
    comparison = ["comparison/index.html", "comparison/evidence/index.html"]
    assert not printpage.is_section_index("comparison/index.html", comparison)


def test_render__section_index_pages_left_out(tmp_path: Path) -> None:
    site = _site(tmp_path, GANS)
    nav = NAV.replace(
        '<a href="chapters/gans/"',
        '<a href="chapters/" class="md-nav__link">Chapters</a><a href="chapters/gans/"',
    )
    (site / "index.html").write_text(_page('<h1 id="home">Home</h1>', nav), encoding="utf-8")
    (site / "chapters/index.html").write_text(_page("<h1>Chapters</h1>"), encoding="utf-8")
    html = printpage.render(site)
    assert 'id="chapters-gans"' in html
    assert "Chapters</h1>" not in html
