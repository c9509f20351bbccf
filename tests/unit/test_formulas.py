"""Stored formulas replace their LaTeX in the page (ex01.markdown.formulas); others are left for
the browser."""

from __future__ import annotations

import logging
from pathlib import Path

import markdown
import pytest

from ex01.markdown import formulas

INLINE = '<p>Cost <span class="arithmatex">\\(n^2 &lt; m\\)</span> grows.</p>'
DISPLAY = '<div class="arithmatex">\\[\nx = 1\n\\]</div>'


def _store(tmp_path: Path, entries: dict) -> Path:
    store = tmp_path / "formulas.json"
    formulas.KIND.write(store, "0.16.0", entries)
    return store


def _both_stored(tmp_path: Path) -> tuple[str, str, Path]:
    """The keys of INLINE's and DISPLAY's formulas, and a store that holds both."""
    inline = formulas.formula_key("n^2 < m", display=False)
    display = formulas.formula_key("\nx = 1\n", display=True)
    store = _store(
        tmp_path,
        {
            inline: {"tex": "n^2 < m", "display": False, "html": "<span>I</span>"},
            display: {"tex": "\nx = 1\n", "display": True, "html": "<span>D</span>"},
        },
    )
    return inline, display, store


def test_typeset__stored_inline_and_display_formulas_are_replaced(tmp_path: Path) -> None:
    inline, display, store = _both_stored(tmp_path)
    html = formulas.typeset_page(INLINE + DISPLAY, formulas.KIND.load(store)["formulas"])
    print(html)
    assert html == (
        f'<p>Cost <span class="arithmatex" data-formula="{inline}">'
        '<code class="formula-source" hidden>n^2 &lt; m</code>'
        "<typeset-formula data-search-exclude><span>I</span></typeset-formula></span> grows.</p>"
        f'<div class="arithmatex" data-formula="{display}" tabindex="0">'
        '<code class="formula-source" hidden>x = 1</code>'
        "<typeset-formula data-search-exclude><span>D</span></typeset-formula></div>"
    )


def test_typeset__unstored_formula_is_left_as_latex_and_listed() -> None:
    left: list[tuple[str, bool]] = []
    assert formulas.typeset_page(INLINE, {}, left) == INLINE
    assert left == [("n^2 < m", False)]


def test_typeset__same_text_inline_and_display_are_different_formulas(tmp_path: Path) -> None:
    """The key covers the kind: an inline formula never gets a display formula's HTML."""
    tex = "\nx = 1\n"
    store = _store(
        tmp_path,
        {formulas.formula_key(tex, True): {"tex": tex, "display": True, "html": "<b>D</b>"}},
    )
    inline = '<span class="arithmatex">\\(\nx = 1\n\\)</span>'
    assert formulas.typeset_page(inline, formulas.KIND.load(store)["formulas"]) == inline


def test_extension__typesets_what_arithmatex_leaves(tmp_path: Path) -> None:
    """The extension as mkdocs.yml configures it, on a line of Markdown."""
    inline, _, store = _both_stored(tmp_path)
    html = markdown.markdown(
        "Cost $n^2 < m$ grows.",
        extensions=["pymdownx.arithmatex", "ex01.markdown.formulas"],
        extension_configs={
            "pymdownx.arithmatex": {"generic": True},
            "ex01.markdown.formulas": {"store": str(store)},
        },
    )
    print(html)
    assert f'data-formula="{inline}"' in html
    assert "<span>I</span>" in html


def _convert(text: str, store: Path) -> str:
    return markdown.markdown(
        text,
        extensions=["pymdownx.arithmatex", "ex01.markdown.formulas"],
        extension_configs={
            "pymdownx.arithmatex": {"generic": True},
            "ex01.markdown.formulas": {"store": str(store)},
        },
    )


def test_extension__a_formula_not_in_the_store_is_a_warning_naming_it(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    *_, store = _both_stored(tmp_path)
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        html = _convert("Line one.\n\nBroken $\\frac{a$ here.", store)
    print(caplog.records)
    assert "arithmatex" in html
    (record,) = caplog.records
    assert record.levelno == logging.WARNING
    assert record.getMessage().startswith("<text>:3: a formula not typeset ahead of time")
