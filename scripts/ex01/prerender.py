"""`python -m ex01.prerender [--check]` (`make prerender`): builds the site once, then draws the
diagrams (ex01.diagrams) and typesets the formulas (ex01.formulas) that it uses and that their
stores in docs/includes/ lack. With `--check` it only reports what is missing or stale, and needs
neither Chromium nor Node. Each problem is one `error:` line naming the page, entry or source line.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from ex01 import diagrams, formulas
from ex01.store import StoreError

PACKAGE_JSON = Path("package.json")
DOCS = Path("docs")
STEPS = (diagrams, formulas)


def build(destination: Path) -> None:
    """A strict build of the site, run from the project root, into `destination`."""
    result = subprocess.run(
        # Not strict: a diagram or formula not drawn yet is a warning, and drawing it is the
        # point; the tests build strictly.
        [sys.executable, "-m", "mkdocs", "build", "--no-strict", "-q", "-d", str(destination)],
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise StoreError(f"mkdocs build failed:\n{result.stderr.strip()}")


def run(check: bool) -> list[str]:
    """The problems found (with `check`) or left (unparseable sources) after updating."""
    found: list[str] = []
    for step in STEPS:
        if not step.STORE.exists() and not check:
            # The build stops on a missing store: start from an empty one.
            step.start_store(step.STORE, PACKAGE_JSON)
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        build(site)
        for step in STEPS:
            if check:
                found += step.problems(site, step.STORE, PACKAGE_JSON)
            else:
                found += step.update(site, step.STORE, PACKAGE_JSON, DOCS)
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ex01.prerender", description=__doc__)
    parser.add_argument("--check", action="store_true", help="report only; draw and write nothing")
    args = parser.parse_args(argv)
    try:
        found = run(args.check)
    except StoreError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    for line in found:
        print(f"error: {line}", file=sys.stderr)
    if args.check and not found:
        print(", ".join(str(step.STORE) for step in STEPS) + ": up to date")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
