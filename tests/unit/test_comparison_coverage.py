"""Concept matching and the taxonomy file: word boundaries, case, variants, bad entries."""

from __future__ import annotations

from pathlib import Path

import pytest

from comparison.coverage import Matcher, cover
from comparison.errors import ComparisonError
from comparison.parse import parse_answer
from comparison.taxonomy import TAXONOMY_FILE, parse_taxonomy
from ex01.answers import answer_path
from tests.conftest import DOCS as SITE_DOCS
from tests.unit.comparison_support import BAD, PAGES

TAXONOMY = parse_taxonomy(TAXONOMY_FILE.read_text(encoding="utf-8"), "taxonomy.yaml")
MATCHER = Matcher(TAXONOMY)


def _found(text: str) -> list[tuple[str, str]]:
    found = [(m.concept, text[m.start : m.end]) for m in MATCHER.find(text)]
    print(found)
    return found


def test_taxonomy__has_60_concepts_in_the_seven_topics() -> None:
    topics = [t.id for t in TAXONOMY.topics]
    print(len(TAXONOMY.concepts), topics)
    assert len(TAXONOMY.concepts) >= 60
    assert topics == [
        "model-families", "architecture", "training", "evaluation", "applications", "scaling",
        "risks-ethics",
    ]  # fmt: skip
    assert all(TAXONOMY.in_topic(topic) for topic in topics)


def test_taxonomy__named_entities_have_a_kind() -> None:
    kinds = {
        k.id: k.kind for k in TAXONOMY.concepts if k.id in {"gpt-3", "squad", "attention-paper"}
    }
    print(kinds)
    assert kinds == {"gpt-3": "model", "squad": "benchmark", "attention-paper": "paper"}


def test_matcher__word_boundaries_keep_gan_out_of_organ() -> None:
    assert _found("An organ, organisations and Organs.") == []
    assert _found("GANs and a GAN.") == [("gan", "GANs"), ("gan", "GAN")]


def test_matcher__acronyms_match_in_their_case_only() -> None:
    assert _found("T5 and CLIP are models.") == [("t5", "T5"), ("clip", "CLIP")]
    assert _found("A short clip; t5 in lower case.") == []


def test_matcher__lower_case_synonyms_match_any_case() -> None:
    assert _found("Transformers, TRANSFORMER, transformer's") == [
        ("transformer", "Transformers"),
        ("transformer", "TRANSFORMER"),
        ("transformer", "transformer's"),
    ]


def test_matcher__glue_is_not_found_inside_superglue() -> None:
    assert _found("SuperGLUE and CodeXGLUE, then GLUE.") == [
        ("superglue", "SuperGLUE"),
        ("codexglue", "CodeXGLUE"),
        ("glue", "GLUE"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "reinforcement learning from human feedback",
        "reinforcement learning with human feedback",
        "Reinforcement Learning from Human Feedback",
        "RLHF",
    ],
)
def test_matcher__rlhf_spellings(text: str) -> None:
    assert [concept for concept, _ in _found(text)] == ["rlhf"]


@pytest.mark.parametrize("text", ["pre-trained", "pretrained", "pre trained", "Pre-Trained"])
def test_matcher__hyphen_space_or_nothing(text: str) -> None:
    assert [concept for concept, _ in _found(text)] == ["pretraining"]


def test_matcher__mention_inside_a_longer_one_counts_for_the_longer() -> None:
    assert _found("Variational autoencoders differ from autoencoders.") == [
        ("vae", "Variational autoencoders"),
        ("autoencoder", "autoencoders"),
    ]


def test_matcher__overlapping_mentions_both_count() -> None:
    assert [c for c, _ in _found("the self-attention mechanism")] == ["self-attention", "attention"]


def test_cover__real_page_links_each_concept_to_its_section() -> None:
    path = answer_path("chatgpt", 4)
    answer = parse_answer((SITE_DOCS / path).read_text(encoding="utf-8"), path)
    coverage = cover(answer, MATCHER)
    emergent = coverage.get("emergent-abilities")
    print(emergent)
    assert emergent is not None
    assert [s.target for s in emergent.sections] == ["emergent-capabilities"]


def test_cover__editorial_note_does_not_count() -> None:
    text = (PAGES / "editorial-note.md").read_text(encoding="utf-8")
    coverage = cover(parse_answer(text, answer_path("chatgpt", 4)), MATCHER)
    print(coverage.concepts)
    assert coverage.concepts.isdisjoint({"rlhf", "gan"})


BAD_TAXONOMIES = {
    "taxonomy-not-yaml": ":10: not valid YAML",
    "taxonomy-malformed-entry": ":6: a concept lacks synonyms",
    "taxonomy-duplicate-id": ":10: duplicate concept id 'rlhf' (first at line 6)",
    "taxonomy-duplicate-synonym": ":13: synonym 'pretraining' of 'pretrained-models' also names",
    "taxonomy-duplicate-key": ":10: a concept has the key 'synonyms' twice",
}


@pytest.mark.parametrize("case", BAD_TAXONOMIES, ids=list(BAD_TAXONOMIES))
def test_parse_taxonomy__bad_entry_names_file_and_line(case: str) -> None:
    path = BAD / f"{case}.yaml"
    with pytest.raises(ComparisonError) as raised:
        parse_taxonomy(path.read_text(encoding="utf-8"), str(path))
    print(raised.value)
    assert str(raised.value).startswith(f"{path}{BAD_TAXONOMIES[case]}")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", ": the taxonomy is empty"),
        ("version: 0\ntopics: []\nconcepts: []\n", ":1: version must be a whole number"),
        ("version: 1\ntopics:\n  - {id: a, label: A}\nconcepts:\n  - {id: x, label: X, "
         "topic: b, synonyms: [x]}\n", ":5: unknown topic 'b'"),
        ("version: 1\ntopics:\n  - {id: a, label: A}\nconcepts:\n  - {id: x, label: X, "
         "topic: a, kind: film, synonyms: [x]}\n", ":5: unknown kind 'film'"),
        ("version: 1\ntopics:\n  - {id: a, label: A}\nconcepts:\n  - {id: x, label: X, "
         "topic: a, synonyms: [yes]}\n", ":5: a synonym of 'x' must be non-empty text"),
    ],
)  # fmt: skip
def test_parse_taxonomy__invalid_values_name_the_line(text: str, message: str) -> None:
    with pytest.raises(ComparisonError) as raised:
        parse_taxonomy(text, "t.yaml")
    print(raised.value)
    assert str(raised.value).startswith(f"t.yaml{message}")


def test_taxonomy_file__is_the_one_the_generator_reads() -> None:
    print(TAXONOMY_FILE)
    assert Path(__file__).parents[2] / "scripts" / "comparison" / "taxonomy.yaml" == TAXONOMY_FILE


def test_cover__real_page_organizations_is_not_a_gan() -> None:
    path = answer_path("chatgpt", 3)
    answer = parse_answer((SITE_DOCS / path).read_text(encoding="utf-8"), path)
    text = " ".join(block.text for block in answer.blocks)
    print(cover(answer, MATCHER).concepts)
    assert "organizations" in text
    assert cover(answer, MATCHER).get("gan") is None
