"""Checks every page's Markdown for mistakes the engines let through, each one error naming the
file and line: front matter that did not parse, a code fence never closed, and two headings
given the same id.

    markdown_extensions:
      - ex01.markdown.checks:
          docs: docs

- MkDocs leaves front matter that is not valid YAML in the page, where it is rendered as text
  and the page loses its description; it is read again here to name the line that is wrong.
- A fence left open swallows the rest of the page as code: an answer page then loses every
  heading after it (and the side-by-side page every anchor of that answer).
- Python-Markdown's toc extension makes generated ids unique but keeps explicit `{#id}`s as
  written, so two of them give a page two elements with one id and a link that lands on the
  first.

Line numbers are the file's: the engines hand the extension the page without its front matter,
so the page's file under `docs` is read to count the lines before the body.
"""

from __future__ import annotations

import re
from pathlib import Path

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from ex01.answers import AnswerPageError, split_front_matter
from ex01.markdown.context import current_page
from ex01.markdown.errors import PageError

_FENCE = re.compile(r"^[ \t]*(?P<fence>`{3,}|~{3,})(?P<rest>.*)$")
_HEADINGS = {f"h{level}" for level in range(1, 7)}


def first_line(lines: list[str], docs: Path, path: str) -> int:
    """The file line number of `lines[0]`: 1 plus the lines of front matter before the body."""
    try:
        text = (docs / path).read_text(encoding="utf-8-sig").replace("\r\n", "\n")
    except OSError:
        return 1
    body = "\n".join(lines).strip("\n")
    at = text.rfind(body) if body else -1
    return text.count("\n", 0, at) + 1 if at >= 0 else 1


def unclosed_fence(lines: list[str]) -> int | None:
    """The index of the line opening a code fence that no later line closes, or None.

    A fence closes on a line of the same character, at least as long, with nothing after it
    (CommonMark); an opening backtick fence cannot hold a backtick in its info string, so a line
    like ```code``` is inline code, not a fence.
    """
    opened: tuple[int, str] | None = None
    for number, line in enumerate(lines):
        match = _FENCE.match(line)
        if match is None:
            continue
        fence, rest = match["fence"], match["rest"]
        if opened is None:
            if not (fence[0] == "`" and "`" in rest):
                opened = (number, fence)
        elif fence[0] == opened[1][0] and len(fence) >= len(opened[1]) and not rest.strip():
            opened = None
    return opened[0] if opened else None


def id_line(lines: list[str], anchor: str, after: int = -1) -> int | None:
    """The index of the first line after `after` that gives `anchor` as an explicit `{#id}`."""
    pattern = re.compile(r"\{[^}]*#" + re.escape(anchor) + r"(?![\w-])[^}]*\}")
    for number, line in enumerate(lines):
        if number > after and pattern.search(line):
            return number
    return None


class _Source(Preprocessor):
    """Front matter and fences, on the page as written (before snippets are appended)."""

    def __init__(self, md: Markdown, extension: ChecksExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        page = current_page(self.md)
        self.extension.lines = list(lines)
        if page is None:
            self.extension.where = ("<text>", 1)
            return lines
        shown = f"docs/{page.path}"
        self.extension.where = (shown, first_line(lines, self.extension.docs, page.path))
        start = self.extension.where[1]
        if lines and lines[0].strip() == "---" and "---" in (line.strip() for line in lines[1:]):
            try:
                split_front_matter("\n".join(lines) + "\n", shown)
            except AnswerPageError as error:
                raise PageError(str(error)) from None
            raise PageError(f"{shown}:{start}: front matter the engine could not read")
        fence = unclosed_fence(lines)
        if fence is not None:
            raise PageError(f"{shown}:{start + fence}: a code fence opened here is never closed")
        return lines


class _Ids(Treeprocessor):
    """Two headings with one id, once toc has given every heading its id."""

    def __init__(self, md: Markdown, extension: ChecksExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root) -> None:
        seen: set[str] = set()
        for element in root.iter():
            anchor = element.get("id")
            if element.tag not in _HEADINGS or not anchor:
                continue
            if anchor in seen:
                shown, start = self.extension.where
                lines = self.extension.lines
                first = id_line(lines, anchor)
                second = id_line(lines, anchor, after=first if first is not None else -1)
                line = f":{start + second}" if second is not None else ""
                also = f" (also line {start + first})" if first is not None else ""
                raise PageError(f"{shown}{line}: two headings have the id '{anchor}'{also}")
            seen.add(anchor)


class ChecksExtension(Extension):
    """The page checks (see the module's docstring)."""

    def __init__(self, **kwargs: object) -> None:
        self.config = {"docs": ["docs", "the docs folder, relative to where the build runs"]}
        super().__init__(**kwargs)
        self.lines: list[str] = []
        self.where: tuple[str, int] = ("<text>", 1)

    @property
    def docs(self) -> Path:
        return Path(self.getConfig("docs"))

    def extendMarkdown(self, md: Markdown) -> None:
        # Before the snippets (32) append the abbreviations and the answer header (25) is
        # added; after toc (5) has given every heading its id.
        md.preprocessors.register(_Source(md, self), "ex01-checks-source", 40)
        md.treeprocessors.register(_Ids(md, self), "ex01-checks-ids", 4)


def makeExtension(**kwargs: object) -> ChecksExtension:
    return ChecksExtension(**kwargs)
