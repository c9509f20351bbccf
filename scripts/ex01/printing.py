"""HTML rewrites for print: link targets marked for the print CSS, page-prefixed print page ids."""

from __future__ import annotations

import html as html_lib
import posixpath
import re
from collections.abc import Callable

# An id attribute in a start tag. mkdocs-print-site-plugin renames <input> ids itself (together
# with their <label for>), so those are left alone. Python-Markdown escapes "<" and ">" inside
# attribute values, so a start tag never holds either.
_ID = re.compile(r"""(<(?!input\b)[a-zA-Z][^<>]*?\sid=)(["'])(.*?)\2""")
# A link to another site and its text (links never nest).
_EXTERNAL_LINK = re.compile(r"""<a(\s[^<>]*?)?\shref="(https?://[^"]*)"([^<>]*)>(.*?)</a>""", re.S)
_TAG = re.compile(r"<[^<>]*>")


def prefix_ids(html: str, page_key: str) -> str:
    """Prefix every id in one page's HTML with `page_key` and "-".

    On the print page the plugin points each link at "#<page key>-<id>"; this gives every
    element those links may target (any tag, not only headings) that id, and changes nothing else.
    """
    return _ID.sub(lambda match: f"{match[1]}{match[2]}{page_key}-{match[3]}{match[2]}", html)


def mark_link_targets(html: str) -> str:
    """Add data-print-url to each link to another site whose text is not already its address.

    The print CSS shows that attribute after the link. It cannot test the href itself: Material's
    instant navigation makes every internal href absolute in the browser, so "http…" matches
    links within the site too.
    """

    def mark(match: re.Match[str]) -> str:
        before, url, after, text = match.groups()
        shown = html_lib.unescape(_TAG.sub("", text)).strip()
        if shown.rstrip("/") == html_lib.unescape(url).rstrip("/"):
            return match[0]
        return f'<a{before or ""} href="{url}" data-print-url="{url}"{after}>{text}</a>'

    return _EXTERNAL_LINK.sub(mark, html)


_HREF = re.compile(r'(<a\s[^<>]*?href=")([^"#:]*)((?:#[^"]*)?")')
# Marks a link the plugin must leave alone: it skips any href starting with "http".
_KEEP = "http-print-keep:"


def keep_links_to(
    fix_href_links: Callable[..., str], excluded: tuple[str, ...], print_dir: str
) -> Callable[..., str]:
    """Wrap the plugin's link rewriting so that links to pages left out of the print page stay
    links to those pages (from the print page's folder), instead of anchors that are not there.

    `excluded` holds site-relative URL prefixes ("side-by-side/"); `print_dir` is the print page's
    folder ("print/").
    """
    back = "../" * print_dir.strip("/").count("/") + ("../" if print_dir.strip("/") else "")

    def fix(page_html: str, page_key: str, page_url: str, *args, **kwargs) -> str:
        def keep(match: re.Match[str]) -> str:
            target = match[2]
            if not target:
                return match[0]
            base = page_url if page_url.endswith("/") else posixpath.dirname(page_url) + "/"
            resolved = posixpath.normpath(posixpath.join(base, target)).lstrip("/")
            if not (resolved + "/").startswith(excluded):
                return match[0]
            slash = "/" if target.endswith("/") else ""
            return f"{match[1]}{_KEEP}{resolved}{slash}{match[3]}"

        fixed = fix_href_links(_HREF.sub(keep, page_html), page_key, page_url, *args, **kwargs)
        return fixed.replace(_KEEP, back)

    fix.__wrapped__ = fix_href_links  # type: ignore[attr-defined]
    return fix


# What mkdocs-print-site-plugin (pinned 2.9) adds to every page: its stylesheets (the print
# page's table of contents and banner, page margins for PDF) and the script its page calls.
PRINT_PAGE_ASSETS = ("css/print-site.css", "css/print-site-material.css", "js/print-site.js")


def print_page_assets(extra_css: list, extra_javascript: list) -> dict[str, list[str]]:
    """Take the print-site plugin's stylesheets and script off the lists every page links, in
    place, and return them ({"css": [...], "js": [...]}) for the print page alone.

    Every other page would otherwise fetch two stylesheets and a script it does not use, and the
    stylesheets block its first paint. Raises ValueError naming what is missing if the plugin
    no longer adds them.
    """
    found: dict[str, list[str]] = {"css": [], "js": []}
    for kind, paths in (("css", extra_css), ("js", extra_javascript)):
        for path in list(paths):
            if str(path) in PRINT_PAGE_ASSETS:
                paths.remove(path)
                found[kind].append(str(path))
    missing = sorted(set(PRINT_PAGE_ASSETS) - set(found["css"] + found["js"]))
    if missing:
        raise ValueError(f"mkdocs-print-site-plugin no longer adds {', '.join(missing)}")
    return found
