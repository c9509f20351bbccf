"""An A-Z bar for a page filed under letters (the glossary): a link to each letter's section.

    markdown_extensions:
      - ex01.markdown.letters

A paragraph that holds only the marker `[A-Z]` becomes a `<nav class="letters">` with a link to
every section headed by one letter (`## A {#a}`), in the page's order; letters with no section
are left out. Written from the headings, so the bar cannot miss or misname a letter. A marker on
a page without such headings is an error naming the page.
"""

from __future__ import annotations

import html
import re

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor

from ex01.markdown import PRIORITY
from ex01.markdown.context import current_page
from ex01.markdown.errors import PageError

MARKER = "<p>[A-Z]</p>"
# A section heading whose text is one capital letter, as toc writes it (the permalink follows).
_LETTER = re.compile(r'<h2 id="(?P<id>[^"]+)"[^>]*>(?P<letter>[A-Z])<a class="headerlink"')


def letter_bar(content: str, where: str = "<text>") -> str:
    """Replace the `[A-Z]` marker paragraph with a bar of links to the page's letter sections."""
    if MARKER not in content:
        return content
    letters = [(match["letter"], match["id"]) for match in _LETTER.finditer(content)]
    if not letters:
        raise PageError(f"{where}: the [A-Z] marker needs sections headed by one letter (## A)")
    links = "".join(
        f'<li><a href="#{html.escape(anchor)}">{letter}</a></li>' for letter, anchor in letters
    )
    bar = f'<nav class="letters" aria-label="Terms by first letter"><ul>{links}</ul></nav>'
    return content.replace(MARKER, bar)


class _Letters(Postprocessor):
    def run(self, text: str) -> str:
        page = current_page(self.md)
        return letter_bar(text, f"docs/{page.path}" if page else "<text>")


class LettersExtension(Extension):
    """Writes the A-Z bar where a page asks for it (see `letter_bar`)."""

    def extendMarkdown(self, md: Markdown) -> None:
        md.postprocessors.register(_Letters(md), "ex01-letters", PRIORITY["letters"])


def makeExtension(**kwargs: object) -> LettersExtension:
    return LettersExtension(**kwargs)
