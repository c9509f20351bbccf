"""Splitting the original report into its parts."""

from __future__ import annotations

import hashlib

import pytest

from ex01.answers import ORIGINAL_REPORT
from ex01.source import SourceError, split_report
from tests.conftest import DOCS

# The project's copy of the report must stay byte for byte the file the user handed over.
ORIGINAL_SHA256 = "cfa93a4fa140331232c70eb4e93410d2ef20190908d1c0bf6fbf895e7048e9e5"

REPORT = """\
# EX01: A title

## Tool 1: CHATGPT

**Prompt 1 :** Explain things

Answer one.

## **Prompt 2 : Focus on more**

Answer two.

## TOOL 2 : Gemini

## PROMPT 1: Explain things

Gemini one.

## CONCLUSION :

1) A claim.
"""


def test_original__is_the_file_as_submitted() -> None:
    digest = hashlib.sha256((DOCS / ORIGINAL_REPORT).read_bytes()).hexdigest()
    assert digest == ORIGINAL_SHA256


def test_split_report__finds_parts_in_order() -> None:
    parts = split_report(REPORT)
    print(parts)
    assert [(p.key, p.prompt_text, p.body, p.line) for p in parts] == [
        ("chatgpt-1", "Explain things", "Answer one.\n", 5),
        ("chatgpt-2", "Focus on more", "Answer two.\n", 9),
        ("gemini-1", "Explain things", "Gemini one.\n", 15),
        ("conclusion", None, "1) A claim.\n", 19),
    ]


def test_split_report__text_before_any_part_is_an_error() -> None:
    with pytest.raises(SourceError, match=r"^r\.md:1: text outside any part"):
        split_report("Stray text\n" + REPORT, "r.md")


def test_split_report__repeated_part_is_an_error() -> None:
    with pytest.raises(SourceError, match="a part appears twice"):
        split_report(REPORT + "\n## Tool 1: CHATGPT\n\n**Prompt 1 :** Again\n", "r.md")
