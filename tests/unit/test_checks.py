"""ex01.markdown.checks: front matter that did not parse, an unclosed fence, two headings with
one id, each one error naming the file and line."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import markdown
import pytest

from ex01.markdown import context
from ex01.markdown.checks import unclosed_fence
from ex01.markdown.errors import PageError

PAGE = "chapters/x.md"


@pytest.fixture
def docs(tmp_path: Path) -> Iterator[Path]:
    yield tmp_path / "docs"
    context.clear_page()


def _convert(docs: Path, text: str, body: str | None = None) -> str:
    """The page `text` as a file under `docs`, converted from `body` (what the engine hands the
    extension once it has taken the front matter off) or the whole text."""
    (docs / PAGE).parent.mkdir(parents=True, exist_ok=True)
    (docs / PAGE).write_text(text, encoding="utf-8")
    context.set_page(PAGE, {})
    return markdown.markdown(
        text if body is None else body,
        extensions=["attr_list", "toc", "ex01.markdown.checks"],
        extension_configs={"ex01.markdown.checks": {"docs": str(docs)}},
    )


def test_checks__a_good_page_passes(docs: Path) -> None:
    text = "---\ntitle: X\n---\n# X\n\n```python\nx = 1\n```\n\n## A {#a}\n\n## B {#b}\n"
    html = _convert(docs, text, body=text.split("---\n", 2)[2])
    assert '<h2 id="b">' in html


def test_checks__front_matter_left_in_the_page_names_its_bad_line(docs: Path) -> None:
    text = "---\ntitle: X\ndescription: [bad\n---\n# X\n"
    with pytest.raises(PageError, match=r"^docs/chapters/x\.md:3: front matter is not valid YAML"):
        _convert(docs, text)


def test_checks__an_unclosed_fence_names_the_line_it_opens_on(docs: Path) -> None:
    text = "---\ntitle: X\n---\n# X\n\nText.\n\n```text\nnever closed\n\n## Later {#later}\n"
    with pytest.raises(PageError) as error:
        _convert(docs, text, body=text.split("---\n", 2)[2])
    print(error.value)
    assert str(error.value) == "docs/chapters/x.md:8: a code fence opened here is never closed"


def test_checks__two_headings_with_one_id_name_both_lines(docs: Path) -> None:
    text = "# X\n\n## One {#same}\n\nText.\n\n## Two {#same}\n"
    with pytest.raises(PageError) as error:
        _convert(docs, text)
    print(error.value)
    assert str(error.value) == "docs/chapters/x.md:7: two headings have the id 'same' (also line 3)"


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["```", "x", "```"], None),
        (["````", "```", "````"], None),  # a longer fence holds a shorter one
        (["~~~", "```", "~~~"], None),
        (["```x```", "text"], None),  # inline code, not a fence
        (["    ```", "    x", "    ```"], None),  # indented, in a tab or a list
        (["```", "x", "```python"], 0),  # a closing fence has nothing after it
        (["text", "```", "x"], 1),
    ],
)
def test_unclosed_fence__commonmark_rules(lines: list[str], expected: int | None) -> None:
    assert unclosed_fence(lines) == expected
