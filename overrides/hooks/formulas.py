"""Puts formulas typeset ahead of time (docs/includes/formulas.json) in place of their LaTeX,
and has Material's search plugin index the LaTeX instead of KaTeX's HTML."""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority

from ex01.formulas import search_view, typeset_page
from ex01.store import StoreError

STORE = "includes/formulas.json"

# Each page's typeset content while the search plugin reads its search view, by page source.
_typeset: dict[str, str] = {}


# Before the plugins (priority 0), so that the print page collects the typeset pages.
@event_priority(100)
def on_page_content(html: str, page, config, files) -> str:
    """See ex01.formulas.typeset_page."""
    try:
        return typeset_page(html, Path(config["docs_dir"]) / STORE)
    except StoreError as error:
        raise PluginError(str(error)) from error


# Material's search plugin indexes `page.content` in its on_page_context (priority 0): it reads
# the search view, and the page is rendered typeset.
@event_priority(50)
def _index_latex(context, page, config, nav):
    """See ex01.formulas.search_view."""
    _typeset[page.file.src_uri] = page.content
    page.content = search_view(page.content, Path(config["docs_dir"]) / STORE)
    return context


@event_priority(-50)
def _render_typeset(context, page, config, nav):
    page.content = _typeset.pop(page.file.src_uri)
    return context


on_page_context = CombinedEvent(_index_latex, _render_typeset)
