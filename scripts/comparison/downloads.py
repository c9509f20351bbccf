"""The metrics, the coverage and the verdicts as CSV and JSON text, for reuse outside the site."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

from comparison.compare import Comparison
from comparison.measure import WORDS_PER_MINUTE, Metrics
from comparison.verdicts import THRESHOLDS, Verdict

METRICS_CSV = "comparison-metrics.csv"
METRICS_JSON = "comparison-metrics.json"
COVERAGE_CSV = "comparison-coverage.csv"
COVERAGE_JSON = "comparison-coverage.json"
VERDICTS_CSV = "comparison-verdicts.csv"
VERDICTS_JSON = "comparison-verdicts.json"
GENERATOR = "python -m comparison"

# Rounding keeps the files the same on every machine and readable; the page shows fewer digits.
_DIGITS = 4


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, _DIGITS)


def metrics_record(m: Metrics) -> dict[str, Any]:
    """A Metrics as a flat mapping of plain values (also the golden-file form)."""
    return {
        "words": m.words,
        "prose_words": m.prose_words,
        "list_words": m.list_words,
        "heading_words": m.heading_words,
        "list_share": _round(m.list_share),
        "prose_share": _round(m.prose_share),
        "sentences": m.sentences,
        "sentence_words": m.sentence_words,
        "fragments": m.fragments,
        "paragraphs": m.paragraphs,
        "list_items": m.list_items,
        **{f"headings_h{level}": count for level, count in enumerate(m.headings, start=1)},
        "average_sentence_length": _round(m.average_sentence_length),
        "reading_minutes": _round(m.reading_minutes),
        "flesch_reading_ease": _round(m.flesch_reading_ease),
        "flesch_kincaid_grade": _round(m.flesch_kincaid_grade),
        "gunning_fog": _round(m.gunning_fog),
        "coleman_liau": _round(m.coleman_liau),
        "mtld": _round(m.mtld),
    }


def _csv(header: list[str], rows: list[list[Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([["" if v is None else v for v in row] for row in rows])
    return buffer.getvalue()


def _json(data: Any) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def _metric_rows(c: Comparison) -> list[dict[str, Any]]:
    rows = []
    for answer in c.answers:
        coverage = c.coverage[answer.meta.path]
        rows.append(
            {
                "scope": "answer",
                "tool": answer.meta.tool,
                "prompt": answer.meta.prompt,
                "page": answer.meta.path,
                **metrics_record(c.metrics[answer.meta.path]),
                "concepts_named": len(coverage.hits),
                "concept_mentions": sum(hit.mentions for hit in coverage.hits),
            }
        )
    for tool in c.tools:
        rows.append(
            {
                "scope": "tool",
                "tool": tool,
                "prompt": None,
                "page": None,
                **metrics_record(c.tool_metrics[tool]),
                "concepts_named": len(c.concepts_of(tool)),
                "concept_mentions": c.mentions_of(tool),
            }
        )
    return rows


def metrics_csv(c: Comparison) -> str:
    """One row per answer, then one per tool (its answers read as one text)."""
    rows = _metric_rows(c)
    header = list(rows[0]) if rows else ["scope"]
    return _csv(header, [list(row.values()) for row in rows])


def metrics_json(c: Comparison) -> str:
    """The metrics of each answer and each tool, with how they were computed."""
    rows = _metric_rows(c)
    return _json(
        {
            "generated_by": GENERATOR,
            "words_per_minute": WORDS_PER_MINUTE,
            "answers": [row for row in rows if row["scope"] == "answer"],
            "tools": [row for row in rows if row["scope"] == "tool"],
        }
    )


def _hits(c: Comparison):
    """(concept, answer, section hit) for every section that names a concept, in taxonomy order."""
    for concept in c.taxonomy.concepts:
        for answer in c.answers:
            hit = c.coverage[answer.meta.path].get(concept.id)
            if hit is not None:
                yield concept, answer, hit


def coverage_csv(c: Comparison) -> str:
    """One row per concept, answer and section that names it."""
    header = [
        "concept",
        "label",
        "topic",
        "kind",
        "tool",
        "prompt",
        "page",
        "anchor",
        "section",
        "mentions",
        "fact_checked",
    ]
    rows = [
        [
            concept.id,
            concept.label,
            concept.topic,
            concept.kind,
            answer.meta.tool,
            answer.meta.prompt,
            answer.meta.path,
            section.target,
            section.title,
            section.mentions,
            int(section.flagged),
        ]
        for concept, answer, hit in _hits(c)
        for section in hit.sections
    ]
    return _csv(header, rows)


def coverage_json(c: Comparison) -> str:
    """The taxonomy, and where each answer names each concept."""
    found: dict[str, list[dict[str, Any]]] = {}
    for concept, answer, hit in _hits(c):
        found.setdefault(concept.id, []).append(
            {
                "tool": answer.meta.tool,
                "prompt": answer.meta.prompt,
                "page": answer.meta.path,
                "mentions": hit.mentions,
                "words": hit.words,
                "sections": [
                    {
                        "anchor": s.target,
                        "title": s.title,
                        "mentions": s.mentions,
                        "fact_checked": s.flagged,
                    }
                    for s in hit.sections
                ],
            }
        )
    return _json(
        {
            "generated_by": GENERATOR,
            "taxonomy_version": c.taxonomy.version,
            "topics": [{"id": t.id, "label": t.label} for t in c.taxonomy.topics],
            "concepts": [
                {
                    "id": k.id,
                    "label": k.label,
                    "topic": k.topic,
                    "kind": k.kind,
                    "synonyms": list(k.synonyms),
                    "named_in": found.get(k.id, []),
                }
                for k in c.taxonomy.concepts
            ],
        }
    )


def verdicts_csv(verdicts: Sequence[Verdict]) -> str:
    """One row per figure of each part of each claim, with the part's and the claim's verdict."""
    header = [
        "claim",
        "claim_verdict",
        "part",
        "subject",
        "part_words",
        "measure",
        "test",
        "part_status",
        "row",
        "row_detail",
        "chatgpt",
        "gemini",
        "row_status",
    ]
    rows = [
        [
            v.claim.id,
            v.verdict,
            part.id,
            part.subject,
            part.words,
            part.measure,
            part.test,
            part.status,
            row.label,
            row.detail,
            *row.values,
            row.status,
        ]
        for v in verdicts
        for part in v.parts
        for row in part.rows
    ]
    return _csv(header, rows)


def verdicts_json(verdicts: Sequence[Verdict]) -> str:
    """Each claim, its verdict and reason, and each part with its test and figures."""
    return _json(
        {
            "generated_by": GENERATOR,
            "thresholds": {
                name: {"value": t.value, "margin": t.margin, "at_least": t.at_least}
                for name, t in THRESHOLDS.items()
            },
            "claims": [
                {
                    "id": v.claim.id,
                    "text": v.claim.text,
                    "verdict": v.verdict,
                    "reason": v.reason,
                    "parts": [
                        {
                            "id": part.id,
                            "subject": part.subject,
                            "words": part.words,
                            "measure": part.measure,
                            "test": part.test,
                            "status": part.status,
                            "note": part.note,
                            "figures": [
                                {
                                    "row": row.label,
                                    "detail": row.detail,
                                    "chatgpt": row.values[0],
                                    "gemini": row.values[1],
                                    "status": row.status,
                                }
                                for row in part.rows
                            ],
                            "passages": [
                                {"label": link.label, "page": link.page, "anchor": link.anchor}
                                for link in part.links
                            ],
                        }
                        for part in v.parts
                    ],
                }
                for v in verdicts
            ],
        }
    )


def render_downloads(c: Comparison, verdicts: Sequence[Verdict] = ()) -> dict[str, str]:
    """Each download's file name and text."""
    return {
        METRICS_CSV: metrics_csv(c),
        METRICS_JSON: metrics_json(c),
        COVERAGE_CSV: coverage_csv(c),
        COVERAGE_JSON: coverage_json(c),
        VERDICTS_CSV: verdicts_csv(verdicts),
        VERDICTS_JSON: verdicts_json(verdicts),
    }
