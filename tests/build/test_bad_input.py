"""A broken report page fails the build with one line naming the file, never a partial site."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.build.test_engines import zensical_build
from tests.conftest import build_site

PAGE = Path("docs/answers/gemini/scaling.md")


def _replace(path: str, old: str, new: str) -> Callable[[Path], None]:
    def edit(project: Path) -> None:
        target = project / path
        page = target.read_text(encoding="utf-8")
        assert old in page
        target.write_text(page.replace(old, new, 1), encoding="utf-8")

    return edit


def _break_front_matter(old: str, new: str) -> Callable[[Path], None]:
    return _replace(str(PAGE), old, new)


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


def _write(path: str, text: str) -> Callable[[Path], None]:
    def edit(project: Path) -> None:
        (project / path).write_text(text, encoding="utf-8")

    return edit


def _append(path: str, text: str) -> Callable[[Path], None]:
    def edit(project: Path) -> None:
        target = project / path
        target.write_text(target.read_text(encoding="utf-8") + text, encoding="utf-8")

    return edit


def _insert_before_first_heading(path: str, text: str) -> Callable[[Path], None]:
    def edit(project: Path) -> None:
        target = project / path
        page = target.read_text(encoding="utf-8")
        at = page.index("\n## ")
        target.write_text(page[:at] + text + page[at:], encoding="utf-8")

    return edit


GANS = "docs/chapters/gans.md"
# Each bad input, what it does to a copy of the project, and the one line that must name it
# (a regular expression). Lines given as WARNING fail the build through its strict setting.
STRICT_CASES = {
    "corrupt diagram store": (
        _write("docs/includes/diagrams.json", "{not json"),
        r"ERROR   -  docs/includes/diagrams\.json: not a readable store \(",
    ),
    "missing formula store": (
        lambda project: (project / "docs/includes/formulas.json").unlink(),
        r"ERROR   -  docs/includes/formulas\.json: missing \(`make prerender` writes it\)$",
    ),
    "chapter front matter not YAML": (
        _replace(GANS, 'description: "', 'description: ["'),
        r"ERROR   -  docs/chapters/gans\.md:2: front matter is not valid YAML$",
    ),
    "two headings with one id": (
        _append(GANS, "\n## One more {#non-saturating-loss}\n"),
        r"ERROR   -  docs/chapters/gans\.md:\d+: two headings have the id 'non-saturating-loss' "
        r"\(also line \d+\)$",
    ),
    "unclosed fence before an answer's first heading": (
        _insert_before_first_heading(str(PAGE), "\n\n```text\nnever closed\n"),
        r"ERROR   -  docs/answers/gemini/scaling\.md:14: a code fence opened here is never closed$",
    ),
    "diagram not in the store": (
        _append(GANS, "\n```mermaid\nflowchart LR\n  a --> b\n```\n"),
        r"WARNING -  docs/chapters/gans\.md:\d+: a diagram not drawn ahead of time",
    ),
    "malformed mermaid": (
        _append(GANS, "\n```mermaid\nflowchart LR\n  a -->\n```\n"),
        r"WARNING -  docs/chapters/gans\.md:\d+: a diagram not drawn ahead of time",
    ),
    "latex syntax error": (
        _append(GANS, "\nA formula that does not parse: $\\frac{a$.\n"),
        r"WARNING -  docs/chapters/gans\.md:\d+: a formula not typeset ahead of time",
    ),
}
# MkDocs' own line before an error raised while a page is read: it names the page too.
CONTEXT = re.compile(r"^ERROR   -  Error reading page '[^']+':$")


def _docs(project: Path) -> dict[str, bytes]:
    return {
        path.relative_to(project).as_posix(): path.read_bytes()
        for path in sorted((project / "docs").rglob("*"))
        if path.is_file()
    }


@pytest.mark.parametrize("case", STRICT_CASES, ids=list(STRICT_CASES))
def test_build__bad_input_fails_with_one_line_naming_it(case: str, project: Path) -> None:
    breakage, message = STRICT_CASES[case]
    breakage(project)
    before = _docs(project)
    result = build_site(project, project / "site")
    print(result.stderr)
    lines = [
        line
        for line in result.stderr.splitlines()
        if line.startswith(("ERROR", "WARNING")) and not CONTEXT.match(line)
    ]
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert len(lines) == 1, lines
    assert re.match(message, lines[0]), lines[0]
    assert _docs(project) == before


# Zensical reads front matter itself, and names the page and line in its own words.
ZENSICAL_OWN = {
    "chapter front matter not YAML": r"error reading page metadata 'chapters/gans\.md': .* line 2",
}


@pytest.mark.parametrize(
    "case", [case for case, (_, line) in STRICT_CASES.items() if line.startswith("ERROR")]
)
def test_zensical_build__bad_input_fails_naming_it(case: str, project: Path, base_url: str) -> None:
    """Zensical stops too, though its own traceback surrounds the one line (KNOWN_DIFFERENCES);
    it does not count a Python warning, so the undrawn cases are MkDocs' alone."""
    breakage, message = STRICT_CASES[case]
    breakage(project)
    result = zensical_build(project, base_url)
    output = re.sub(r"\x1b\[[0-9;]*m", "", result.stdout + result.stderr)
    expected = ZENSICAL_OWN.get(case, message.removeprefix("ERROR   -  ").removesuffix("$"))
    print(output[-2000:])
    assert result.returncode != 0
    assert re.search(expected, output)
