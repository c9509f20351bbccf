"""The rules behind the evidence check: thresholds and margins, how parts give a verdict, and each
claim's parts on small made-up answers that make each rule fire."""

from __future__ import annotations

import pytest

from comparison.compare import Comparison, compare
from comparison.parse import Claim, parse_answer, parse_body, parse_conclusion
from comparison.taxonomy import TAXONOMY_FILE, parse_taxonomy
from comparison.verdicts import (
    CHATGPT,
    COMPARISON,
    FAILS,
    GEMINI,
    HOLDS,
    NOT_SUPPORTED,
    PARTLY_SUPPORTED,
    SUPPORTED,
    UNCLEAR,
    Part,
    Threshold,
    Verdict,
    decide,
    judge,
    missing_from_taxonomy,
    more,
    weakest,
)
from ex01.answers import AnswerMeta, answer_path, expected_pages
from tests.conftest import DOCS as SITE_DOCS
from tests.unit.comparison_support import fixture_taxonomy

CLAIMS = {f"claim-{n}": Claim(f"claim-{n}", f"Claim {n}.") for n in range(1, 5)}
SIMPLE = "The cat sat on the mat. It was a good cat. The dog ran to the cat. We like the dog."
HARD = (
    "Generative architectures operationalise probabilistic representations comprehensively, "
    "notwithstanding computational considerations regarding parameterisation."
)
FACT_CHECK = '!!! warning "Fact check"\n\n    {text}\n'


def _comparison(pages: dict[tuple[str, int], str]) -> Comparison:
    answers = [
        parse_body(
            f"# {tool}, prompt {prompt}: Prompt {prompt}\n\n{body}\n",
            AnswerMeta(answer_path(tool, prompt), tool, prompt, f"Prompt {prompt}"),
        )
        for (tool, prompt), body in pages.items()
    ]
    return compare(answers, CLAIMS, fixture_taxonomy())


def _verdict(comparison: Comparison, claim: str) -> Verdict:
    verdict = next(v for v in judge(comparison) if v.claim.id == claim)
    print(verdict.verdict, "|", verdict.reason)
    for part in verdict.parts:
        print(" ", part.id, part.status, [(r.label, r.values, r.status) for r in part.rows])
    return verdict


def _status(verdict: Verdict, part_id: str) -> str:
    return next(part.status for part in verdict.parts if part.id == part_id)


def _part(subject: str, status: str, words: str = "words") -> Part:
    return Part(f"p-{subject}-{status}", words, subject, "measure", "test", (), status)


# Thresholds, margins and verdicts


@pytest.mark.parametrize(
    ("figure", "status"),
    [(0.81, HOLDS), (0.80, UNCLEAR), (0.75, UNCLEAR), (0.70, UNCLEAR), (0.69, FAILS)],
)
def test_threshold__within_the_margin_is_unclear(figure: float, status: str) -> None:
    assert Threshold(0.75, 0.05).status(figure) == status


def test_threshold__at_most() -> None:
    grade = Threshold(12.0, 1.0, at_least=False)
    assert [grade.status(g) for g in (10.9, 12.5, 13.1)] == [HOLDS, UNCLEAR, FAILS]


@pytest.mark.parametrize(
    ("a", "b", "status"),
    [
        (120, 100, HOLDS),
        (110, 100, HOLDS),
        (105, 100, UNCLEAR),
        (95, 100, UNCLEAR),
        (90, 100, FAILS),
        (5, 0, HOLDS),
        (0, 0, UNCLEAR),
    ],
)
def test_more__needs_ten_percent_either_way(a: float, b: float, status: str) -> None:
    assert more(a, b) == status


def test_weakest__a_part_measured_per_prompt_is_its_weakest_prompt() -> None:
    assert weakest([HOLDS, UNCLEAR, HOLDS]) == UNCLEAR
    assert weakest([HOLDS, FAILS, UNCLEAR]) == FAILS
    assert weakest([HOLDS, HOLDS]) == HOLDS
    assert weakest([]) == FAILS


@pytest.mark.parametrize(
    ("statuses", "verdict"),
    [
        # (ChatGPT's part, Gemini's part, the comparison)
        ((HOLDS, HOLDS, HOLDS), SUPPORTED),
        ((HOLDS, HOLDS, FAILS), NOT_SUPPORTED),  # both halves hold, the comparison does not
        ((HOLDS, HOLDS, UNCLEAR), UNCLEAR),
        ((FAILS, HOLDS, HOLDS), PARTLY_SUPPORTED),
        ((HOLDS, UNCLEAR, HOLDS), PARTLY_SUPPORTED),  # unclear is not passed
        ((FAILS, FAILS, HOLDS), PARTLY_SUPPORTED),
        ((FAILS, FAILS, FAILS), NOT_SUPPORTED),
    ],
)
def test_decide__bounded_by_the_weakest_part(statuses: tuple[str, str, str], verdict: str) -> None:
    parts = [
        _part(s, status) for s, status in zip((CHATGPT, GEMINI, COMPARISON), statuses, strict=True)
    ]
    assert decide(parts) == verdict


def test_decide__no_parts_is_not_supported() -> None:
    assert decide([]) == NOT_SUPPORTED


def test_reason__names_the_parts_that_fail() -> None:
    verdict = Verdict(
        CLAIMS["claim-1"],
        (_part(CHATGPT, HOLDS), _part(GEMINI, FAILS, "offers a summary"), _part(COMPARISON, HOLDS)),
    )
    print(verdict.reason)
    assert verdict.verdict == PARTLY_SUPPORTED
    assert (
        verdict.reason == "The comparison holds, but “offers a summary” fails (2 of 3 parts hold)."
    )


def test_reason__a_failed_comparison_comes_first() -> None:
    verdict = Verdict(
        CLAIMS["claim-3"],
        (_part(GEMINI, FAILS, "is readable"), _part(COMPARISON, FAILS, "more readable")),
    )
    assert verdict.reason.startswith(
        "The comparison fails: “more readable”; and “is readable” fails"
    )


# Claim 1: ChatGPT more detailed and exhaustive; Gemini concise, a high-level summary.

BROAD = (
    "## Transformers {#models}\n\nGAN, VAE, autoencoder, BERT and T5 are models. "
    + "A transformer uses self-attention and pre-training for machine translation. " * 6
)
NARROW = "## Transformers {#models}\n\nGAN and VAE are models; a transformer uses self-attention."


def test_claim_1__supported_when_chatgpt_is_longer_broader_and_gemini_summarises() -> None:
    verdict = _verdict(_comparison({("chatgpt", 1): BROAD, ("gemini", 1): NARROW}), "claim-1")
    assert [p.status for p in verdict.parts] == [HOLDS] * 5
    assert verdict.verdict == SUPPORTED


def test_claim_1__the_comparison_fails_while_both_single_tool_parts_hold() -> None:
    """Gemini is concise and ChatGPT exhaustive, yet Gemini writes more: not supported."""
    gemini = NARROW + " A transformer is a model with self-attention that we like a lot." * 8
    verdict = _verdict(_comparison({("chatgpt", 1): NARROW, ("gemini", 1): gemini}), "claim-1")
    assert _status(verdict, "claim-1-chatgpt") == HOLDS
    assert _status(verdict, "claim-1-gemini-concise") == HOLDS
    assert _status(verdict, "claim-1-comparison-detail") == FAILS
    assert verdict.verdict == NOT_SUPPORTED


def test_claim_1__a_summary_that_misses_the_main_points_fails() -> None:
    chatgpt = "## GAN {#gan}\n\nA.\n\n## VAE {#vae}\n\nB.\n\n## BERT {#bert}\n\nC. " + BROAD
    verdict = _verdict(
        _comparison({("chatgpt", 1): chatgpt, ("gemini", 1): "Privacy matters."}), "claim-1"
    )
    assert _status(verdict, "claim-1-gemini-summary") == FAILS
    assert verdict.verdict == PARTLY_SUPPORTED
    assert "high-level summary" in verdict.reason


def test_claim_1__a_concept_a_fact_check_questions_does_not_count() -> None:
    questioned = BROAD + "\n\n" + FACT_CHECK.format(text="GAN, VAE, BERT and T5 are misdescribed.")
    plain = _verdict(_comparison({("chatgpt", 1): BROAD, ("gemini", 1): NARROW}), "claim-1")
    checked = _verdict(_comparison({("chatgpt", 1): questioned, ("gemini", 1): NARROW}), "claim-1")
    rows = {
        v: next(p for p in v.parts if p.id == "claim-1-comparison-exhaustive").rows[0]
        for v in (plain, checked)
    }
    assert int(rows[checked].values[0]) < int(rows[plain].values[0])


# Claim 2: ChatGPT covers transformers and RLHF; Gemini introduces flow-based models, lacks depth.

RLHF = "Reinforcement learning from human feedback (RLHF) aligns a model with what people prefer. "
TRANSFORMERS = "A transformer stacks self-attention layers to read a whole sequence at once. "


def test_claim_2__covering_needs_words_not_a_mention() -> None:
    mention = TRANSFORMERS * 6 + "\n\nIt also uses RLHF."
    covered = TRANSFORMERS * 6 + "\n\n" + RLHF * 5
    for body, status in ((mention, FAILS), (covered, HOLDS)):
        comparison = _comparison({("chatgpt", 1): body, ("gemini", 1): "A flow-based model."})
        assert _status(_verdict(comparison, "claim-2"), "claim-2-chatgpt") == status


def test_claim_2__gemini_introduces_flows_only_if_chatgpt_does_not() -> None:
    chatgpt = TRANSFORMERS * 6 + RLHF * 5 + "A flow-based model too."
    comparison = _comparison({("chatgpt", 1): chatgpt, ("gemini", 1): "A flow-based model."})
    assert _status(_verdict(comparison, "claim-2"), "claim-2-gemini-flows") == FAILS


def test_claim_2__a_questioned_mention_of_flows_does_not_count() -> None:
    gemini = "A flow-based model.\n\n" + FACT_CHECK.format(text="A flow-based model is not that.")
    comparison = _comparison({("chatgpt", 1): TRANSFORMERS, ("gemini", 1): gemini})
    assert _status(_verdict(comparison, "claim-2"), "claim-2-gemini-flows") == FAILS


def test_claim_2__lacks_depth_on_the_concepts_both_name() -> None:
    shallow = _comparison({("chatgpt", 1): TRANSFORMERS * 4, ("gemini", 1): "A transformer."})
    deep = _comparison({("chatgpt", 1): "A transformer.", ("gemini", 1): TRANSFORMERS * 4})
    assert _status(_verdict(shallow, "claim-2"), "claim-2-comparison") == HOLDS
    assert _verdict(deep, "claim-2").verdict == NOT_SUPPORTED


# Claim 3: Gemini more readable for non-experts; ChatGPT overwhelming through technical depth.


def test_claim_3__supported_when_gemini_reads_easier_and_chatgpt_is_dense() -> None:
    chatgpt = " ".join([HARD, "The transformer, GAN, VAE and BERT use self-attention."] * 3)
    comparison = _comparison({("chatgpt", 1): chatgpt, ("gemini", 1): SIMPLE})
    verdict = _verdict(comparison, "claim-3")
    assert _status(verdict, "claim-3-comparison") == HOLDS
    assert _status(verdict, "claim-3-gemini") == HOLDS


def test_claim_3__not_supported_when_gemini_reads_harder() -> None:
    comparison = _comparison({("chatgpt", 1): SIMPLE, ("gemini", 1): HARD})
    assert _verdict(comparison, "claim-3").verdict == NOT_SUPPORTED


def test_claim_3__list_items_do_not_make_the_running_text_easier() -> None:
    """Short, easy list items would flatter the formulas: the test reads paragraphs only."""
    gemini = HARD + "\n\n" + "\n".join(f"- The cat sat on mat {n}." for n in range(20))
    comparison = _comparison({("chatgpt", 1): SIMPLE, ("gemini", 1): gemini})
    assert _status(_verdict(comparison, "claim-3"), "claim-3-comparison") == FAILS


# Claim 4: ChatGPT discusses ethics and future trends extensively; mostly absent from Gemini.

ETHICS = "## Ethics {#ethics}\n\nBias and privacy and misuse are ethical risks.\n\n"
FUTURE = "## Future Directions {#future}\n\nModels will grow and change in the years ahead.\n\n"


def test_claim_4__supported_when_only_chatgpt_discusses_both() -> None:
    comparison = _comparison(
        {("chatgpt", 1): ETHICS + FUTURE, ("gemini", 1): SIMPLE + " " + SIMPLE}
    )
    verdict = _verdict(comparison, "claim-4")
    assert verdict.verdict == SUPPORTED


def test_claim_4__a_future_section_in_gemini_fails_mostly_absent() -> None:
    comparison = _comparison({("chatgpt", 1): ETHICS + FUTURE, ("gemini", 1): FUTURE + SIMPLE})
    verdict = _verdict(comparison, "claim-4")
    assert _status(verdict, "claim-4-gemini") == FAILS
    assert _status(verdict, "claim-4-comparison") == FAILS
    assert verdict.verdict == NOT_SUPPORTED


# The taxonomy and the real report


def test_missing_from_taxonomy__names_what_the_rules_need() -> None:
    taxonomy = fixture_taxonomy()
    trimmed = type(taxonomy)(
        taxonomy.version,
        tuple(t for t in taxonomy.topics if t.id != "risks-ethics"),
        tuple(k for k in taxonomy.concepts if k.id != "rlhf"),
    )
    print(missing_from_taxonomy(trimmed))
    assert missing_from_taxonomy(trimmed) == ["concept 'rlhf'", "topic 'risks-ethics'"]
    assert missing_from_taxonomy(taxonomy) == []


def test_judge__the_report_conclusion() -> None:
    """The verdicts on the real answers, as the committed pages state them."""
    answers = [
        parse_answer((SITE_DOCS / path).read_text(encoding="utf-8"), path)
        for path in expected_pages()[:-1]
    ]
    claims = parse_conclusion((SITE_DOCS / "conclusion.md").read_text(encoding="utf-8"), "c.md")
    taxonomy = parse_taxonomy(TAXONOMY_FILE.read_text(encoding="utf-8"), "taxonomy.yaml")
    verdicts = {v.claim.id: v.verdict for v in judge(compare(answers, claims, taxonomy))}
    print(verdicts)
    assert verdicts == {
        "claim-1": PARTLY_SUPPORTED,
        "claim-2": PARTLY_SUPPORTED,
        "claim-3": NOT_SUPPORTED,
        "claim-4": NOT_SUPPORTED,
    }
