"""Stored formulas replace their LaTeX in the page; others are left for the browser."""

from __future__ import annotations

from pathlib import Path

from ex01 import formulas

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
    html = formulas.typeset_page(INLINE + DISPLAY, store)
    print(html)
    assert html == (
        f'<p>Cost <span class="arithmatex" data-formula="{inline}"><span>I</span></span> grows.</p>'
        f'<div class="arithmatex" data-formula="{display}" tabindex="0"><span>D</span></div>'
    )


def test_typeset__unstored_formula_is_left_as_latex(tmp_path: Path) -> None:
    assert formulas.typeset_page(INLINE, tmp_path / "absent.json") == INLINE


def test_typeset__same_text_inline_and_display_are_different_formulas(tmp_path: Path) -> None:
    """The key covers the kind: an inline formula never gets a display formula's HTML."""
    tex = "\nx = 1\n"
    store = _store(
        tmp_path,
        {formulas.formula_key(tex, True): {"tex": tex, "display": True, "html": "<b>D</b>"}},
    )
    inline = '<span class="arithmatex">\\(\nx = 1\n\\)</span>'
    assert formulas.typeset_page(inline, store) == inline


def test_search_view__typeset_formulas_read_as_their_latex(tmp_path: Path) -> None:
    """The search index gets each typeset formula's LaTeX once, as code, escaped; a formula left
    for the browser keeps its arithmatex markup, as Material would index it anyway."""
    *_, store = _both_stored(tmp_path)
    unstored = '<span class="arithmatex">\\(y\\)</span>'
    page = formulas.typeset_page(INLINE + INLINE + DISPLAY + unstored, store)
    view = formulas.search_view(page, store)
    print(view)
    assert view == (
        "<p>Cost <code>n^2 &lt; m</code> grows.</p>" * 2 + "<p><code>x = 1</code></p>" + unstored
    )
