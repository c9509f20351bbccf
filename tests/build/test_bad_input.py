"""A broken report page fails the build with one line naming the file, never a partial site."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import build_site

PAGE = Path("docs/answers/gemini/scaling.md")


def _break_front_matter(old: str, new: str) -> Callable[[Path], None]:
    def edit(project: Path) -> None:
        path = project / PAGE
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return edit


def _delete(project: Path) -> None:
    (project / PAGE).unlink()


def _not_utf8(project: Path) -> None:
    (project / PAGE).write_bytes(b"---\ntool: gemini\n---\n# Caf\xe9\n")


CASES = {
    "missing page": (_delete, "missing"),
    "no front matter": (_break_front_matter("---\ntitle:", "title:"), "no front matter"),
    "invalid yaml": (_break_front_matter("prompt: 4", "prompt: [4"), "not valid YAML"),
    "unknown tool": (_break_front_matter("tool: gemini", "tool: bard"), "unknown tool 'bard'"),
    "bad prompt": (_break_front_matter("prompt: 4", "prompt: 9"), "prompt must be a number"),
    "wrong page": (_break_front_matter("prompt: 4", "prompt: 3"), "whose page is"),
    "prompt text": (
        _break_front_matter("Impact of Scaling", "Impact of scaling"),
        "prompt_text differs from the original",
    ),
    "not utf-8": (_not_utf8, "unreadable"),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_build__bad_answer_page_fails_naming_the_file(case: str, project: Path) -> None:
    breakage, message = CASES[case]
    breakage(project)
    result = build_site(project, project / "site")
    print(result.stderr)
    errors = [line for line in result.stderr.splitlines() if line.startswith("ERROR")]
    assert result.returncode != 0
    assert len(errors) == 1
    assert str(PAGE) in errors[0] and message in errors[0]
    assert not (project / "site" / "answers").exists()
