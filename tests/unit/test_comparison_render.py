"""Rendering the page, charts and downloads: golden files from the fixture docs tree."""

from __future__ import annotations

import re

import pytest

from comparison.generate import build_outputs
from comparison.render import MARKER
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


def test_render_page__marker_first_after_front_matter() -> None:
    page = OUTPUTS["comparison.md"]
    after = page.split("\n---\n", 1)[1].lstrip("\n").splitlines()[0]
    print(after)
    assert after == MARKER
    assert "python -m comparison" in after and "Do not edit" in after


def test_render_page__every_section_heading_has_an_explicit_id() -> None:
    headings = [line for line in OUTPUTS["comparison.md"].splitlines() if line.startswith("##")]
    without = [h for h in headings if not re.search(r" \{#[a-z0-9-]+\}$", h)]
    print(without)
    assert headings and not without


def test_render_page__matrix_links_are_relative_to_the_page() -> None:
    links = re.findall(r"\]\((answers/[^)]+)\)", OUTPUTS["comparison.md"])
    print(links[:5])
    assert "answers/chatgpt/scaling.md#emergent-abilities" in links
    assert all(
        re.fullmatch(r"answers/(chatgpt|gemini)/[a-z-]+\.md(#[a-z0-9-]+)?", x) for x in links
    )


def test_render_page__charts_downloads_and_side_by_side_pages_are_linked() -> None:
    page = OUTPUTS["comparison.md"]
    linked = set(re.findall(r"\]\(((?:assets/comparison|downloads|side-by-side)/[^)]+)\)", page))
    generated = {name for name in OUTPUTS if name != "comparison.md"}
    print(sorted(linked))
    assert linked == generated


@pytest.mark.parametrize("name", [n for n in sorted(OUTPUTS) if n.endswith(".svg")])
def test_render_chart__has_title_and_desc_and_no_date(name: str) -> None:
    svg = OUTPUTS[name]
    print(svg[:800])
    assert "<title id=" in svg and "<desc id=" in svg
    assert "<dc:date>" not in svg and "Matplotlib v" not in svg
    assert 'role="img"' in svg
