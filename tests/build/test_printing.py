"""The print-site plugin's stylesheets and script are linked from the print page alone."""

from __future__ import annotations

from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from ex01.printing import PRINT_PAGE_ASSETS
from tests.conftest import PRINT_URL


def _print_assets(html: str) -> list[str]:
    tree = LexborHTMLParser(html)
    links = [node.attributes.get("href") or "" for node in tree.css("link[rel=stylesheet]")]
    links += [node.attributes.get("src") or "" for node in tree.css("script[src]")]
    return sorted(
        asset for link in links for asset in PRINT_PAGE_ASSETS if link.endswith("/" + asset)
    )


def test_print_assets__on_the_print_page(site: Path, html_pages: dict[str, str]) -> None:
    found = _print_assets(html_pages[PRINT_URL + "index.html"])
    print(found)
    assert found == sorted(PRINT_PAGE_ASSETS)
    assert all((site / asset).is_file() for asset in PRINT_PAGE_ASSETS)


def test_print_assets__on_no_other_page(html_pages: dict[str, str]) -> None:
    # Every other page would fetch two stylesheets that block its first paint, and a script,
    # for nothing (hooks/print.py, README: Benchmarks).
    linking = {
        path: _print_assets(html)
        for path, html in html_pages.items()
        if path != PRINT_URL + "index.html" and _print_assets(html)
    }
    print(linking)
    assert not linking
