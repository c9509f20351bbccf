"""A Content-Security-Policy for every page of the built site, as a `<meta>` tag.

ex01.postbuild runs it after every build of the web edition.

GitHub Pages sends no headers of our choosing, but a policy in a `<meta http-equiv>` tag at the
top of `<head>` applies to everything after it. Scripts run only from the site itself and for
the theme's own inline scripts, allowed by their SHA-256 hashes: those are read from the built
pages, so a theme update that changes them changes the policy with them. Every page gets the
same policy, with the hashes of the inline scripts of all pages (they differ only in the
relative address each one starts from): Material's instant navigation keeps the first page's
policy while it shows the others. No 'unsafe-inline' or 'unsafe-eval' for scripts: an inline
`<script>` or `onerror=` in a page's Markdown is blocked. Styles allow 'unsafe-inline': the
theme, Mermaid's SVGs and KaTeX's HTML set style attributes, and a style cannot run code.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

# An inline script the browser runs: no src, and no type or a JavaScript one (Material's
# `<script id="__config" type="application/json">` is data, which no policy governs).
_INLINE_SCRIPT = re.compile(r"<script(?P<attributes>(?:\s[^>]*)?)>(?P<body>.*?)</script>", re.S)
_JAVASCRIPT = re.compile(r'\stype="(?:text/javascript|module)"')
_HEAD = re.compile(r"<head>\s*<meta charset=\"utf-8\">", re.I)
MARKER = 'http-equiv="Content-Security-Policy"'


class PolicyError(Exception):
    """A page the policy cannot be put on; the message names it."""


def inline_scripts(html: str) -> list[str]:
    """The text of each inline script a page runs."""
    found = []
    for match in _INLINE_SCRIPT.finditer(html):
        attributes = match["attributes"] or ""
        if " src=" in attributes:
            continue
        if " type=" in attributes and not _JAVASCRIPT.search(attributes):
            continue
        found.append(match["body"])
    return found


def script_hash(body: str) -> str:
    """The CSP source for an inline script: 'sha256-<base64 of its UTF-8 bytes' digest>'."""
    digest = hashlib.sha256(body.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def policy(hashes: list[str]) -> str:
    """The policy, with the inline scripts' hashes."""
    directives = [
        "default-src 'self'",
        "script-src 'self' " + " ".join(hashes),
        "style-src 'self' 'unsafe-inline'",
        # Material's and our icons are data: URIs in the stylesheets.
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ]
    return "; ".join(directives)


def pages(site: Path) -> list[Path]:
    """The site's HTML pages, sorted."""
    return sorted(site.rglob("*.html"))


def write(site: Path) -> int:
    """Put the policy on every page of the built `site`; returns how many pages."""
    texts = {path: path.read_text(encoding="utf-8") for path in pages(site)}
    hashes = sorted({script_hash(body) for text in texts.values() for body in inline_scripts(text)})
    tag = f'<meta http-equiv="Content-Security-Policy" content="{policy(hashes)}">'
    for path, text in texts.items():
        if MARKER in text:
            raise PolicyError(f"{path}: already has a Content-Security-Policy")
        if "<head>" not in text:
            continue  # not a page: a redirect stub or a fragment is left alone
        if _HEAD.search(text):
            text = _HEAD.sub(lambda match: f"{match[0]}\n    {tag}", text, count=1)
        else:
            text = text.replace("<head>", f"<head>\n    {tag}", 1)
        temporary = path.with_name(f".{path.name}.tmp")
        temporary.write_text(text, encoding="utf-8")
        temporary.replace(path)
    return len(texts)
