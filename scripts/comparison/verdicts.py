"""The evidence check of the conclusion: each claim split into its parts, each part tested.

Every verdict comes from the rules below; none is written by hand.

- A claim is split into the parts it asserts, in its own words: what it says of ChatGPT, what it
  says of Gemini, and the comparison it draws between them (`Part.subject`).
- Each part gets one test of what that part says, with one measure applied to both tools (the
  figures of both are shown, whichever tool the part is about). A measure of length backs only a
  part about length or detail.
- A test has a threshold and a margin. A figure beyond the threshold by more than the margin
  *holds*, one short of it by more than the margin *fails*, and one within the margin is
  *unclear*: neither passed nor failed. A part measured per prompt is as strong as its weakest
  prompt.
- A claim's verdict is bounded by its weakest part (`decide`): *not supported* when the
  comparison it draws fails, *unclear* when that comparison is unclear, *supported* only when
  every part holds, and otherwise *partly supported*, naming the parts that fail or are unclear.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from comparison.compare import Comparison
from comparison.parse import HEADING, Answer, Claim
from comparison.taxonomy import Taxonomy
from ex01.answers import TOOLS

# Verdicts, from the strongest down.
SUPPORTED = "supported"
PARTLY_SUPPORTED = "partly supported"
UNCLEAR = "unclear"
NOT_SUPPORTED = "not supported"
# A part's status.
HOLDS, FAILS = "holds", "fails"  # and UNCLEAR
_STRENGTH = {FAILS: 0, UNCLEAR: 1, HOLDS: 2}

CHATGPT, GEMINI = "chatgpt", "gemini"
COMPARISON = "comparison"  # a part's subject when it is the comparison the claim draws
SUBJECTS = {CHATGPT: "ChatGPT", GEMINI: "Gemini", COMPARISON: "The comparison"}
RISKS_TOPIC = "risks-ethics"
# A heading that announces future trends.
FUTURE_HEADING = re.compile(r"\b(?:future|trends?|outlook)\b", re.IGNORECASE)
FUTURE_WORDS = "future, trend(s) or outlook"
# The taxonomy entries the rules name; a taxonomy without them cannot be used.
REQUIRED_CONCEPTS = ("transformer", "rlhf", "flow-based-model")
REQUIRED_TOPICS = (RISKS_TOPIC,)


@dataclass(frozen=True)
class Threshold:
    """A test's cut-off and the margin around it within which a figure is unclear."""

    value: float
    margin: float
    at_least: bool = True  # the figure must reach the value (False: stay below it)

    def status(self, figure: float) -> str:
        """Holds, fails or unclear: a figure within the margin of the value is unclear."""
        distance = figure - self.value if self.at_least else self.value - figure
        distance = round(distance, 9)  # 0.80 - 0.75 is a margin of 0.05, not a hair more
        if distance > self.margin:
            return HOLDS
        if distance < -self.margin:
            return FAILS
        return UNCLEAR


# Every threshold the rules use; the methodology page lists them.
MORE = Threshold(1.10, 0.0)  # "more": the ratio of the two figures, at least 10 % apart
MORE_UNCLEAR_BELOW = 1 / 1.10  # a ratio between this and MORE is unclear
EXHAUSTIVE = Threshold(0.75, 0.05)  # share of the prompt's concepts named
CONCISE_MINUTES = Threshold(3.0, 0.25, at_least=False)  # reading time of one answer
SUMMARY = Threshold(0.50, 0.05)  # share of the other answer's main points named
COVERS_WORDS = Threshold(50, 10)  # words about a concept to cover it
DEEPER = Threshold(0.50, 0.05)  # share of the shared concepts given more words
NON_EXPERT_GRADE = Threshold(12.0, 1.0, at_least=False)  # Flesch-Kincaid grade, running text
DENSE = Threshold(10.0, 1.0)  # concept mentions per 100 words
EXTENSIVE = Threshold(0.05, 0.01)  # share of the words on a subject
MOSTLY_ABSENT = Threshold(0.50, 0.05, at_least=False)  # ratio to the other tool's share
FEW_ANSWERS = Threshold(0.50, 0.0, at_least=False)  # share of answers with sections of their own
# Readability formulas: field, name, whether higher reads easier, the margin of a difference.
FORMULAS = (
    ("flesch_reading_ease", "Flesch reading ease", True, 5.0),
    ("flesch_kincaid_grade", "Flesch-Kincaid grade", False, 1.0),
    ("gunning_fog", "Gunning fog index", False, 1.0),
    ("coleman_liau", "Coleman-Liau index", False, 1.0),
)
MIN_FORMULAS_AGREEING = 3
NO_VALUE = "\u2013"  # en dash: a formula that could not be computed
THRESHOLDS = {
    "more": MORE,
    "exhaustive": EXHAUSTIVE,
    "concise_minutes": CONCISE_MINUTES,
    "summary": SUMMARY,
    "covers_words": COVERS_WORDS,
    "deeper": DEEPER,
    "non_expert_grade": NON_EXPERT_GRADE,
    "dense": DENSE,
    "extensive": EXTENSIVE,
    "mostly_absent": MOSTLY_ABSENT,
    "few_answers": FEW_ANSWERS,
}


@dataclass(frozen=True)
class Link:
    """A place in the answers that a part rests on."""

    label: str
    page: str  # relative to docs/
    anchor: str = ""


@dataclass(frozen=True)
class Row:
    """One line of a part's figures: a prompt (or all answers), both tools' values, the status."""

    label: str  # "Prompt 1", "All answers", or a concept's name
    values: tuple[str, str]  # ChatGPT's, Gemini's, formatted with their unit
    status: str  # the status of the test on this row ("" where the row is context only)
    detail: str = ""  # how to read the row's figures, set under its label


@dataclass(frozen=True)
class Part:
    """One thing a claim asserts, in the claim's words, and the test of it."""

    id: str  # e.g. "claim-1-comparison": the anchor on the evidence page
    words: str  # the claim's own words for this part
    subject: str  # CHATGPT, GEMINI or COMPARISON
    measure: str  # what is measured, in plain words
    test: str  # the test, with its threshold and margin
    rows: tuple[Row, ...]
    status: str
    note: str = ""  # what a reader should weigh with the figures (a caveat, fact checks)
    links: tuple[Link, ...] = ()


@dataclass(frozen=True)
class Verdict:
    """A claim of the conclusion, its parts and the verdict they give."""

    claim: Claim
    parts: tuple[Part, ...]

    @property
    def verdict(self) -> str:
        """Supported, partly supported, unclear or not supported (see `decide`)."""
        return decide(self.parts)

    @property
    def weak_parts(self) -> tuple[Part, ...]:
        """The parts that fail or are unclear, comparison first."""
        weak = [part for part in self.parts if part.status != HOLDS]
        return tuple(sorted(weak, key=lambda p: (p.subject != COMPARISON, _STRENGTH[p.status])))

    @property
    def reason(self) -> str:
        """The verdict's reason in one sentence, naming the parts that fail or are unclear."""
        verdict = self.verdict
        if verdict == SUPPORTED:
            return f"Every part holds ({len(self.parts)} of {len(self.parts)})."

        def named(parts: Sequence[Part], verb: bool = True) -> str:
            return " and ".join(
                f"“{part.words}”" + (f" {_VERB[part.status]}" if verb else "") for part in parts
            )

        weak = self.weak_parts
        comparisons = [p for p in weak if p.subject == COMPARISON]
        others = [p for p in weak if p.subject != COMPARISON]
        if verdict == NOT_SUPPORTED:
            lead = f"The comparison fails: {named(comparisons, verb=False)}"
        elif verdict == UNCLEAR:
            lead = f"The comparison is within its margin: {named(comparisons, verb=False)}"
        else:
            lead = "The comparison holds, but " + named(others)
            others = []
        tail = f"; and {named(others)}" if others else ""
        held = len(self.parts) - len(weak)
        return f"{lead}{tail} ({held} of {len(self.parts)} parts hold)."


_VERB = {HOLDS: "holds", FAILS: "fails", UNCLEAR: "is unclear"}


def decide(parts: Sequence[Part]) -> str:
    """A claim's verdict, bounded by its weakest part (the module's docstring)."""
    comparisons = [part.status for part in parts if part.subject == COMPARISON]
    if not parts or FAILS in comparisons:
        return NOT_SUPPORTED
    if UNCLEAR in comparisons:
        return UNCLEAR
    if all(part.status == HOLDS for part in parts):
        return SUPPORTED
    return PARTLY_SUPPORTED


def weakest(statuses: Sequence[str]) -> str:
    """The weakest of several statuses (a part measured per prompt); fails if there are none."""
    return min(statuses, key=_STRENGTH.__getitem__) if statuses else FAILS


def more(a: float, b: float) -> str:
    """Whether `a` is more than `b`: a ratio of at least MORE holds, one of at most
    MORE_UNCLEAR_BELOW fails, anything between is unclear."""
    if b <= 0:
        return HOLDS if a > 0 else UNCLEAR
    ratio = a / b
    if ratio >= MORE.value:
        return HOLDS
    if ratio <= MORE_UNCLEAR_BELOW:
        return FAILS
    return UNCLEAR


def _n(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def _pct(value: float) -> str:
    return f"{value:.0%}"


def _answer_link(answer: Answer, anchor: str = "", title: str = "") -> Link:
    label = f"{TOOLS[answer.meta.tool]}, prompt {answer.meta.prompt}"
    return Link(f"{label}: {title}" if title else label, answer.meta.path, anchor)


def _pairs(c: Comparison) -> list[tuple[int, Answer, Answer]]:
    """(prompt, ChatGPT's answer, Gemini's answer) for every prompt both answered."""
    pairs = []
    for prompt in c.prompts:
        mine, theirs = c.answer(CHATGPT, prompt), c.answer(GEMINI, prompt)
        if mine is not None and theirs is not None:
            pairs.append((prompt, mine, theirs))
    return pairs


def _pair_links(c: Comparison) -> tuple[Link, ...]:
    return tuple(link for _, a, b in _pairs(c) for link in (_answer_link(a), _answer_link(b)))


def _per_prompt(
    c: Comparison,
    value: Callable[[Answer], float],
    show: Callable[[float], str],
    test: Callable[[float, float], str],
) -> tuple[tuple[Row, ...], str]:
    """A per-prompt measure: one row per prompt, and the weakest row's status."""
    rows = []
    for prompt, mine, theirs in _pairs(c):
        a, b = value(mine), value(theirs)
        rows.append(Row(f"Prompt {prompt}", (show(a), show(b)), test(a, b)))
    return tuple(rows), weakest([row.status for row in rows])


# Measures


def _sound(c: Comparison, answer: Answer) -> frozenset[str]:
    """The concepts an answer names where no fact check questions them."""
    return c.coverage[answer.meta.path].sound_concepts


def _pool(c: Comparison, prompt: int) -> frozenset[str]:
    """The concepts either answer to a prompt names soundly: what the prompt drew out."""
    return frozenset().union(*(_sound(c, a) for a in c.answers if a.meta.prompt == prompt))


def _pool_share(c: Comparison, answer: Answer) -> float:
    pool = _pool(c, answer.meta.prompt)
    return len(_sound(c, answer)) / len(pool) if pool else 0.0


def _words_per_concept(c: Comparison, answer: Answer) -> float:
    named = len(_sound(c, answer))
    return c.metrics[answer.meta.path].words / named if named else 0.0


def _main_points(c: Comparison, answer: Answer) -> frozenset[str]:
    """The concepts an answer names in its headings: its main points."""
    return frozenset(
        hit.concept
        for hit in c.coverage[answer.meta.path].hits
        if any(section.in_heading for section in hit.sections)
    )


def _topic_share(c: Comparison, tool: str, topic: str) -> float:
    words = c.tool_metrics[tool].words
    on_topic = sum(c.coverage[a.meta.path].topic_words.get(topic, 0) for a in c.answers_of(tool))
    return on_topic / words if words else 0.0


def _future_sections(answer: Answer) -> list[int]:
    """Indexes of the sections under a heading that announces future trends, subsections too."""
    found, level = [], None
    for i, section in enumerate(answer.sections):
        starts = bool(section.blocks) and section.blocks[0].kind == HEADING
        if level is not None and starts and section.level <= level:
            level = None
        if level is None and starts and FUTURE_HEADING.search(section.title):
            level = section.level
        if level is not None:
            found.append(i)
    return found


def _future_share(c: Comparison, tool: str) -> float:
    from comparison.measure import count_words

    words = c.tool_metrics[tool].words
    future = sum(
        count_words(block.text)
        for a in c.answers_of(tool)
        for i in _future_sections(a)
        for block in a.sections[i].blocks
    )
    return future / words if words else 0.0


def _risk_sections(c: Comparison, answer: Answer) -> list[tuple[str, str]]:
    """(anchor, title) of each section whose heading names a risks-and-ethics concept."""
    found: dict[str, str] = {}
    for hit in c.coverage[answer.meta.path].hits:
        if c.taxonomy.concept(hit.concept).topic == RISKS_TOPIC:
            found.update((s.target, s.title) for s in hit.sections if s.in_heading)
    order = [section.target for section in answer.sections]
    return sorted(found.items(), key=lambda item: order.index(item[0]))


def _flagged_note(c: Comparison, tool: str, concepts: Sequence[str] | None = None) -> str:
    """Which of a tool's concepts a fact check questions, in words (empty if none)."""
    flagged = sorted(
        {
            hit.concept
            for a in c.answers_of(tool)
            for hit in c.coverage[a.meta.path].hits
            if hit.flagged and not hit.sound and (concepts is None or hit.concept in concepts)
        }
    )
    if not flagged:
        return ""
    labels = ", ".join(c.taxonomy.concept(k).label for k in flagged)
    return (
        f"{TOOLS[tool]}'s uses of {labels} are all questioned by a fact check, so they do not count"
    )


def _fact_check_note(c: Comparison) -> str:
    """How many named concepts the fact checks take out of the counts, per tool."""
    counts = []
    for tool in (CHATGPT, GEMINI):
        named = sum(len(c.coverage[a.meta.path].concepts) for a in c.answers_of(tool))
        sound = sum(len(c.coverage[a.meta.path].sound_concepts) for a in c.answers_of(tool))
        counts.append(f"{TOOLS[tool]} {named - sound} of {named}")
    return (
        "Concepts count only where they are named without a fact check questioning them there; "
        f"the fact checks take out {' and '.join(counts)} concept namings (per answer)."
    )


# The claims


def _claim_1(c: Comparison) -> tuple[Part, ...]:
    """ChatGPT more detailed and exhaustive; Gemini a concise, high-level summary."""
    rows, status = _per_prompt(
        c, lambda a: _pool_share(c, a), _pct, lambda a, b: EXHAUSTIVE.status(a)
    )
    exhaustive = Part(
        "claim-1-chatgpt",
        "ChatGPT provides a … exhaustive report",
        CHATGPT,
        "the share of the prompt's concepts (those either answer names) that the answer names",
        f"Exhaustive: ChatGPT's answer names at least {_pct(EXHAUSTIVE.value)} of the "
        f"prompt's concepts, in every prompt (unclear within {EXHAUSTIVE.margin * 100:.0f} "
        "points).",
        rows,
        status,
        "",
        _pair_links(c),
    )
    rows, status = _per_prompt(
        c,
        lambda a: c.metrics[a.meta.path].reading_minutes,
        lambda m: f"{m:.1f} min",
        lambda a, b: CONCISE_MINUTES.status(b),
    )
    concise = Part(
        "claim-1-gemini-concise",
        "Gemini AI offers a concise … summary",
        GEMINI,
        "the reading time of the answer (a measure of length, for a part about length)",
        f"Concise: Gemini's answer reads in under {CONCISE_MINUTES.value:.0f} minutes, in every "
        f"prompt (unclear within {CONCISE_MINUTES.margin * 60:.0f} seconds).",
        rows,
        status,
    )
    rows_list, statuses = [], []
    for prompt, mine, theirs in _pairs(c):
        points = _main_points(c, mine) | _main_points(c, theirs)
        share = {
            tool: len(points & _sound(c, answer)) / len(points) if points else 0.0
            for tool, answer in ((CHATGPT, mine), (GEMINI, theirs))
        }
        status = SUMMARY.status(share[GEMINI])
        statuses.append(status)
        rows_list.append(
            Row(f"Prompt {prompt}", (_pct(share[CHATGPT]), _pct(share[GEMINI])), status)
        )
    summary = Part(
        "claim-1-gemini-summary",
        "Gemini AI offers a … high-level summary",
        GEMINI,
        "the share of the prompt's main points (the concepts either answer's headings name) "
        "that the answer names",
        f"A summary still covers the main points: Gemini's answer names at least "
        f"{_pct(SUMMARY.value)} of them, in every prompt (unclear within "
        f"{SUMMARY.margin * 100:.0f} points).",
        tuple(rows_list),
        weakest(statuses),
    )
    rows, status = _per_prompt(c, lambda a: c.metrics[a.meta.path].words, _n, more)
    detail = Part(
        "claim-1-comparison-detail",
        "ChatGPT provides a more detailed … report, while Gemini AI offers a concise … summary",
        COMPARISON,
        "words (a measure of length, for a part about detail and concision)",
        f"ChatGPT's answer is longer than Gemini's: at least {MORE.value - 1:.0%} more words, "
        f"in every prompt (a difference under {MORE.value - 1:.0%} either way is unclear).",
        rows,
        status,
    )
    rows, status = _per_prompt(c, lambda a: len(_sound(c, a)), _n, more)
    breadth = Part(
        "claim-1-comparison-exhaustive",
        "a more … exhaustive report",
        COMPARISON,
        "concepts named, where no fact check questions them",
        f"ChatGPT's answer names more of the taxonomy's concepts than Gemini's: at least "
        f"{MORE.value - 1:.0%} more, in every prompt (a difference under {MORE.value - 1:.0%} "
        "either way is unclear).",
        rows,
        status,
        _fact_check_note(c),
    )
    return exhaustive, concise, summary, detail, breadth


def _claim_2(c: Comparison) -> tuple[Part, ...]:
    """ChatGPT covers transformers and RLHF; Gemini introduces flow-based models, lacks depth."""
    rows, statuses = [], []
    for concept in ("transformer", "rlhf"):
        mine, theirs = c.words_about(CHATGPT, concept), c.words_about(GEMINI, concept)
        status = COVERS_WORDS.status(mine)
        statuses.append(status)
        rows.append(
            Row(
                c.taxonomy.concept(concept).label,
                (f"{_n(mine)} words", f"{_n(theirs)} words"),
                status,
            )
        )
    covers = Part(
        "claim-2-chatgpt",
        "ChatGPT covers advanced concepts like transformers and RLHF",
        CHATGPT,
        "words of the paragraphs, list items and headings that name the concept",
        f"Covers, not just names: ChatGPT writes at least {_n(COVERS_WORDS.value)} words about "
        f"transformers, and about RLHF (unclear within {_n(COVERS_WORDS.margin)} words).",
        tuple(rows),
        weakest(statuses),
        _flagged_note(c, CHATGPT, ("transformer", "rlhf")),
        _concept_links(c, CHATGPT, "transformer") + _concept_links(c, CHATGPT, "rlhf"),
    )
    flows = "flow-based-model"
    named = {tool: _mentions(c, tool, flows) for tool in (CHATGPT, GEMINI)}
    introduces = Part(
        "claim-2-gemini-flows",
        "Gemini AI introduces models like flow-based ones",
        GEMINI,
        "how often the answers name flow-based models, where no fact check questions them",
        "Gemini names flow-based models, and ChatGPT does not (a name that a fact check "
        "questions does not count).",
        (
            Row(
                c.taxonomy.concept(flows).label,
                tuple(
                    f"{named[t]} mention{'' if named[t] == 1 else 's'}" for t in (CHATGPT, GEMINI)
                ),  # type: ignore[arg-type]
                HOLDS if named[GEMINI] and not named[CHATGPT] else FAILS,
            ),
        ),
        HOLDS if named[GEMINI] and not named[CHATGPT] else FAILS,
        "A mention is a name, not an explanation: Gemini names flow-based models once, in a "
        "list of model families."
        if named[GEMINI] == 1
        else "",
        _concept_links(c, GEMINI, flows),
    )
    shared = sorted(
        k
        for k in c.concepts_of(CHATGPT) & c.concepts_of(GEMINI)
        if _soundly_named(c, CHATGPT, k) and _soundly_named(c, GEMINI, k)
    )
    deeper_c = [
        k for k in shared if more(c.words_about(CHATGPT, k), c.words_about(GEMINI, k)) == HOLDS
    ]
    deeper_g = [
        k for k in shared if more(c.words_about(GEMINI, k), c.words_about(CHATGPT, k)) == HOLDS
    ]
    share = len(deeper_c) / len(shared) if shared else 0.0
    depth = Part(
        "claim-2-comparison",
        "whereas Gemini AI … lacks depth",
        COMPARISON,
        "on the concepts both tools name, which tool writes more words about each",
        f"Gemini lacks depth: of the concepts both tools name, ChatGPT writes at least "
        f"{MORE.value - 1:.0%} more words about more than {_pct(DEEPER.value)} (unclear within "
        f"{DEEPER.margin * 100:.0f} points).",
        (
            Row(
                f"Of {len(shared)} shared concepts, more words about",
                (f"{len(deeper_c)} ({_pct(share)})", f"{len(deeper_g)}"),
                DEEPER.status(share),
            ),
        ),
        DEEPER.status(share),
    )
    return covers, introduces, depth


def _claim_3(c: Comparison) -> tuple[Part, ...]:
    """Gemini more readable for non-experts; ChatGPT overwhelming through technical depth."""
    prose = c.prose_metrics
    grade = {t: prose[t].flesch_kincaid_grade for t in (CHATGPT, GEMINI)}
    status = NON_EXPERT_GRADE.status(grade[GEMINI]) if grade[GEMINI] is not None else FAILS
    caveat = (
        "Measured on running text only (paragraphs): the formulas were made for prose, and "
        "list items and headings would flatter them. "
        + "; ".join(
            f"{TOOLS[t]}'s running text is {prose[t].words:,} of its "
            f"{c.tool_metrics[t].words:,} words"
            for t in (CHATGPT, GEMINI)
        )
        + "."
    )
    readable = Part(
        "claim-3-gemini",
        "Gemini AI is more readable for non-experts",
        GEMINI,
        "Flesch-Kincaid grade of the running text: the years of US schooling a reader needs",
        f"Readable for non-experts: Gemini's running text scores at most grade "
        f"{NON_EXPERT_GRADE.value:.0f} (the end of secondary school), all answers together "
        f"(unclear within {NON_EXPERT_GRADE.margin:.0f} grade).",
        (Row("All answers", tuple(_grade(grade[t]) for t in (CHATGPT, GEMINI)), status),),  # type: ignore[arg-type]
        status,
        caveat,
    )
    density = {
        t: 100 * c.mentions_of(t) / c.tool_metrics[t].words if c.tool_metrics[t].words else 0.0
        for t in (CHATGPT, GEMINI)
    }
    dense = Part(
        "claim-3-chatgpt",
        "ChatGPT can feel overwhelming due to its technical depth",
        CHATGPT,
        "concept mentions per 100 words: how densely the answers name technical concepts",
        f"Technically dense: ChatGPT's answers name at least {_n(DENSE.value)} of the "
        f"taxonomy's concepts per 100 words, all answers together (unclear within "
        f"{_n(DENSE.margin)}).",
        (
            Row(
                "All answers",
                tuple(f"{density[t]:.1f} per 100 words" for t in (CHATGPT, GEMINI)),  # type: ignore[arg-type]
                DENSE.status(density[CHATGPT]),
            ),
        ),
        DENSE.status(density[CHATGPT]),
        "Both tools' answers are about equally dense; what the comparison below decides is "
        "which one reads harder.",
    )
    rows, easier = [], 0
    for field, label, higher_is_easier, margin in FORMULAS:
        a, b = getattr(prose[CHATGPT], field), getattr(prose[GEMINI], field)
        if a is None or b is None:
            rows.append(Row(label, (NO_VALUE, NO_VALUE), UNCLEAR))
            continue
        gain = (b - a) if higher_is_easier else (a - b)  # how much easier Gemini reads
        status = HOLDS if gain > margin else FAILS if gain < -margin else UNCLEAR
        easier += status == HOLDS
        direction = "higher" if higher_is_easier else "lower"
        rows.append(
            Row(
                label,
                (f"{a:.1f}", f"{b:.1f}"),
                status,
                f"{direction} reads easier; margin {_n(margin)}",
            )
        )
    fails = sum(row.status == FAILS for row in rows)
    status = (
        HOLDS
        if easier >= MIN_FORMULAS_AGREEING
        else FAILS
        if fails > len(FORMULAS) - MIN_FORMULAS_AGREEING
        else UNCLEAR
    )
    comparison = Part(
        "claim-3-comparison",
        "Gemini AI is more readable …, while ChatGPT can feel overwhelming",
        COMPARISON,
        "four readability formulas on each tool's running text",
        f"Gemini reads easier than ChatGPT: at least {MIN_FORMULAS_AGREEING} of the "
        f"{len(FORMULAS)} formulas rate Gemini's running text easier by more than their margin "
        "(it fails when two or more rate it harder by more than their margin).",
        tuple(rows),
        status,
        caveat,
    )
    return readable, dense, comparison


def _claim_4(c: Comparison) -> tuple[Part, ...]:
    """ChatGPT discusses ethics and future trends extensively; mostly absent from Gemini."""
    ethics = {t: _topic_share(c, t, RISKS_TOPIC) for t in (CHATGPT, GEMINI)}
    future = {t: _future_share(c, t) for t in (CHATGPT, GEMINI)}
    subjects = (("Ethical concerns", ethics), ("Future trends", future))
    rows = tuple(
        Row(label, (_pct(share[CHATGPT]), _pct(share[GEMINI])), EXTENSIVE.status(share[CHATGPT]))
        for label, share in subjects
    )
    extensive = Part(
        "claim-4-chatgpt",
        "ChatGPT discusses ethical concerns and future trends extensively",
        CHATGPT,
        "the share of a tool's words on the subject: for ethics, the blocks that name a "
        "risks-and-ethics concept; for the future, the sections under a heading with the word "
        f"{FUTURE_WORDS}",
        f"Extensively: at least {_pct(EXTENSIVE.value)} of ChatGPT's words are on ethical "
        f"concerns, and at least {_pct(EXTENSIVE.value)} on future trends (unclear within "
        f"{EXTENSIVE.margin * 100:.0f} point).",
        rows,
        weakest([row.status for row in rows]),
    )
    counts = {}
    for tool in (CHATGPT, GEMINI):
        answers = c.answers_of(tool)
        counts[tool] = (
            sum(bool(_risk_sections(c, a) or _future_sections(a)) for a in answers),
            len(answers),
        )
    share_g = counts[GEMINI][0] / counts[GEMINI][1] if counts[GEMINI][1] else 1.0
    few = FEW_ANSWERS.status(share_g) if share_g != FEW_ANSWERS.value else FAILS
    absent = Part(
        "claim-4-gemini",
        "mostly absent in Gemini AI's response",
        GEMINI,
        "answers with a section of their own on ethics or on the future (a heading that names "
        f"a risks-and-ethics concept, or has the word {FUTURE_WORDS})",
        "Mostly absent: fewer than half of Gemini's answers give ethics or the future a "
        "section of its own.",
        (
            Row(
                "Answers with such a section",
                tuple(f"{n} of {total}" for n, total in (counts[CHATGPT], counts[GEMINI])),  # type: ignore[arg-type]
                few,
            ),
        ),
        few,
        links=tuple(
            _answer_link(a, a.sections[i].target, a.sections[i].title)
            for a in c.answers_of(GEMINI)
            for i in _future_sections(a)[:1]
        )
        + tuple(
            _answer_link(a, anchor, title)
            for a in c.answers_of(GEMINI)
            for anchor, title in _risk_sections(c, a)[:1]
        ),
    )
    rows, statuses = [], []
    for label, share in subjects:
        ratio = share[GEMINI] / share[CHATGPT] if share[CHATGPT] else 1.0
        status = MOSTLY_ABSENT.status(ratio)
        statuses.append(status)
        rows.append(
            Row(
                label,
                (_pct(share[CHATGPT]), _pct(share[GEMINI])),
                status,
                f"Gemini's share ÷ ChatGPT's = {ratio:.2f}",
            )
        )
    comparison = Part(
        "claim-4-comparison",
        "ChatGPT discusses … extensively, which are mostly absent in Gemini AI's response",
        COMPARISON,
        "each tool's share of words on ethical concerns and on future trends, as above",
        f"Gemini gives each subject at most half the share of its words that ChatGPT gives it "
        f"(a ratio within {MOSTLY_ABSENT.margin:.2f} of {MOSTLY_ABSENT.value:.2f} is unclear).",
        tuple(rows),
        weakest(statuses),
    )
    return extensive, absent, comparison


def _grade(value: float | None) -> str:
    return NO_VALUE if value is None else f"grade {value:.1f}"


def _soundly_named(c: Comparison, tool: str, concept: str) -> bool:
    return any(concept in _sound(c, a) for a in c.answers_of(tool))


def _mentions(c: Comparison, tool: str, concept: str) -> int:
    """Mentions of a concept in the sections of a tool's answers where no fact check names it."""
    return sum(
        section.mentions
        for a in c.answers_of(tool)
        if (hit := c.coverage[a.meta.path].get(concept)) is not None
        for section in hit.sections
        if not section.flagged
    )


def _concept_links(c: Comparison, tool: str, concept: str) -> tuple[Link, ...]:
    """The first section in each of a tool's answers that names a concept."""
    links = []
    for answer in c.answers_of(tool):
        hit = c.coverage[answer.meta.path].get(concept)
        if hit is not None:
            links.append(_answer_link(answer, hit.first.target, hit.first.title))
    return tuple(links)


RULES: dict[str, Callable[[Comparison], tuple[Part, ...]]] = {
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
