"""The built site references no third-party host for anything a browser would fetch."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser

# Attributes whose URL a browser fetches on its own while loading a page (links to other
# sites that a reader may follow, <a href>, are not requests and are allowed).
FETCHED = {
    "script": ("src",),
    "link": ("href",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "iframe": ("src",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "image": ("href", "xlink:href"),
    "use": ("href", "xlink:href"),
}
# rel values of <link> that name a document rather than fetch it.
NOT_FETCHED_RELS = {"canonical", "alternate", "prev", "next", "author", "license", "help"}
CSS_URL = re.compile(r"""url\(\s*['"]?(?P<url>[^'")\s]+)|@import\s+['"](?P<imp>[^'"]+)""")
LOCAL_HOSTS = {"", "127.0.0.1", "localhost"}


def fetched_urls(html: str) -> list[str]:
    """Every URL the page makes a browser fetch, including url() in inline styles."""
    tree = LexborHTMLParser(html)
    urls: list[str] = []
    for tag, attributes in FETCHED.items():
        for node in tree.css(tag):
            rels = set((node.attributes.get("rel") or "").split())
            if tag == "link" and rels and rels <= NOT_FETCHED_RELS:
                continue
            for attribute in attributes:
                value = node.attributes.get(attribute)
                if value:
                    urls += [part.split()[0] for part in value.split(",") if part.strip()]
    for node in tree.css("style, [style]"):
        text = node.text() if node.tag == "style" else node.attributes.get("style") or ""
        urls += [m["url"] or m["imp"] for m in CSS_URL.finditer(text)]
    return urls


def third_party(urls: list[str]) -> list[str]:
    return [url for url in urls if urlsplit(url).hostname not in LOCAL_HOSTS | {None}]


def test_third_party__none_in_html(site: Path) -> None:
    found = {
        path.relative_to(site).as_posix(): hits
        for path in sorted(site.rglob("*.html"))
        if (hits := third_party(fetched_urls(path.read_text(encoding="utf-8"))))
    }
    print(found)
    assert not found


def test_third_party__none_in_css(site: Path) -> None:
    found = {}
    for path in sorted(site.rglob("*.css")):
        urls = [m["url"] or m["imp"] for m in CSS_URL.finditer(path.read_text(encoding="utf-8"))]
        if hits := third_party(urls):
            found[path.relative_to(site).as_posix()] = hits
    print(found)
    assert not found


def test_third_party__detector_catches_cdn_script_and_font() -> None:
    page = (
        '<html><head><link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">'
        '<link rel="canonical" href="https://example.org/">'
        '<style>@import "https://cdn.example.com/x.css";</style></head>'
        '<body><script src="https://unpkg.com/mermaid"></script><a href="https://arxiv.org">'
        'paper</a><img src="../assets/local.svg"></body></html>'
    )
    assert third_party(fetched_urls(page)) == [
        "https://unpkg.com/mermaid",
        "https://fonts.googleapis.com/css?family=Roboto",
        "https://cdn.example.com/x.css",
    ]
