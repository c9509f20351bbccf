"""ex01.markdown.letters: the A-Z bar written from a page's one-letter sections."""

from __future__ import annotations

import markdown
import pytest

from ex01.markdown.errors import PageError
from ex01.markdown.letters import letter_bar

PAGE = """# Glossary

[A-Z]

## A {#a}

### Attention

## C {#c}

### CLIP

## Zebra models {#zebra}
"""


def _convert(text: str) -> str:
    return markdown.markdown(
        text,
        extensions=["attr_list", "toc", "ex01.markdown.letters"],
        extension_configs={"toc": {"permalink": True}},
    )


def test_letter_bar__links_each_letter_section_in_order() -> None:
    html = _convert(PAGE)
    print(html)
    assert (
        '<nav class="letters" aria-label="Terms by first letter"><ul>'
        '<li><a href="#a">A</a></li><li><a href="#c">C</a></li></ul></nav>'
    ) in html
    assert "[A-Z]" not in html


def test_letter_bar__a_letter_with_no_section_is_left_out() -> None:
    bar = _convert(PAGE).partition('<nav class="letters"')[2].partition("</nav>")[0]
    assert 'href="#b"' not in bar and 'href="#zebra"' not in bar


def test_letter_bar__page_without_marker_unchanged() -> None:
    html = '<h2 id="a">A<a class="headerlink" href="#a" title="t">&para;</a></h2>'
    assert letter_bar(html) == html


def test_letter_bar__marker_without_letter_sections_names_the_page() -> None:
    with pytest.raises(PageError, match=r"^docs/x\.md: the \[A-Z\] marker needs sections"):
        letter_bar("<p>[A-Z]</p><h2 id='b'>Bee</h2>", "docs/x.md")
