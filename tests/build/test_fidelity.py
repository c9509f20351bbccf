"""Every sentence of the original report stands word for word on its part's page."""

from __future__ import annotations

from pathlib import Path

import pytest

from ex01.answers import CONCLUSION_PAGE, ORIGINAL_REPORT, answer_path
from ex01.source import CONCLUSION, Part, read_report
from tests.conftest import DOCS, page_html
from tests.support.fidelity import missing_sentences, sentences

PARTS = read_report(DOCS / ORIGINAL_REPORT)


def _page_of(part: Part) -> str:
    if part.key == CONCLUSION:
        return CONCLUSION_PAGE
    assert part.tool is not None and part.prompt is not None
    return answer_path(part.tool, part.prompt)


def test_original__has_nine_parts() -> None:
    keys = [part.key for part in PARTS]
    print(keys)
    assert keys == [
        *(f"chatgpt-{n}" for n in range(1, 5)),
        *(f"gemini-{n}" for n in range(1, 5)),
        "conclusion",
    ]


@pytest.mark.parametrize("part", PARTS, ids=[part.key for part in PARTS])
def test_fidelity__every_sentence_on_its_page(part: Part, site: Path) -> None:
    html = page_html(site, _page_of(part))
    missing = missing_sentences(part.body, html)
    listing = "\n".join(f"  - {sentence}" for sentence in missing)
    assert not missing, (
        f"{len(missing)} sentence(s) of {part.key} missing from its page:\n{listing}"
    )


def test_fidelity__doctored_page_is_caught(site: Path) -> None:
    part = next(p for p in PARTS if p.key == "chatgpt-1")
    html = page_html(site, _page_of(part))
    dropped = "Each model type has a specific mechanism that allows it to generate content."
    reworded = "Introduced by Ian Goodfellow in 2014"
    assert dropped in html and reworded in html
    doctored = html.replace(dropped, "").replace(
        reworded, "Introduced by Goodfellow et al. in 2014"
    )
    missing = missing_sentences(part.body, doctored)
    print(missing)
    assert missing == [dropped, next(s for s in sentences(part.body) if s.startswith(reworded))]
