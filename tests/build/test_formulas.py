"""Every formula is served typeset (docs/includes/formulas.json, `make prerender`), and a formula
KaTeX cannot typeset is reported where it is written. That the store holds exactly the site's
formulas, and its gates: test_stores.py."""

from __future__ import annotations

import json
from html import escape
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from ex01 import formulas
from tests.conftest import ROOT


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


def test_search_index__reads_each_formula_as_its_latex(site: Path, html_pages: dict) -> None:
    """Material's search plugin reads the LaTeX the author wrote, as code, not KaTeX's HTML,
    whose text holds each formula three times with zero-width spaces (ex01.markdown.formulas)."""
    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    store = json.loads((ROOT / formulas.STORE).read_text(encoding="utf-8"))["formulas"]
    text = {}
    for doc in docs:
        page = doc["location"].split("#")[0]
        text[page] = text.get(page, "") + doc["title"] + doc["text"]
    checked = 0
    for name, page_html in html_pages.items():
        page = name.removesuffix("index.html")
        if page.startswith("print/") or page not in text:
            continue
        for digest in set(formulas.TYPESET.findall(page_html)):
            latex = escape(store[digest]["tex"].strip(), quote=False)
            assert f"<code>{latex}</code>" in text[page], (name, latex)
            checked += 1
    print(checked)
    assert checked > 100
    assert not [doc["location"] for doc in docs if "\u200b" in doc["text"] + doc["title"]]
    section = next(d for d in docs if d["location"].endswith("#scaled-dot-product-attention"))
    assert "The division by <code>\\sqrt{d_k}</code>, where <code>d_k</code> is" in section["text"]
