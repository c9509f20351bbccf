"""The header under each answer page's title: the tool, the prompt, and the ways to compare.

    markdown_extensions:
      - ex01.markdown.answers:
          report: docs/downloads/EX01-report-original.txt

On a page under answers/, the page's front matter is checked (ex01.answers.check_answer: tool,
prompt, and a prompt_text word for word the original's; under MkDocs hooks/site.py has checked
every report page that way before the build, so that a bad one stops it with one line) and
the header's Markdown is put right after the `# ` title, before the page is parsed, so its
links are checked and resolved like any other.
Other pages come back unchanged. The page comes from ex01.markdown.context.
"""

from __future__ import annotations

import functools
from pathlib import Path

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

from ex01.answers import (
    AnswerPageError,
    check_answer,
    is_section_index,
    render_header,
    split_front_matter,
)
from ex01.markdown.context import current_page
from ex01.markdown.errors import PageError
from ex01.source import SourceError, read_report

REPORT = "docs/downloads/EX01-report-original.txt"
# The marker before the header names what wrote it, for a reader of the page source.
MARKER = "<!-- ex01.markdown.answers -->"


@functools.lru_cache(maxsize=4)
def _prompt_texts(report: Path, mtime_ns: int) -> dict[str, str]:
    return {part.key: part.prompt_text for part in read_report(report) if part.prompt_text}


def prompt_texts(report: Path) -> dict[str, str]:
    """Each answer's prompt as the original report words it, by "<tool>-<prompt>"."""
    try:
        return _prompt_texts(report, report.stat().st_mtime_ns)
    except OSError as error:
        raise PageError(f"{report}: cannot read the original report ({error.strerror})") from None
    except SourceError as error:
        raise PageError(str(error)) from None


def header_lines(lines: list[str], path: str, meta: dict, report: Path) -> list[str]:
    """An answer page's Markdown `lines` with the header after its title, once checked."""
    try:
        if lines and lines[0].strip() == "---":
            # Front matter the engine could not read is left in the Markdown (MkDocs does so);
            # reading it again names the line that is wrong.
            split_front_matter("\n".join(lines) + "\n", path)
        answer = check_answer(meta, path, prompt_texts(report))
    except AnswerPageError as error:
        raise PageError(f"docs/{error}") from None
    first = next((number for number, line in enumerate(lines) if line.strip()), None)
    if first is None or not lines[first].startswith("# "):
        raise PageError(f"docs/{path}: an answer page must open with its '# ' title")
    header = ["", MARKER, *render_header(answer).splitlines()]
    return [*lines[: first + 1], *header, *lines[first + 1 :]]


class _Header(Preprocessor):
    def __init__(self, md: Markdown, report: Path) -> None:
        super().__init__(md)
        self.report = report

    def run(self, lines: list[str]) -> list[str]:
        page = current_page(self.md)
        if page is None or not page.path.startswith("answers/") or is_section_index(page.path):
            return lines
        return header_lines(lines, page.path, page.meta, self.report)


class AnswersExtension(Extension):
    """Adds the answer header (see `header_lines`)."""

    def __init__(self, **kwargs: object) -> None:
        self.config = {
            "report": [REPORT, "the original report, relative to the folder the build runs in"],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        # Before md_in_html's raw-HTML block preprocessor (20): the header is Markdown in a
        # `<div markdown>`.
        header = _Header(md, Path(self.getConfig("report")))
        md.preprocessors.register(header, "ex01-answers", 25)


def makeExtension(**kwargs: object) -> AnswersExtension:
    return AnswersExtension(**kwargs)
