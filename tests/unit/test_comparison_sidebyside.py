"""The side-by-side pages: answers cut into parts, the parts aligned, their Markdown adapted."""

from __future__ import annotations

import pytest

from comparison.errors import ComparisonError
from comparison.generate import build_outputs
from comparison.sidebyside import Named, Part, adapt, align, rows_for, split_parts
from tests.unit.comparison_support import DOCS, TAXONOMY, VERSIONS

PAGE = "answers/chatgpt/foundations.md"
FRONT = '---\ntool: chatgpt\nprompt: 1\nprompt_text: "Foundations"\n---\n'


def _named(*concepts: str, heading: tuple[str, ...] = ()) -> Named:
    return Named(frozenset(concepts), frozenset(heading))


# align ---------------------------------------------------------------------------------------


def test_align__pairs_in_order() -> None:
    rows = align([[2, 0], [0, 3]])
    print(rows)
    assert rows == [(0, 0), (1, 1)]


def test_align__unmatched_section_gets_its_own_row() -> None:
    # The first answer's middle part shares nothing with the second answer.
    rows = align([[1, 0], [0, 0], [0, 1]])
    print(rows)
    assert rows == [(0, 0), (1, None), (2, 1)]


def test_align__pairs_never_cross() -> None:
    # 0-1 and 1-0 would cross: one is kept. Equal totals: the first answer's item 0 is left
    # unpaired before the second answer's item 0 is.
    rows = align([[0, 5], [5, 0]])
    print(rows)
    assert rows == [(0, None), (1, 0), (None, 1)]


def test_align__maximizes_the_total_not_the_first_pair() -> None:
    # Pairing the first items (3) would leave the second answer's first part to nobody better;
    # the best total pairs the first answer's second part with it instead (4 + 4).
    rows = align([[3, 0], [4, 0], [0, 4]])
    print(rows)
    assert rows == [(0, None), (1, 0), (2, 1)]


def test_align__ties_go_to_the_pairing_that_comes_first() -> None:
    rows = align([[1], [1]])
    print(rows)
    assert rows == [(0, 0), (1, None)]


def test_align__same_rows_on_every_run() -> None:
    weights = [[(i * 7 + j * 3) % 4 for j in range(9)] for i in range(11)]
    assert align(weights) == align([list(row) for row in weights])


def test_align__nothing_shared_lists_first_answer_then_second() -> None:
    rows = align([[0, 0], [0, 0]])
    print(rows)
    assert rows == [(0, None), (1, None), (None, 0), (None, 1)]


def test_align__empty_side() -> None:
    assert align([]) == []
    assert align([[], []]) == [(0, None), (1, None)]


# rows_for ------------------------------------------------------------------------------------


def test_rows_for__concept_most_parts_of_both_name_does_not_pair() -> None:
    left = [_named("transformer", "gan"), _named("transformer"), _named("transformer")]
    right = [_named("transformer"), _named("transformer", "gan")]
    rows = rows_for(left, right, ["transformer", "gan"])
    print(rows)
    assert [(r.left, r.right, r.shared) for r in rows] == [
        (None, 0, ()),
        (0, 1, ("gan",)),
        (1, None, ()),
        (2, None, ()),
    ]


def test_rows_for__shared_heading_concept_outweighs_passing_mentions() -> None:
    left = [_named("a", "b"), _named("c", heading=("c",))]
    right = [_named("a", "b", "c", heading=("c",))]
    rows = rows_for(left, right, ["a", "b", "c"])
    print(rows)
    assert [(r.left, r.right) for r in rows] == [(0, None), (1, 0)]
    assert rows[1].shared == ("c",)


# split_parts ---------------------------------------------------------------------------------


def test_split_parts__title_left_out_opening_then_one_part_per_heading() -> None:
    text = FRONT + "\n# Title\n\nOpening.\n\n## One {#one}\n\nA.\n\n### Two {#two .x}\n\nB.\n"
    parts = split_parts(text, PAGE)
    print(parts)
    assert [(p.anchor, p.title, p.line) for p in parts] == [
        (None, "", 6),
        ("one", "One", 11),
        ("two", "Two", 15),
    ]
    assert parts[0].markdown == "Opening."
    assert parts[1].markdown == "## One {#one}\n\nA."


def test_split_parts__hash_lines_in_code_fences_are_not_headings() -> None:
    text = FRONT + "# Title\n\n## Code {#code}\n\n```python\n# a comment\n```\n"
    parts = split_parts(text, PAGE)
    print(parts)
    assert [p.anchor for p in parts] == ["code"]
    assert "# a comment" in parts[0].markdown


def test_split_parts__heading_without_id_is_an_error_naming_the_line() -> None:
    text = FRONT + "# Title\n\n## Named {#named}\n\nA.\n\n## Unnamed\n\nB.\n"
    with pytest.raises(ComparisonError) as error:
        split_parts(text, PAGE)
    print(error.value)
    assert str(error.value).startswith(f"{PAGE}:12: heading 'Unnamed' has no explicit {{#id}}")


def test_build_outputs__heading_without_id_stops_the_run() -> None:
    pages = {
        path.relative_to(DOCS).as_posix(): path.read_bytes()
        for path in sorted((DOCS / "answers").rglob("*.md"))
    }
    pages[PAGE] = pages[PAGE].replace(b"## 2. Training {#training}", b"## 2. Training")
    with pytest.raises(ComparisonError) as error:
        build_outputs(pages, (DOCS / "conclusion.md").read_bytes(), TAXONOMY.read_bytes(), VERSIONS)
    print(error.value)
    assert str(error.value).startswith(f"docs/{PAGE}:")
    assert "'2. Training' has no explicit {#id}" in str(error.value)


# adapt ---------------------------------------------------------------------------------------


def _part(markdown: str, anchor: str | None = "gans") -> Part:
    return Part(anchor, "", markdown, 1)


def test_adapt__heading_id_gets_the_tool_in_front() -> None:
    text = adapt(_part("## 3. GANs {#gans}\n\nText about #gans."), "chatgpt", PAGE)
    print(text)
    assert text == "## 3. GANs {#chatgpt-gans}\n\nText about #gans."


def test_adapt__footnote_labels_get_the_tool_in_front() -> None:
    text = adapt(_part("Claim.[^fc-x]\n\n[^fc-x]: Source.", None), "gemini", PAGE)
    print(text)
    assert text == "Claim.[^gemini-fc-x]\n\n[^gemini-fc-x]: Source."


@pytest.mark.parametrize(
    ("target", "rebased"),
    [
        ("../../chapters/gans.md#minimax", "../chapters/gans.md#minimax"),
        ("../gemini/foundations.md", "../answers/gemini/foundations.md"),
        ("#introduction", "../answers/chatgpt/foundations.md#introduction"),
        ("https://arxiv.org/abs/1406.2661", "https://arxiv.org/abs/1406.2661"),
    ],
)
def test_adapt__relative_links_are_rebased(target: str, rebased: str) -> None:
    text = adapt(_part(f"See [this]({target}).", None), "chatgpt", PAGE)
    print(text)
    assert text == f"See [this]({rebased})."


def test_adapt__autolinks_are_left_alone() -> None:
    text = adapt(_part("Source: <https://arxiv.org/abs/1406.2661>", None), "chatgpt", PAGE)
    assert text == "Source: <https://arxiv.org/abs/1406.2661>"
