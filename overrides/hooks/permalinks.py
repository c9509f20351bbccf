"""Adds a "copy link to this section" button to every heading of every page."""

from __future__ import annotations

from ex01.permalinks import add_copy_buttons, web_url


def on_page_content(html: str, page, config, files) -> str:
    """Each button carries its section's full address on the web edition (site_url)."""
    return add_copy_buttons(html, web_url(config["site_url"], page.file.src_uri))
