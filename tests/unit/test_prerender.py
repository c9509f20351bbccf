"""`python -m ex01.prerender`: one line per problem, a non-zero exit, and one build for both."""

from __future__ import annotations

from pathlib import Path

import pytest

from ex01 import prerender
from ex01.store import StoreError


class Step:
    """Stands in for ex01.diagrams / ex01.formulas."""

    def __init__(self, store: str, problems: list[str]) -> None:
        self.STORE = Path(store)
        self.found = problems
        self.sites: list[Path] = []

    def problems(self, site: Path, store: Path, package_json: Path) -> list[str]:
        self.sites.append(site)
        return self.found

    def update(self, site: Path, store: Path, package_json: Path, docs: Path) -> list[str]:
        return self.problems(site, store, package_json)

    def start_store(self, store: Path, package_json: Path) -> None:
        self.started = store


@pytest.fixture
def steps(monkeypatch: pytest.MonkeyPatch) -> list[Step]:
    builds: list[Path] = []
    monkeypatch.setattr(prerender, "build", builds.append)
    steps = [Step("a.json", []), Step("b.json", [])]
    monkeypatch.setattr(prerender, "STEPS", steps)
    steps[0].builds = builds
    return steps


def test_prerender__builds_once_for_both_stores(steps: list[Step], capsys) -> None:
    assert prerender.main(["--check"]) == 0
    assert capsys.readouterr().out == "a.json, b.json: up to date\n"
    assert steps[0].builds == steps[0].sites == steps[1].sites and len(steps[0].builds) == 1


def test_prerender__each_problem_is_one_error_line(steps: list[Step], capsys) -> None:
    steps[1].found = ["docs/a.md:3: KaTeX cannot typeset this formula: x", "b.json: stale"]
    assert prerender.main([]) == 1
    assert capsys.readouterr().err.splitlines() == [f"error: {line}" for line in steps[1].found]


def test_prerender__a_missing_store_is_started_empty_before_the_build(
    steps: list[Step], tmp_path: Path
) -> None:
    """The build stops on a missing store; prerender makes the first one."""
    steps[0].STORE = tmp_path / "a.json"
    assert prerender.main([]) == 0
    assert steps[0].started == tmp_path / "a.json"


def test_prerender__failed_build_is_one_error_line(monkeypatch, capsys) -> None:
    def build(site: Path) -> None:
        raise StoreError("docs/includes/diagrams.json: not a readable store (Expecting value)")

    monkeypatch.setattr(prerender, "build", build)
    assert prerender.main(["--check"]) == 1
    assert capsys.readouterr().err == (
        "error: docs/includes/diagrams.json: not a readable store (Expecting value)\n"
    )
