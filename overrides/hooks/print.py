"""Printing: marks link targets for the print CSS; keeps the print page's ids unique and intact."""

from __future__ import annotations

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs_print_site_plugin import urls

from ex01.printing import keep_links_to, mark_link_targets, prefix_ids, print_page_assets


def on_config(config):
    """Replace mkdocs-print-site-plugin's id renaming (pinned 2.9), which breaks pages.

    The plugin renames only the ids of headings, <sup> and <li>, and only the first id in each
    stretch of a line it scans, so footnotes and other targets keep ids that repeat across pages
    (their links point nowhere), and it replaces an id's value wherever the text first occurs in
    the tag: the glossary's <h2 id="d"> became <h2 iglossary-d="d">, invalid markup.
    tests/build/test_links.py and test_html_validity.py check the result.
    """
    if not callable(getattr(urls, "update_anchor_ids", None)):
        raise PluginError("mkdocs-print-site-plugin changed: urls.update_anchor_ids is gone")
    urls.update_anchor_ids = prefix_ids
    # Links to the pages print-site's `exclude` leaves out (the side-by-side views) would become
    # anchors to nowhere; they stay links to the pages themselves.
    options = config["plugins"]["print-site"].config
    excluded = tuple(
        pattern.removesuffix("*").removesuffix(".md") for pattern in options["exclude"]
    )
    if not callable(getattr(urls, "fix_href_links", None)):
        raise PluginError("mkdocs-print-site-plugin changed: urls.fix_href_links is gone")
    # A rebuild under `mkdocs serve` runs this again: wrap the plugin's own function, once.
    original = getattr(urls.fix_href_links, "__wrapped__", urls.fix_href_links)
    urls.fix_href_links = keep_links_to(original, excluded, options["print_page_basename"] + "/")
    # The plugin's stylesheets and script go on its own page only (overrides/main.html links
    # them there); this hook runs after the plugin's on_config, which adds them to every page
    # unless the plugin is off (the offline edition).
    if not options["enabled"]:
        return config
    try:
        assets = print_page_assets(config["extra_css"], config["extra_javascript"])
    except ValueError as error:
        raise PluginError(str(error)) from None
    url = options["print_page_basename"] + ("/" if config["use_directory_urls"] else ".html")
    config["extra"]["print_page"] = {"url": url, **assets}
    return config


# Before the print-site plugin copies each page's HTML into the print page.
@event_priority(50)
def on_page_content(html, page, config, files):
    """Mark links whose printed text would not show where they go (see extra.css, print)."""
    return mark_link_targets(html)
