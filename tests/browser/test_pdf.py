"""The PDF edition (ex01.pdf), read back: its title page, contents and page numbers, outline,
links, diagrams drawn (as images, by pdftoppm) and formulas typeset, and the same bytes twice."""

from __future__ import annotations

import datetime
import hashlib
import html
import re
import subprocess
import sys
import unicodedata
from functools import cache
from pathlib import Path

import pytest
from playwright.sync_api import Browser
from pypdf import PdfReader
from selectolax.lexbor import LexborHTMLParser

from ex01 import pdf
from tests.build.test_links import broken_links
from tests.conftest import PRINTED, page_html
from tests.support.raster import drawing_problems, page_image

pytestmark = pytest.mark.browser

DPI = 50
# ex01.pdf's paper: A4 less 16 mm each side; 1 CSS px is 0.75 pt.
CONTENT_WIDTH_PT = 595.92 - 2 * 16 * 72 / 25.4
MARGIN_TOP_PT = 18 * 72 / 25.4
_SVG = re.compile(
    r'<div class="mermaid" id="(?P<id>diagram-\d+)".*?<svg [^>]*?max-width: (?P<max>[\d.]+)px;'
    r'[^>]*?viewBox="[\d.-]+ [\d.-]+ (?P<w>[\d.]+) (?P<h>[\d.]+)"',
    re.S,
)


def _words(text: str) -> str:
    # NFKC undoes the ligatures a PDF's text may hold ("ﬁgures" for "figures").
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _key(title: str) -> str:
    """A title as the outline is compared by: without spaces. Chromium's outline drops the
    space where a long title wraps onto a second line ("answer by|answer")."""
    return "".join(title.split())


def _title(site: Path, page: str) -> str:
    h1 = LexborHTMLParser(page_html(site, page)).css_first("article h1")
    for link in h1.css("a.headerlink"):
        link.decompose()
    return _words(h1.text(deep=True))


@cache
def _reader(path: Path) -> PdfReader:
    return PdfReader(path)


@pytest.fixture(scope="module")
def reader(pdf_edition: Path) -> PdfReader:
    return _reader(pdf_edition)


@pytest.fixture(scope="module")
def texts(reader: PdfReader) -> list[str]:
    """Each sheet's text, in order."""
    return [_words(sheet.extract_text()) for sheet in reader.pages]


@pytest.fixture(scope="module")
def destinations(pdf_edition: Path) -> dict[str, int]:
    return pdf.page_numbers(pdf_edition.read_bytes())


@pytest.fixture(scope="module")
def prepared(site: Path, destinations: dict[str, int]) -> str:
    """The print page as ex01.pdf printed it last, its page numbers filled in."""
    source = (site / "print" / "index.html").read_text(encoding="utf-8")
    wanted = pdf.entry_ids(pdf.prepare(source))
    return pdf.prepare(source, {ident: destinations[ident] for ident in wanted})


def _links(reader: PdfReader) -> list[tuple[int, dict]]:
    """(page from 1, annotation) for every link of the PDF."""
    return [
        (number, annotation.get_object())
        for number, sheet in enumerate(reader.pages, 1)
        for annotation in sheet.get("/Annots", [])
        if annotation.get_object().get("/Subtype") == "/Link"
    ]


def test_pdf__sane_page_count(reader: PdfReader) -> None:
    """A title page and contents, then a sheet or more per printed page, not one a paragraph."""
    print(len(reader.pages), "pages")
    assert len(PRINTED) + 4 <= len(reader.pages) <= 300


MKDOCS_YML = Path(__file__).resolve().parents[2] / "mkdocs.yml"


def _edition_date() -> datetime.date:
    """The edition date mkdocs.yml gives (extra.edition.date), which the title page states."""
    match = re.search(
        r'edition:\s*\n\s*date:\s*"(\d{4}-\d{2}-\d{2})"', MKDOCS_YML.read_text("utf-8")
    )
    assert match, "mkdocs.yml: no extra.edition.date"
    return datetime.date.fromisoformat(match.group(1))


def test_pdf__title_page_names_the_report_its_date_and_how_to_cite_it(
    texts: list[str], base_url: str
) -> None:
    first = texts[0]
    print(first)
    title = (
        "EX01: Comprehensive Report On the Fundamentals of Generative AI and Large Language Models"
    )
    edition = _edition_date()
    day = f"{edition:%B} {edition.day}"
    assert first.startswith(title)
    assert f"Edition of {day}, {edition.year}" in first
    assert (
        f"How to cite this edition EX01 report editors. ({edition.year}, {day}). {title}" in first
    )
    assert f"@techreport{{ex01-{edition.year}," in first
    assert base_url in first


def test_pdf__outline_has_every_printed_page_in_reading_order(
    reader: PdfReader, site: Path
) -> None:
    top = [entry.title for entry in reader.outline if not isinstance(entry, list)]
    print(top)
    wanted = ["Contents", "Diagrams", *[_title(site, page) for page in PRINTED]]
    assert [_key(t) for t in top] == [_key(t) for t in wanted]


def test_pdf__outline_has_every_section(reader: PdfReader, site: Path) -> None:
    """Under each page's entry, its sections (h2) in order."""
    entries = list(reader.outline)
    missing = []
    for page in PRINTED:
        tree = LexborHTMLParser(page_html(site, page))
        for link in tree.css("article a.headerlink"):
            link.decompose()
        wanted = [_words(h2.text(deep=True)) for h2 in tree.css("article > h2")]
        index = next(
            i
            for i, entry in enumerate(entries)
            if not isinstance(entry, list) and _key(entry.title) == _key(_title(site, page))
        )
        children = entries[index + 1] if index + 1 < len(entries) else []
        got = [entry.title for entry in children if not isinstance(entry, list)]
        # Compared without spaces: an outline entry's text loses a line break's space.
        if [_squeezed(title) for title in wanted] != [_squeezed(title) for title in got]:
            missing.append((page, wanted, got))
    print(missing)
    assert missing == []


def test_pdf__every_page_starts_where_its_outline_entry_points(
    reader: PdfReader, texts: list[str], site: Path
) -> None:
    """Each printed page's title opens the sheet its outline entry points at, and the pages
    follow the reading order."""
    starts = {
        _key(entry.title): reader.get_destination_page_number(entry) + 1
        for entry in reader.outline
        if not isinstance(entry, list)
    }
    wrong = []
    last = 0
    for page in PRINTED:
        title = _title(site, page)
        sheet = starts[_key(title)]
        if title not in texts[sheet - 1] or sheet <= last:
            wrong.append((page, sheet))
        last = sheet
    print(starts, wrong)
    assert wrong == []


def test_pdf__contents_page_numbers_match_the_pages(
    reader: PdfReader, destinations: dict[str, int], prepared: str
) -> None:
    """Each entry of the contents and of the list of diagrams shows the page its heading is on:
    the number printed on the entry's line is the page its link leads to, and the pages of the
    printed pages' titles agree with the outline Chromium makes from the headings on its own."""
    numbers_on: dict[int, list[tuple[float, str]]] = {}

    def numbers(page: int) -> list[tuple[float, str]]:
        """(height, text) of each number drawn on a sheet."""
        if page not in numbers_on:
            found: list[tuple[float, str]] = []

            def visit(text, cm, tm, font, size) -> None:
                if text.strip().isdigit():
                    found.append((tm[5] * cm[3] + cm[5] if cm[3] else tm[5], text.strip()))

            reader.pages[page - 1].extract_text(visitor_text=visit)
            numbers_on[page] = found
        return numbers_on[page]

    wrong, checked = [], 0
    for number, link in _links(reader):
        if number >= destinations["home"] or "/Dest" not in link:
            continue
        _, bottom, _, top = (float(value) for value in link["/Rect"])
        line = [text for y, text in numbers(number) if bottom - 2 <= y <= top + 2]
        target = str(link["/Dest"]).lstrip("/")
        checked += 1
        if line[-1:] != [str(destinations[target])]:
            wrong.append((number, target, line, destinations[target]))
    outline = {
        _key(entry.title): reader.get_destination_page_number(entry) + 1
        for entry in reader.outline
        if not isinstance(entry, list)
    }
    shown = {
        html.unescape(re.sub(r"<[^>]+>", "", match[1])): int(match[2])
        for match in re.finditer(
            r'<li><a href="#[^"]+">([^<]*)</a><span class="pdf-page">(\d+)</span><ol>', prepared
        )
    }
    print(checked, "entries;", wrong, shown)
    assert checked > 200
    assert wrong == []
    assert {title: outline[_key(title)] for title in shown} == shown


def test_pdf__every_internal_link_leads_to_its_heading(
    reader: PdfReader, texts: list[str], destinations: dict[str, int], prepared: str
) -> None:
    """Every link inside the PDF has a destination, and each heading a link leads to is on
    the page the destination names."""
    tree = LexborHTMLParser(prepared)
    for link in tree.css("a.headerlink"):
        link.decompose()
    headings = {
        node.id: _words(node.text(deep=True)) for node in tree.css("h1[id], h2[id], h3[id]")
    }
    unresolved, misplaced = [], []
    targets = {str(link["/Dest"]).lstrip("/") for _, link in _links(reader) if "/Dest" in link}
    for target in sorted(targets):
        if target not in destinations:
            unresolved.append(target)
        elif target in headings and _squeezed(headings[target]) not in _squeezed(
            texts[destinations[target] - 1]
        ):
            misplaced.append((target, destinations[target]))
    print(len(targets), "targets;", unresolved, misplaced)
    assert len(targets) > 500
    assert unresolved == []
    assert misplaced == []


def test_pdf__links_out_are_absolute(reader: PdfReader, base_url: str) -> None:
    """Links that leave the PDF go to the web edition (site_url, here the test server) or to
    another site, never to the server ex01.pdf printed from."""
    uris = sorted({str(link["/A"]["/URI"]) for _, link in _links(reader) if "/A" in link})
    wrong = [
        uri
        for uri in uris
        if not uri.startswith(("https://", "mailto:"))
        and not (uri.startswith(base_url) and uri != base_url + "print/")
    ]
    print(len(uris), "addresses;", wrong)
    assert any(uri.startswith(base_url + "side-by-side/") for uri in uris)
    assert wrong == []


def test_pdf__no_web_only_text(texts: list[str]) -> None:
    """Nothing that only makes sense on screen: the permalink sign, copy buttons, search, the
    palette toggle, the print page's own advice and its "Cite this page" block."""
    text = " ".join(texts)
    present = [
        words
        for words in [
            "¶",
            "Copy link",
            "Copy APA",
            "Cite this page",
            "search box",
            "tabs on a phone",
            "Switch to",
            "Save as PDF",
            "Download the PDF",
            "Skip to content",
        ]
        if words in text
    ]
    print(present)
    assert present == []


def test_pdf__no_empty_section(reader: PdfReader, texts: list[str]) -> None:
    """No outline entry for a part left out (the side-by-side pages) and none on a blank sheet."""
    titles = [entry.title for entry in reader.outline if not isinstance(entry, list)]
    blank = [title for title in titles if len(texts[_start(reader, title) - 1]) < 200]
    print(blank)
    assert not [title for title in titles if "side by side" in title.lower()]
    assert blank == []


def _start(reader: PdfReader, title: str) -> int:
    entry = next(
        e for e in reader.outline if not isinstance(e, list) and _key(e.title) == _key(title)
    )
    return reader.get_destination_page_number(entry) + 1


def test_pdf__formulas_typeset(texts: list[str]) -> None:
    """No LaTeX source on paper: KaTeX's HTML is printed, and the search-only LaTeX is not."""
    text = " ".join(texts)
    latex = re.findall(r"\\(?:frac|mathbb|sum|log|sqrt|mathcal|text)\b.{0,30}", text)
    print(latex[:5])
    assert latex == []
    assert "softmax" in text


def _diagram_regions(pdf_path: Path, prepared: str) -> list[tuple[str, int, object]]:
    """(id, page, the diagram's region of the page drawn as a grey image) for each diagram:
    from the top its named destination gives, as tall as its drawing at the column's width."""
    reader = _reader(pdf_path)
    regions = []
    for match in _SVG.finditer(prepared):
        destination = reader.named_destinations["/" + match["id"]]
        page = reader.get_destination_page_number(destination) + 1
        width_pt = min(CONTENT_WIDTH_PT, float(match["max"]) * 0.75)
        height_pt = width_pt * float(match["h"]) / float(match["w"])
        sheet = reader.pages[page - 1].mediabox
        # A diagram that opens a sheet has its destination at the sheet's edge, above the margin.
        top_pt = max(float(sheet.top) - float(destination.top), MARGIN_TOP_PT)
        image = page_image(pdf_path, page, DPI)
        scale = DPI / 72
        rows = slice(round(top_pt * scale), round((top_pt + height_pt) * scale))
        left = round((float(sheet.width) - CONTENT_WIDTH_PT) / 2 * scale)
        regions.append((match["id"], page, image[rows, left : image.shape[1] - left]))
    return regions


def test_pdf__every_diagram_is_drawn_not_a_black_box(pdf_edition: Path, prepared: str) -> None:
    regions = _diagram_regions(pdf_edition, prepared)
    problems = {
        f"{ident} (page {page})": drawing_problems(region, DPI) for ident, page, region in regions
    }
    print(len(regions), "diagrams;", problems)
    assert len(regions) == prepared.count('<div class="mermaid"') >= 10
    assert {key: found for key, found in problems.items() if found} == {}


def test_gate__a_diagram_whose_style_is_lost_is_caught(
    browser: Browser, site: Path, prepared: str, tmp_path: Path
) -> None:
    """The print page printed again with the diagrams' own style taken out (what renamed ids
    did to them once: every shape then fills black) fails the check above."""
    broken = re.sub(
        r"<template shadowrootmode=.*?</template>",
        lambda template: re.sub(r"<style>.*?</style>", "", template[0], flags=re.S),
        prepared,
        flags=re.S,
    )
    with pdf.served(site) as url:
        data = pdf.print_page(browser, url, url + "print/", broken, "gate")
    path = tmp_path / "broken.pdf"
    path.write_bytes(data)
    regions = _diagram_regions(path, broken)
    caught = [ident for ident, _, region in regions if drawing_problems(region, DPI)]
    print(caught)
    assert len(caught) >= len(regions) // 2


def test_pdf__same_site_same_bytes(site: Path, pdf_edition: Path, tmp_path: Path) -> None:
    again = tmp_path / "again.pdf"
    subprocess.run([sys.executable, "-m", "ex01.pdf", str(site), str(again)], check=True)
    first, second = pdf_edition.read_bytes(), again.read_bytes()
    # Compared as digests, with the first byte that differs: pytest's own diff of two 8 MB byte
    # strings runs for many minutes.
    differs = next((i for i, (a, b) in enumerate(zip(first, second, strict=False)) if a != b), None)
    print(f"{len(first)} and {len(second)} bytes; first difference at {differs}")
    if differs is not None:
        print("first:", first[max(0, differs - 200) : differs + 200])
        print("again:", second[max(0, differs - 200) : differs + 200])
    assert hashlib.sha256(first).hexdigest() == hashlib.sha256(second).hexdigest()


def test_pdf__published_where_the_site_links_to_it(
    site: Path, pdf_edition: Path, html_pages: dict[str, str]
) -> None:
    published = site / pdf.PUBLISHED
    assert published.read_bytes() == pdf_edition.read_bytes()
    links = {
        name: page
        for name, page in html_pages.items()
        if name in ("index.html", "print/index.html")
    }
    assert all(pdf.PUBLISHED.split("/")[-1] in page for page in links.values())
    assert broken_links(site, links) == []
