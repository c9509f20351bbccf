"""The command line, `python -m comparison`: regenerate the comparison, or check it is fresh."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from comparison.errors import ComparisonError
from comparison.generate import build_from_files, stale_outputs, write_outputs
from comparison.taxonomy import TAXONOMY_FILE

EXIT_STALE = 1
EXIT_BAD_INPUT = 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m comparison",
        description=(
            "Write the comparison section (docs/comparison/), its charts "
            "(docs/assets/comparison/), its data downloads (docs/downloads/comparison-*) and the "
            "side-by-side pages "
            "(docs/side-by-side/) from the answer pages, the conclusion and the concept "
            "taxonomy."
        ),
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 and name the outputs that are out of date",
    )
    parser.add_argument(
        "--docs-dir", type=Path, default=Path("docs"), help="the docs folder (default: docs)"
    )
    parser.add_argument(
        "--taxonomy",
        type=Path,
        default=TAXONOMY_FILE,
        help="the concept taxonomy (default: the one in scripts/comparison)",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the generator: 0 when done or fresh, 1 when --check finds stale files, 2 on bad input."""
    try:
        args = _parser().parse_args(argv)
    except SystemExit as stop:  # --help, or a usage error argparse has already reported
        return int(stop.code or 0)
    try:
        outputs = build_from_files(args.docs_dir, args.taxonomy)
        if args.check:
            stale = stale_outputs(args.docs_dir, outputs)
            for name in stale:
                print(f"outdated: {(args.docs_dir / name).as_posix()}", file=sys.stderr)
            if stale:
                print("run `python -m comparison` to regenerate", file=sys.stderr)
                return EXIT_STALE
            print("up to date")
            return 0
        changed = write_outputs(args.docs_dir, outputs)
    except (ComparisonError, OSError) as error:
        message = str(error) if isinstance(error, ComparisonError) else _describe(error)
        print(" ".join(message.split()), file=sys.stderr)  # always one line
        return EXIT_BAD_INPUT
    for name in changed:
        print(f"wrote {(args.docs_dir / name).as_posix()}")
    if not changed:
        print("up to date")
    return 0


def _describe(error: OSError) -> str:
    return f"{error.filename}: {error.strerror}" if error.filename else str(error)
