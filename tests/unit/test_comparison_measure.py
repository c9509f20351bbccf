"""Measuring answers: golden metrics per fixture, sentence handling, and no network needed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from textstat.backend import counts

from comparison.downloads import metrics_record
from comparison.measure import (
    MIN_SENTENCE_WORDS,
    WORDS_PER_MINUTE,
    _readable_text,
    count_words,
    measure,
    split_sentences,
)
from comparison.parse import LIST_ITEM, PARAGRAPH, Block, parse_answer, read_meta
from ex01.answers import answer_path
from tests.conftest import ROOT
from tests.unit.comparison_support import DOCS, EXPECTED, PAGES, TAXONOMY, assert_golden

FIXTURES = sorted(PAGES.glob("*.md"))


def _blocks(fixture: Path) -> tuple[Block, ...]:
    text = fixture.read_text(encoding="utf-8")
    declared = read_meta(text, fixture.name)
    assert declared is not None
    return parse_answer(text, answer_path(*declared)).blocks


@pytest.mark.parametrize("fixture", FIXTURES, ids=[f.stem for f in FIXTURES])
def test_measure__matches_golden(fixture: Path, request: pytest.FixtureRequest) -> None:
    record = metrics_record(measure(_blocks(fixture)))
    actual = json.dumps(record, indent=2, sort_keys=True) + "\n"
    assert_golden(request, EXPECTED / "measure" / f"{fixture.stem}.json", actual)


def test_measure__code_is_not_counted() -> None:
    metrics = measure(_blocks(PAGES / "table-and-code.md"))
    print(metrics)
    assert metrics.words == count_words("Comparison Model Kind BERT encoder GPT-3 decoder") + (
        count_words("A closing sentence about T5 and the attention mechanism.")
    )


def test_measure__reading_time_uses_the_stated_rate() -> None:
    metrics = measure([Block(PARAGRAPH, " ".join(["word"] * WORDS_PER_MINUTE) + ".")])
    print(metrics.reading_minutes)
    assert metrics.reading_minutes == 1.0


def test_split_sentences__abbreviations_and_decimals_do_not_split() -> None:
    text = "GPT-2 has 1.5 billion parameters, e.g. far fewer than GPT-3. Short one."
    sentences = split_sentences(text)
    print(sentences)
    assert sentences == (
        "GPT-2 has 1.5 billion parameters, e.g. far fewer than GPT-3.",
        "Short one.",
    )


def test_split_sentences__list_item_without_full_stop_is_one_sentence() -> None:
    sentences = split_sentences("Creative writing (e.g., novel writing, scriptwriting)")
    print(sentences)
    assert sentences == ("Creative writing (e.g., novel writing, scriptwriting)",)


def test_measure__fragments_stay_out_of_sentences() -> None:
    blocks = [Block(LIST_ITEM, "Applications:"), Block(LIST_ITEM, "Image generation")]
    blocks.append(Block(LIST_ITEM, "Creative writing for novels"))
    metrics = measure(blocks)
    print(metrics)
    assert (metrics.sentences, metrics.fragments, metrics.sentence_words) == (1, 2, 4)


def test_measure__textstat_sees_the_same_sentences() -> None:
    """textstat's own splitter must find exactly the sentences pysbd found."""
    blocks = _blocks(PAGES / "sentences-and-fragments.md")
    pieces = [s for b in blocks if b.kind != "heading" for s in split_sentences(b.text)]
    sentences = [s for s in pieces if count_words(s) >= MIN_SENTENCE_WORDS]
    text = _readable_text(sentences)
    print(text)
    assert counts.count_sentences(text) == len(sentences) == measure(blocks).sentences


def test_measure__empty_text_has_no_scores() -> None:
    metrics = measure([Block(PARAGRAPH, "...")])
    print(metrics)
    assert metrics.words == 0 and metrics.flesch_reading_ease is None and metrics.mtld is None


OFFLINE = """
import socket

def refuse(*args, **kwargs):
    raise OSError("network access attempted")

socket.socket.connect = refuse
socket.socket.connect_ex = refuse
socket.create_connection = refuse
socket.getaddrinfo = refuse

from pathlib import Path
from comparison.generate import build_outputs
docs = Path({docs!r})
pages = {{p.relative_to(docs).as_posix(): p.read_bytes() for p in (docs / "answers").rglob("*.md")}}
outputs = build_outputs(
    pages, (docs / "conclusion.md").read_bytes(), Path({taxonomy!r}).read_bytes(), {{}}
)
print(outputs["comparison/metrics.md"].count("Flesch"), "flesch mentions")
"""


def test_generator__runs_with_the_network_off(tmp_path: Path) -> None:
    """A fresh process (no dictionary cached) measures and renders with every socket refused."""
    script = OFFLINE.format(docs=str(DOCS), taxonomy=str(TAXONOMY))
    env = {**os.environ, "NLTK_DATA": str(tmp_path / "no-nltk-data")}
    result = subprocess.run(
        [sys.executable, "-W", "error", "-c", textwrap.dedent(script)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    print(result.stdout, result.stderr)
    assert result.returncode == 0
    assert "flesch mentions" in result.stdout
