"""Every diagram is served drawn (docs/includes/diagrams.json, `make prerender`), and the store
holds exactly the site's diagrams, drawn with the Mermaid version the site serves."""

from __future__ import annotations

from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from ex01 import diagrams, prerender
from tests.conftest import DOCS, ROOT, copy_with_store

STORE = ROOT / diagrams.STORE
PACKAGE_JSON = ROOT / prerender.PACKAGE_JSON


def test_diagrams__store_matches_the_site(site: Path) -> None:
    found = diagrams.problems(site, STORE, PACKAGE_JSON)
    print(found)
    assert found == [], "run `make prerender`"


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


def test_gate__undrawn_diagram_is_reported(site: Path, tmp_path: Path) -> None:
    store, copy = copy_with_store(tmp_path, site, STORE, lambda data: None)
    page = copy / "chapters" / "gans" / "index.html"
    html = page.read_text(encoding="utf-8")
    page.write_text(
        html.replace(
            "</article>",
            '<pre class="mermaid"><code>flowchart LR\n  a --> b</code></pre></article>',
            1,
        ),
        encoding="utf-8",
    )
    assert diagrams.problems(copy, store, PACKAGE_JSON) == [
        "chapters/gans/index.html: a diagram is not drawn yet"
    ]


def test_gate__unused_and_outdated_diagrams_are_reported(site: Path, tmp_path: Path) -> None:
    def edit(data: dict) -> None:
        data["mermaid"] = "10.0.0"
        data["diagrams"]["0123456789abcdef"] = {"source": "flowchart LR\n", "svg": "<svg></svg>"}

    store, copy = copy_with_store(tmp_path, site, STORE, edit)
    assert diagrams.problems(copy, store, PACKAGE_JSON) == [
        f"{store}: drawn with mermaid 10.0.0, the site serves "
        f"{diagrams.mermaid_version(PACKAGE_JSON)}",
        f"{store}: diagram 0123456789abcdef is used by no page",
    ]
