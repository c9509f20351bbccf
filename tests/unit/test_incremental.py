"""ex01.incremental: on only under `mkdocs serve --dirty`; its parts on their own.

tests/build/test_incremental.py runs it for real, against clean builds."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from ex01.incremental import STATE, Incremental, _scan

DIRTY_WARNING = (
    "A 'dirty' build is being performed, this will likely lead to inaccurate navigation and "
    "other links within your site. This option is designed for site development purposes only."
)


@pytest.fixture
def state() -> Iterator[Incremental]:
    """The shared state, left off afterwards as every other test expects it."""
    yield STATE
    STATE.startup("build", dirty=False)


@pytest.mark.parametrize(
    ("command", "dirty", "on"),
    [("serve", True, True), ("serve", False, False), ("build", True, False)],
)
def test_startup__on_only_under_serve_dirty(
    state: Incremental, command: str, dirty: bool, on: bool
) -> None:
    state.startup(command, dirty)
    assert state.enabled is on


def test_off__every_event_leaves_the_build_alone(state: Incremental) -> None:
    """`mkdocs build` and plain `mkdocs serve` never reach MkDocs' objects."""
    state.startup("build", dirty=True)
    untouchable = object()  # any attribute access would raise AttributeError
    state.files(untouchable, untouchable)
    state.pre_page(untouchable)
    state.page_content("<p>x</p>", untouchable)
    state.env(untouchable)
    state.search_start(untouchable, untouchable)
    state.search_end(untouchable, untouchable)
    state.post_build(untouchable)
    state.done()
    state.failed()


@pytest.mark.parametrize(("command", "dropped"), [("serve", True), ("build", False)])
def test_dirty_warning__dropped_only_while_on(
    state: Incremental, caplog: pytest.LogCaptureFixture, command: str, dropped: bool
) -> None:
    """The warning would fail every strict build under `mkdocs serve --dirty`, whose pages this
    module makes right; any other build keeps it, and every other message is kept."""
    state.startup(command, dirty=True)
    build_log = logging.getLogger("mkdocs.commands.build")
    with caplog.at_level(logging.INFO, logger="mkdocs.commands.build"):
        build_log.warning(DIRTY_WARNING)
        build_log.warning("Doc file 'a.md' contains a link 'b.md#c', but ...")
    messages = [record.getMessage() for record in caplog.records]
    assert (DIRTY_WARNING in messages) is not dropped
    assert "Doc file 'a.md' contains a link 'b.md#c', but ..." in messages


def test_scan__leaves_out_what_mkdocs_never_reads(tmp_path: Path) -> None:
    """An editor's swap and backup files change at every keystroke; MkDocs skips them too."""
    (tmp_path / "page.md").write_text("# Page\n", encoding="utf-8")
    (tmp_path / ".page.md.swp").write_text("swap", encoding="utf-8")
    (tmp_path / "page.md~").write_text("backup", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "index").write_text("x", encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: x\n", encoding="utf-8")
    seen = _scan([tmp_path], [config, tmp_path / "gone.yml"])
    assert sorted(Path(path).name for path in seen) == ["mkdocs.yml", "page.md"]
