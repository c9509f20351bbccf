"""The answer pages' registry and front matter: which pages must exist, what each declares."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from ex01.source import split_report

TOOLS = {"chatgpt": "ChatGPT", "gemini": "Gemini"}
# Prompt number -> page slug; the slugs are public URLs that readers cite: never rename one.
PROMPT_SLUGS = {1: "foundations", 2: "transformer-architectures", 3: "applications", 4: "scaling"}
CONCLUSION_PAGE = "conclusion.md"
ORIGINAL_REPORT = "downloads/EX01-report-original.txt"
# The pages that are ours to edit, by their path in docs/: the rest are quoted (the answers, the
# conclusion) or written by a command (the comparison, the side-by-side pages, the print page).
EDITABLE = ("index.md", "glossary.md", "chapters/")
# The pages a section's address serves (navigation.indexes): listings of its pages, ours to
# edit, never an answer, even under answers/.
SECTION_INDEXES = (
    "answers/index.md",
    "answers/chatgpt/index.md",
    "answers/gemini/index.md",
    "chapters/index.md",
    "side-by-side/index.md",
)
# Both answers to a prompt on one page (written by `python -m comparison`), named by the slug.
SIDE_BY_SIDE_DIR = "side-by-side"


class AnswerPageError(ValueError):
    """An answer page is missing, unreadable, or declares invalid front matter."""


@dataclass(frozen=True)
class AnswerMeta:
    """What an answer page declares in its front matter."""

    path: str  # relative to docs/, POSIX separators
    tool: str
    prompt: int
    prompt_text: str

    @property
    def tool_name(self) -> str:
        return TOOLS[self.tool]


def ours_to_edit(path: str) -> bool:
    """Whether a page (its path in docs/) is written by hand by the site's editors."""
    return (
        path in EDITABLE
        or is_section_index(path)
        or path.startswith(tuple(p for p in EDITABLE if p.endswith("/")))
    )


def is_section_index(path: str) -> bool:
    """Whether a page (its path in docs/) is a section's index page, which lists the section."""
    return path in SECTION_INDEXES


def answer_path(tool: str, prompt: int) -> str:
    """The docs-relative path of the page holding `tool`'s answer to `prompt`."""
    return f"answers/{tool}/{PROMPT_SLUGS[prompt]}.md"


def expected_pages() -> list[str]:
    """Every answer page the site must have, plus the conclusion page, in reading order."""
    pages = [answer_path(tool, prompt) for tool in TOOLS for prompt in PROMPT_SLUGS]
    return [*pages, CONCLUSION_PAGE]


def _read(docs_dir: Path, path: str) -> str:
    try:
        return (docs_dir / path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise AnswerPageError(f"{path}: missing (the site needs every report page)") from None
    except UnicodeDecodeError as error:
        raise AnswerPageError(f"{path}: unreadable: not UTF-8 ({error.reason})") from None
    except OSError as error:
        raise AnswerPageError(f"{path}: unreadable: {error.strerror}") from None


def check_answer(meta: dict, path: str, prompt_texts: dict[str, str]) -> AnswerMeta:
    """An answer page's front matter, checked against its place in the registry and against the
    original report's wording of its prompt (`prompt_texts`, by "<tool>-<prompt>")."""
    answer = parse_answer_meta(meta, path)
    expected = prompt_texts[f"{answer.tool}-{answer.prompt}"]
    if answer.prompt_text != expected:
        raise AnswerPageError(f"{path}: prompt_text differs from the original {expected!r}")
    return answer


def check_report_pages(docs_dir: Path) -> None:
    """Raise AnswerPageError naming the first report page that is missing, not UTF-8 text, or
    whose front matter is wrong (see `check_answer`); the original report too. The site quotes
    all nine parts, so without one it has nothing to show."""
    original = split_report(_read(docs_dir, ORIGINAL_REPORT), ORIGINAL_REPORT)
    prompt_texts = {part.key: part.prompt_text for part in original if part.prompt_text}
    *answers, conclusion = expected_pages()
    for path in answers:
        meta, _ = split_front_matter(_read(docs_dir, path), path)
        check_answer(meta, path, prompt_texts)
    _read(docs_dir, conclusion)


def split_front_matter(text: str, path: str) -> tuple[dict, str]:
    """Split a page into its YAML front matter (a mapping) and its Markdown body. A UTF-8
    byte-order mark and CRLF line endings are read as the engines read them."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.startswith("---\n"):
        raise AnswerPageError(f"{path}:1: no front matter (the page must start with '---')")
    end = text.find("\n---\n", 4)
    if end == -1:
        raise AnswerPageError(f"{path}:1: front matter is not closed by a '---' line")
    try:
        meta = yaml.safe_load(text[4:end])
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark else 1
        raise AnswerPageError(f"{path}:{line}: front matter is not valid YAML") from error
    if not isinstance(meta, dict):
        raise AnswerPageError(f"{path}:2: front matter must be a mapping of keys to values")
    return meta, text[end + 5 :]


def parse_answer_meta(meta: dict, path: str) -> AnswerMeta:
    """Validate an answer page's front matter against the page's place in the registry."""
    missing = [key for key in ("tool", "prompt", "prompt_text") if key not in meta]
    if missing:
        raise AnswerPageError(f"{path}: front matter lacks {', '.join(missing)}")
    tool, prompt, prompt_text = meta["tool"], meta["prompt"], meta["prompt_text"]
    if not isinstance(tool, str) or tool not in TOOLS:
        raise AnswerPageError(f"{path}: unknown tool {tool!r} (expected one of {sorted(TOOLS)})")
    if not isinstance(prompt, int) or isinstance(prompt, bool) or prompt not in PROMPT_SLUGS:
        raise AnswerPageError(f"{path}: prompt must be a number from 1 to {len(PROMPT_SLUGS)}")
    if not isinstance(prompt_text, str) or not prompt_text.strip():
        raise AnswerPageError(f"{path}: prompt_text must be the prompt's text")
    if path != answer_path(tool, prompt):
        raise AnswerPageError(
            f"{path}: declares {tool} prompt {prompt}, whose page is {answer_path(tool, prompt)}"
        )
    return AnswerMeta(path=path, tool=tool, prompt=prompt, prompt_text=prompt_text)


def read_answer_meta(text: str, path: str) -> AnswerMeta:
    """Parse and validate the front matter of an answer page's text."""
    meta, _ = split_front_matter(text, path)
    return parse_answer_meta(meta, path)


def other_tool(meta: AnswerMeta) -> str:
    """The tool whose answer to the same prompt a reader compares this one with."""
    (other,) = (tool for tool in TOOLS if tool != meta.tool)
    return other


def render_header(meta: AnswerMeta) -> str:
    """The Markdown header block shown under an answer page's title (links relative to it)."""
    other = other_tool(meta)
    return (
        '<div class="answer-header" markdown>\n\n'
        f"**Tool:** {meta.tool_name} · **Prompt {meta.prompt}:** “{meta.prompt_text}”\n\n"
        f"Compare: [{TOOLS[other]}'s answer to the same prompt]"
        f"(../{other}/{PROMPT_SLUGS[meta.prompt]}.md)"
        f" · [both answers side by side](../../{SIDE_BY_SIDE_DIR}/{PROMPT_SLUGS[meta.prompt]}.md)"
        f" · [the original report, as submitted](../../{ORIGINAL_REPORT})\n\n"
        "</div>\n"
    )
