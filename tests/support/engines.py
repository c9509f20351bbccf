"""What the two engines' builds of the site are compared by (tests/build/test_engines.py).

Each page's features are counted from its HTML, so that a feature one engine drops (an extension
it does not run, a template block it does not render) shows as a count that differs, named.
"""

from __future__ import annotations

import re
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

# Each feature the site adds to a page, with how to count it on the built page.
FEATURES = {
    "copy-link buttons": "article button.copy-link",
    "stable tab ids": "article .tabbed-set > input[id]:not([id^='__tabbed_'])",
    "positional tab ids": "article .tabbed-set > input[id^='__tabbed_']",
    "table wrappers": "article div.deferred-table",
    "typeset formulas": "article [data-formula]",
    "formulas left to the browser": "article .arithmatex:not([data-formula])",
    "drawn diagrams": "article div.mermaid[data-diagram]",
    "diagrams left to the browser": "article pre.mermaid",
    "cite block": "article details.cite#cite-this-page",
    "citation meta tags": "meta[name^='citation_']",
    "Open Graph meta tags": "meta[property^='og:']",
    "answer headers": "article .answer-header",
    "links marked for print": "article a[data-print-url]",
    "KaTeX stylesheet": "link[rel=stylesheet][href$='katex.min.css']",
    "Content-Security-Policy": "meta[http-equiv='Content-Security-Policy']",
    "printed pages": "article section.print-page",
}
HEADINGS = "h1, h2, h3, h4, h5, h6"
# The engine's own chrome inside the article, left out of its text: the permalink signs and
# Material's page actions; what is left is what the site wrote.
CHROME = "a.headerlink, .md-content__button, .md-source-file"


def pages(site: Path) -> list[str]:
    """The HTML pages of a built site, as paths inside it."""
    return sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html"))


def features(html: str) -> dict[str, int]:
    """How many times each of FEATURES occurs on a built page."""
    tree = LexborHTMLParser(html)
    return {name: len(tree.css(selector)) for name, selector in FEATURES.items()}


def heading_ids(html: str) -> list[str]:
    """The ids of the article's headings, in page order."""
    article = LexborHTMLParser(html).css_first("article")
    return [node.id or "" for node in article.css(HEADINGS)] if article else []


def article_text(html: str) -> str:
    """The article's text, white space folded, without the engine's own chrome."""
    article = LexborHTMLParser(html).css_first("article")
    if article is None:
        return ""
    for node in article.css(CHROME):
        node.decompose()
    return re.sub(r"\s+", " ", article.text(deep=True)).strip()


def differences(first: Path, second: Path) -> list[str]:
    """Every way the two built sites differ in pages, heading ids, article text and features,
    one line each, naming the page and the feature."""
    found = []
    only = sorted(set(pages(first)) ^ set(pages(second)))
    found += [f"{page}: built by one engine only" for page in only]
    for page in sorted(set(pages(first)) & set(pages(second))):
        one = (first / page).read_text(encoding="utf-8")
        other = (second / page).read_text(encoding="utf-8")
        if heading_ids(one) != heading_ids(other):
            found.append(f"{page}: heading ids differ")
        if article_text(one) != article_text(other):
            found.append(f"{page}: article text differs")
        counts, other_counts = features(one), features(other)
        found += [
            f"{page}: {name}: {counts[name]} against {other_counts[name]}"
            for name in FEATURES
            if counts[name] != other_counts[name]
        ]
    return found
