"""Benchmark of the comparison generator: the eight answers, and a synthetic set ten times larger.

Run it from the project root: `python scripts/bench/bench_comparison.py [--runs N]`. It prints a
table of generation times (median of N runs in one process: parse, measure, match, judge and render
every output, without writing files), and the time of a whole `python -m comparison --check` in a
fresh process (imports and loading the pronouncing dictionary included). Targets from the issue: at
most 0.5 s for the eight answers and 3 s for eighty on a 2-core machine, growing linearly.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from machine import describe  # run as a script: its folder is on the path

from comparison.generate import library_versions, render_outputs
from comparison.parse import Answer, parse_answer, parse_body, parse_conclusion
from comparison.taxonomy import TAXONOMY_FILE, parse_taxonomy
from ex01.answers import AnswerMeta, expected_pages, split_front_matter

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
COPIES = 10


def _real_pages() -> dict[str, str]:
    return {path: (DOCS / path).read_text(encoding="utf-8") for path in expected_pages()[:-1]}


def _variant(text: str, path: str, tag: str) -> str:
    """The page with one sentence added under its title, so that no run can reuse results
    that the generator or textstat remember for a text they have seen."""
    _, body = split_front_matter(text, path)
    title, _, rest = body.lstrip("\n").partition("\n")
    front = text[: len(text) - len(body)]
    return f"{front}{title}\n\nThis is {tag} of the answer, kept for timing.\n{rest}"


def _eight(pages: dict[str, str], run: int) -> list[tuple[AnswerMeta, str]]:
    """The eight answers, made unique to this run."""
    return [
        (parse_answer(text, path).meta, _variant(text, path, f"run {run}"))
        for path, text in pages.items()
    ]


def _eighty(pages: dict[str, str], run: int) -> list[tuple[AnswerMeta, str]]:
    """Ten copies of each answer, as prompts 1-40, each text unique to its copy and this run."""
    synthetic = []
    for copy in range(COPIES):
        for path, text in pages.items():
            meta = parse_answer(text, path).meta
            prompt = copy * 4 + meta.prompt
            synthetic_meta = AnswerMeta(
                f"answers/{meta.tool}/synthetic-{prompt}.md", meta.tool, prompt, meta.prompt_text
            )
            synthetic.append((synthetic_meta, _variant(text, path, f"copy {copy}, run {run}")))
    return synthetic


def _time(
    make: Callable[[int], list[tuple[AnswerMeta, str]]],
    generate: Callable[[list[tuple[AnswerMeta, str]]], object],
    runs: int,
) -> list[float]:
    """Seconds per run of `generate` (parsing included) on inputs prepared beforehand."""
    times = []
    for run in range(runs):
        inputs = make(run)
        start = time.perf_counter()
        generate(inputs)
        times.append(time.perf_counter() - start)
    return times


def main(argv: list[str] | None = None) -> int:
    """Print the benchmark table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="runs per case (default 7)")
    args = parser.parse_args(argv)

    pages = _real_pages()
    claims = parse_conclusion((DOCS / "conclusion.md").read_text(encoding="utf-8"), "c.md")
    taxonomy = parse_taxonomy(TAXONOMY_FILE.read_text(encoding="utf-8"), str(TAXONOMY_FILE))
    versions = library_versions()

    def generate(inputs: list[tuple[AnswerMeta, str]]) -> dict[str, str]:
        answers: list[Answer] = [
            parse_body(split_front_matter(text, meta.path)[1], meta) for meta, text in inputs
        ]
        sources = {meta.path: text for meta, text in inputs}
        return render_outputs(answers, claims, taxonomy, versions, sources)

    # The first run loads the pronouncing dictionary and warms matplotlib up: once a process.
    first = _time(lambda run: _eight(pages, -1), generate, 1)[0]
    rows = [
        (
            "8 answers (the site)",
            len(pages),
            _time(lambda r: _eight(pages, r), generate, args.runs),
        ),
        (
            "80 answers (synthetic, 10x)",
            len(pages) * COPIES,
            _time(lambda r: _eighty(pages, r), generate, args.runs),
        ),
    ]
    start = time.perf_counter()
    check = subprocess.run(
        [sys.executable, "-m", "comparison", "--check"], cwd=ROOT, capture_output=True, check=False
    )
    cli = time.perf_counter() - start

    print(f"Comparison generator; {describe()}\n")
    print(f"{'case':<30} {'answers':>7} {'runs':>5} {'median s':>9} {'min s':>7} {'ms/answer':>10}")
    for name, count, times in rows:
        median = statistics.median(times)
        print(
            f"{name:<30} {count:>7} {len(times):>5} {median:>9.3f} {min(times):>7.3f} "
            f"{1000 * median / count:>10.1f}"
        )
    ratio = statistics.median(rows[1][2]) / statistics.median(rows[0][2])
    print(f"\n80 vs 8 answers: {ratio:.1f}x the time for 10x the input")
    print(f"first run in this process (dictionary load, warm-up): {first:.3f} s")
    print(
        f"`python -m comparison --check` in a fresh process: {cli:.3f} s "
        f"(exit {check.returncode}; imports included)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
