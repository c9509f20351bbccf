"""Citations of a page: APA and BibTeX entries, and the meta tags that cite it in <head>."""

from __future__ import annotations

import datetime
import html
import re
from dataclasses import dataclass

_BIBTEX_SPECIAL = re.compile(r"([&%$#_{}])")
MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]


class CitationError(ValueError):
    """The site configuration lacks what a citation needs."""


@dataclass(frozen=True)
class Citation:
    """What a reader needs to cite one page of the site."""

    title: str  # the page's own title (its h1)
    author: str  # site_author: a person, or a group written as one name
    site_name: str
    report_title: str
    url: str  # the page's full address, from site_url
    date: datetime.date  # when the content last changed: extra.edition.date
    description: str
    key: str  # BibTeX key, unique per page


def edition_date(value: object) -> datetime.date:
    """The edition date from mkdocs.yml (`extra.edition.date`, YYYY-MM-DD)."""
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        raise CitationError(
            f"mkdocs.yml: extra.edition.date must be a date (YYYY-MM-DD), not {value!r}"
        ) from None


def bibtex_key(page_path: str, date: datetime.date) -> str:
    """A stable BibTeX key from the page's URL.

    'answers/gemini/scaling/' gives 'ex01-answers-gemini-scaling-2026'.
    """
    words = re.findall(r"[a-z0-9]+", page_path.lower())
    return "-".join(["ex01", *(words or ["home"]), str(date.year)])


def render_apa_html(citation: Citation) -> str:
    """An APA 7 reference to the page as a web page, as HTML (the title in italics)."""
    c = citation
    date = f"{c.date.year}, {c.date.strftime('%B')} {c.date.day}"
    return (
        f"{html.escape(c.author)}. ({date}). <em>{html.escape(c.title)}</em>. "
        f'{html.escape(c.site_name)}. <a href="{html.escape(c.url)}">{html.escape(c.url)}</a>'
    )


def render_apa_text(citation: Citation) -> str:
    """The same APA reference as plain text, for the clipboard."""
    c = citation
    date = f"{c.date.year}, {c.date.strftime('%B')} {c.date.day}"
    return f"{c.author}. ({date}). {c.title}. {c.site_name}. {c.url}"


def _bibtex_escape(text: str) -> str:
    return _BIBTEX_SPECIAL.sub(r"\\\1", text)


def render_bibtex(citation: Citation) -> str:
    """A BibTeX @misc entry for the page; the title's capitals are kept as written."""
    c = citation
    fields = [
        ("title", "{" + _bibtex_escape(c.title) + "}"),
        ("author", "{" + _bibtex_escape(c.author) + "}"),
        ("howpublished", _bibtex_escape(c.site_name)),
        ("year", str(c.date.year)),
        ("month", MONTHS[c.date.month - 1]),
        ("date", c.date.isoformat()),
        ("url", c.url),
        ("note", "Part of " + _bibtex_escape(c.report_title)),
    ]
    lines = [
        f"  {name} = {value if name == 'month' else '{' + value + '}'}," for name, value in fields
    ]
    return "@misc{" + c.key + ",\n" + "\n".join(lines) + "\n}"


def abbreviation(snippet: str, acronym: str, path: str) -> str:
    """An acronym's expansion from the site's abbreviations snippet (`*[APA]: ...` lines)."""
    match = re.search(rf"^\*\[{re.escape(acronym)}\]: (.+)$", snippet, re.MULTILINE)
    if match is None:
        raise CitationError(f"{path}: no entry for {acronym}, which the citation block uses")
    return match[1].strip()


def render_cite_block(citation: Citation, apa_title: str) -> str:
    """The "Cite this page" block appended to every page (kept out of the search index)."""
    apa_text = html.escape(render_apa_text(citation))
    bibtex = render_bibtex(citation)
    return (
        '<details class="cite" id="cite-this-page" data-search-exclude>\n'
        "<summary>Cite this page</summary>\n"
        f'<p class="cite__label"><abbr title="{html.escape(apa_title)}">APA</abbr></p>\n'
        f'<p class="cite__entry">{render_apa_html(citation)}</p>\n'
        f'<button type="button" class="cite-copy" data-copy="{apa_text}" '
        'aria-label="Copy the APA citation">Copy APA</button>\n'
        '<p class="cite__label">BibTeX</p>\n'
        f'<pre class="cite__entry"><code>{html.escape(bibtex)}</code></pre>\n'
        f'<button type="button" class="cite-copy" data-copy="{html.escape(bibtex)}" '
        'aria-label="Copy the BibTeX entry">Copy BibTeX</button>\n'
        "</details>"
    )


def head_meta(citation: Citation, home: bool) -> list[tuple[str, str, str]]:
    """(attribute, name, content) of the <meta> tags that describe and cite the page.

    Google Scholar reads the Highwire Press `citation_*` tags; link previews read Open Graph.
    """
    c = citation
    return [
        ("name", "citation_title", c.title),
        ("name", "citation_author", c.author),
        ("name", "citation_publication_date", c.date.strftime("%Y/%m/%d")),
        ("name", "citation_online_date", c.date.strftime("%Y/%m/%d")),
        ("name", "citation_public_url", c.url),
        ("name", "citation_technical_report_number", "EX01"),
        ("name", "citation_language", "en"),
        ("property", "og:type", "website" if home else "article"),
        ("property", "og:site_name", c.site_name),
        ("property", "og:title", c.title),
        ("property", "og:description", c.description),
        ("property", "og:url", c.url),
        ("property", "og:locale", "en_US"),
        ("name", "twitter:card", "summary"),
    ]
