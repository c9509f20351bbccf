"""Concept coverage: which taxonomy concepts an answer mentions, and in which of its sections."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from comparison.measure import count_words
from comparison.parse import CODE, HEADING, Answer
from comparison.taxonomy import Taxonomy

# In a synonym, a space or hyphen stands for any run of spaces, hyphens and dashes, or none.
_SEPARATOR = r"[\s\-\u2010-\u2014]*"
_SYNONYM_SEPARATOR = re.compile(r"[\s\-\u2010-\u2014]+")
# Plural and possessive endings a synonym may take.
_ENDING = r"(?:s|es|'s|\u2019s)?"
# Joins block texts; no synonym pattern can match across it (it is neither a word character
# nor a separator).
_JOIN = "\x00"


@dataclass(frozen=True)
class Mention:
    """One mention of a concept: where in a text it starts and ends."""

    concept: str
    start: int
    end: int


@dataclass(frozen=True)
class SectionHit:
    """A section of an answer that mentions a concept."""

    target: str  # the anchor a link uses ("" for the top of the page)
    title: str
    mentions: int
    in_heading: bool  # the section's heading names the concept
    flagged: bool = False  # a fact check in the section names the concept too


@dataclass(frozen=True)
class ConceptHits:
    """Where one answer mentions one concept."""

    concept: str
    sections: tuple[SectionHit, ...]  # in reading order, one per link target
    mentions: int
    words: int  # words of the blocks (paragraphs, items, headings) that mention it

    @property
    def first(self) -> SectionHit:
        """The first section that mentions the concept."""
        return self.sections[0]

    @property
    def flagged(self) -> bool:
        """Whether a fact check names the concept in a section that names it: the answer may
        use it wrongly there (the note says how)."""
        return any(section.flagged for section in self.sections)

    @property
    def sound(self) -> bool:
        """Named in at least one section where no fact check questions it."""
        return any(not section.flagged for section in self.sections)


@dataclass(frozen=True)
class Coverage:
    """The concepts one answer mentions, in taxonomy order."""

    path: str
    hits: tuple[ConceptHits, ...]
    # Per topic: words of the blocks that name at least one of its concepts (each block once).
    topic_words: Mapping[str, int] = field(default_factory=dict)

    def get(self, concept_id: str) -> ConceptHits | None:
        """Where the answer mentions a concept, or None if it does not."""
        return next((h for h in self.hits if h.concept == concept_id), None)

    @property
    def concepts(self) -> frozenset[str]:
        """The ids of the concepts the answer mentions."""
        return frozenset(h.concept for h in self.hits)

    @property
    def sound_concepts(self) -> frozenset[str]:
        """The concepts named in at least one section where no fact check questions them."""
        return frozenset(h.concept for h in self.hits if h.sound)

    @property
    def flagged_concepts(self) -> frozenset[str]:
        """The concepts a fact check names in a section that names them."""
        return frozenset(h.concept for h in self.hits if h.flagged)


def synonym_pattern(synonym: str) -> str:
    """The regular expression for one synonym (see taxonomy.yaml for the rules)."""
    body = _SEPARATOR.join(re.escape(part) for part in _SYNONYM_SEPARATOR.split(synonym))
    return body if synonym != synonym.lower() else f"(?i:{body})"


@lru_cache(maxsize=4096)
def _synonym_regex(synonym: str) -> re.Pattern[str]:
    """A synonym's compiled pattern, plural endings and the closing word boundary included.

    Kept here rather than in `re`'s own cache, which holds 512 patterns and so would compile a
    taxonomy's several hundred again on every run in a process that runs the generator twice.
    """
    return re.compile(rf"{synonym_pattern(synonym)}{_ENDING}(?!\w)")


def _index_key(text: str) -> str:
    """The bucket of a synonym or of a word: its first two word characters, case-folded."""
    head = text[:2].casefold()
    return head if len(head) == 2 and head.isalnum() else head[:1]


class Matcher:
    """Finds the mentions of a taxonomy's concepts in text."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.taxonomy = taxonomy
        # Synonyms are tried only where a word starts with their first two characters.
        self._buckets: dict[str, list[tuple[str, re.Pattern[str]]]] = defaultdict(list)
        for concept in taxonomy.concepts:
            for synonym in concept.synonyms:
                self._buckets[_index_key(synonym)].append((concept.id, _synonym_regex(synonym)))

    def find(self, text: str) -> list[Mention]:
        """The mentions in `text`, in order; one inside a longer mention of another is dropped."""
        longest: dict[tuple[int, str], int] = {}
        for word in re.finditer(r"\w+", text):
            start = word.start()
            keys = {_index_key(word.group()), word.group()[:1].casefold()}
            for key in keys:
                for concept, pattern in self._buckets.get(key, ()):
                    m = pattern.match(text, start)
                    if m and m.end() > longest.get((start, concept), start):
                        longest[(start, concept)] = m.end()
        candidates = sorted(
            (Mention(concept, start, end) for (start, concept), end in longest.items()),
            key=lambda m: (m.start, -m.end, m.concept),
        )
        kept: list[Mention] = []
        reach = -1
        for mention in candidates:
            # Sorted by start, then longest first: a mention that ends within the reach of
            # one that started no later lies inside it.
            if mention.end > reach:
                kept.append(mention)
                reach = mention.end
        return kept


def cover(answer: Answer, matcher: Matcher) -> Coverage:
    """Match the taxonomy in each block of an answer, and collect the hits per concept."""
    places: list[tuple[int, int]] = []  # (section index, block index) of each joined text
    texts: list[str] = []
    for s, section in enumerate(answer.sections):
        for b, block in enumerate(section.blocks):
            if block.kind != CODE:
                places.append((s, b))
                texts.append(block.text)
    starts: list[int] = []
    offset = 0
    for text in texts:
        starts.append(offset)
        offset += len(text) + len(_JOIN)

    per_concept: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for mention in matcher.find(_JOIN.join(texts)):
        per_concept[mention.concept].append(places[bisect_right(starts, mention.start) - 1])

    # A link goes to the nearest section with an explicit id: name the section it lands on.
    titles = {section.anchor: section.title for section in answer.sections if section.anchor}
    # The concepts each section's fact checks name: the answer's use of them is questioned there.
    checked = [
        {m.concept for m in matcher.find(_JOIN.join(section.fact_checks))}
        for section in answer.sections
    ]
    hits: list[ConceptHits] = []
    for concept in matcher.taxonomy.concepts:
        found = per_concept.get(concept.id)
        if not found:
            continue
        sections: dict[str, SectionHit] = {}
        for s, b in found:
            section = answer.sections[s]
            hit = sections.get(section.target) or SectionHit(
                section.target, titles.get(section.target, section.title), 0, False
            )
            sections[section.target] = SectionHit(
                hit.target,
                hit.title,
                hit.mentions + 1,
                hit.in_heading or section.blocks[b].kind == HEADING,
                hit.flagged or concept.id in checked[s],
            )
        block_list = [answer.sections[s].blocks[b] for s, b in sorted(set(found))]
        hits.append(
            ConceptHits(
                concept=concept.id,
                sections=tuple(sections.values()),
                mentions=len(found),
                words=sum(count_words(block.text) for block in block_list),
            )
        )
    topic_blocks: dict[str, set[tuple[int, int]]] = defaultdict(set)
    for concept_id, found in per_concept.items():
        topic_blocks[matcher.taxonomy.concept(concept_id).topic].update(found)
    topic_words = {
        topic.id: sum(
            count_words(answer.sections[s].blocks[b].text) for s, b in topic_blocks[topic.id]
        )
        for topic in matcher.taxonomy.topics
    }
    return Coverage(path=answer.meta.path, hits=tuple(hits), topic_words=topic_words)
