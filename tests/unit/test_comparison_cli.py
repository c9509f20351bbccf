"""The command line: regenerating, --check, and one line and no change on bad input."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from comparison import generate as generate_module
from comparison.cli import main
from comparison.errors import ComparisonError
from comparison.generate import build_from_files, write_outputs
from tests.conftest import ROOT
from tests.unit.comparison_support import BAD, DOCS, TAXONOMY

Breakage = Callable[[Path], None]


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture docs tree with its outputs generated once."""
    docs = tmp_path_factory.mktemp("generated") / "docs"
    shutil.copytree(DOCS, docs)
    assert main(["--docs-dir", str(docs), "--taxonomy", str(TAXONOMY)]) == 0
    return docs


@pytest.fixture
def project(generated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh copy of the generated tree as ./docs, with the taxonomy as ./taxonomy.yaml."""
    shutil.copytree(generated, tmp_path / "docs")
    shutil.copy(TAXONOMY, tmp_path / "taxonomy.yaml")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-W", "error", "-m", "comparison", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


def test_cli__check_passes_on_the_committed_output() -> None:
    result = _run("--check")
    print(result.stdout, result.stderr)
    assert result.returncode == 0
    assert result.stdout == "up to date\n"


def test_cli__check_fails_after_an_answer_page_changes(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    page = docs / "answers" / "gemini" / "scaling.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nA sentence added later.\n", "utf-8")
    before = _snapshot(docs)
    result = _run("--check", "--docs-dir", str(docs))
    print(result.stdout, result.stderr)
    assert result.returncode == 1
    assert f"outdated: {docs.as_posix()}/comparison/metrics.md" in result.stderr.splitlines()
    assert _snapshot(docs) == before


def test_cli__second_run_changes_nothing(project: Path, capsys: pytest.CaptureFixture) -> None:
    before = _snapshot(project / "docs")
    assert main(["--taxonomy", "taxonomy.yaml"]) == 0
    out = capsys.readouterr().out
    print(out)
    assert out == "up to date\n"
    assert _snapshot(project / "docs") == before


def test_cli__regenerates_what_changed(project: Path, capsys: pytest.CaptureFixture) -> None:
    (project / "docs" / "comparison" / "evidence.md").write_text("edited by hand\n", "utf-8")
    assert main(["--taxonomy", "taxonomy.yaml"]) == 0
    out = capsys.readouterr().out
    print(out)
    assert out == "wrote docs/comparison/evidence.md\n"


def test_cli__help_exits_zero(capsys: pytest.CaptureFixture) -> None:
    assert main(["--help"]) == 0
    print(capsys.readouterr().out)


def _copy(fixture: str, to: str) -> Breakage:
    def breakage(project: Path) -> None:
        shutil.copy(BAD / fixture, project / "docs" / to)

    return breakage


def _delete(path: str) -> Breakage:
    def breakage(project: Path) -> None:
        (project / path).unlink()

    return breakage


def _edit(path: str, old: str, new: str) -> Breakage:
    def breakage(project: Path) -> None:
        target = project / path
        text = target.read_text(encoding="utf-8")
        assert old in text
        target.write_text(text.replace(old, new), encoding="utf-8")

    return breakage


def _taxonomy(fixture: str) -> Breakage:
    def breakage(project: Path) -> None:
        shutil.copy(BAD / fixture, project / "taxonomy.yaml")

    return breakage


FOUNDATIONS = "answers/chatgpt/foundations.md"
CASES: dict[str, tuple[Breakage, str]] = {
    "missing page": (
        _delete("docs/answers/gemini/scaling.md"),
        "docs/answers/gemini/scaling.md: missing",
    ),
    "two pages for one answer": (
        _copy("duplicate.md", "answers/chatgpt/foundations-copy.md"),
        "docs/answers/chatgpt/foundations-copy.md: a second page for chatgpt prompt 1 "
        "(the first is docs/answers/chatgpt/foundations.md)",
    ),
    "unknown tool": (
        _copy("unknown-tool.md", FOUNDATIONS),
        "docs/answers/chatgpt/foundations.md: unknown tool 'bard'",
    ),
    "unknown tool in a folder of its own": (
        _copy("unknown-tool.md", "answers/bard-foundations.md"),
        "docs/answers/bard-foundations.md: unknown tool 'bard'",
    ),
    "no front matter": (
        _copy("no-front-matter.md", FOUNDATIONS),
        "docs/answers/chatgpt/foundations.md:1: no front matter",
    ),
    "invalid front matter": (
        _copy("invalid-front-matter.md", FOUNDATIONS),
        "docs/answers/chatgpt/foundations.md:4: front matter is not valid YAML",
    ),
    "front matter lacks a key": (
        _copy("missing-keys.md", FOUNDATIONS),
        "docs/answers/chatgpt/foundations.md: front matter lacks prompt_text",
    ),
    "empty answer": (
        _copy("empty-answer.md", FOUNDATIONS),
        "docs/answers/chatgpt/foundations.md:7: the answer is empty",
    ),
    "not utf-8": (
        _copy("not-utf8.bin", FOUNDATIONS),
        "docs/answers/chatgpt/foundations.md:9: not UTF-8 (byte 0xe9)",
    ),
    "conclusion missing": (_delete("docs/conclusion.md"), "docs/conclusion.md: missing"),
    "conclusion lacks a claim": (
        _edit("docs/conclusion.md", 'id="claim-3"', 'id="point-3"'),
        "docs/conclusion.md: no list item with id claim-3",
    ),
    "taxonomy not yaml": (_taxonomy("taxonomy-not-yaml.yaml"), "taxonomy.yaml:10: not valid YAML"),
    "taxonomy malformed entry": (
        _taxonomy("taxonomy-malformed-entry.yaml"),
        "taxonomy.yaml:6: a concept lacks synonyms",
    ),
    "taxonomy duplicate id": (
        _taxonomy("taxonomy-duplicate-id.yaml"),
        "taxonomy.yaml:10: duplicate concept id 'rlhf'",
    ),
    "taxonomy duplicate synonym": (
        _taxonomy("taxonomy-duplicate-synonym.yaml"),
        "taxonomy.yaml:13: synonym 'pretraining'",
    ),
    "taxonomy duplicate key": (
        _taxonomy("taxonomy-duplicate-key.yaml"),
        "taxonomy.yaml:10: a concept has the key 'synonyms' twice",
    ),
    "taxonomy lacks a concept the rules use": (
        _edit("taxonomy.yaml", "id: rlhf", "id: rl-from-feedback"),
        "taxonomy.yaml: lacks concept 'rlhf'",
    ),
    "taxonomy missing": (_delete("taxonomy.yaml"), "taxonomy.yaml: missing"),
    "front matter lacks the tool": (
        _edit(f"docs/{FOUNDATIONS}", "tool: chatgpt\n", ""),
        "docs/answers/chatgpt/foundations.md: front matter lacks tool",
    ),
    "deeply nested html": (
        _edit(
            f"docs/{FOUNDATIONS}", "\n## ", "\n" + "<div>" * 600 + "x" + "</div>" * 600 + "\n\n## "
        ),
        "docs/answers/chatgpt/foundations.md: nested too deeply to read",
    ),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
@pytest.mark.parametrize("check", [False, True], ids=["write", "check"])
def test_cli__bad_input_one_line_exit_2_nothing_changed(
    case: str, check: bool, project: Path, capsys: pytest.CaptureFixture
) -> None:
    breakage, message = CASES[case]
    breakage(project)
    before = _snapshot(project)
    code = main(["--taxonomy", "taxonomy.yaml", *(["--check"] if check else [])])
    captured = capsys.readouterr()
    print(code, captured.out, captured.err)
    assert code == 2
    assert captured.out == ""
    assert len(captured.err.splitlines()) == 1
    assert captured.err.startswith(message)
    assert _snapshot(project) == before


def test_write_outputs__failure_midway_changes_nothing(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = project / "docs"
    outputs = {name: f"{text}changed\n" for name, text in build_from_files(docs, TAXONOMY).items()}
    before = _snapshot(docs)
    opened = []
    real_fdopen = os.fdopen

    def failing_fdopen(*args, **kwargs):
        opened.append(args)
        if len(opened) == 3:
            raise OSError(28, "No space left on device")
        return real_fdopen(*args, **kwargs)

    monkeypatch.setattr(generate_module.os, "fdopen", failing_fdopen)
    with pytest.raises(ComparisonError, match=r": cannot write \(No space left on device\)$"):
        write_outputs(docs, outputs)
    print(sorted(set(_snapshot(docs)) ^ set(before)))
    assert _snapshot(docs) == before
    assert _temporaries(docs) == []


def test_cli__an_output_that_is_a_folder_stops_before_anything_is_written(
    project: Path, capsys: pytest.CaptureFixture
) -> None:
    docs = project / "docs"
    (docs / "answers" / "gemini" / "scaling.md").write_text(
        (docs / "answers" / "gemini" / "scaling.md").read_text(encoding="utf-8") + "\nMore.\n",
        encoding="utf-8",
    )
    (docs / "side-by-side" / "scaling.md").unlink()
    (docs / "side-by-side" / "scaling.md").mkdir()
    before = _snapshot(project)
    code = main(["--taxonomy", "taxonomy.yaml"])
    captured = capsys.readouterr()
    print(code, captured.out, captured.err)
    assert code == 2
    assert captured.err == "docs/side-by-side/scaling.md: cannot write (not a file)\n"
    assert _snapshot(project) == before
    assert _temporaries(docs) == []


def _temporaries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*") if p.name.endswith((".tmp", ".tmp.old")))


def test_write_outputs__a_rename_failing_midway_puts_back_what_was_replaced(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = project / "docs"
    outputs = {name: f"{text}changed\n" for name, text in build_from_files(docs, TAXONOMY).items()}
    before = _snapshot(docs)
    renamed = []
    real_replace = os.replace

    def failing_replace(source, target):
        if str(source).endswith(".tmp"):
            renamed.append(target)
            if len(renamed) == 4:
                raise OSError(13, "Permission denied")
        return real_replace(source, target)

    monkeypatch.setattr(generate_module.os, "replace", failing_replace)
    with pytest.raises(ComparisonError) as error:
        write_outputs(docs, outputs)
    print(error.value, _temporaries(docs))
    assert str(error.value).endswith(": cannot write (Permission denied)")
    assert ".tmp" not in str(error.value)
    assert _snapshot(docs) == before
    assert _temporaries(docs) == []


@pytest.mark.parametrize(
    ("name", "change"),
    [
        ("byte-order mark", lambda data: b"\xef\xbb\xbf" + data),
        ("CRLF line endings", lambda data: data.replace(b"\n", b"\r\n")),
    ],
)
def test_cli__bom_and_crlf_pages_are_read_as_the_build_reads_them(
    name: str, change: Callable[[bytes], bytes], project: Path, capsys: pytest.CaptureFixture
) -> None:
    page = project / "docs" / FOUNDATIONS
    page.write_bytes(change(page.read_bytes()))
    code = main(["--taxonomy", "taxonomy.yaml", "--check"])
    captured = capsys.readouterr()
    print(name, code, captured.out, captured.err)
    assert (code, captured.out) == (0, "up to date\n")


def test_cli__page_under_answers_that_names_no_tool_is_not_an_answer(
    project: Path, capsys: pytest.CaptureFixture
) -> None:
    (project / "docs" / "answers" / "index.md").write_text("# All answers\n", encoding="utf-8")
    code = main(["--taxonomy", "taxonomy.yaml", "--check"])
    captured = capsys.readouterr()
    print(code, captured.out, captured.err)
    assert code == 0
