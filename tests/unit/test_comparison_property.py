"""Property: any Markdown answer page is either compared or refused with ComparisonError."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from comparison.coverage import Matcher, cover
from comparison.errors import ComparisonError
from comparison.measure import measure
from comparison.parse import parse_answer
from tests.unit.comparison_support import fixture_taxonomy

PATH = "answers/chatgpt/foundations.md"
MATCHER = Matcher(fixture_taxonomy())

# Words that mean something to the parser or the matcher, mixed with arbitrary text.
_WORDS = st.sampled_from(
    ["GAN", "organ", "T5", "e.g.", "1.5", "RLHF", "self-attention", "pre-trained", "—", "...",
     "Applications:", "*", "**", "`", "[link](x)", "<b>", "&amp;", "|", "{#id}", "!", "?", "\\"]
)  # fmt: skip
_TEXT = st.lists(st.one_of(_WORDS, st.text(max_size=12)), max_size=12).map(" ".join)
_ANCHOR = st.from_regex(r"[a-z][a-z0-9-]{0,8}", fullmatch=True)

_BLOCK = st.one_of(
    _TEXT,
    st.builds(lambda n, t, a: f"{'#' * n} {t} {{#{a}}}", st.integers(1, 6), _TEXT, _ANCHOR),
    st.builds(lambda n, t: f"{'#' * n} {t}", st.integers(1, 6), _TEXT),
    st.lists(
        st.builds(lambda d, t: f"{'    ' * d}- {t}", st.integers(0, 2), _TEXT), max_size=5
    ).map("\n".join),
    st.builds(lambda t: f'!!! note "Editorial note"\n\n    {t}', _TEXT),
    st.builds(lambda t: f"| a | b |\n| --- | --- |\n| {t} | x |", _TEXT),
    st.builds(lambda t: f"```\n{t}\n```", _TEXT),
    st.builds(lambda t: f'<div class="answer-header" markdown>\n\n{t}\n\n</div>', _TEXT),
    st.builds(lambda t: f"<div>{t}</div>", _TEXT),
    # Nesting deep enough to exhaust Python's recursion in Markdown's and the HTML parser's
    # walks, and shallower: a page refused for it is refused with ComparisonError too.
    st.builds(lambda n, t: "<div>" * n + t + "</div>" * n, st.integers(1, 800), _TEXT),
    st.builds(lambda n, t: "> " * n + t, st.integers(1, 400), _TEXT),
    st.builds(lambda t: f"> {t}", _TEXT),
    st.text(max_size=40),
)
_FRONT_MATTER = st.one_of(
    st.just("---\ntool: chatgpt\nprompt: 1\nprompt_text: Foundations\n---\n"),
    st.builds(
        lambda tool, prompt, text: (
            f"---\ntool: {tool}\nprompt: {prompt}\nprompt_text: {text}\n---\n"
        ),
        st.sampled_from(["chatgpt", "gemini", "bard", "[chatgpt]", "{a: b}", "", "1"]),
        st.sampled_from(["1", "2", "0", "one", "[1", "true", "1.0"]),
        st.sampled_from(["Foundations", "", "[x", "'a: b'", "null"]),
    ),
    st.text(max_size=30),
    st.just(""),
    # A byte-order mark and CRLF line endings, as an editor on another system may save them.
    st.just("\ufeff---\r\ntool: chatgpt\r\nprompt: 1\r\nprompt_text: Foundations\r\n---\r\n"),
)
PAGES = st.builds(
    lambda front, blocks: front + "\n" + "\n\n".join(blocks) + "\n",
    _FRONT_MATTER,
    st.lists(_BLOCK, max_size=8),
)


@settings(
    max_examples=300,
    deadline=None,  # the first example loads the pronouncing dictionary
    suppress_health_check=[HealthCheck.too_slow],
)
@given(PAGES)
def test_parse_measure_cover__any_page_compares_or_raises_comparison_error(page: str) -> None:
    try:
        answer = parse_answer(page, PATH)
    except ComparisonError as error:
        assert str(error).startswith(PATH), str(error)
        assert "\n" not in str(error)
        return
    metrics = measure(answer.blocks)
    coverage = cover(answer, MATCHER)
    assert metrics.words >= metrics.list_words
    assert all(hit.sections for hit in coverage.hits)
