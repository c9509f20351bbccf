"""ex01.markdown.links: links to other sites marked so that paper shows where they go."""

from __future__ import annotations

import markdown

from ex01.markdown.links import mark_link_targets


def test_mark_link_targets__only_links_whose_text_hides_the_address() -> None:
    html = (
        '<a href="https://arxiv.org/abs/1">https://arxiv.org/abs/1</a> '
        '<a class="x" href="https://mkdocs.org/" title="t">MkDocs</a> '
        '<a href="../glossary/">Glossary</a>'
    )
    result = mark_link_targets(html)
    print(result)
    assert result == (
        '<a href="https://arxiv.org/abs/1">https://arxiv.org/abs/1</a> '
        '<a class="x" href="https://mkdocs.org/" data-print-url="https://mkdocs.org/" title="t">'
        "MkDocs</a> "
        '<a href="../glossary/">Glossary</a>'
    )


def test_extension__marks_a_markdown_link() -> None:
    html = markdown.markdown(
        "See [MkDocs](https://www.mkdocs.org/).", extensions=["ex01.markdown.links"]
    )
    print(html)
    assert 'data-print-url="https://www.mkdocs.org/"' in html
