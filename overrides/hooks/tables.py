"""Wraps each table in a block laid out only near the viewport: see ex01.tables."""

from __future__ import annotations

from mkdocs.plugins import event_priority

from ex01.tables import defer_tables


# Before the plugins (priority 0), so that the print page collects the wrapped tables too.
@event_priority(50)
def on_page_content(html: str, page, config, files) -> str:
    return defer_tables(html)
