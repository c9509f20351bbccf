"""Answer page front matter and the header block rendered from it."""

from __future__ import annotations

import markdown
import pytest

from ex01.answers import (
    AnswerPageError,
    expected_pages,
    read_answer_meta,
    render_header,
)
from ex01.markdown import context
from ex01.markdown.errors import PageError

PAGE = "answers/gemini/scaling.md"
GOOD = '---\ntool: gemini\nprompt: 4\nprompt_text: "Impact of scaling"\n---\n# Title\n'


def test_expected_pages__eight_answers_then_conclusion() -> None:
    pages = expected_pages()
    print(pages)
    assert len(pages) == 9
    assert pages[0] == "answers/chatgpt/foundations.md"
    assert pages[-1] == "conclusion.md"


def test_read_answer_meta__valid_page() -> None:
    meta = read_answer_meta(GOOD, PAGE)
    assert (meta.tool, meta.prompt, meta.prompt_text) == ("gemini", 4, "Impact of scaling")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("# Title\n", "answers/gemini/scaling.md:1: no front matter"),
        ("---\ntool: gemini\n# Title\n", "not closed"),
        ("---\ntool: [gemini\n---\n", f"{PAGE}:2: front matter is not valid YAML"),
        ("---\n- a list\n---\n", "must be a mapping"),
        ("---\ntool: gemini\nprompt: 4\n---\n", "lacks prompt_text"),
        (GOOD.replace("gemini", "bard"), "unknown tool 'bard'"),
        (GOOD.replace("tool: gemini", "tool: [gemini]"), "unknown tool ['gemini']"),
        (GOOD.replace("prompt: 4", "prompt: true"), "prompt must be a number"),
        (GOOD.replace('"Impact of scaling"', '""'), "prompt_text must be"),
        (GOOD.replace("prompt: 4", "prompt: 2"), "whose page is answers/gemini/transformer"),
    ],
)
def test_read_answer_meta__bad_front_matter(text: str, message: str) -> None:
    with pytest.raises(AnswerPageError) as error:
        read_answer_meta(text, PAGE)
    print(error.value)
    assert message in str(error.value)
    assert str(error.value).startswith(PAGE)
    assert "\n" not in str(error.value)


def test_render_header__links_the_other_tools_answer_side_by_side_and_the_original() -> None:
    header = render_header(read_answer_meta(GOOD, PAGE))
    print(header)
    assert "**Tool:** Gemini · **Prompt 4:** “Impact of scaling”" in header
    assert "[ChatGPT's answer to the same prompt](../chatgpt/scaling.md)" in header
    assert "[both answers side by side](../../side-by-side/scaling.md)" in header
    assert "(../../downloads/EX01-report-original.txt)" in header


REPORT = "docs/downloads/EX01-report-original.txt"
META = {
    "tool": "gemini",
    "prompt": 4,
    "prompt_text": "Impact of Scaling in Large Language Models (LLMs)",
}


def _convert(text: str, path: str | None, meta: dict) -> str:
    """The answers extension on `text`, as the MkDocs hook hands it the page."""
    md = markdown.Markdown(
        extensions=["md_in_html", "ex01.markdown.answers"],
        extension_configs={"ex01.markdown.answers": {"report": REPORT}},
    )
    if path is None:
        context.clear_page()
    else:
        context.set_page(path, meta)
    try:
        return md.convert(text)
    finally:
        context.clear_page()


def test_extension__header_after_the_answer_title() -> None:
    html = _convert("# Gemini, prompt 4\n\nThe answer.", PAGE, META)
    print(html)
    assert html.startswith("<h1>Gemini, prompt 4</h1>\n<!-- ex01.markdown.answers -->")
    assert '<div class="answer-header">' in html
    assert html.endswith("<p>The answer.</p>")


def test_extension__other_pages_and_plain_text_unchanged() -> None:
    assert _convert("# GANs", "chapters/gans.md", {}) == "<h1>GANs</h1>"
    assert _convert("# GANs", None, {}) == "<h1>GANs</h1>"


@pytest.mark.parametrize(
    ("meta", "text", "message"),
    [
        ({**META, "prompt_text": "Impact of scaling"}, "# T", "prompt_text differs"),
        ({"tool": "gemini"}, "# T", "lacks prompt, prompt_text"),
        (META, "Text before the title\n\n# T", "must open with its '# ' title"),
    ],
)
def test_extension__bad_page_is_one_error_naming_it(meta: dict, text: str, message: str) -> None:
    with pytest.raises(PageError) as error:
        _convert(text, PAGE, meta)
    print(error.value)
    assert str(error.value).startswith(f"docs/{PAGE}: ") and message in str(error.value)
