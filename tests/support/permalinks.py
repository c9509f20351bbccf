"""The registry of page URLs and heading ids (tests/data/permalinks.json) and its checks."""

from __future__ import annotations

import json
import posixpath
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

HEADINGS = "h1[id], h2[id], h3[id], h4[id], h5[id], h6[id]"


def page_url(src_uri: str) -> str:
    """A docs page's site-relative URL: 'answers/gemini/scaling.md' -> 'answers/gemini/scaling/'."""
    stem = src_uri.removesuffix(".md")
    return "" if stem == "index" else stem.removesuffix("/index") + "/"


def web_url(site_url: str, src_uri: str) -> str:
    """A page's address on the web edition, whatever this build's URL style.

    'answers/gemini/scaling.md' gives '<site_url>answers/gemini/scaling/'. The offline edition
    (page.html files) uses it too, so a link copied or cited there works on the web.
    """
    return site_url.rstrip("/") + "/" + page_url(src_uri)


def page_anchors(html_text: str) -> list[str]:
    """The ids of a built page's headings, in page order."""
    article = LexborHTMLParser(html_text).css_first("article")
    return [node.id for node in article.css(HEADINGS)] if article else []


def redirect_target(html_text: str) -> str | None:
    """The address a page written by mkdocs-redirects forwards to, or None for a real page."""
    tree = LexborHTMLParser(html_text)
    if tree.css_first("article") is not None:
        return None
    refresh = tree.css_first('meta[http-equiv="refresh"]')
    if refresh is None:
        return None
    _, _, url = (refresh.attributes.get("content") or "").partition("url=")
    return url or None


def load_registry(path: Path) -> dict[str, list[str]]:
    """The committed registry: each page URL (site-relative) with the heading ids it promises."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise ValueError(f"{path}: not a readable registry: {error}") from None
    pages = data.get("pages") if isinstance(data, dict) else None
    if not isinstance(pages, dict):
        raise ValueError(f'{path}: expected an object with a "pages" mapping')
    return pages


def render_registry(pages: dict[str, list[str]]) -> str:
    """The registry as committed: sorted pages, ids in page order, one id per line."""
    return json.dumps({"pages": dict(sorted(pages.items()))}, indent=2, ensure_ascii=False) + "\n"


def _built_page(site_dir: Path, url: str) -> Path:
    return site_dir / url / "index.html"


def current_anchors(site_dir: Path, urls: list[str]) -> dict[str, list[str]]:
    """Each page's heading ids in the built site, for the pages given by site-relative URL."""
    return {
        url: page_anchors(_built_page(site_dir, url).read_text(encoding="utf-8")) for url in urls
    }


def check_registry(site_dir: Path, registry: dict[str, list[str]]) -> list[str]:
    """Every registered page URL and heading id that no longer resolves in the built site.

    A page that moved resolves through the page mkdocs-redirects leaves at its old address; its
    ids must then exist on the page it forwards to. An id resolves when any element has it, so
    a renamed heading can keep its old id alive with an empty anchor (`<a id="old"></a>`). A
    section that moved to a page of its own (the comparison's) resolves through the hidden
    link its old page keeps (`<a data-moved-from="old" href="new/#old">`, followed by
    assets/javascripts/moved.js): the id must exist on the page that link goes to.
    """
    problems = []
    for registered, ids in sorted(registry.items()):
        url, seen = registered, {registered}
        path = _built_page(site_dir, url)
        while path.is_file() and (target := redirect_target(path.read_text(encoding="utf-8"))):
            url = posixpath.normpath(posixpath.join(url or ".", target.split("#")[0]))
            url = "" if url == "." else url + "/"
            if url in seen:  # a redirect loop
                break
            seen.add(url)
            path = _built_page(site_dir, url)
        if not path.is_file():
            problems.append(f"{registered}: page gone (add a redirect in mkdocs.yml)")
            continue
        tree = LexborHTMLParser(path.read_text(encoding="utf-8"))
        present = {node.id for node in tree.css("[id]")}
        moved = {
            node.attributes.get("data-moved-from"): node.attributes.get("href") or ""
            for node in tree.css("#moved-ids a[data-moved-from]")
        }
        for anchor in ids:
            if anchor in present:
                continue
            if anchor in moved:
                problems += _check_moved(site_dir, url, anchor, moved[anchor])
            else:
                problems.append(f"{url}#{anchor}: id gone")
    return problems


def _check_moved(site_dir: Path, url: str, anchor: str, href: str) -> list[str]:
    """Problems with a moved id's forwarding link: it must land on that id on its new page."""
    target, _, fragment = href.partition("#")
    new_url = posixpath.normpath(posixpath.join(url or ".", target)) + "/"
    path = _built_page(site_dir, new_url)
    if fragment != anchor or not path.is_file():
        return [f"{url}#{anchor}: moved to {href}, which is not a page with that id"]
    present = {node.id for node in LexborHTMLParser(path.read_text(encoding="utf-8")).css("[id]")}
    return [] if anchor in present else [f"{url}#{anchor}: moved to {new_url}, which lacks it"]


def merge_registry(
    registry: dict[str, list[str]], current: dict[str, list[str]]
) -> dict[str, list[str]]:
    """The registry with today's pages and ids added; nothing registered is ever dropped."""
    merged = {url: list(ids) for url, ids in registry.items()}
    for url, ids in current.items():
        old = merged.get(url, [])
        merged[url] = ids + [anchor for anchor in old if anchor not in ids]
    return merged
