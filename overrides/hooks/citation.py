"""Appends a "Cite this page" block to every page and gives the template its citation meta tags."""

from __future__ import annotations

import os

from mkdocs.exceptions import PluginError

from ex01.citation import (
    Citation,
    CitationError,
    abbreviation,
    bibtex_key,
    edition_date,
    head_meta,
    render_cite_block,
)
from ex01.permalinks import web_url

# The same snippet pymdownx.snippets appends to every page (mkdocs.yml).
ABBREVIATIONS = "includes/abbreviations.md"
# What every page's citation shares, read once per build by on_config.
_build: dict[str, object] = {}


def on_config(config):
    """Check the edition date and read the APA expansion once, before any page is built."""
    path = os.path.join(config["docs_dir"], ABBREVIATIONS)
    try:
        _build["date"] = edition_date(config["extra"].get("edition", {}).get("date"))
        with open(path, encoding="utf-8") as handle:
            _build["apa"] = abbreviation(handle.read(), "APA", os.path.relpath(path))
    except (CitationError, OSError) as error:
        raise PluginError(str(error)) from None
    return config


def _citation(page, config) -> Citation:
    # The page's h1 names it fully ("ChatGPT, prompt 4: …"); the nav title may be shorter.
    first = page.toc.items[0] if page.toc.items else None
    title = first.title if first is not None and first.level == 1 else page.title
    date = _build["date"]
    return Citation(
        title=title,
        author=config["site_author"],
        site_name=config["site_name"],
        report_title=config["extra"]["report"]["title"],
        url=web_url(config["site_url"], page.file.src_uri),
        date=date,
        description=page.meta.get("description") or config["site_description"],
        key=bibtex_key(page.url, date),
    )


def on_page_content(html: str, page, config, files) -> str:
    """The block goes last in the article, after any footnotes."""
    block = render_cite_block(_citation(page, config), _build["apa"])
    return f"{html}\n<!-- hooks/citation.py -->\n{block}"


def on_page_context(context, page, config, nav):
    """`head_meta` is read by overrides/main.html's extrahead block."""
    context["head_meta"] = head_meta(_citation(page, config), home=page.is_homepage)
    return context
