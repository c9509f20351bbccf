"""A "copy link to this section" button after each heading's permalink.

    markdown_extensions:
      - toc:
          permalink: true
      - ex01.markdown.permalinks

The button carries the section's fragment (`#id`); assets/javascripts/copy.js joins it to the
address the page is served from when it is pressed, so the copied link is right wherever the
site is hosted (the web, a mirror, the offline zip).
"""

from __future__ import annotations

import html
import re

from selectolax.lexbor import LexborHTMLParser

from ex01.markdown.rewrite import HtmlRewrite

# Python-Markdown's toc extension ends every heading with this permalink (mkdocs.yml sets
# permalink_title); the heading's own markup comes before it.
_HEADING = re.compile(
    r'(?P<open><h(?P<level>[1-6]) id="(?P<id>[^"]+)"[^>]*>)(?P<inner>.*?)'
    r'(?P<link><a class="headerlink" href="#(?P=id)" title="[^"]*">&para;</a>)',
    re.DOTALL,
)


def heading_text(inner_html: str) -> str:
    """The text a reader sees in a heading's inner HTML, without tags or surrounding space."""
    return " ".join(LexborHTMLParser(f"<p>{inner_html}</p>").css_first("p").text().split())


def add_copy_buttons(content: str) -> str:
    """Put a "copy link to this section" button after each heading's permalink."""

    def button(match: re.Match[str]) -> str:
        label = f"Copy link to section: {heading_text(match['inner'])}"
        return (
            f"{match['open']}{match['inner']}{match['link']}"
            f'<button type="button" class="copy-link" data-url="#{html.escape(match["id"])}" '
            f'aria-label="{html.escape(label)}" title="Copy link to this section"></button>'
        )

    return _HEADING.sub(button, content)


class PermalinksExtension(HtmlRewrite):
    """Adds the copy-link buttons (see `add_copy_buttons`); needs toc's `permalink: true`."""

    name = "permalinks"
    rewrite = staticmethod(add_copy_buttons)


def makeExtension(**kwargs: object) -> PermalinksExtension:
    return PermalinksExtension(**kwargs)
