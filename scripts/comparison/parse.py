"""Answer pages and the conclusion parsed into plain data: sections, their anchors, their blocks."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import markdown
from selectolax.lexbor import LexborHTMLParser, LexborNode

from comparison.errors import ComparisonError
from ex01.answers import AnswerMeta, AnswerPageError, parse_answer_meta, split_front_matter

# The Python-Markdown extensions of mkdocs.yml that change which blocks a page has, so the
# generator reads a page as the site renders it. `fenced_code` stands in for
# pymdownx.superfences (a docs-only dependency): both turn ``` fences into code blocks.
_EXTENSIONS = (
    "abbr",
    "admonition",
    "attr_list",
    "def_list",
    "fenced_code",
    "footnotes",
    "md_in_html",
    "tables",
)

HEADING = "heading"
PARAGRAPH = "paragraph"
LIST_ITEM = "list_item"
OTHER_PROSE = "other_prose"  # table cells, definition lists, loose text in HTML blocks
CODE = "code"

FACT_CHECK_TITLE = "Fact check"  # the title of the site's notes that correct an answer
OPENING = "Opening paragraphs"  # the title of the text between the page title and its first heading

_HEADINGS = {f"h{level}": level for level in range(1, 7)}
_LISTS = {"ul", "ol"}
# Blocks nested in a list item are read on their own, not as part of the item's text.
_NESTED = {"ul", "ol", "pre", "table", "div", "blockquote", "dl", "details", *_HEADINGS}
# Editorial additions, never the tool's words: admonitions (an "Editorial note", a "Fact
# check"), footnotes (the answers have none of their own: an admonition's sources end up
# there), the header block the answers hook puts under the title, and collapsible details.
_EDITORIAL_CLASSES = {"admonition", "answer-header", "footnote"}
_SKIPPED = {"script", "style", "template", "hr", "img", "-comment", "details"}
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w")


@dataclass(frozen=True)
class Block:
    """One block of an answer's text: a heading, a paragraph, a list item, a table cell ..."""

    kind: str
    text: str
    depth: int = 0  # heading level for headings, nesting depth (from 1) for list items


@dataclass(frozen=True)
class Section:
    """The text from one heading to the next heading of any level."""

    title: str
    level: int  # heading level; 1 for the opening paragraphs under the page title
    anchor: str | None  # the heading's explicit {#id}, if it has one
    target: str  # the anchor a link to this text uses: the nearest explicit id at or above it
    blocks: tuple[Block, ...]
    # The text of each "Fact check" note the site sets in this section: what it corrects.
    fact_checks: tuple[str, ...] = ()


@dataclass(frozen=True)
class Answer:
    """One tool's answer to one prompt: the page's front matter and the answer body's sections."""

    meta: AnswerMeta
    title: str  # the page title (editorial, not part of the answer)
    sections: tuple[Section, ...]

    @property
    def blocks(self) -> tuple[Block, ...]:
        """Every block of the answer, in reading order."""
        return tuple(block for section in self.sections for block in section.blocks)


@dataclass(frozen=True)
class Claim:
    """One numbered point of the report's conclusion."""

    id: str  # the list item's id on the conclusion page, e.g. "claim-1"
    text: str


def _normalise(text: str) -> str:
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def _classes(node: LexborNode) -> set[str]:
    return set((node.attributes.get("class") or "").split())


def _is_editorial(node: LexborNode) -> bool:
    return bool(_classes(node) & _EDITORIAL_CLASSES)


def _is_fact_check(node: LexborNode) -> bool:
    """Whether an element is one of the site's "Fact check" notes (an admonition so titled)."""
    if "admonition" not in _classes(node):
        return False
    title = node.css_first(".admonition-title")
    return title is not None and _normalise(title.text(deep=True)) == FACT_CHECK_TITLE


def _own_text(node: LexborNode) -> str:
    """The text of an element without its nested blocks and footnote markers."""
    pieces: list[str] = []
    child = node.child
    while child is not None:
        if child.tag == "-text":
            pieces.append(child.text_content or "")
        elif child.tag == "br" or child.tag in _NESTED or child.tag in _SKIPPED:
            pieces.append(" ")
        elif child.tag == "p":  # a loose list item's paragraphs are the item's text
            pieces.append(f" {_own_text(child)} ")
        elif not _classes(child) & {"footnote-ref", "footnote-backref"}:
            pieces.append(_own_text(child))
        child = child.next
    return "".join(pieces)


class _Reader:
    """Walks the rendered HTML of an answer body and collects its sections."""

    def __init__(self) -> None:
        self.title = ""
        self.sections: list[Section] = []
        self._current: tuple[str, int, str | None, str] = (OPENING, 1, None, "")
        self._blocks: list[Block] = []
        self._fact_checks: list[str] = []
        self._stack: list[tuple[int, str | None]] = []  # (level, explicit id) of open headings
        self._started = False

    def finish(self) -> None:
        """Close the last section."""
        self.sections.append(
            Section(
                *self._current, blocks=tuple(self._blocks), fact_checks=tuple(self._fact_checks)
            )
        )
        self._blocks = []
        self._fact_checks = []

    def heading(self, node: LexborNode, level: int) -> None:
        """Start a section (or take the page title, if this is the first block and an h1)."""
        text = _normalise(_own_text(node))
        if level == 1 and not self._started:
            self.title = text  # the page title: editorial
            self._started = True
            return
        self._started = True
        self.finish()
        anchor = node.attributes.get("id") or None
        while self._stack and self._stack[-1][0] >= level:
            self._stack.pop()
        target = anchor or next((a for _, a in reversed(self._stack) if a), "")
        self._stack.append((level, anchor))
        self._current = (text, level, anchor, target)
        self._blocks.append(Block(HEADING, text, level))

    def block(self, kind: str, text: str, depth: int = 0) -> None:
        """Add a block of text to the current section."""
        self._started = True
        text = _normalise(text)
        if text:
            self._blocks.append(Block(kind, text, depth))

    def walk(self, node: LexborNode, depth: int = 0) -> None:
        """Read the children of an element in order."""
        child = node.child
        while child is not None:
            self._visit(child, depth)
            child = child.next

    def _visit(self, node: LexborNode, depth: int) -> None:
        tag = node.tag
        if _is_fact_check(node):
            self._fact_checks.append(_normalise(node.text(deep=True)))
            return
        if tag in _SKIPPED or _is_editorial(node):
            return
        if tag in _HEADINGS:
            self.heading(node, _HEADINGS[tag])
        elif tag == "p":
            self.block(PARAGRAPH, _own_text(node))
        elif tag in _LISTS:
            self._list(node, depth + 1)
        elif tag == "pre":
            self.block(CODE, node.text(deep=True))
        elif tag == "table":
            for cell in node.css("th, td"):
                self.block(OTHER_PROSE, _own_text(cell))
        elif tag in {"dt", "dd"}:
            self.block(OTHER_PROSE, _own_text(node))
            self._nested(node, depth)
        elif tag == "-text":
            self.block(OTHER_PROSE, node.text_content or "")
        elif tag in {"div", "blockquote", "dl", "section", "article", "main", "li"}:
            self.walk(node, depth)
        else:  # inline HTML standing on its own
            self.block(OTHER_PROSE, _own_text(node))

    def _nested(self, node: LexborNode, depth: int) -> None:
        """Read the blocks nested in a list item or definition (its own text is read already)."""
        part = node.child
        while part is not None:
            if part.tag in _NESTED:
                self._visit(part, depth)
            part = part.next

    def _list(self, node: LexborNode, depth: int) -> None:
        item = node.child
        while item is not None:
            if item.tag == "li" and not _is_editorial(item):
                self.block(LIST_ITEM, _own_text(item), depth)
                self._nested(item, depth)
            elif item.tag != "-text":
                self._visit(item, depth)
            item = item.next


def _render(body: str) -> LexborNode:
    html = markdown.markdown(body, extensions=list(_EXTENSIONS))
    tree = LexborHTMLParser(f"<!DOCTYPE html><html><body>{html}</body></html>")
    assert tree.body is not None  # lexbor always builds a body for a full document
    return tree.body


def parse_body(body: str, meta: AnswerMeta, line: int = 1) -> Answer:
    """Parse an answer page's Markdown body (after its front matter) into sections."""
    reader = _Reader()
    reader.walk(_render(body))
    reader.finish()
    sections = tuple(s for s in reader.sections if s.blocks)
    if not any(
        _WORD.search(block.text)
        for section in sections
        for block in section.blocks
        if block.kind not in (HEADING, CODE)
    ):
        raise ComparisonError(f"{meta.path}:{line}: the answer is empty (no text under its title)")
    return Answer(meta=meta, title=reader.title, sections=sections)


def _body_line(text: str, body: str) -> int:
    """The line number of the first line of a page's body that is not blank."""
    start = len(text) - len(body) + len(body) - len(body.lstrip())
    return text.count("\n", 0, text.rfind("\n", 0, start) + 1) + 1


def parse_answer(text: str, path: str) -> Answer:
    """Parse an answer page (front matter and body); `path` is relative to docs/."""
    try:
        meta, body = split_front_matter(text, path)
        answer_meta = parse_answer_meta(meta, path)
    except AnswerPageError as error:
        raise ComparisonError(str(error)) from None
    try:
        return parse_body(body, answer_meta, _body_line(text, body))
    except RecursionError:
        # Python-Markdown and the HTML parser recurse once per level of nesting.
        raise ComparisonError(
            f"{path}: nested too deeply to read (HTML or lists inside one another hundreds of "
            "levels deep)"
        ) from None


def read_meta(text: str, path: str) -> tuple[str, int] | None:
    """The tool and prompt a page declares, if its front matter names both (to find duplicates)."""
    try:
        meta, _ = split_front_matter(text, path)
    except AnswerPageError as error:
        raise ComparisonError(str(error)) from None
    tool, prompt = meta.get("tool"), meta.get("prompt")
    if isinstance(tool, str) and isinstance(prompt, int) and not isinstance(prompt, bool):
        return tool, prompt
    return None


def parse_conclusion(text: str, path: str) -> dict[str, Claim]:
    """The numbered claims of the conclusion page: its list items with an id `claim-N`."""
    try:
        _, body = split_front_matter(text, path)
    except AnswerPageError as error:
        raise ComparisonError(str(error)) from None
    claims: dict[str, Claim] = {}
    for item in _render(body).css("li[id]"):
        claim_id = item.attributes.get("id") or ""
        if re.fullmatch(r"claim-\d+", claim_id):
            for editorial in item.css(".claim-check"):  # the site's link to the claim's check
                editorial.decompose()
            claims[claim_id] = Claim(claim_id, _normalise(item.text(deep=True)))
    return claims
