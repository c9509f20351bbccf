"""ex01.incremental: on only under `mkdocs serve --dirty`; its parts on their own.

tests/build/test_incremental.py runs it for real, against clean builds."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import jinja2
import pytest

from ex01.incremental import STATE, Incremental, _TemplateCache

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
    state.config(untouchable)
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


def test_template_cache__reuses_code_and_compiles_a_changed_template(tmp_path: Path) -> None:
    template = tmp_path / "page.html"
    template.write_text("{{ 1 + 1 }}", encoding="utf-8")
    compiled: list[str] = []

    class Counting(_TemplateCache):
        def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
            compiled.append(bucket.key)  # Jinja stores code only after compiling it
            super().dump_bytecode(bucket)

    cache = Counting()

    def render() -> str:
        loader = jinja2.FileSystemLoader(str(tmp_path))
        return (
            jinja2.Environment(loader=loader, bytecode_cache=cache)
            .get_template("page.html")
            .render()
        )

    assert render() == "2"
    assert render() == "2"  # a new environment, as each rebuild makes: the kept code
    template.write_text("{{ 2 + 2 }}", encoding="utf-8")
    assert render() == "4"
    assert len(compiled) == 2, compiled
