"""The side-by-side pages: answers cut into parts and units, aligned, adapted and laid out."""

from __future__ import annotations

import itertools
import re
from collections import Counter

import markdown
import pysbd
import pytest
from selectolax.lexbor import LexborHTMLParser

from comparison.errors import ComparisonError
from comparison.generate import build_outputs
from comparison.sidebyside import (
    Named,
    Part,
    adapt,
    align,
    heading_words,
    pair_weight,
    rows_for,
    split_parts,
    units,
)
from tests.support.fidelity import normalise, sentences, text_blocks
from tests.unit.comparison_support import DOCS, FIXTURES, TAXONOMY, VERSIONS

PAGE = "answers/chatgpt/foundations.md"
FRONT = '---\ntool: chatgpt\nprompt: 1\nprompt_text: "Foundations"\n---\n'


def _named(*concepts: str, heading: tuple[str, ...] = (), words: tuple[str, ...] = ()) -> Named:
    return Named(frozenset(concepts), frozenset(heading), frozenset(words))


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
    left = [_named("transformer", "gan", "vae"), _named("transformer"), _named("transformer")]
    right = [_named("transformer"), _named("transformer", "gan", "vae")]
    rows = rows_for(left, right, ["transformer", "gan", "vae"])
    print(rows)
    assert [(r.left, r.right, r.shared) for r in rows] == [
        (None, 0, ()),
        (0, 1, ("gan", "vae")),
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


def test_rows_for__one_passing_concept_is_not_a_pair() -> None:
    rows = rows_for([_named("a")], [_named("a")], ["a"])
    print(rows)
    assert [(r.left, r.right) for r in rows] == [(0, None), (None, 0)]


def test_rows_for__a_shared_heading_word_pairs_two_conclusions() -> None:
    rows = rows_for([_named(words=("conclusion",))], [_named(words=("conclusion",))], [])
    print(rows)
    assert [(r.left, r.right, r.words) for r in rows] == [(0, 0, ("conclusion",))]


def test_rows_for__words_of_the_prompt_do_not_pair() -> None:
    left, right = [_named(words=("scaling",))], [_named(words=("scaling",))]
    rows = rows_for(left, right, [], topic=frozenset({"scaling"}))
    print(rows)
    assert [(r.left, r.right) for r in rows] == [(0, None), (None, 0)]


def test_rows_for__a_word_in_many_headings_of_one_answer_does_not_pair() -> None:
    # "generation" heads three of the first answer's sections: it names a kind of section.
    left = [_named(words=("text", "generation")), _named(words=("image", "generation"))]
    left.append(_named(words=("audio", "generation")))
    right = [_named(words=("generation", "other"))]
    rows = rows_for(left, right, [])
    print(rows)
    assert all(r.left is None or r.right is None for r in rows)


def test_rows_for__one_close_pair_outweighs_two_loose_ones_that_cross_it() -> None:
    # Linear weights would keep 0-1 and 2-0 (3 + 3) over 1-0's single 5; squared, 25 > 18.
    weights_left = [_named("x", heading=("x",)), _named("img", heading=("img",), words=("image",))]
    weights_left.append(_named("y", "z"))
    right = [_named("img", "y", "z", heading=("img",), words=("image",)), _named("x")]
    rows = rows_for(weights_left, right, ["x", "img", "y", "z"])
    print(rows)
    assert (1, 0) in [(r.left, r.right) for r in rows]


def test_rows_for__two_openings_pair_whatever_they_mention() -> None:
    left = [Named(frozenset(), frozenset(), frozenset({"introduction"}), opening=True)]
    left.append(_named("a", "b"))
    right = [Named(frozenset({"a", "b"}), frozenset(), frozenset(), opening=True)]
    rows = rows_for(left, right, ["a", "b"])
    print(rows)
    assert [(r.left, r.right) for r in rows] == [(0, 0), (1, None)]


# pair_weight and heading_words -----------------------------------------------------------------


def test_pair_weight__a_concept_counts_more_for_each_heading_naming_it() -> None:
    passing = pair_weight(_named("c"), _named("c"))
    one = pair_weight(_named("c", heading=("c",)), _named("c"))
    both = pair_weight(_named("c", heading=("c",)), _named("c", heading=("c",)))
    words = pair_weight(_named(words=("future",)), _named(words=("future",)))
    print(passing, one, both, words)
    assert (passing, one, both, words) == (1, 2, 3, 2)


@pytest.mark.parametrize(
    ("title", "words"),
    [
        ("3. Challenges and Limitations", {"challenge", "limitation"}),
        ("a) Emergence of New Capabilities", {"emergence", "new", "capability"}),
        ("Few-Shot Learning in LLMs", {"few-shot", "learning", "llm"}),
        ("Loss", {"loss"}),
    ],
)
def test_heading_words__lower_case_singular_numbering_dropped(title: str, words: set[str]) -> None:
    assert heading_words(title) == words


# split_parts ---------------------------------------------------------------------------------


def test_split_parts__title_left_out_opening_then_one_part_per_heading() -> None:
    text = FRONT + "\n# Title\n\nOpening.\n\n## One {#one}\n\nA.\n\n### Two {#two .x}\n\nB.\n"
    parts = split_parts(text, PAGE)
    print(parts)
    assert [(p.anchor, p.title, p.line, p.level) for p in parts] == [
        (None, "", 6, 0),
        ("one", "One", 11, 2),
        ("two", "Two", 15, 3),
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
    return Part(anchor, "", markdown, 1, 2 if anchor else 0)


def test_adapt__heading_id_gets_the_tool_in_front() -> None:
    text = adapt(_part("## 3. GANs {#gans}\n\nText about #gans."), "chatgpt", PAGE)
    print(text)
    assert text == "## 3. GANs {#chatgpt-gans}\n\nText about #gans."


@pytest.mark.parametrize(("shift", "hashes"), [(0, "##"), (1, "###"), (-1, "#")])
def test_adapt__heading_moves_by_shift_and_keeps_its_text(shift: int, hashes: str) -> None:
    text = adapt(_part("## 3. GANs {#gans}\n\n## not a heading here"), "chatgpt", PAGE, shift)
    print(text)
    assert text == f"{hashes} 3. GANs {{#chatgpt-gans}}\n\n## not a heading here"


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


# units ---------------------------------------------------------------------------------------


def _units_of(body: str) -> list[tuple[list[str | None], str | None]]:
    parts = split_parts(FRONT + "# Title\n\n" + body, PAGE)
    return [
        (
            [parts[index].anchor for index in unit.parts],
            parts[unit.parent].anchor if unit.parent is not None else None,
        )
        for unit in units(parts, PAGE)
    ]


def test_units__bare_heading_joins_its_first_subheading() -> None:
    found = _units_of("## A {#a}\n\n### A1 {#a1}\n\nText.\n\n### A2 {#a2}\n\nText.\n")
    print(found)
    assert found == [(["a", "a1"], None), (["a2"], "a")]


def test_units__heading_with_text_or_followed_by_a_sibling_stands_alone() -> None:
    found = _units_of("## A {#a}\n\nText.\n\n### A1 {#a1}\n\nText.\n\n## B {#b}\n\n## C {#c}\n")
    print(found)
    assert found == [(["a"], None), (["a1"], "a"), (["b"], None), (["c"], None)]


def test_units__opening_is_a_unit_of_its_own() -> None:
    found = _units_of("Opening.\n\n## A {#a}\n\nText.\n")
    assert found == [([None], None), (["a"], None)]


def test_units__headings_nested_past_level_6_on_the_page_are_an_error() -> None:
    body = "".join(f"{'#' * level} H{level} {{#h{level}}}\n\n" for level in range(2, 7)) + "T.\n"
    with pytest.raises(ComparisonError) as error:
        _units_of(body)
    print(error.value)
    assert str(error.value).startswith(f"{PAGE}:")
    assert "'H6' is 4 levels below the answer's highest" in str(error.value)


# the page ------------------------------------------------------------------------------------

SIDE_BY_SIDE = FIXTURES / "sidebyside"
TAB = re.compile(r'^=== "(?P<label>[^"]+)"$', re.MULTILINE)
ROW = re.compile(r'<div class="sbs-row" markdown>\n(?P<body>.*?)\n</div>', re.DOTALL)
ONLY = re.compile(
    r'<div class="sbs-only" markdown>\n\n## Only in (?P<tool>\w+)\'s answer '
    r"\{#only-in-(?P<id>\w+)\}\n(?P<body>.*?)\n</div>",
    re.DOTALL,
)
HEADING = re.compile(r"^ *(#{1,6}) .*\{#([a-z0-9-]+)\}$", re.MULTILINE)


def _page(gemini_without: str = "") -> str:
    """The side-by-side page of the fixture pair in tests/data/comparison/sidebyside/, with
    `gemini_without` taken out of Gemini's answer."""
    pages = {
        path.relative_to(DOCS).as_posix(): path.read_bytes()
        for path in sorted((DOCS / "answers").rglob("*.md"))
    }
    for tool in ("chatgpt", "gemini"):
        pages[f"answers/{tool}/scaling.md"] = (SIDE_BY_SIDE / f"{tool}.md").read_bytes()
    gemini = pages["answers/gemini/scaling.md"]
    assert gemini_without.encode() in gemini
    pages["answers/gemini/scaling.md"] = gemini.replace(gemini_without.encode(), b"", 1)
    conclusion = (DOCS / "conclusion.md").read_bytes()
    outputs = build_outputs(pages, conclusion, TAXONOMY.read_bytes(), VERSIONS)
    page = outputs["side-by-side/scaling.md"]
    print(page)
    return page


PAGE_TEXT = _page()


def _rows() -> list[list[str]]:
    """Each row's two cells, in column order."""
    return [[cell for cell in TAB.split(match["body"])[2::2]] for match in ROW.finditer(PAGE_TEXT)]


def _ids(text: str) -> list[str]:
    return [anchor for _, anchor in HEADING.findall(text)]


def test_page__pairs_what_shares_concepts_or_heading_words() -> None:
    pairs = [[_ids(cell)[:1] for cell in row] for row in _rows()]
    print(pairs)
    assert pairs == [
        [[], []],  # the two openings
        [["chatgpt-families"], ["gemini-families"]],
        [["chatgpt-families-vaes"], ["gemini-autoencoders"]],
        [["chatgpt-conclusion"], ["gemini-conclusion"]],
    ]


def test_page__unpaired_sections_under_their_only_in_heading_in_answer_order() -> None:
    groups = {match["id"]: _ids(match["body"]) for match in ONLY.finditer(PAGE_TEXT)}
    print(groups)
    assert groups == {
        "chatgpt": ["chatgpt-attention", "chatgpt-translation"],
        "gemini": ["gemini-benchmarks", "gemini-privacy"],
    }
    assert [m["tool"] for m in ONLY.finditer(PAGE_TEXT)] == ["ChatGPT", "Gemini"]


def test_page__no_row_has_an_empty_or_placeholder_cell() -> None:
    rows = _rows()
    assert rows and all(len(row) == 2 and all(cell.strip() for cell in row) for row in rows)
    assert "No section of" not in PAGE_TEXT
    assert "is paired with this part" not in PAGE_TEXT


def test_page__both_cells_of_a_row_start_at_the_same_heading_level() -> None:
    # Gemini's "Autoencoders" is a level-2 section, ChatGPT's "b) Autoencoders" a level-3 one.
    starts = [[HEADING.findall(cell)[0][0] for cell in row] for row in _rows()[1:]]
    print(starts)
    assert starts == [["###", "###"]] * 3


def test_page__answer_headings_sit_below_the_page_sections() -> None:
    levels = {
        anchor: len(hashes)
        for hashes, anchor in HEADING.findall(PAGE_TEXT)
        if anchor.startswith(("chatgpt-", "gemini-"))
    }
    print(levels)
    assert min(levels.values()) == 3
    # Below its parent in the unit, and in an "only in" group, a subsection keeps its depth.
    assert levels["chatgpt-families-gans"] == 4
    assert levels["gemini-privacy"] == 4


@pytest.mark.parametrize(
    "without", ["", "## Benchmarks {#benchmarks}\n\nSuperGLUE measures what RLHF adds.\n\n"]
)
def test_page__outline_never_skips_a_level(without: str) -> None:
    # Without "Benchmarks", its subsection "Privacy in Evaluation" falls under "Autoencoders",
    # which is paired: alone at the top of "Only in Gemini's answer", it moves up a level.
    page = _page(gemini_without=without)
    levels = [len(hashes) for hashes, _ in HEADING.findall(page)]
    print(levels)
    assert all(b <= a + 1 for a, b in itertools.pairwise([1, *levels]))
    if without:
        assert "\n### Privacy in Evaluation {#gemini-privacy}\n" in page
        assert "*Part of Gemini's section “[Autoencoders](#gemini-autoencoders)”.*" in page


def test_page__column_labels_once_outside_the_tabs() -> None:
    assert PAGE_TEXT.count('class="sbs-columns"') == 1
    assert Counter(TAB.findall(PAGE_TEXT)) == {"ChatGPT": 4, "Gemini": 4}  # one tab set per row


def test_page__section_a_subsection_belongs_to_is_named_where_it_is_not_in_view() -> None:
    # "Privacy in Evaluation" follows its parent "Benchmarks": nothing to add. Paired second,
    # "b) Autoencoders" follows the row holding "1. Model Families": nothing to add either.
    assert "*Part of" not in PAGE_TEXT
    # Without a partner, "1. Model Families" moves to "Only in ChatGPT's answer": the row
    # holding "b) Autoencoders" then names the section it belongs to, once.
    page = _page(
        gemini_without="## Model Families {#families}\n\nThe GAN and the VAE are two families.\n\n"
    )
    context = "*Part of ChatGPT's section “[1. Model Families](#chatgpt-families)”.*"
    assert page.count(context) == 1
    assert page.index(context) < page.index("### b) Autoencoders") < page.index("## Only in")


def _sentences_shown(tool: str) -> Counter[str]:
    """Each sentence of the page's HTML in `tool`'s column and "only in" group, and how often."""
    html = markdown.markdown(
        PAGE_TEXT,
        extensions=["attr_list", "md_in_html", "pymdownx.tabbed"],
        extension_configs={"pymdownx.tabbed": {"alternate_style": True}},  # as mkdocs.yml
    )
    tree = LexborHTMLParser(html)
    column = 1 if tool == "chatgpt" else 2
    nodes = tree.css(f".sbs-row .tabbed-content > .tabbed-block:nth-child({column})")
    nodes += [node for node in tree.css(".sbs-only") if node.css_first(f"#only-in-{tool}")]
    segmenter = pysbd.Segmenter(language="en", clean=False)
    return Counter(
        normalise(segment)
        for node in nodes
        for block in text_blocks(node.html or "")
        for segment in segmenter.segment(block)
    )


@pytest.mark.parametrize("tool", ["chatgpt", "gemini"])
def test_page__every_sentence_of_both_answers_appears_once(tool: str) -> None:
    source = (SIDE_BY_SIDE / f"{tool}.md").read_text(encoding="utf-8")
    body = source.split("\n# ", 1)[1].split("\n", 1)[1]  # below the page title
    expected = sentences(re.sub(r" *\{#[^}]*\}", "", body))
    shown = _sentences_shown(tool)
    print(expected, shown)
    assert len(expected) > 10
    assert {sentence: shown[sentence] for sentence in expected} == dict.fromkeys(expected, 1)


def test_page__intro_names_no_side_without_the_wide_screen() -> None:
    intro = PAGE_TEXT.split("## Paired sections", 1)[0]
    print(intro)
    assert "right" not in intro
    # A side is named only together with the layout it holds in.
    unsided = intro.replace("(the left column on a wide screen)", "").replace("left out", "")
    assert "left" not in unsided
