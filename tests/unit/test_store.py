"""What checking and updating a store share (ex01.store.problems, refresh), with a stand-in tool."""

from __future__ import annotations

import json
from pathlib import Path

import markdown
import pytest

from ex01.markdown.diagrams import fence_format
from ex01.markdown.errors import PageError
from ex01.store import Kind, problems, refresh

KIND = Kind(tool="tool", program="Tool", noun="thing", verb="make", done="made")


def _store(tmp_path: Path, version: str, items: dict) -> Path:
    path = tmp_path / "things.json"
    KIND.write(path, version, items)
    return path


def test_problems__version_pending_pages_and_unused_entries(tmp_path: Path) -> None:
    path = _store(tmp_path, "1", {"a": {}, "b": {}})
    store = KIND.load(path)
    found = problems(KIND, path, store, "2", {"a": "A"}, ["x.html", "x.html"])
    print(found)
    assert found == [
        f"{path}: made with tool 1, the site serves 2",
        "x.html: a thing is not made yet",
        f"{path}: thing b is used by no page",
    ]
    assert problems(KIND, path, store, "1", {"a": "A", "b": "B"}, []) == []


def test_refresh__makes_only_what_is_missing_and_drops_the_unused(tmp_path: Path) -> None:
    path = _store(tmp_path, "1", {"a": {"out": "A!"}, "old": {"out": "?"}})
    asked = []

    def make(missing: dict) -> dict:
        asked.append(missing)
        return {digest: {"out": source + "!"} for digest, source in missing.items()}

    store = KIND.load(path)
    failures = refresh(
        KIND, path, store, "1", {"a": "A", "c": "C"}, make, lambda s, r: r, lambda s: "f.md:1"
    )
    assert failures == []
    assert asked == [{"c": "C"}]
    written = json.loads(path.read_text(encoding="utf-8"))
    assert written == {"tool": "1", "things": {"a": {"out": "A!"}, "c": {"out": "C!"}}}


def test_refresh__a_new_version_remakes_everything(tmp_path: Path) -> None:
    path = _store(tmp_path, "1", {"a": {"out": "A!"}})
    store = KIND.load(path)
    made = refresh(
        KIND, path, store, "2", {"a": "A"}, lambda m: {d: {"out": "new"} for d in m},
        lambda s, r: r, lambda s: "f.md:1",
    )  # fmt: skip
    assert made == []
    assert json.loads(path.read_text(encoding="utf-8")) == {
        "tool": "2",
        "things": {"a": {"out": "new"}},
    }


def test_refresh__a_failure_is_located_and_nothing_is_written(tmp_path: Path) -> None:
    path = _store(tmp_path, "1", {})
    before = path.read_bytes()
    store = KIND.load(path)
    failures = refresh(
        KIND, path, store, "1", {"a": "A", "b": "B"},
        lambda m: {"a": {"out": "A!"}, "b": {"error": "bad input"}},
        lambda s, r: r, lambda source: f"docs/{source}.md:3",
    )  # fmt: skip
    assert failures == ["docs/B.md:3: Tool cannot make this thing: bad input"]
    assert path.read_bytes() == before


# Each extension that reads a store, with a line of Markdown that makes it read it.
READERS = {
    "ex01.markdown.diagrams": (
        ["pymdownx.superfences"],
        {
            "pymdownx.superfences": {
                "custom_fences": [{"name": "mermaid", "class": "mermaid", "format": fence_format}]
            }
        },
        "```mermaid\nflowchart LR\n  a --> b\n```\n",
    ),
    "ex01.markdown.formulas": (
        ["pymdownx.arithmatex"],
        {"pymdownx.arithmatex": {"generic": True}},
        "Some $x$.",
    ),
}


@pytest.mark.parametrize("extension", READERS)
@pytest.mark.parametrize(
    ("content", "message"),
    [(None, "missing (`make prerender` writes it)"), ("{not json", "not a readable store")],
    ids=["missing", "not json"],
)
def test_extension__a_missing_or_broken_store_stops_the_page(
    extension: str, content: str | None, message: str, tmp_path: Path
) -> None:
    """One error naming the store: superfences would swallow an error raised in a fence's
    format, and print the diagram as code."""
    store = tmp_path / "store.json"
    if content is not None:
        store.write_text(content, encoding="utf-8")
    others, configs, text = READERS[extension]
    with pytest.raises(PageError) as error:
        markdown.markdown(
            text,
            extensions=[*others, extension],
            extension_configs={**configs, extension: {"store": str(store)}},
        )
    print(error.value)
    assert str(error.value).startswith(f"{store}: {message}")
