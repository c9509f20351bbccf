"""Formulas typeset once, when they are written, and served as KaTeX's HTML.

Typesetting in the reader's browser costs KaTeX's download and, on a page with fifty formulas,
hundreds of milliseconds of blocked main thread on a phone, and the page shifts as each formula
takes its final size (CONTRIBUTING.md, Decisions). So each formula pymdownx.arithmatex leaves
as LaTeX (`<span class="arithmatex">\\(...\\)</span>`, `<div class="arithmatex">\\[...\\]</div>`) is
typeset ahead of time with the site's own KaTeX (npm, run by Node) and kept in a store,
`docs/includes/formulas.json`, keyed by a hash of its kind and source:

    {"katex": "<version>", "formulas": {"<key>": {"tex": "...", "display": bool, "html": "..."}}}

At build time the Markdown extension ex01.markdown.formulas puts each stored formula's HTML in
place; a formula not in the store (one just written under `mkdocs serve`) is left as LaTeX, and
assets/javascripts/math-loader.js typesets it in the browser.

`make prerender` (ex01.prerender) builds the site once; `update` then typesets every formula the
store lacks, and rewrites the store with exactly the formulas the site uses. `--check` only reports;
tests/build/test_stores.py runs the same checks on the built site.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from ex01.markdown.formulas import KIND, RAW, TYPESET, formula_key, raw_formula
from ex01.markdown.formulas import STORE as FORMULAS_STORE
from ex01.store import StoreError, refresh
from ex01.store import problems as store_problems

STORE = Path(FORMULAS_STORE)


def used(site: Path, store: dict) -> tuple[dict[str, tuple[str, bool]], list[str]]:
    """The formulas a built site uses, {key: (tex, display)}, and the pages that still
    typeset one in the browser."""
    sources: dict[str, tuple[str, bool]] = {}
    raw_pages: list[str] = []
    for page in sorted(site.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        for match in RAW.finditer(text):
            tex, display = raw_formula(match)
            sources[formula_key(tex, display)] = (tex, display)
            raw_pages.append(str(page.relative_to(site)))
        for match in TYPESET.finditer(text):
            entry = store["formulas"][match.group("key")]
            sources[match.group("key")] = (entry["tex"], entry["display"])
    return sources, raw_pages


def start_store(store_path: Path, package_json: Path) -> None:
    """An empty store, for `make prerender` to fill: the build stops on a missing one."""
    KIND.write(store_path, KIND.pinned_version(package_json), {})


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
