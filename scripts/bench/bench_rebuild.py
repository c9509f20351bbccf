"""Where a rebuild under `mkdocs serve` spends its time, for this site and for plain Material
with the same content.

After each change, `mkdocs serve` reloads the configuration and rebuilds the whole site in the
same process. This does the same: one build to warm up, then `--rebuilds` timed rebuilds, split
into Markdown conversion, each plugin's and hook's events, and the rest (navigation, templates,
copying and writing files). It does it again the way `make serve` runs (`mkdocs serve --dirty`,
overrides/hooks/incremental.py), on a copy of the project in which one answer page is touched
before each rebuild. Prints a Markdown table; `make bench` runs it.
"""

from __future__ import annotations

import argparse
import collections
import logging
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench_site import ROOT, _plain_config, _table, copy_project  # its folder is on the path
from machine import describe

MARKDOWN = "Markdown to HTML (the pages read)"


def profile(
    config_file: Path, rebuilds: int, edited: Path | None = None
) -> tuple[list[float], dict[str, float]]:
    """Rebuild times, and the mean seconds per rebuild spent in each step. With `edited`, as
    `mkdocs serve --dirty` after that page is saved again before each rebuild."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.structure.pages import Page

    spent: collections.Counter[str] = collections.Counter()
    render = Page.render

    def timed_render(page: Page, config, files) -> None:
        start = time.perf_counter()
        try:
            render(page, config, files)
        finally:
            spent[MARKDOWN] += time.perf_counter() - start

    times = []
    Page.render = timed_render  # type: ignore[method-assign]
    try:
        with tempfile.TemporaryDirectory() as site:
            for run in range(rebuilds + 1):
                config = load_config(str(config_file), site_dir=site)
                _time_events(config.plugins, spent)
                if run == 0:
                    config.plugins.on_startup(command="serve", dirty=edited is not None)
                elif edited is not None:
                    os.utime(edited)  # newer than its page, as an editor's save leaves it
                start = time.perf_counter()
                build(config, serve_url="http://127.0.0.1:8000/", dirty=edited is not None)
                if run == 0:
                    spent.clear()  # the first build imports and compiles; serve pays that once
                else:
                    times.append(time.perf_counter() - start)
    finally:
        Page.render = render  # type: ignore[method-assign]
    return times, {step: seconds / rebuilds for step, seconds in spent.items()}


def _time_events(plugins, spent: collections.Counter[str]) -> None:
    """Wrap every registered event handler so that its time adds to `spent`, by plugin."""
    origins = getattr(plugins, "_event_origins", {})
    for event, handlers in plugins.events.items():
        plugins.events[event] = [_timed(h, origins.get(h, h.__module__), spent) for h in handlers]


def _timed(handler: Callable, origin: str, spent: collections.Counter[str]) -> Callable:
    def timed(*args, **kwargs):
        start = time.perf_counter()
        try:
            return handler(*args, **kwargs)
        finally:
            spent[f"{origin} ({_step(handler)})"] += time.perf_counter() - start

    return timed


def _step(handler: Callable) -> str:
    return getattr(handler, "__name__", "event").removeprefix("on_")


def rows(label: str, times: list[float], steps: dict[str, float]) -> list[tuple[str, ...]]:
    total = statistics.median(times)
    shown = [(step, seconds) for step, seconds in steps.items() if seconds >= 0.005]
    shown.sort(key=lambda item: -item[1])
    rest = total - sum(steps.values())
    return [
        (f"**{label}: rebuild**", f"**{total * 1000:.0f} ms**", f"median of {len(times)}"),
        *((f"{label}: {step}", f"{seconds * 1000:.0f} ms", "") for step, seconds in shown),
        (f"{label}: the rest (navigation, templates, files)", f"{rest * 1000:.0f} ms", ""),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rebuilds", type=int, default=5, help="timed rebuilds (median)")
    args = parser.parse_args(argv)
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    logging.getLogger("mkdocs").setLevel(logging.ERROR)  # the plain build's warnings
    os.chdir(ROOT)  # relative paths in mkdocs.yml (snippets base_path) are from here
    table = rows("this site", *profile(ROOT / "mkdocs.yml", args.rebuilds))
    with tempfile.TemporaryDirectory() as tmp:
        table += rows("plain Material", *profile(_plain_config(Path(tmp)), args.rebuilds))
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp)
        copy_project(project)
        os.chdir(project)
        try:
            edited = project / "docs" / "answers" / "gemini" / "scaling.md"
            table += rows(
                "this site, `make serve` (`--dirty`), one page edited",
                *profile(project / "mkdocs.yml", args.rebuilds, edited),
            )
        finally:
            os.chdir(ROOT)
    print(
        f"A rebuild under `mkdocs serve`, step by step (steps under 5 ms left out); {describe()}:\n"
    )
    print(_table(("step", "time", ""), table), "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
