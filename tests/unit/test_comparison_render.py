"""Rendering the page, charts and downloads: golden files from the fixture docs tree."""

from __future__ import annotations

import posixpath
import re

import pytest

from comparison.errors import ComparisonError
from comparison.generate import build_outputs
from comparison.render import MARKER, PAGES
from comparison.templates import TEMPLATES_DIR, render
from tests.unit.comparison_support import DOCS, EXPECTED, TAXONOMY, VERSIONS, assert_golden


def _build() -> dict[str, str]:
    pages = {
        path.relative_to(DOCS).as_posix(): path.read_bytes()
        for path in sorted((DOCS / "answers").rglob("*.md"))
    }
    return build_outputs(
        pages, (DOCS / "conclusion.md").read_bytes(), TAXONOMY.read_bytes(), VERSIONS
    )


OUTPUTS = _build()


@pytest.mark.parametrize("name", sorted(OUTPUTS), ids=sorted(OUTPUTS))
def test_render__matches_golden(name: str, request: pytest.FixtureRequest) -> None:
    assert_golden(request, EXPECTED / "render" / name, OUTPUTS[name])


def test_render__byte_identical_on_a_second_run() -> None:
    again = _build()
    changed = [name for name in OUTPUTS if again[name] != OUTPUTS[name]]
    print(changed)
    assert not changed


@pytest.mark.parametrize("page", PAGES)
def test_render_page__marker_first_after_front_matter(page: str) -> None:
    after = OUTPUTS[page].split("\n---\n", 1)[1].lstrip("\n").splitlines()[0]
    print(after)
    assert after == MARKER
    assert "python -m comparison" in after and "Do not edit" in after


@pytest.mark.parametrize("page", PAGES)
def test_render_page__every_heading_has_an_explicit_id(page: str) -> None:
    headings = [line for line in OUTPUTS[page].splitlines() if re.match(r"#{1,6} ", line)]
    without = [h for h in headings[1:] if not re.search(r" \{#[a-z0-9-]+\}$", h)]
    print(without)
    assert headings and not without


def test_render_page__matrix_links_are_relative_to_the_page() -> None:
    links = re.findall(r"\]\((\.\./answers/[^)]+)\)", OUTPUTS["comparison/coverage.md"])
    print(links[:5])
    assert "../answers/chatgpt/scaling.md#emergent-abilities" in links
    assert all(
        re.fullmatch(r"\.\./answers/(chatgpt|gemini)/[a-z-]+\.md(#[a-z0-9-]+)?", x) for x in links
    )


def test_render_page__charts_downloads_and_side_by_side_pages_are_linked() -> None:
    """Every generated file is linked from a page of the section (the side-by-side pages from
    the coverage page, the charts from the metrics page, the downloads from the overview)."""
    linked = {
        posixpath.normpath(posixpath.join("comparison", target))
        for page in PAGES
        for target in re.findall(
            r"\]\((\.\./(?:assets/comparison|downloads|side-by-side)/[^)#]+)", OUTPUTS[page]
        )
    }
    generated = {name for name in OUTPUTS if name not in PAGES}
    print(sorted(linked))
    assert linked == generated


def test_render_page__prose_comes_from_the_templates() -> None:
    """The fixed text is in scripts/comparison/templates/: a writer's edit there shows up."""
    for name, page in (("methodology.md.jinja", "comparison/methodology.md"),):
        template = (TEMPLATES_DIR / name).read_text(encoding="utf-8")
        sentence = "Readability formulas measure the text, not the reader."
        assert sentence in template and sentence in OUTPUTS[page]


def test_render_page__no_source_paths_in_reader_text() -> None:
    for page in PAGES:
        body = OUTPUTS[page].split(MARKER, 1)[1]
        assert "scripts/" not in body and ".py" not in body, page


def test_templates__a_missing_value_is_one_line() -> None:
    with pytest.raises(ComparisonError) as caught:
        render("overview.md.jinja", marker="x")
    print(caught.value)
    assert str(caught.value).startswith("scripts/comparison/templates/overview.md.jinja:")
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize("name", [n for n in sorted(OUTPUTS) if n.endswith(".svg")])
def test_render_chart__has_title_and_desc_and_no_date(name: str) -> None:
    svg = OUTPUTS[name]
    print(svg[:800])
    assert "<title id=" in svg and "<desc id=" in svg
    assert "<dc:date>" not in svg and "Matplotlib v" not in svg
    assert 'role="img"' in svg
