"""Every internal link, image and #fragment in the built site resolves."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser

from ex01 import pdf

BASE = "http://site.invalid/"
REFERENCES = {"a": "href", "link": "href", "img": "src", "script": "src", "source": "src"}


def _target(site: Path, path: str) -> Path | None:
    candidate = site / unquote(path).lstrip("/")
    if candidate.is_dir():
        candidate /= "index.html"
    return candidate if candidate.is_file() else None


def _ids(html: str) -> set[str]:
    tree = LexborHTMLParser(html)
    return {node.id for node in tree.css("[id]")} | {
        node.attributes["name"] for node in tree.css("a[name]") if node.attributes.get("name")
    }


def broken_links(site: Path, pages: dict[str, str], made_later: tuple[str, ...] = ()) -> list[str]:
    """Each internal reference of `pages` (site path -> HTML) that points at nothing, except
    the files in `made_later` (paths inside the site)."""
    ids: dict[Path, set[str]] = {}
    broken = []
    for name, html in sorted(pages.items()):
        page_url = urljoin(BASE, name)
        for tag, attribute in REFERENCES.items():
            for node in LexborHTMLParser(html).css(f"{tag}[{attribute}]"):
                value = node.attributes[attribute] or ""
                url = urlsplit(urljoin(page_url, value))
                if f"{url.scheme}://{url.netloc}/" != BASE:
                    continue  # another site, mailto:, javascript: ...
                target = _target(site, url.path)
                if target is None and unquote(url.path).lstrip("/") in made_later:
                    continue
                if target is None:
                    broken.append(f"{name}: {value} (no such file)")
                elif url.fragment and target.suffix == ".html":
                    if target not in ids:
                        ids[target] = _ids(target.read_text(encoding="utf-8"))
                    if unquote(url.fragment) not in ids[target]:
                        broken.append(f"{name}: {value} (no such anchor)")
    return broken


def test_links__all_resolve(site: Path, html_pages: dict[str, str]) -> None:
    # The PDF edition is printed from the built site (`make pdf`); tests/browser/test_pdf.py
    # checks the links to it once it is published.
    broken = broken_links(site, html_pages, made_later=(pdf.PUBLISHED,))
    print(len(html_pages), "pages;", broken)
    assert broken == []


def test_gate__broken_anchor_and_file_are_caught(site: Path, html_pages: dict[str, str]) -> None:
    page = html_pages["conclusion/index.html"]
    doctored = page.replace(
        "</article>",
        '<a href="../answers/gemini/scaling/#no-such-section">x</a>'
        '<img src="../assets/missing.png" alt="x"></article>',
    )
    broken = broken_links(site, {"conclusion/index.html": doctored})
    print(broken)
    assert broken == [
        "conclusion/index.html: ../answers/gemini/scaling/#no-such-section (no such anchor)",
        "conclusion/index.html: ../assets/missing.png (no such file)",
    ]
