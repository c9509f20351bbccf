"""The command line shared by `python -m ex01.diagrams` and `python -m ex01.formulas`."""

from __future__ import annotations

from pathlib import Path

import pytest

from ex01.store import StoreError, command

STORE = Path("docs/includes/example.json")


def _run(update, argv: list[str]) -> int:
    return command("python -m example", "Example.", STORE, update, argv)


def test_command__up_to_date(capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(lambda check: [], ["--check"]) == 0
    assert capsys.readouterr().out == f"{STORE}: up to date\n"


def test_command__each_problem_is_one_error_line(capsys: pytest.CaptureFixture[str]) -> None:
    problems = ["docs/a.md:3: Mermaid cannot draw this diagram: Parse error", "b: stale"]
    assert _run(lambda check: problems, []) == 1
    assert capsys.readouterr().err.splitlines() == [f"error: {line}" for line in problems]


def test_command__unreadable_store_is_one_error_line(capsys: pytest.CaptureFixture[str]) -> None:
    def update(check: bool) -> list[str]:
        raise StoreError(f"{STORE}: not a readable store (Expecting value: line 1 column 1)")

    assert _run(update, ["--check"]) == 1
    assert capsys.readouterr().err == (
        f"error: {STORE}: not a readable store (Expecting value: line 1 column 1)\n"
    )
