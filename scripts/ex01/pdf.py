"""The PDF edition (dist/ex01-report.pdf, published as downloads/ex01-report.pdf): the built
print page (ex01.printpage) printed by Chromium, with page numbers in its contents.

Usage: python -m ex01.pdf SITE_DIR PDF_PATH (`make pdf` runs it after the build; it works on
either engine's output).

How it is made:

1. The built site is served on 127.0.0.1, and the print page is opened in Chromium with
   JavaScript off: its diagrams (SVG in declarative shadow roots) and formulas (KaTeX's HTML)
   are drawn ahead of time, so nothing needs a script, and nothing can ask a third-party host
   for anything (every such request is refused and fails the run).
2. The print page is changed on its way to the browser (`prepare`): every link that leaves
   the page points at the published site (its canonical address, from `site_url`), every
   collapsed block is opened, the page's own "Cite this page" block is left out (the title
   page cites the edition), each diagram gets an id, a list of the diagrams follows the
   contents, and each entry of both lists gets a page number.
3. Chromium prints it (A4, its document outline from the headings, tagged, page numbers in the
   footer). The page each entry starts on is read back from the PDF's named destinations:
   Chromium writes one for every element that a link in the document targets. The numbers are
   filled in and the page printed again; their box has a fixed width, so this moves nothing,
   and the second print is checked to have every entry on the page its number says.
4. What Chromium writes differently on every run is made the same by pypdf: the PDF's dates
   (CreationDate, ModDate, from the clock) become the edition date, and the ids of its
   structure tree's elements (the tags, named after DOM node serial numbers) are numbered from
   1 in the same order. So the same site gives the same bytes.

The PDF is written to a temporary file beside its destination, then renamed.
"""

from __future__ import annotations

import datetime
import functools
import html
import io
import os
import re
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from ex01 import printpage
from ex01.chromium import CHROMIUM_FLAGS, SYSTEM_CHROMIUM

# Where the site publishes the PDF, inside the site folder.
PUBLISHED = "downloads/ex01-report.pdf"
# A4 with room for the footer's page number.
PAPER = {
    "format": "A4",
    "margin": {"top": "18mm", "bottom": "20mm", "left": "16mm", "right": "16mm"},
}
# Chromium fills the spans with these classes in the footer (Page.printToPDF's footerTemplate);
# the template is a document of its own, so it carries its own style.
FOOTER = (
    '<div style="width: 100%; padding: 0 16mm; font: 9px system-ui, sans-serif; color: #555;'
    ' display: flex; justify-content: space-between;">'
    '<span class="title"></span><span><span class="pageNumber"></span> / '
    '<span class="totalPages"></span></span></div>'
)
# How many times the PDF is printed at most, to settle its page numbers (two, as a rule).
MAX_PASSES = 4

_CANONICAL = re.compile(r'<link rel="canonical" href="(?P<href>[^"]+)"')
_PUBLICATION_DATE = re.compile(r'<meta name="citation_publication_date" content="(?P<date>[^"]+)"')
_CONTENTS = re.compile(r'<nav class="print-contents[^"]*".*?</nav>', re.S)
_LINK = re.compile(r"""(<a\s[^>]*?href=)(["'])(.*?)\2""", re.S)
_CONTENTS_ENTRY = re.compile(r'(<a href="#(?P<id>[^"]+)">.*?</a>)', re.S)
_DETAILS = re.compile(r"<details(?![^>]*\sopen)(?=[\s>])")
_DIAGRAM = re.compile(
    r'<div class="mermaid"(?P<rest>[^>]*)>(?P<body><template .*?</template>)', re.S
)
_DIAGRAM_TITLE = re.compile(r"<title[^>]*>(?P<title>.*?)</title>", re.S)
# The print page's own "Cite this page" block: the title page cites the edition as a whole.
_CITE = re.compile(r'<details class="cite" id="cite-this-page".*?</details>', re.S)
_PAGE_NUMBER = re.compile(r'<span class="pdf-page">[^<]*</span>')


class PdfError(Exception):
    """The PDF could not be made; the message names the file or the cause."""


def canonical_url(print_html: str, name: str = "print page") -> str:
    """The print page's published address (Material's canonical link, from site_url)."""
    match = _CANONICAL.search(print_html)
    if match is None:
        raise PdfError(f"{name}: no canonical link to make links absolute with (site_url)")
    return html.unescape(match["href"])


def edition_date(print_html: str, name: str = "print page") -> datetime.date:
    """The edition date the print page is cited with (extra.edition.date)."""
    match = _PUBLICATION_DATE.search(print_html)
    if match is None:
        raise PdfError(f"{name}: no citation_publication_date meta tag (extra.edition.date)")
    try:
        return datetime.date.fromisoformat(match["date"].replace("/", "-"))
    except ValueError:
        raise PdfError(f"{name}: citation_publication_date {match['date']!r} is no date") from None


def absolute_links(text: str, base: str) -> str:
    """Every link in `text` that leaves the page made absolute against `base`; links to a
    `#fragment` of the page itself stay, as the PDF's own links."""

    def rewrite(match: re.Match[str]) -> str:
        start, quote, value = match.groups()
        raw = html.unescape(value)
        if raw.startswith("#"):
            return match[0]
        return f"{start}{quote}{html.escape(urljoin(base, raw))}{quote}"

    return _LINK.sub(rewrite, text)


def open_details(text: str) -> str:
    """Every collapsible block (a question's answer, an editorial note) opened: paper cannot
    be clicked."""
    return _DETAILS.sub("<details open", text)


def diagrams(text: str) -> tuple[str, list[tuple[str, str]]]:
    """Each diagram given an id ("diagram-1", …) in reading order; returns the text and the
    (id, title) of each, its title from the diagram's own <title> (Mermaid's accTitle)."""
    found: list[tuple[str, str]] = []

    def number(match: re.Match[str]) -> str:
        ident = f"diagram-{len(found) + 1}"
        title = _DIAGRAM_TITLE.search(match["body"])
        name = printpage.plain_text(title["title"]) if title else ident
        found.append((ident, name))
        return f'<div class="mermaid" id="{ident}"{match["rest"]}>{match["body"]}'

    return _DIAGRAM.sub(number, text), found


def diagram_list(entries: list[tuple[str, str]]) -> str:
    """The list of diagrams, in the contents' markup."""
    items = "".join(
        f'<li><a href="#{ident}">{html.escape(title)}</a></li>' for ident, title in entries
    )
    return (
        '<nav class="print-contents print-diagrams" aria-labelledby="print-diagrams">'
        f'<h2 id="print-diagrams">Diagrams</h2><ol>{items}</ol></nav>'
    )


def number_entries(nav: str, numbers: dict[str, int] | None) -> str:
    """Each entry of a contents list (`nav`) followed by the page its target starts on;
    with no `numbers` yet, by an empty box of the same width."""

    def add(match: re.Match[str]) -> str:
        number = "" if numbers is None else str(numbers[match["id"]])
        return f'{match[1]}<span class="pdf-page">{number}</span>'

    return _CONTENTS_ENTRY.sub(add, _PAGE_NUMBER.sub("", nav))


def entry_ids(text: str) -> list[str]:
    """The ids the contents lists of a prepared print page point at, in order."""
    return [
        match["id"]
        for nav in _CONTENTS.finditer(text)
        for match in _CONTENTS_ENTRY.finditer(nav[0])
    ]


def prepare(print_html: str, numbers: dict[str, int] | None = None) -> str:
    """The print page as the PDF prints it (see the module's docstring, step 2)."""
    base = canonical_url(print_html)
    match = _CONTENTS.search(print_html)
    if match is None:
        raise PdfError('print page: no <nav class="print-contents"> (run ex01.postbuild first)')
    head, contents, rest = print_html[: match.start()], match[0], print_html[match.end() :]
    rest, found = diagrams(rest)
    lists = number_entries(contents, numbers) + number_entries(diagram_list(found), numbers)
    text = absolute_links(head, base) + lists + absolute_links(_CITE.sub("", rest), base)
    return open_details(text).replace("<html ", '<html data-pdf-edition="" ', 1)


def page_numbers(pdf: bytes) -> dict[str, int]:
    """The page (from 1) each named destination of `pdf` is on."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    numbers = {}
    for name, destination in reader.named_destinations.items():
        page = reader.get_destination_page_number(destination)
        if page is not None and page >= 0:
            numbers[name.lstrip("/")] = page + 1
    return numbers


def pdf_date(date: datetime.date) -> str:
    """A date in the PDF's own format, at midnight UTC: "D:20261203000000Z"."""
    return f"D:{date:%Y%m%d}000000Z"


_NODE_ID = re.compile(r"node(\d+)")


def _renumber_structure_ids(root) -> int:
    """Rename the ids of the structure tree's elements (Chromium names them after its DOM
    nodes' serial numbers, "node00001089", which differ from run to run) "node00000001",
    … in the order of the old numbers, wherever they appear (the elements' /ID, table cells'
    /Headers, the /IDTree's names and limits); returns how many there were."""
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, TextStringObject

    strings: list[tuple[object, object, str]] = []  # (container, key or index, value)
    seen: set[tuple[int, int]] = set()

    def walk(node) -> None:
        if isinstance(node, IndirectObject):
            if (node.idnum, node.generation) in seen:
                return
            seen.add((node.idnum, node.generation))
            node = node.get_object()
        items = (
            node.items()
            if isinstance(node, DictionaryObject)
            else enumerate(node)
            if isinstance(node, ArrayObject)
            else ()
        )
        for key, value in list(items):
            if key == "/P":  # the parent, reached already
                continue
            raw = value.get_object() if not isinstance(value, IndirectObject) else None
            if isinstance(raw, str) and _NODE_ID.fullmatch(str(raw)):
                strings.append((node, key, str(raw)))
            else:
                walk(value)

    walk(root)
    names = sorted({value for _, _, value in strings}, key=lambda name: int(name[4:]))
    new = {name: f"node{number:08d}" for number, name in enumerate(names, 1)}
    for container, key, value in strings:
        container[key] = TextStringObject(new[value])
    return len(names)


def stamp(pdf: bytes, date: datetime.date, title: str) -> bytes:
    """`pdf` with its dates set to `date`, its title to `title` and its structure ids numbered
    from 1 (pypdf keeps everything else: the outline, the links, the tags)."""
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=io.BytesIO(pdf))
    if "/StructTreeRoot" in writer.root_object:
        _renumber_structure_ids(writer.root_object["/StructTreeRoot"])
    writer.add_metadata(
        {"/Title": title, "/CreationDate": pdf_date(date), "/ModDate": pdf_date(date)}
    )
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def served(site: Path) -> Iterator[str]:
    """The `site` folder served on 127.0.0.1 (a free port); yields its address."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def print_page(browser, url: str, print_url: str, page_html: str, title: str) -> bytes:
    """One print of `page_html` by `browser` (Playwright's), served as `print_url` among the
    site's files served at `url`."""
    context = browser.new_context(java_script_enabled=False, color_scheme="light")
    refused: list[str] = []
    local = urlsplit(url).netloc

    def route(route, request) -> None:
        address = urlsplit(request.url)
        if request.url.split("#")[0] == print_url:
            route.fulfill(body=page_html, content_type="text/html; charset=utf-8")
        elif address.scheme in ("http", "https", "ws", "wss") and address.netloc != local:
            refused.append(request.url)
            route.abort()
        else:
            route.continue_()

    try:
        context.route("**/*", route)
        page = context.new_page()
        # Laid out for print from the start, so every font it uses is loaded before it prints.
        page.emulate_media(media="print")
        page.goto(print_url, wait_until="networkidle")
        # On a loaded machine a web font can still be on its way at network idle; printed
        # then, the page would set in a fallback font. (Evaluated by Playwright itself: the
        # page's own scripts stay off.)
        page.evaluate("document.fonts.ready.then(() => document.fonts.status)")
        pdf = page.pdf(
            **PAPER,
            print_background=True,
            display_header_footer=True,
            header_template="<span></span>",
            footer_template=FOOTER.replace(
                '<span class="title"></span>', f"<span>{html.escape(title)}</span>"
            ),
            outline=True,
            tagged=True,
        )
    finally:
        context.close()
    if refused:
        raise PdfError(f"the print page asked a third-party host for {refused[0]}")
    return pdf


def render(site: Path) -> tuple[bytes, int]:
    """The PDF of the built `site`, and how many times it was printed."""
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    if not site.is_dir():
        raise PdfError(f"{site}: no built site (run `make build` first)")
    try:
        own = printpage.print_file(site)
    except printpage.PrintPageError as error:
        raise PdfError(str(error)) from None
    path = site / own
    source = path.read_text(encoding="utf-8")
    canonical_url(source, str(path))
    date = edition_date(source, str(path))
    if not _CONTENTS.search(source):
        raise PdfError(f'{path}: no <nav class="print-contents"> (run ex01.postbuild first)')
    title = _report_title(source)
    with served(site) as url, sync_playwright() as playwright:
        try:
            browser = playwright.chromium.launch(
                executable_path=SYSTEM_CHROMIUM, args=CHROMIUM_FLAGS
            )
        except PlaywrightError as error:
            raise PdfError(
                f"{SYSTEM_CHROMIUM}: Chromium does not start ({error.message.splitlines()[0]})"
            ) from None
        try:
            pdf, passes = settle(
                source,
                lambda text: print_page(
                    browser, url, url + own.removesuffix("index.html"), text, title
                ),
                str(path),
            )
        finally:
            browser.close()
    return stamp(pdf, date, title), passes


def settle(source: str, print_text: Callable[[str], bytes], name: str) -> tuple[bytes, int]:
    """Print the print page `source` (named `name` in errors) with `print_text` until the
    contents' page numbers match the pages their entries land on; the PDF and how many prints
    it took. Each pass fills the contents with the numbers the previous PDF gave."""
    numbers = None
    for passes in range(1, MAX_PASSES + 1):
        text = prepare(source, numbers)
        pdf = print_text(text)
        found = page_numbers(pdf)
        wanted = entry_ids(text)
        missing = [ident for ident in wanted if ident not in found]
        if missing and passes < MAX_PASSES:
            # Seen once in a while: Chromium leaves out the named destination of a heading.
            # The same page printed again has it; only the last pass fails.
            continue
        if missing:
            raise PdfError(f"{name}: the PDF has no destination for #{missing[0]}")
        actual = {ident: found[ident] for ident in wanted}
        if actual == numbers:
            return pdf, passes
        numbers = actual
    raise PdfError(f"{name}: the page numbers did not settle after {MAX_PASSES} prints")


_H1_TITLE = re.compile(r'<p class="print-title__report">(?P<title>.*?)</p>', re.S)


def _report_title(print_html: str) -> str:
    """The report's title, as the title page gives it."""
    match = _H1_TITLE.search(print_html)
    return printpage.plain_text(match["title"]) if match else "EX01"


def write(site: Path, out: Path) -> tuple[Path, int]:
    """Write the PDF of `site` to `out` and publish it in the site (PUBLISHED); returns the
    published path and how many prints it took."""
    pdf, passes = render(site)
    published = site / PUBLISHED
    for target in (out, published):
        target.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(
            dir=target.parent, prefix=".", suffix=".tmp", delete=False
        ) as file:
            file.write(pdf)
        # A temporary file is private to its owner; the PDF is for everyone who reads the site.
        os.chmod(file.name, 0o644)
        Path(file.name).replace(target)
    return published, passes


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print("usage: python -m ex01.pdf SITE_DIR PDF_PATH", file=sys.stderr)
        return 2
    try:
        published, passes = write(Path(args[0]), Path(args[1]))
    except PdfError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    size = Path(args[1]).stat().st_size
    print(
        f"{args[1]}: the PDF edition, {size / 1e6:.1f} MB, {passes} prints;"
        f" published as {published}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
