"""Page lengths in screens: how far a reader scrolls through each page, at 1280 and at 390 px.

Serves a built site on 127.0.0.1 and prints, for each page given (default: the comparison's and
the side-by-side pages), its document height in px and in screens (height / viewport height) at a
1280x800 desktop and a 390x844 phone, in Debian's Chromium.

    python scripts/bench/page_lengths.py site comparison/ side-by-side/foundations/
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_site import _serve

from ex01.chromium import CHROMIUM_FLAGS, SYSTEM_CHROMIUM

VIEWPORTS = ((1280, 800), (390, 844))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("pages", nargs="*")
    args = parser.parse_args(argv)
    pages = args.pages or sorted(
        p.parent.relative_to(args.site).as_posix() + "/"
        for p in args.site.glob("comparison/**/index.html")
    )
    server, base = _serve(args.site)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=SYSTEM_CHROMIUM, args=CHROMIUM_FLAGS
            )
            print(f"| Page | {' | '.join(f'{w} px: px / screens' for w, _ in VIEWPORTS)} |")
            print(f"| --- | {' | '.join('--:' for _ in VIEWPORTS)} |")
            for page_path in pages:
                cells = []
                for width, height in VIEWPORTS:
                    page = browser.new_page(viewport={"width": width, "height": height})
                    page.goto(f"{base}{page_path}", wait_until="load")
                    # Tables are laid out only near the viewport (content-visibility): scroll
                    # through once so that every block has its real height.
                    page.evaluate(
                        "async () => { for (let y = 0; y < document.body.scrollHeight;"
                        " y += innerHeight) { scrollTo(0, y);"
                        " await new Promise(r => requestAnimationFrame(r)); } }"
                    )
                    px = page.evaluate("document.documentElement.scrollHeight")
                    cells.append(f"{px:,} / {px / height:.1f}")
                    page.close()
                print(f"| {page_path} | {' | '.join(cells)} |")
            browser.close()
    finally:
        server.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
