"""Every diagram is served drawn (docs/includes/diagrams.json, `make prerender`). That the store
holds exactly the site's diagrams, and its gates: test_stores.py."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from tests.conftest import DOCS


def test_diagrams__every_one_served_as_svg(html_pages: dict[str, str]) -> None:
    """Each ```mermaid fence in the sources is an SVG in its page, with no Mermaid to load."""
    fences = sum(
        path.read_text(encoding="utf-8").count("```mermaid") for path in DOCS.rglob("*.md")
    )
    drawn = 0
    for name, html in html_pages.items():
        if name.startswith("print/"):
            continue  # the print page repeats every page
        for node in LexborHTMLParser(html).css("div.mermaid[data-diagram]"):
            template = node.css_first("template[shadowrootmode=open]")
            assert template is not None and "<svg" in template.html, name
            drawn += 1
    assert drawn == fences > 0


def test_search_index__reads_diagram_titles_apart_from_descriptions(
    site: Path, html_pages: dict[str, str]
) -> None:
    """Search reads a diagram's title and description as text; they must not run together."""
    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    text: dict[str, str] = {}
    for doc in docs:
        page = doc["location"].split("#")[0]
        text[page] = text.get(page, "") + doc["text"]
    checked = 0
    for name, html in html_pages.items():
        page = name.removesuffix("index.html")
        if page not in text:
            continue  # the print page is not indexed
        for node in LexborHTMLParser(html).css("div.mermaid[data-diagram] template"):
            title = re.search(r"<title[^>]*>([^<]+)</title>", node.html)
            desc = re.search(r"<desc[^>]*>([^<]+)</desc>", node.html)
            if title is None or desc is None:
                continue
            assert f"{unescape(title[1])} {unescape(desc[1])[:40]}" in text[page], name
            checked += 1
    print(checked)
    assert checked > 0
