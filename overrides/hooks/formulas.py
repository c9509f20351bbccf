"""Puts formulas typeset ahead of time (docs/includes/formulas.json) in place of their LaTeX."""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from ex01.formulas import typeset_page
from ex01.store import StoreError

STORE = "includes/formulas.json"


# Before the plugins (priority 0), so that the print page collects the typeset pages.
@event_priority(100)
def on_page_content(html: str, page, config, files) -> str:
    """See ex01.formulas.typeset_page."""
    try:
        return typeset_page(html, Path(config["docs_dir"]) / STORE)
    except StoreError as error:
        raise PluginError(str(error)) from error
