"""The whole report on one page, for printing (print/), made from the built site.

ex01.postbuild runs it after either engine's build.

The page docs/print.md is built by the engine like any other, so it has the site's chrome; its
article holds an empty `<div class="print-report">`, which this fills with the article of every
page in the navigation's order (read from the built home page, so it works on either engine's
output), each page in a `<section>` whose id is the page's key ("chapters-gans"):

- every id on a page is prefixed with its key, so ids stay unique and links land: a link to
  another page becomes `#<key>` or `#<key>-<id>`, and a page's own `#id` becomes `#<key>-<id>`.
  Ids inside a diagram (its declarative shadow root) are left alone: the diagram's own style
  targets them, and a shadow root keeps them apart anyway;
- links to pages that are not printed (the side-by-side pages repeat the answers; a section's
  index page only lists the pages that follow it) and to files keep working, re-addressed from
  print/;
- each page's "Cite this page" block, copy buttons and edit and view buttons are left out.

A contents list of the pages and their sections comes first. The same site gives the same bytes.
"""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

from ex01.answers import SECTION_INDEXES

# The print page's file, as MkDocs writes it with directory URLs (the web edition) or without
# (the offline edition).
PRINT_FILES = ("print/index.html", "print.html")
KATEX_CSS = "assets/javascripts/vendor/katex/katex.min.css"
# Pages that are not printed: the side-by-side pages quote the answers, printed in full already.
SKIPPED = ("side-by-side/",)

_ARTICLE = re.compile(
    r'<article class="md-content__inner md-typeset">(?P<inner>.*)</article>', re.S
)
_REPORT = re.compile(r'<div class="print-report">.*?</div>', re.S)
# A section's index page (navigation.indexes) is linked from its label, class "md-nav__link ".
_NAV_LINK = re.compile(
    r'<a href="(?P<href>[^"]*)" class="md-nav__link(?: md-nav__link--active)?\s*"'
)
_PRIMARY_NAV = re.compile(r'<nav class="md-nav md-nav--primary".*?</nav>\s*</div>\s*</div>', re.S)
_TEMPLATE = re.compile(r"<template shadowrootmode=.*?</template>", re.S)
_CITE = re.compile(r'<details class="cite" id="cite-this-page".*?</details>', re.S)
_COPY_BUTTON = re.compile(r'<button type="button" class="copy-link"[^>]*></button>')
# Material's edit and view buttons (content.action.*), which name the page they came from.
_ACTION = re.compile(r'<a [^>]*class="md-content__button[^"]*"[^>]*>.*?</a>', re.S)
_SKIP_ANCHOR = re.compile(r'<a id="__skip" tabindex="-1"></a>')
_ID = re.compile(r"""(<[a-zA-Z][^<>]*?\s(?:id|for)=)(["'])(.*?)\2""")
_URL_ATTRIBUTE = re.compile(r"""(\s(?:href|src)=)(["'])(.*?)\2""")
_H1 = re.compile(r"<h1[^>]*>(?P<inner>.*?)</h1>", re.S)
_H2 = re.compile(r'<h2 id="(?P<id>[^"]+)"[^>]*>(?P<inner>.*?)</h2>', re.S)
_HEADERLINK = re.compile(r'<a class="headerlink".*?</a>', re.S)
_TAG = re.compile(r"<[^<>]*>")


class PrintPageError(Exception):
    """The built site lacks what the print page is made from; the message names the file."""


@dataclass(frozen=True)
class Page:
    file: str  # inside the site: "chapters/gans/index.html" (or "chapters/gans.html" offline)
    key: str  # "chapters-gans", "home"
    article: str  # the article's inner HTML, as built


def page_key(file: str) -> str:
    """The id a printed page gets: its address with dashes ("chapters-gans"), "home" for "/"."""
    stem = file.removesuffix("index.html").removesuffix(".html").strip("/")
    return stem.replace("/", "-") or "home"


def is_section_index(file: str, order: list[str]) -> bool:
    """Whether a page is a section's list of its pages (navigation.indexes), left out of print:
    an index.html whose folder holds other pages of the navigation ("chapters/index.html"
    beside "chapters/gans/…") and whose source is one of those lists (ex01.answers.
    SECTION_INDEXES). The comparison's overview is a section index too, but it is content."""
    folder = file.removesuffix("index.html")
    if folder == file or not folder or f"{folder}index.md" not in SECTION_INDEXES:
        return False
    return any(other != file and other.startswith(folder) for other in order)


def _page_file(path: str) -> str:
    """The file a site-relative link path names: "a/b" or "a/b/" -> "a/b/index.html"."""
    if path in ("", "."):
        return "index.html"
    return path if path.endswith(".html") else path.rstrip("/") + "/index.html"


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError as error:
        raise PrintPageError(f"{path}: cannot read ({error.strerror})") from None


def reading_order(home_html: str) -> list[str]:
    """The pages of the site in navigation order, as files inside the site, from the home
    page's primary navigation (its links are relative to the home page)."""
    nav = _PRIMARY_NAV.search(home_html)
    if nav is None:
        raise PrintPageError("index.html: no primary navigation to read the pages' order from")
    files: list[str] = []
    for match in _NAV_LINK.finditer(nav[0]):
        file = _page_file(posixpath.normpath(html.unescape(match["href"]).split("#")[0] or "."))
        if file not in files:
            files.append(file)
    return files


def plain_text(inner: str) -> str:
    """The text of some HTML, without its tags or permalink signs, its spaces collapsed."""
    return " ".join(html.unescape(_TAG.sub("", _HEADERLINK.sub("", inner))).split())


def _outside_templates(text: str, change) -> str:
    """`change` applied to the text outside diagrams' shadow-root templates."""
    parts, last = [], 0
    for match in _TEMPLATE.finditer(text):
        parts += [change(text[last : match.start()]), match[0]]
        last = match.end()
    return "".join([*parts, change(text[last:])])


def printed_article(page: Page, keys: dict[str, str], print_file: str) -> str:
    """One page's article as the print page (`print_file`) holds it (see the module's
    docstring); `keys` maps each printed page's file to its key."""
    folder = posixpath.dirname(page.file)
    inner = _CITE.sub("", page.article)
    inner = _COPY_BUTTON.sub("", _SKIP_ANCHOR.sub("", _ACTION.sub("", inner)))

    def rewrite_url(match: re.Match[str]) -> str:
        name, quote, value = match.groups()
        raw = html.unescape(value)
        if re.match(r"^[a-z][a-z0-9+.-]*:|^//", raw):
            return match[0]
        target, _, fragment = raw.partition("#")
        path = posixpath.normpath(posixpath.join(folder, target)) if target else page.file
        if name.strip() == "href=" and _page_file(path) in keys:
            key = keys[_page_file(path)]
            anchor = f"#{key}-{fragment}" if fragment else f"#{key}"
            return f"{name}{quote}{html.escape(anchor)}{quote}"
        relative = posixpath.relpath(path, posixpath.dirname(print_file) or ".")
        if target.endswith("/") and not relative.endswith("/"):
            relative += "/"
        new = relative + (f"#{fragment}" if fragment else "")
        return f"{name}{quote}{html.escape(new)}{quote}"

    def change(text: str) -> str:
        text = _ID.sub(lambda m: f"{m[1]}{m[2]}{page.key}-{m[3]}{m[2]}", text)
        return _URL_ATTRIBUTE.sub(rewrite_url, text)

    return _outside_templates(inner, change)


def contents(pages: list[Page]) -> str:
    """The contents list: each page's title, with its sections (h2)."""
    items = []
    for page in pages:
        title = _H1.search(page.article)
        name = plain_text(title["inner"]) if title else page.key
        sections = "".join(
            f'<li><a href="#{page.key}-{h2["id"]}">{html.escape(plain_text(h2["inner"]))}</a></li>'
            for h2 in _H2.finditer(_CITE.sub("", page.article))
        )
        sections = f"<ol>{sections}</ol>" if sections else ""
        items.append(f'<li><a href="#{page.key}">{html.escape(name)}</a>{sections}</li>')
    return (
        '<nav class="print-contents" aria-labelledby="print-contents">'
        '<h2 id="print-contents">Contents</h2>'
        f"<ol>{''.join(items)}</ol></nav>"
    )


def print_file(site: Path) -> str:
    """The print page's file inside the built `site`."""
    for name in PRINT_FILES:
        if (site / name).is_file():
            return name
    raise PrintPageError(f"{site}: no print page ({' or '.join(PRINT_FILES)}; docs/print.md)")


def render(site: Path) -> str:
    """The print page's HTML, made from the built `site`."""
    own = print_file(site)
    shell = _read(site / own)
    if "print-contents" in shell or not _REPORT.search(shell):
        raise PrintPageError(f'{site / own}: no empty <div class="print-report"> to fill')
    order = reading_order(_read(site / "index.html"))
    files = [
        file
        for file in order
        if file != own and not file.startswith(SKIPPED) and not is_section_index(file, order)
    ]
    pages = []
    for file in files:
        article = _ARTICLE.search(_read(site / file))
        if article is None:
            raise PrintPageError(f"{site / file}: no article")
        pages.append(Page(file=file, key=page_key(file), article=article["inner"]))
    keys = {page.file: page.key for page in pages}
    sections = "".join(
        f'<section class="print-page" id="{page.key}">{printed_article(page, keys, own)}</section>'
        for page in pages
    )
    report = f'<div class="print-report">{contents(pages)}{sections}</div>'
    shell = _REPORT.sub(lambda _: report, shell, count=1)
    # The shell was rendered before it held any formula, so its head may lack KaTeX's stylesheet.
    if 'data-formula="' in report and KATEX_CSS not in shell:
        href = posixpath.relpath(KATEX_CSS, posixpath.dirname(own) or ".")
        shell = shell.replace("</head>", f'<link rel="stylesheet" href="{href}">\n</head>', 1)
    return shell


def write(site: Path) -> Path:
    """Fill the built print page in place; returns its path."""
    path = site / print_file(site)
    text = render(site)
    temporary = path.with_name(".index.html.tmp")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(path)
    return path
