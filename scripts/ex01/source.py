"""The original report split into its nine parts: the eight answers and the conclusion."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

# The markers the original uses between parts; their spelling varies ("Tool 1: CHATGPT",
# "TOOL 2 : Gemini", "**Prompt 1 :** ...", "## **Prompt 2 : ...**", "## PROMPT 4: ..."),
# so they are matched case-insensitively with optional Markdown emphasis around them.
_TOOL = re.compile(r"^#+\s*tool\s*\d\s*:\s*(?P<name>\w+)\s*$", re.IGNORECASE)
_PROMPT = re.compile(
    r"^(?:#+\s*)?\**\s*prompt\s*(?P<n>\d)\s*:\s*\**\s*(?P<text>.*?)\s*\**\s*$", re.IGNORECASE
)
_CONCLUSION = re.compile(r"^#+\s*conclusion\s*:\s*$", re.IGNORECASE)

CONCLUSION = "conclusion"


@dataclass(frozen=True)
class Part:
    """One part of the original: an answer (tool and prompt set) or the conclusion."""

    key: str  # "chatgpt-1" ... "gemini-4", or "conclusion"
    tool: str | None
    prompt: int | None
    prompt_text: str | None
    body: str  # the part's Markdown, without its tool/prompt marker lines
    line: int  # 1-based line of the marker that opens the part


class SourceError(ValueError):
    """The original report does not have the expected structure."""


def split_report(text: str, path: str = "<report>") -> list[Part]:
    """Split the original report into its parts, in document order."""
    parts: list[Part] = []
    tool: str | None = None
    current: dict | None = None
    body: list[str] = []

    def close() -> None:
        if current is not None:
            parts.append(Part(body="\n".join(body).strip() + "\n", **current))

    for number, line in enumerate(text.splitlines(), start=1):
        if m := _TOOL.match(line):
            close()
            current, body = None, []
            tool = m["name"].lower()
        elif (m := _PROMPT.match(line)) and tool is not None:
            close()
            prompt = int(m["n"])
            current = {
                "key": f"{tool}-{prompt}",
                "tool": tool,
                "prompt": prompt,
                "prompt_text": m["text"].strip("* "),
                "line": number,
            }
            body = []
        elif _CONCLUSION.match(line):
            close()
            current = {
                "key": CONCLUSION,
                "tool": None,
                "prompt": None,
                "prompt_text": None,
                "line": number,
            }
            body = []
        elif current is not None:
            body.append(line)
        elif line.strip() and not line.startswith("# "):
            raise SourceError(f"{path}:{number}: text outside any part: {line.strip()[:60]!r}")
    close()

    keys = [p.key for p in parts]
    if len(set(keys)) != len(keys):
        raise SourceError(f"{path}: a part appears twice: {keys}")
    return parts


def read_report(path: Path) -> list[Part]:
    """Read and split the original report file."""
    return split_report(path.read_text(encoding="utf-8"), str(path))
