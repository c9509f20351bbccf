"""Every formula is served typeset (docs/includes/formulas.json, `make prerender`), and the
store holds exactly the site's formulas, typeset with the KaTeX version the site serves."""

from __future__ import annotations

import json
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from ex01 import formulas, prerender
from tests.conftest import ROOT, copy_with_store

STORE = ROOT / formulas.STORE
PACKAGE_JSON = ROOT / prerender.PACKAGE_JSON


def test_formulas__store_matches_the_site(site: Path) -> None:
    found = formulas.problems(site, STORE, PACKAGE_JSON)
    print(found)
    assert found == [], "run `make prerender`"


def test_formulas__every_one_typeset_with_its_stylesheet(html_pages: dict[str, str]) -> None:
    pages = 0
    for name, html in html_pages.items():
        tree = LexborHTMLParser(html)
        nodes = tree.css(".arithmatex")
        if not nodes:
            continue
        pages += 1
        assert all(node.attributes.get("data-formula") for node in nodes), name
        assert all(node.css_first(".katex .katex-mathml math") for node in nodes), name
        links = [node.attributes["href"] for node in tree.css("head link[rel=stylesheet]")]
        assert any(href.endswith("vendor/katex/katex.min.css") for href in links), name
    assert pages > 0


def test_gate__untypeset_formula_is_reported(site: Path, tmp_path: Path) -> None:
    store, copy = copy_with_store(tmp_path, site, STORE, lambda data: None)
    page = copy / "chapters" / "vaes" / "index.html"
    html = page.read_text(encoding="utf-8")
    raw = '<span class="arithmatex">\\(x^2\\)</span></article>'
    page.write_text(html.replace("</article>", raw, 1), encoding="utf-8")
    assert formulas.problems(copy, store, PACKAGE_JSON) == [
        "chapters/vaes/index.html: a formula is not typeset yet"
    ]


def test_gate__unused_and_outdated_formulas_are_reported(site: Path, tmp_path: Path) -> None:
    def edit(data: dict) -> None:
        data["katex"] = "0.1.0"
        data["formulas"]["0123456789abcdef"] = {"tex": "y", "display": False, "html": "y"}

    store, copy = copy_with_store(tmp_path, site, STORE, edit)
    version = json.loads(PACKAGE_JSON.read_text(encoding="utf-8"))["devDependencies"]["katex"]
    assert formulas.problems(copy, store, PACKAGE_JSON) == [
        f"{store}: typeset with katex 0.1.0, the site serves {version}",
        f"{store}: formula 0123456789abcdef is used by no page",
    ]


def test_typeset__names_the_file_and_line_of_a_bad_formula(tmp_path: Path) -> None:
    """`make prerender` stops on a formula KaTeX cannot typeset, naming where it is written
    (KaTeX runs in Node, from the project's node_modules)."""
    done = formulas.typeset({"bad": ("\\frac{", False), "fine": ("x^2", False)}, ROOT)
    print(done)
    assert "error" in done["bad"] and 'class="katex"' in done["fine"]["html"]
    docs = tmp_path / "docs"
    (docs / "chapters").mkdir(parents=True)
    # An earlier page with a well-formed formula that merely contains the bad one's text.
    (docs / "chapters" / "a.md").write_text("# A\n\n$\\frac{a}{b}$\n", encoding="utf-8")
    page = docs / "chapters" / "new.md"
    page.write_text("# New\n\nThe cost $\\frac{$ grows.\n\n$$\n\\sqrt{\n$$\n", encoding="utf-8")
    assert formulas.locate("\\frac{", False, docs) == f"{page}:3"
    assert formulas.locate("\n\\sqrt{\n", True, docs) == f"{page}:6"
