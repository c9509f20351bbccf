"""Links to other sites marked for print: paper shows where each one goes.

markdown_extensions:
  - ex01.markdown.links
"""

from __future__ import annotations

import html as html_lib
import re

from ex01.markdown.rewrite import HtmlRewrite

# A link to another site and its text (links never nest).
_EXTERNAL_LINK = re.compile(r"""<a(\s[^<>]*?)?\shref="(https?://[^"]*)"([^<>]*)>(.*?)</a>""", re.S)
_TAG = re.compile(r"<[^<>]*>")


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


class LinksExtension(HtmlRewrite):
    """Marks the page's external links (see `mark_link_targets`) for the print stylesheet."""

    name = "links"
    rewrite = staticmethod(mark_link_targets)


def makeExtension(**kwargs: object) -> LinksExtension:
    return LinksExtension(**kwargs)
