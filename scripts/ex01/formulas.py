"""Formulas typeset once, when they are written, and served as KaTeX's HTML.

Typesetting in the reader's browser costs KaTeX's download and, on a page with fifty formulas,
hundreds of milliseconds of blocked main thread on a phone, and the page shifts as each formula
takes its final size (README, Benchmarks). So each formula pymdownx.arithmatex leaves as LaTeX
(`<span class="arithmatex">\\(...\\)</span>`, `<div class="arithmatex">\\[...\\]</div>`) is
typeset ahead of time with the site's own KaTeX (npm, run by Node) and kept in a store,
`docs/includes/formulas.json`, keyed by a hash of its kind and source:

    {"katex": "<version>", "formulas": {"<key>": {"tex": "...", "display": bool, "html": "..."}}}

At build time overrides/hooks/formulas.py calls `typeset_page`, which puts each stored formula's
HTML in place; a formula not in the store (one just written under `mkdocs serve`) is left as
LaTeX, and assets/javascripts/math-loader.js typesets it in the browser as before. Material's
search plugin reads each page through `search_view`, which gives it the formulas' LaTeX.

`make prerender` (ex01.prerender) builds the site once; `update` then typesets every formula the
store lacks, and rewrites the store with exactly the formulas the site uses. `--check` only reports;
tests/build/test_stores.py runs the same checks on the built site.
"""

from __future__ import annotations

import html
import json
import re
import subprocess
from pathlib import Path

from ex01.store import Kind, StoreError, key, refresh
from ex01.store import problems as store_problems

STORE = Path("docs/includes/formulas.json")
KIND = Kind(tool="katex", program="KaTeX", noun="formula", verb="typeset", done="typeset")

# pymdownx.arithmatex's generic output, with the LaTeX HTML-escaped.
RAW = re.compile(
    r'<span class="arithmatex">\\\((?P<inline>.*?)\\\)</span>'
    r'|<div class="arithmatex">\\\[(?P<display>.*?)\\\]</div>',
    re.S,
)
TYPESET = re.compile(r'<(?:span|div) class="arithmatex" data-formula="(?P<key>[0-9a-f]{16})"')


def formula_key(tex: str, display: bool) -> str:
    return key(("display:" if display else "inline:") + tex)


def _raw(match: re.Match[str]) -> tuple[str, bool]:
    display = match.group("display") is not None
    return html.unescape(match.group("display" if display else "inline")), display


def typeset_page(page_html: str, store: Path) -> str:
    """The page with every stored formula's HTML in place of its LaTeX."""
    formulas = KIND.load(store)[KIND.section]

    def replace(match: re.Match[str]) -> str:
        tex, display = _raw(match)
        digest = formula_key(tex, display)
        entry = formulas.get(digest)
        if entry is None or entry.get("tex") != tex:
            return match.group(0)  # typeset in the browser
        return _typeset(digest, entry)

    return RAW.sub(replace, page_html)


def _typeset(digest: str, entry: dict) -> str:
    """A stored formula as the page shows it."""
    if entry["display"]:
        # A wide formula scrolls sideways; keyboard users must be able to reach it to scroll.
        attributes = f'class="arithmatex" data-formula="{digest}" tabindex="0"'
        return f"<div {attributes}>{entry['html']}</div>"
    return f'<span class="arithmatex" data-formula="{digest}">{entry["html"]}</span>'


def search_view(page_html: str, store: Path) -> str:
    """The page as the search index should read it: each typeset formula as its LaTeX, once.

    KaTeX's HTML holds a formula's text three times (the MathML symbols, the LaTeX in the
    MathML annotation, and the glyphs the reader sees, with zero-width spaces), and Material's
    search plugin cannot leave part of it out: `data-search-exclude` on a `<span>` stops at the
    first nested `</span>` (its parser compares elements by tag name). So the index is given
    the LaTeX the author wrote, as code, where the page has the typeset formula."""
    formulas = KIND.load(store)[KIND.section]
    for digest in dict.fromkeys(TYPESET.findall(page_html)):
        entry = formulas.get(digest)
        if entry is None:
            continue
        source = f"<code>{html.escape(entry['tex'].strip(), quote=False)}</code>"
        if entry["display"]:
            source = f"<p>{source}</p>"
        page_html = page_html.replace(_typeset(digest, entry), source)
    return page_html


def used(site: Path, store: dict) -> tuple[dict[str, tuple[str, bool]], list[str]]:
    """The formulas a built site uses, {key: (tex, display)}, and the pages that still
    typeset one in the browser."""
    sources: dict[str, tuple[str, bool]] = {}
    raw_pages: list[str] = []
    for page in sorted(site.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        for match in RAW.finditer(text):
            tex, display = _raw(match)
            sources[formula_key(tex, display)] = (tex, display)
            raw_pages.append(str(page.relative_to(site)))
        for match in TYPESET.finditer(text):
            entry = store["formulas"][match.group("key")]
            sources[match.group("key")] = (entry["tex"], entry["display"])
    return sources, raw_pages


def problems(site: Path, store_path: Path, package_json: Path) -> list[str]:
    """What keeps the store from matching the built site; empty when it is up to date."""
    store = KIND.load(store_path)
    sources, raw_pages = used(site, store)
    version = KIND.pinned_version(package_json)
    return store_problems(KIND, store_path, store, version, sources, raw_pages)


# Reads [[key, tex, display], ...] on stdin; writes {key: {html} | {error}} on stdout.
KATEX = """
const katex = require("katex")
let input = ""
process.stdin.on("data", (chunk) => (input += chunk))
process.stdin.on("end", () => {
  const out = {}
  for (const [digest, tex, display] of JSON.parse(input)) {
    try {
      const options = { displayMode: display, throwOnError: true }
      out[digest] = { html: katex.renderToString(tex, options) }
    } catch (error) {
      out[digest] = { error: String(error.message) }
    }
  }
  process.stdout.write(JSON.stringify(out))
})
"""


def typeset(items: dict[str, tuple[str, bool]], project: Path) -> dict[str, dict[str, str]]:
    """Typesets formulas {key: (tex, display)} with the project's node_modules/katex."""
    result = subprocess.run(
        ["node", "-e", KATEX],
        input=json.dumps([[d, tex, display] for d, (tex, display) in sorted(items.items())]),
        cwd=project,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise StoreError(f"node could not run KaTeX (run `npm ci`): {result.stderr.strip()}")
    return json.loads(result.stdout)


def locate(tex: str, display: bool, docs: Path) -> str:
    """`file:line` of the Markdown that holds a formula, for error messages: the first line
    holding it with its delimiters ($...$ or \\(...\\) inline), or a display formula's first
    line."""
    first = next((line.strip() for line in tex.splitlines() if line.strip()), "")

    def holds(line: str) -> bool:
        if display:
            return bool(first) and (line.strip() == first or f"$${tex}$$" in line)
        return f"${tex}$" in line or f"\\({tex}\\)" in line

    for path in sorted(docs.rglob("*.md")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if holds(line):
                return f"{path}:{number}"
    return str(docs)


def update(site: Path, store_path: Path, package_json: Path, docs: Path) -> list[str]:
    """Typesets the formulas the built `site` uses that the store lacks, and rewrites the store
    with exactly those the site uses; returns what could not be typeset."""
    store = KIND.load(store_path)
    sources, _ = used(site, store)
    return refresh(
        KIND,
        store_path,
        store,
        KIND.pinned_version(package_json),
        sources,
        make=lambda missing: typeset(missing, package_json.parent),
        entry=lambda source, result: {
            "tex": source[0],
            "display": source[1],
            "html": result["html"],
        },
        where=lambda source: locate(*source, docs),
    )
