"""The rules behind the evidence check: each claim's checks, and how checks give a verdict."""

from __future__ import annotations

import pytest

from comparison.compare import Comparison, compare
from comparison.parse import Claim, parse_answer, parse_body, parse_conclusion
from comparison.taxonomy import TAXONOMY_FILE, parse_taxonomy
from comparison.verdicts import (
    NOT_SUPPORTED,
    PARTLY_SUPPORTED,
    SUPPORTED,
    Check,
    decide,
    judge,
    missing_from_taxonomy,
)
from ex01.answers import AnswerMeta, answer_path, expected_pages
from tests.conftest import DOCS as SITE_DOCS
from tests.unit.comparison_support import fixture_comparison, fixture_taxonomy

CLAIMS = {f"claim-{n}": Claim(f"claim-{n}", f"Claim {n}.") for n in range(1, 5)}
LONG = "Transformers use self-attention and pre-trained weights to model language well. " * 4
SHORT = "- **Self-Attention:** weighs the input."
SIMPLE = "The cat sat on the mat. It was a good cat. The dog ran to the cat."
HARD = "Generative architectures operationalise probabilistic representations comprehensively."


def _comparison(pages: dict[tuple[str, int], str]) -> Comparison:
    answers = [
        parse_body(
            f"# {tool}, prompt {prompt}: Prompt {prompt}\n\n{body}\n",
            AnswerMeta(answer_path(tool, prompt), tool, prompt, f"Prompt {prompt}"),
        )
        for (tool, prompt), body in pages.items()
    ]
    return compare(answers, CLAIMS, fixture_taxonomy())


def _checks(comparison: Comparison, claim: str) -> list[bool]:
    verdict = next(v for v in judge(comparison) if v.claim.id == claim)
    for check in verdict.checks:
        print("PASS" if check.passed else "FAIL", check.statement, check.figures)
    return [check.passed for check in verdict.checks]


def _check(passed: bool) -> Check:
    return Check("statement", passed, ())


@pytest.mark.parametrize(
    ("results", "verdict"),
    [
        ([True, True, True], SUPPORTED),
        ([True, True, False], PARTLY_SUPPORTED),
        ([True, False], PARTLY_SUPPORTED),
        ([True, False, False], NOT_SUPPORTED),
        ([False], NOT_SUPPORTED),
        ([], NOT_SUPPORTED),
    ],
)
def test_decide__all_half_or_fewer(results: list[bool], verdict: str) -> None:
    print(results)
    assert decide([_check(passed) for passed in results]) == verdict


def test_claim_1__supported_when_chatgpt_is_longer_and_broader() -> None:
    assert _checks(fixture_comparison(), "claim-1") == [True, True, True, True]


def test_claim_1__more_detailed_fails_when_gemini_is_longer_once() -> None:
    comparison = _comparison(
        {("chatgpt", 1): LONG, ("gemini", 1): SHORT, ("chatgpt", 2): SHORT, ("gemini", 2): LONG}
    )
    assert _checks(comparison, "claim-1")[0] is False


def test_claim_1__summary_check_needs_more_of_gemini_in_lists() -> None:
    comparison = _comparison({("chatgpt", 1): f"- {LONG}", ("gemini", 1): "Self-attention only."})
    assert _checks(comparison, "claim-1")[3] is False


def test_claim_2__supported_by_the_fixture_answers() -> None:
    assert _checks(fixture_comparison(), "claim-2") == [True] * 6


def test_claim_2__fails_when_chatgpt_never_names_rlhf() -> None:
    comparison = _comparison({("chatgpt", 1): LONG, ("gemini", 1): "Flow-based models."})
    checks = _checks(comparison, "claim-2")
    assert checks[:4] == [True, False, True, True]


def test_claim_2__fails_when_chatgpt_names_flow_based_models_too() -> None:
    comparison = _comparison(
        {("chatgpt", 1): f"{LONG} RLHF and flow-based models.", ("gemini", 1): "Flow-based models."}
    )
    assert _checks(comparison, "claim-2")[3] is False


def test_claim_3__readability_passes_when_gemini_reads_easier() -> None:
    comparison = _comparison({("chatgpt", 1): HARD, ("gemini", 1): SIMPLE})
    assert _checks(comparison, "claim-3")[0] is True


def test_claim_3__readability_fails_when_gemini_reads_harder() -> None:
    comparison = _comparison({("chatgpt", 1): SIMPLE, ("gemini", 1): HARD})
    assert _checks(comparison, "claim-3")[0] is False


def test_claim_4__ethics_and_future_sections_in_chatgpt_only() -> None:
    chatgpt = "## Ethics {#ethics}\n\nBias and privacy.\n\n## Future Directions {#future}\n\nMore."
    comparison = _comparison({("chatgpt", 1): chatgpt, ("gemini", 1): "Nothing of the sort."})
    assert _checks(comparison, "claim-4") == [True, True, True, True]


def test_claim_4__future_sections_in_gemini_fail_mostly_absent() -> None:
    gemini = "## Challenges and Future Directions {#future}\n\nMisuse."
    comparison = _comparison({("chatgpt", 1): "## Bias {#bias}\n\nBias.", ("gemini", 1): gemini})
    assert _checks(comparison, "claim-4") == [True, False, False, False]


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
    """The verdicts on the real answers, as the committed page states them."""
    answers = [
        parse_answer((SITE_DOCS / path).read_text(encoding="utf-8"), path)
        for path in expected_pages()[:-1]
    ]
    claims = parse_conclusion((SITE_DOCS / "conclusion.md").read_text(encoding="utf-8"), "c.md")
    taxonomy = parse_taxonomy(TAXONOMY_FILE.read_text(encoding="utf-8"), "taxonomy.yaml")
    verdicts = {v.claim.id: v.verdict for v in judge(compare(answers, claims, taxonomy))}
    print(verdicts)
    assert verdicts == {
        "claim-1": SUPPORTED,
        "claim-2": SUPPORTED,
        "claim-3": PARTLY_SUPPORTED,
        "claim-4": PARTLY_SUPPORTED,
    }
