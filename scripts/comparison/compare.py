"""The comparison assembled from parsed answers: metrics and coverage per answer and per tool."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from comparison.coverage import Coverage, Matcher, cover
from comparison.measure import Metrics, measure
from comparison.parse import OTHER_PROSE, PARAGRAPH, Answer, Claim
from comparison.taxonomy import Taxonomy
from ex01.answers import TOOLS


@dataclass(frozen=True)
class Comparison:
    """Everything the page, the charts and the downloads are rendered from."""

    taxonomy: Taxonomy
    answers: tuple[Answer, ...]  # by prompt, then tool
    metrics: Mapping[str, Metrics]  # by answer page path
    coverage: Mapping[str, Coverage]  # by answer page path
    tool_metrics: Mapping[str, Metrics]  # by tool: all its answers read as one text
    # By tool: the running text alone (paragraphs, table cells), which the readability
    # formulas were made for: no list items, no headings.
    prose_metrics: Mapping[str, Metrics]
    claims: Mapping[str, Claim]  # by claim id
    prompt_labels: Mapping[int, str]

    @property
    def tools(self) -> tuple[str, ...]:
        """The tools compared, in the registry's order."""
        present = {answer.meta.tool for answer in self.answers}
        return tuple(tool for tool in TOOLS if tool in present)

    @property
    def prompts(self) -> tuple[int, ...]:
        """The prompts answered, in order."""
        return tuple(sorted({answer.meta.prompt for answer in self.answers}))

    def answer(self, tool: str, prompt: int) -> Answer | None:
        """One tool's answer to one prompt, if there is one."""
        return next(
            (a for a in self.answers if a.meta.tool == tool and a.meta.prompt == prompt), None
        )

    def answers_of(self, tool: str) -> tuple[Answer, ...]:
        """One tool's answers, by prompt."""
        return tuple(a for a in self.answers if a.meta.tool == tool)

    def concepts_of(self, tool: str, prompt: int | None = None) -> frozenset[str]:
        """The concepts a tool names in one answer, or in any of its answers."""
        return frozenset().union(
            *(
                self.coverage[a.meta.path].concepts
                for a in self.answers_of(tool)
                if prompt is None or a.meta.prompt == prompt
            )
        )

    def mentions_of(self, tool: str) -> int:
        """How many concept mentions a tool's answers hold in all."""
        return sum(
            hit.mentions for a in self.answers_of(tool) for hit in self.coverage[a.meta.path].hits
        )

    def words_about(self, tool: str, concept: str) -> int:
        """Words of the blocks in a tool's answers that mention a concept."""
        return sum(
            hit.words
            for a in self.answers_of(tool)
            if (hit := self.coverage[a.meta.path].get(concept)) is not None
        )


RUNNING_TEXT = (PARAGRAPH, OTHER_PROSE)


def _prompt_label(answers: Sequence[Answer]) -> str:
    """A prompt's short label: the page title after its colon ("Foundations of generative AI")."""
    for answer in answers:
        _, colon, label = answer.title.partition(": ")
        if colon and label.strip():
            return label.strip()
    return answers[0].meta.prompt_text


def compare(
    answers: Iterable[Answer], claims: Mapping[str, Claim], taxonomy: Taxonomy
) -> Comparison:
    """Measure and match every answer, and each tool's answers read as one text."""
    ordered = tuple(sorted(answers, key=lambda a: (a.meta.prompt, list(TOOLS).index(a.meta.tool))))
    matcher = Matcher(taxonomy)
    tools = [tool for tool in TOOLS if any(a.meta.tool == tool for a in ordered)]
    prompts = sorted({a.meta.prompt for a in ordered})
    return Comparison(
        taxonomy=taxonomy,
        answers=ordered,
        metrics={a.meta.path: measure(a.blocks) for a in ordered},
        coverage={a.meta.path: cover(a, matcher) for a in ordered},
        tool_metrics={
            tool: measure([b for a in ordered if a.meta.tool == tool for b in a.blocks])
            for tool in tools
        },
        prose_metrics={
            tool: measure(
                [
                    b
                    for a in ordered
                    if a.meta.tool == tool
                    for b in a.blocks
                    if b.kind in RUNNING_TEXT
                ]
            )
            for tool in tools
        },
        claims=dict(claims),
        prompt_labels={
            prompt: _prompt_label([a for a in ordered if a.meta.prompt == prompt])
            for prompt in prompts
        },
    )
