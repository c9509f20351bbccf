"""The evidence check of the conclusion: each claim's checks, computed from the comparison.

Every verdict comes from the rules below; none is written by hand. A claim is read as a few
checkable statements (its checks); `decide` turns how many of them pass into the verdict.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from comparison.compare import Comparison
from comparison.parse import HEADING, Answer, Claim
from comparison.taxonomy import Taxonomy
from ex01.answers import TOOLS

SUPPORTED = "supported"
PARTLY_SUPPORTED = "partly supported"
NOT_SUPPORTED = "not supported"
VERDICT_RULE = (
    "A claim is supported when all of its checks pass, partly supported when at least half of "
    "them pass, and not supported when fewer than half pass."
)

CHATGPT, GEMINI = "chatgpt", "gemini"
RISKS_TOPIC = "risks-ethics"
# A heading that announces future trends.
FUTURE_HEADING = re.compile(r"\b(?:future|trends?|outlook)\b", re.IGNORECASE)
FUTURE_WORDS = "future, trend(s) or outlook"
# Readability formulas, and whether a higher score means easier reading.
FORMULAS = (
    ("flesch_reading_ease", "Flesch reading ease", True),
    ("flesch_kincaid_grade", "Flesch-Kincaid grade", False),
    ("gunning_fog", "Gunning fog index", False),
    ("coleman_liau", "Coleman-Liau index", False),
)
MIN_FORMULAS_AGREEING = 3
# The taxonomy entries the rules name; a taxonomy without them cannot be used.
REQUIRED_CONCEPTS = ("transformer", "rlhf", "flow-based-model")
REQUIRED_TOPICS = (RISKS_TOPIC,)


@dataclass(frozen=True)
class Link:
    """A place in the answers that a check rests on."""

    label: str
    page: str  # relative to docs/
    anchor: str = ""


@dataclass(frozen=True)
class Check:
    """One checkable statement drawn from a claim, and whether the answers bear it out."""

    statement: str
    passed: bool
    figures: tuple[str, ...]
    links: tuple[Link, ...] = ()


@dataclass(frozen=True)
class Verdict:
    """A claim of the conclusion, its checks and the verdict they give."""

    claim: Claim
    checks: tuple[Check, ...]

    @property
    def passed(self) -> int:
        """How many checks pass."""
        return sum(check.passed for check in self.checks)

    @property
    def verdict(self) -> str:
        """Supported, partly supported or not supported (see VERDICT_RULE)."""
        return decide(self.checks)


def decide(checks: Sequence[Check]) -> str:
    """The verdict that a claim's checks give (VERDICT_RULE)."""
    passed = sum(check.passed for check in checks)
    if checks and passed == len(checks):
        return SUPPORTED
    if checks and 2 * passed >= len(checks):
        return PARTLY_SUPPORTED
    return NOT_SUPPORTED


def _name(tool: str) -> str:
    return TOOLS[tool]


def _n(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def _times(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


def _answer_link(answer: Answer, anchor: str = "", title: str = "") -> Link:
    label = f"{_name(answer.meta.tool)}, prompt {answer.meta.prompt}"
    return Link(f"{label}: {title}" if title else label, answer.meta.path, anchor)


def _compared_prompts(c: Comparison) -> list[int]:
    return [p for p in c.prompts if c.answer(CHATGPT, p) and c.answer(GEMINI, p)]


def _every_prompt(
    c: Comparison,
    statement: str,
    value: Callable[[Answer], float],
    unit: str,
    show: Callable[[float], str] = _n,
) -> Check:
    """ChatGPT's answer has more of `value` than Gemini's in every prompt both answered."""
    figures, passed = [], True
    prompts = _compared_prompts(c)
    links = []
    for prompt in prompts:
        mine, theirs = c.answer(CHATGPT, prompt), c.answer(GEMINI, prompt)
        assert mine is not None and theirs is not None
        a, b = value(mine), value(theirs)
        passed = passed and a > b
        figures.append(f"Prompt {prompt}: ChatGPT {show(a)}, Gemini {show(b)} {unit}")
        links += [_answer_link(mine), _answer_link(theirs)]
    return Check(statement, bool(prompts) and passed, tuple(figures), tuple(links))


def _concept_sections(c: Comparison, tool: str, concept: str) -> tuple[Link, ...]:
    """The first section in each of a tool's answers that names a concept."""
    links = []
    for answer in c.answers_of(tool):
        hit = c.coverage[answer.meta.path].get(concept)
        if hit is not None:
            links.append(_answer_link(answer, hit.first.target, hit.first.title))
    return tuple(links)


def _mention_figure(c: Comparison, tool: str, concept: str) -> str:
    hits = [
        hit for a in c.answers_of(tool) if (hit := c.coverage[a.meta.path].get(concept)) is not None
    ]
    label = c.taxonomy.concept(concept).label
    if not hits:
        return f"{_name(tool)}: {label} never named"
    mentions = sum(h.mentions for h in hits)
    sections = sum(len(h.sections) for h in hits)
    return (
        f"{_name(tool)}: {label} named {_times(mentions, 'time')}, in "
        f"{_times(sections, 'section')} of {_times(len(hits), 'answer')}"
    )


def _names(c: Comparison, tool: str, concept: str, statement: str, present: bool = True) -> Check:
    named = concept in c.concepts_of(tool)
    return Check(
        statement,
        named == present,
        (_mention_figure(c, tool, concept),),
        _concept_sections(c, tool, concept),
    )


def _future_sections(answer: Answer) -> list[tuple[str, str]]:
    """(anchor, title) of each section whose heading announces future trends."""
    return [
        (section.target, section.title)
        for section in answer.sections
        if section.blocks
        and section.blocks[0].kind == HEADING
        and FUTURE_HEADING.search(section.title)
    ]


def _risk_sections(c: Comparison, answer: Answer) -> list[tuple[str, str]]:
    """(anchor, title) of each section whose heading names a risks-and-ethics concept."""
    found: dict[str, str] = {}
    for hit in c.coverage[answer.meta.path].hits:
        if c.taxonomy.concept(hit.concept).topic == RISKS_TOPIC:
            found.update((s.target, s.title) for s in hit.sections if s.in_heading)
    order = [section.target for section in answer.sections]
    return sorted(found.items(), key=lambda item: order.index(item[0]))


def _claim_1(c: Comparison) -> tuple[Check, ...]:
    """ChatGPT more detailed and exhaustive; Gemini a concise, high-level summary."""
    per_concept = {}
    for tool in (CHATGPT, GEMINI):
        named = len(c.concepts_of(tool))
        per_concept[tool] = c.tool_metrics[tool].words / named if named else 0.0
    list_share = {tool: c.tool_metrics[tool].list_share for tool in (CHATGPT, GEMINI)}
    return (
        _every_prompt(
            c,
            "More detailed: ChatGPT's answer has more words than Gemini's, in every prompt.",
            lambda a: c.metrics[a.meta.path].words,
            "words",
        ),
        _every_prompt(
            c,
            "More exhaustive: ChatGPT's answer names more of the taxonomy's concepts than "
            "Gemini's, in every prompt.",
            lambda a: len(c.coverage[a.meta.path].concepts),
            "concepts",
        ),
        Check(
            "High-level: Gemini spends fewer words per concept it names than ChatGPT "
            "(all answers together).",
            0 < per_concept[GEMINI] < per_concept[CHATGPT],
            tuple(
                f"{_name(tool)}: {_n(c.tool_metrics[tool].words)} words for "
                f"{len(c.concepts_of(tool))} concepts, {_n(per_concept[tool])} words per concept"
                for tool in (CHATGPT, GEMINI)
            ),
        ),
        Check(
            "A summary: a larger share of Gemini's words stands in bullet-point lists than of "
            "ChatGPT's (all answers together).",
            list_share[GEMINI] > list_share[CHATGPT],
            tuple(
                f"{_name(tool)}: {list_share[tool]:.0%} of the words in list items"
                for tool in (CHATGPT, GEMINI)
            ),
        ),
    )


def _claim_2(c: Comparison) -> tuple[Check, ...]:
    """ChatGPT covers transformers and RLHF; Gemini introduces flow-based models, lacks depth."""
    shared = sorted(c.concepts_of(CHATGPT) & c.concepts_of(GEMINI))
    deeper = [k for k in shared if c.words_about(CHATGPT, k) > c.words_about(GEMINI, k)]
    named_pair = ("transformer", "rlhf")
    pair_words = {k: (c.words_about(CHATGPT, k), c.words_about(GEMINI, k)) for k in named_pair}
    return (
        _names(c, CHATGPT, "transformer", "ChatGPT names transformers."),
        _names(c, CHATGPT, "rlhf", "ChatGPT names RLHF."),
        _names(c, GEMINI, "flow-based-model", "Gemini names flow-based models."),
        _names(
            c,
            CHATGPT,
            "flow-based-model",
            "Gemini introduces them: ChatGPT never names flow-based models.",
            present=False,
        ),
        Check(
            "The advanced concepts are ChatGPT's: Gemini writes fewer words than ChatGPT "
            "about transformers, and about RLHF (words of the paragraphs, list items and "
            "headings that name them).",
            all(mine > theirs for mine, theirs in pair_words.values()),
            tuple(
                f"{c.taxonomy.concept(k).label}: ChatGPT {_n(mine)} words, Gemini {_n(theirs)}"
                for k, (mine, theirs) in pair_words.items()
            ),
        ),
        Check(
            "Gemini lacks depth: of the concepts both tools name, ChatGPT writes more words "
            "about more than half.",
            bool(shared) and 2 * len(deeper) > len(shared),
            (f"ChatGPT writes more about {len(deeper)} of the {len(shared)} shared concepts",),
        ),
    )


def _claim_3(c: Comparison) -> tuple[Check, ...]:
    """Gemini more readable for non-experts; ChatGPT overwhelming through technical depth."""
    mine, theirs = c.tool_metrics[CHATGPT], c.tool_metrics[GEMINI]
    easier, figures = 0, []
    for field, label, higher_is_easier in FORMULAS:
        a, b = getattr(mine, field), getattr(theirs, field)
        if a is None or b is None:
            figures.append(f"{label}: not computable")
            continue
        easier += (b > a) if higher_is_easier else (b < a)
        direction = "higher" if higher_is_easier else "lower"
        figures.append(f"{label}: ChatGPT {a:.1f}, Gemini {b:.1f} ({direction} reads easier)")
    density = {
        tool: 100 * c.mentions_of(tool) / c.tool_metrics[tool].words
        if c.tool_metrics[tool].words
        else 0.0
        for tool in (CHATGPT, GEMINI)
    }
    return (
        Check(
            f"More readable: at least {MIN_FORMULAS_AGREEING} of the {len(FORMULAS)} "
            "readability formulas rate Gemini's answers (all together) easier than ChatGPT's.",
            easier >= MIN_FORMULAS_AGREEING,
            (*figures, f"{easier} of {len(FORMULAS)} formulas rate Gemini easier"),
        ),
        Check(
            "Technical depth: ChatGPT's answers name the taxonomy's concepts more densely "
            "(mentions per 100 words, all answers together).",
            density[CHATGPT] > density[GEMINI],
            tuple(
                f"{_name(tool)}: {density[tool]:.1f} concept mentions per 100 words"
                for tool in (CHATGPT, GEMINI)
            ),
        ),
        _every_prompt(
            c,
            "Overwhelming: ChatGPT's answer takes longer to read than Gemini's, in every prompt.",
            lambda a: round(c.metrics[a.meta.path].reading_minutes, 1),
            "minutes",
            lambda minutes: f"{minutes:.1f}",
        ),
    )


def _claim_4(c: Comparison) -> tuple[Check, ...]:
    """ChatGPT discusses ethics and future trends extensively; mostly absent from Gemini."""
    risk_concepts = {k.id for k in c.taxonomy.in_topic(RISKS_TOPIC)}
    named = {tool: sorted(c.concepts_of(tool) & risk_concepts) for tool in (CHATGPT, GEMINI)}
    ethics = "ethical concerns (a heading that names a risks-and-ethics concept)"
    future = f"future trends (a heading with the word {FUTURE_WORDS})"
    return (
        _sections_check(c, CHATGPT, ethics, lambda a: _risk_sections(c, a), at_least_half=True),
        _sections_check(c, CHATGPT, future, _future_sections, at_least_half=True),
        Check(
            "Ethical concerns mostly absent in Gemini: Gemini names fewer than half as many "
            "of the taxonomy's risks-and-ethics concepts as ChatGPT.",
            2 * len(named[GEMINI]) < len(named[CHATGPT]),
            tuple(
                f"{_name(tool)}: {len(ids)} of {len(risk_concepts)} "
                f"({', '.join(c.taxonomy.concept(k).label for k in ids) or 'none'})"
                for tool, ids in named.items()
            ),
        ),
        _sections_check(c, GEMINI, future, _future_sections, at_least_half=False),
    )


def _sections_check(
    c: Comparison,
    tool: str,
    what: str,
    finder: Callable[[Answer], list[tuple[str, str]]],
    at_least_half: bool,
) -> Check:
    """Whether a tool gives a subject sections of its own in half its answers or more (or fewer)."""
    links, with_sections = [], 0
    answers = c.answers_of(tool)
    for answer in answers:
        found = finder(answer)
        with_sections += bool(found)
        links += [_answer_link(answer, anchor, title) for anchor, title in found]
    half = bool(answers) and 2 * with_sections >= len(answers)
    if at_least_half:
        statement = (
            f"{_name(tool)} gives {what} sections of their own in at least half of its answers."
        )
    else:
        statement = (
            f"Mostly absent in {_name(tool)}: it gives {what} sections of their own in fewer "
            "than half of its answers."
        )
    return Check(
        statement,
        half if at_least_half else not half,
        (f"{_name(tool)}: such sections in {with_sections} of its {len(answers)} answers",),
        tuple(links),
    )


RULES: dict[str, Callable[[Comparison], tuple[Check, ...]]] = {
    "claim-1": _claim_1,
    "claim-2": _claim_2,
    "claim-3": _claim_3,
    "claim-4": _claim_4,
}


def missing_from_taxonomy(taxonomy: Taxonomy) -> list[str]:
    """The concepts and topics the rules use that a taxonomy lacks."""
    concepts = {k.id for k in taxonomy.concepts}
    topics = {t.id for t in taxonomy.topics}
    return [f"concept {k!r}" for k in REQUIRED_CONCEPTS if k not in concepts] + [
        f"topic {t!r}" for t in REQUIRED_TOPICS if t not in topics
    ]


def judge(comparison: Comparison) -> tuple[Verdict, ...]:
    """The verdict on each claim of the conclusion that has a rule, in claim order."""
    return tuple(
        Verdict(comparison.claims[claim_id], rule(comparison))
        for claim_id, rule in RULES.items()
        if claim_id in comparison.claims
    )
