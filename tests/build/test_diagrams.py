"""Every diagram is served drawn (docs/includes/diagrams.json, `make prerender`). That the store
holds exactly the site's diagrams, and its gates: test_stores.py."""

from __future__ import annotations

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
