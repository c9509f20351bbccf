"""The concept taxonomy read from taxonomy.yaml: topics, and concepts with their synonyms."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from comparison.errors import ComparisonError

TAXONOMY_FILE = Path(__file__).with_name("taxonomy.yaml")
# Named entities: a kind says what the concept names; other concepts have none.
KINDS = ("model", "paper", "benchmark", "product")
_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
_STR = "tag:yaml.org,2002:str"
# Spaces and hyphens in a synonym match any separator or none (see coverage), so two
# synonyms that differ only there are the same phrase.
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2014]+")
_INT = "tag:yaml.org,2002:int"
_TOP_KEYS = ("version", "topics", "concepts")
_TOPIC_KEYS = ("id", "label")
_CONCEPT_KEYS = ("id", "label", "topic", "synonyms", "kind")
_CONCEPT_REQUIRED = ("id", "label", "topic", "synonyms")


@dataclass(frozen=True)
class Topic:
    """A group of concepts (generative model families, architecture, ...)."""

    id: str
    label: str


@dataclass(frozen=True)
class Concept:
    """A concept the answers may cover, and the phrases that count as mentioning it."""

    id: str
    label: str
    topic: str
    synonyms: tuple[str, ...]
    kind: str | None = None


@dataclass(frozen=True)
class Taxonomy:
    """The versioned list of topics and concepts, in the file's order."""

    version: int
    topics: tuple[Topic, ...]
    concepts: tuple[Concept, ...]

    def concept(self, concept_id: str) -> Concept:
        """The concept with this id."""
        return next(c for c in self.concepts if c.id == concept_id)

    def topic_label(self, topic_id: str) -> str:
        """The label of the topic with this id."""
        return next(t.label for t in self.topics if t.id == topic_id)

    def in_topic(self, topic_id: str) -> tuple[Concept, ...]:
        """The concepts of one topic, in the file's order."""
        return tuple(c for c in self.concepts if c.topic == topic_id)


def _fail(path: str, node: yaml.Node, message: str) -> ComparisonError:
    return ComparisonError(f"{path}:{node.start_mark.line + 1}: {message}")


def _mapping(
    node: yaml.Node, path: str, what: str, keys: tuple[str, ...], required: tuple[str, ...]
) -> dict[str, yaml.Node]:
    """A YAML mapping as {key: value node}, refusing unknown, missing and repeated keys."""
    if not isinstance(node, yaml.MappingNode):
        raise _fail(path, node, f"{what} must be a mapping of keys to values")
    found: dict[str, yaml.Node] = {}
    for key, value in node.value:
        if not isinstance(key, yaml.ScalarNode) or key.value not in keys:
            raise _fail(path, key, f"{what} has an unknown key {key.value!r} (expected {keys})")
        if key.value in found:
            raise _fail(path, key, f"{what} has the key {key.value!r} twice")
        found[key.value] = value
    missing = [key for key in required if key not in found]
    if missing:
        raise _fail(path, node, f"{what} lacks {', '.join(missing)}")
    return found


def _text(node: yaml.Node, path: str, what: str) -> str:
    if not isinstance(node, yaml.ScalarNode) or node.tag != _STR or not node.value.strip():
        raise _fail(path, node, f"{what} must be non-empty text (quote numbers and yes/no)")
    return " ".join(node.value.split())


def _sequence(node: yaml.Node, path: str, what: str) -> list[yaml.Node]:
    if not isinstance(node, yaml.SequenceNode) or not node.value:
        raise _fail(path, node, f"{what} must be a non-empty list")
    return list(node.value)


def _identifier(node: yaml.Node, path: str, what: str) -> str:
    value = _text(node, path, what)
    if not _ID.match(value):
        raise _fail(path, node, f"{what} {value!r} must be lower-case words joined by hyphens")
    return value


def _topics(node: yaml.Node, path: str) -> tuple[Topic, ...]:
    topics: dict[str, Topic] = {}
    for item in _sequence(node, path, "topics"):
        fields = _mapping(item, path, "a topic", _TOPIC_KEYS, _TOPIC_KEYS)
        topic_id = _identifier(fields["id"], path, "topic id")
        if topic_id in topics:
            raise _fail(path, fields["id"], f"duplicate topic id {topic_id!r}")
        topics[topic_id] = Topic(topic_id, _text(fields["label"], path, "topic label"))
    return tuple(topics.values())


def _synonyms(node: yaml.Node, path: str, concept_id: str) -> list[tuple[str, yaml.Node]]:
    synonyms: list[tuple[str, yaml.Node]] = []
    for item in _sequence(node, path, f"synonyms of {concept_id!r}"):
        synonym = _text(item, path, f"a synonym of {concept_id!r}")
        if not synonym[0].isalnum():
            raise _fail(path, item, f"synonym {synonym!r} must start with a letter or digit")
        if synonym in (s for s, _ in synonyms):
            raise _fail(path, item, f"synonym {synonym!r} is listed twice for {concept_id!r}")
        synonyms.append((synonym, item))
    return synonyms


def parse_taxonomy(text: str, path: str) -> Taxonomy:
    """Read and validate the taxonomy file's text; errors name `path` and the line."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        problem = getattr(error, "problem", None) or "syntax error"
        raise ComparisonError(f"{path}{line}: not valid YAML ({problem})") from None
    if root is None:
        raise ComparisonError(f"{path}: the taxonomy is empty")
    top = _mapping(root, path, "the taxonomy", _TOP_KEYS, _TOP_KEYS)
    version_node = top["version"]
    if (
        not isinstance(version_node, yaml.ScalarNode)
        or version_node.tag != _INT
        or not version_node.value.isdigit()
        or int(version_node.value) < 1
    ):
        raise _fail(path, version_node, "version must be a whole number from 1 up")
    topics = _topics(top["topics"], path)
    topic_ids = {topic.id for topic in topics}

    concepts: dict[str, Concept] = {}
    lines: dict[str, int] = {}
    labels: dict[str, str] = {}
    owners: dict[str, str] = {}  # synonym, case-folded -> concept id
    for item in _sequence(top["concepts"], path, "concepts"):
        fields = _mapping(item, path, "a concept", _CONCEPT_KEYS, _CONCEPT_REQUIRED)
        concept_id = _identifier(fields["id"], path, "concept id")
        if concept_id in concepts:
            raise _fail(
                path,
                fields["id"],
                f"duplicate concept id {concept_id!r} (first at line {lines[concept_id]})",
            )
        lines[concept_id] = fields["id"].start_mark.line + 1
        label = _text(fields["label"], path, f"label of {concept_id!r}")
        if label in labels:
            raise _fail(path, fields["label"], f"label {label!r} is also {labels[label]!r}'s")
        labels[label] = concept_id
        topic = _text(fields["topic"], path, f"topic of {concept_id!r}")
        if topic not in topic_ids:
            raise _fail(path, fields["topic"], f"unknown topic {topic!r} (not under topics)")
        kind = None
        if "kind" in fields:
            kind = _text(fields["kind"], path, f"kind of {concept_id!r}")
            if kind not in KINDS:
                raise _fail(path, fields["kind"], f"unknown kind {kind!r} (not one of {KINDS})")
        synonyms = _synonyms(fields["synonyms"], path, concept_id)
        for synonym, node in synonyms:
            # Case variants of one concept ("LLaMA", "Llama") are fine; one phrase that
            # two concepts claim would make a mention ambiguous.
            key = _SEPARATORS.sub("", synonym.casefold())
            if owners.setdefault(key, concept_id) != concept_id:
                raise _fail(
                    path, node, f"synonym {synonym!r} of {concept_id!r} also names {owners[key]!r}"
                )
        concepts[concept_id] = Concept(
            concept_id, label, topic, tuple(s for s, _ in synonyms), kind
        )
    return Taxonomy(int(version_node.value), topics, tuple(concepts.values()))
