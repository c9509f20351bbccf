"""Shared helpers for the comparison generator's unit tests: fixture paths and golden files."""

from __future__ import annotations

from pathlib import Path

import pytest

from comparison.compare import Comparison, compare
from comparison.parse import parse_answer, parse_conclusion
from comparison.taxonomy import Taxonomy, parse_taxonomy
from tests.conftest import DATA

FIXTURES = DATA / "comparison"
PAGES = FIXTURES / "pages"
BAD = FIXTURES / "bad"
DOCS = FIXTURES / "docs"
TAXONOMY = FIXTURES / "taxonomy.yaml"
EXPECTED = FIXTURES / "expected"
# Library versions as the render golden files state them, so they do not follow the machine.
VERSIONS = {"textstat": "0.0-test", "matplotlib": "0.0-test"}


def assert_golden(request: pytest.FixtureRequest, golden: Path, actual: str) -> None:
    """Compare `actual` with a golden file, or rewrite the file under --update-golden."""
    print(actual)
    if request.config.getoption("--update-golden"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(actual.encode("utf-8"))
        return
    assert golden.is_file(), f"{golden} is missing: run pytest --update-golden, review the diff"
    expected = golden.read_bytes().decode("utf-8")
    assert actual == expected, f"differs from {golden} (pytest --update-golden rewrites it)"


def fixture_taxonomy() -> Taxonomy:
    """The small test taxonomy."""
    return parse_taxonomy(TAXONOMY.read_text(encoding="utf-8"), str(TAXONOMY))


def fixture_comparison(taxonomy: Taxonomy | None = None) -> Comparison:
    """The comparison of the fixture docs tree (eight short answers and a conclusion)."""
    answers = [
        parse_answer(path.read_text(encoding="utf-8"), path.relative_to(DOCS).as_posix())
        for path in sorted((DOCS / "answers").rglob("*.md"))
    ]
    claims = parse_conclusion((DOCS / "conclusion.md").read_text(encoding="utf-8"), "conclusion.md")
    return compare(answers, claims, taxonomy or fixture_taxonomy())
