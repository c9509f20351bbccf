"""What is done to a built site after either engine builds it: the print page filled with the
whole report (ex01.printpage), then a Content-Security-Policy on every page (ex01.csp), in that
order, since the policy covers the finished pages.

Usage: python -m ex01.postbuild SITE_DIR (hooks/site.py runs it after every MkDocs build;
`make build-zensical` after the Zensical build).
"""

from __future__ import annotations

import sys
from pathlib import Path

from ex01 import csp, printpage


class PostBuildError(Exception):
    """A step could not be done; the message names the file."""


def run(site: Path, offline: bool = False) -> None:
    """Both steps, on the built `site`. The offline edition (`offline`) gets no policy: its
    search runs through iframe-worker's shim, which writes an inline script into an iframe
    that the page's policy would block, and its pages are opened from the reader's own disk."""
    try:
        printpage.write(site)
        if not offline:
            csp.write(site)
    except (printpage.PrintPageError, csp.PolicyError) as error:
        raise PostBuildError(str(error)) from None


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m ex01.postbuild SITE_DIR", file=sys.stderr)
        return 2
    try:
        run(Path(args[0]))
    except PostBuildError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(f"{args[0]}: print page filled, a Content-Security-Policy on every page")
    return 0


if __name__ == "__main__":
    sys.exit(main())
