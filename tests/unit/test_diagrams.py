"""The mermaid fence serves a stored drawing when there is one, and Mermaid's source otherwise."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path

import markdown
import pytest

from ex01.markdown import diagrams
from ex01.store import StoreError

# What superfences passes to the format: the fence's lines, without the last newline.
SOURCE = "flowchart LR\n    A --> B"


def _render(text: str, store: Path) -> str:
    fence = {"name": "mermaid", "class": "mermaid", "format": diagrams.fence_format}
    diagrams.STORE = str(store)  # the fixture `_store_path` puts it back
    md = markdown.Markdown(
        extensions=["pymdownx.superfences"],
        extension_configs={"pymdownx.superfences": {"custom_fences": [fence]}},
    )
    return md.convert(text)


@pytest.fixture(autouse=True)
def _store_path() -> Iterator[None]:
    saved = diagrams.STORE
    yield
    diagrams.STORE = saved


def test_fence__stored_diagram_is_served_as_svg_in_a_shadow_root(tmp_path: Path) -> None:
    store = tmp_path / "diagrams.json"
    digest = diagrams.key(SOURCE)
    diagrams.KIND.write(store, "11.0.0", {digest: {"source": SOURCE, "svg": "<svg>drawn</svg>"}})
    html = _render(f"```mermaid\n{SOURCE}\n```\n", store)
    print(html)
    assert html == (
        f'<div class="mermaid" data-diagram="{digest}">'
        '<template shadowrootmode="open"><svg>drawn</svg></template></div>'
    )


def test_embed__shrinks_only_to_a_legible_scale_and_takes_focus() -> None:
    """A drawn diagram 1,613 px wide shrinks to 70% of that at most (labels of 16 px stay 11 px
    or more), and scrolls in its focusable box below that; print takes the floor off."""
    svg = '<svg id="m" width="100%" style="max-width: 1613.5px;" viewBox="0 0 1613.5 400">x</svg>'
    html = diagrams.embed("abc", svg)
    print(html)
    assert html.startswith(
        '<div class="mermaid" data-diagram="abc" style="--diagram-width: 1614px" tabindex="0">'
        '<template shadowrootmode="open">'
        "<style>svg { min-width: calc(var(--diagram-width) * 0.7); }"
    )
    assert "@media print { svg { min-width: 0; } }" in html
    assert html.endswith(f"{svg}</template></div>")


def test_fence__undrawn_diagram_is_left_for_the_browser(tmp_path: Path) -> None:
    html = _render(f"```mermaid\n{SOURCE}\n```\n", tmp_path / "absent.json")
    assert html == '<pre class="mermaid"><code>flowchart LR\n    A --&gt; B</code></pre>'


def test_fence__edited_diagram_is_not_served_stale(tmp_path: Path) -> None:
    """Only the exact source a drawing was made from gets that drawing."""
    store = tmp_path / "diagrams.json"
    stale = {diagrams.key(SOURCE): {"source": "other", "svg": "<svg/>"}}
    diagrams.KIND.write(store, "11.0.0", stale)
    assert "<pre" in _render(f"```mermaid\n{SOURCE}\n```\n", store)


def test_store__written_deterministically_and_readable_by_all(tmp_path: Path) -> None:
    store = tmp_path / "diagrams.json"
    entries = {"b": {"svg": "2", "source": "y"}, "a": {"source": "x", "svg": "1"}}
    diagrams.KIND.write(store, "11.0.0", entries)
    first = store.read_bytes()
    diagrams.KIND.write(store, "11.0.0", dict(reversed(entries.items())))
    assert store.read_bytes() == first
    assert json.loads(first)["diagrams"] == entries
    assert store.stat().st_mode & 0o777 == 0o644


@pytest.mark.parametrize("content", ["{not json", '{"mermaid": "1"}'])
def test_store__unreadable_store_names_the_file(tmp_path: Path, content: str) -> None:
    store = tmp_path / "diagrams.json"
    store.write_text(content, encoding="utf-8")
    with pytest.raises(StoreError, match=f"^{store}: "):
        diagrams.KIND.load(store)


def _with_extension(text: str, store: Path) -> str:
    fence = {"name": "mermaid", "class": "mermaid", "format": diagrams.fence_format}
    return markdown.markdown(
        text,
        extensions=["pymdownx.superfences", "ex01.markdown.diagrams"],
        extension_configs={
            "pymdownx.superfences": {"custom_fences": [fence]},
            "ex01.markdown.diagrams": {"store": str(store)},
        },
    )


def test_extension__undrawn_diagram_is_one_warning_naming_its_line(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    store = tmp_path / "diagrams.json"
    diagrams.KIND.write(store, "11.0.0", {})
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        html = _with_extension(f"# Title\n\n```mermaid\n{SOURCE}\n```\n", store)
    assert '<pre class="mermaid">' in html
    (record,) = caplog.records
    print(record.getMessage())
    assert record.levelno == logging.WARNING
    assert record.getMessage().startswith("<text>:3: a diagram not drawn ahead of time")
