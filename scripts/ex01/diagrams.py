"""Mermaid diagrams drawn once, when they are written, and served as SVG.

Drawing a diagram in the reader's browser costs Mermaid's download and hundreds of
milliseconds of blocked main thread on a phone (CONTRIBUTING.md, Decisions). So each diagram is
drawn ahead of time, with the site's own Mermaid and the configuration Material gives it, and
kept in a store,
`docs/includes/diagrams.json`, keyed by a hash of the diagram's source:

    {"mermaid": "<version>", "diagrams": {"<key>": {"source": "...", "svg": "<svg ...>"}}}

At build time ex01.markdown.diagrams (the `format` of the mermaid fence in mkdocs.yml) puts
each drawn diagram's SVG in its place; a diagram not in the store is drawn in the browser.

`make prerender` (ex01.prerender) builds the site once; `update` then draws every diagram the store
lacks in Chromium, and rewrites the store with exactly the diagrams the site uses. `--check` only
reports what is missing or stale and needs no browser; tests/build/test_stores.py runs the
same checks on the built site.
"""

from __future__ import annotations

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from ex01.markdown.diagrams import KIND
from ex01.markdown.diagrams import STORE as DIAGRAMS_STORE
from ex01.store import key, refresh
from ex01.store import problems as store_problems

STORE = Path(DIAGRAMS_STORE)
MERMAID_MODULE = "assets/javascripts/vendor/mermaid/mermaid.esm.min.mjs"


def used(site: Path, store: dict) -> tuple[dict[str, str], list[str]]:
    """The diagrams a built site uses, {key: source}, and the pages that still draw one in the
    browser (not in the store)."""
    sources: dict[str, str] = {}
    undrawn: list[str] = []
    for page in sorted(site.rglob("*.html")):
        tree = LexborHTMLParser(page.read_text(encoding="utf-8"))
        for node in tree.css("pre.mermaid"):
            source = node.text(deep=True)
            sources[key(source)] = source
            undrawn.append(str(page.relative_to(site)))
        for node in tree.css("div.mermaid[data-diagram]"):
            digest = node.attributes["data-diagram"]
            sources[digest] = store["diagrams"][digest]["source"]
    return sources, undrawn


def start_store(store_path: Path, package_json: Path) -> None:
    """An empty store, for `make prerender` to fill: the build stops on a missing one."""
    KIND.write(store_path, KIND.pinned_version(package_json), {})


def problems(site: Path, store_path: Path, package_json: Path) -> list[str]:
    """What keeps the store from matching the built site; empty when it is up to date."""
    store = KIND.load(store_path)
    sources, undrawn = used(site, store)
    version = KIND.pinned_version(package_json)
    return store_problems(KIND, store_path, store, version, sources, undrawn)


def locate(source: str, docs: Path) -> str:
    """`file:line` of the Markdown that holds a diagram's source, for error messages."""
    first = next((line.strip() for line in source.splitlines() if line.strip()), "")
    for path in sorted(docs.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        lines = text.splitlines()
        for number, line in enumerate(lines, start=1):
            fence = line.strip().startswith("```mermaid") and number < len(lines)
            if fence and lines[number].strip() == first:
                return f"{path}:{number}"
    return str(docs)


# Captures the configuration Material passes to Mermaid (its theme CSS follows the palette's
# colour variables), by wrapping the stand-in assets/javascripts/mermaid-loader.js installs.
CAPTURE = """
(() => {
  let standIn
  Object.defineProperty(window, "mermaid", {
    configurable: true,
    get: () => standIn,
    set(value) {
      standIn = value
      const initialize = value.initialize
      value.initialize = (config) => {
        window.__mermaidConfig = config
        return initialize.call(value, config)
      }
    },
  })
})()
"""

DRAW = """
async ([module, items]) => {
  const { default: mermaid } = await import(module)
  mermaid.initialize(window.__mermaidConfig)
  const drawn = {}
  for (const [digest, source] of items) {
    try {
      drawn[digest] = { svg: (await mermaid.render(`mermaid-${digest}`, source)).svg }
    } catch (error) {
      drawn[digest] = { error: String(error && error.message ? error.message : error) }
    }
  }
  return drawn
}
"""

# A diagram added to the home page for the capture: Material configures Mermaid on a page's
# first diagram, and every diagram of the site may already be drawn.
PROBE = '<pre class="mermaid"><code>flowchart LR\n  a --> b</code></pre>'


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def draw(site: Path, items: dict[str, str], browser=None) -> dict[str, dict[str, str]]:
    """Draws diagrams {key: source} in Chromium, in the built `site`; {key: {svg | error}}.
    Uses `browser` (a Playwright Browser) when given, else launches the system Chromium."""
    if browser is None:
        from playwright.sync_api import sync_playwright

        from ex01.chromium import CHROMIUM_FLAGS, SYSTEM_CHROMIUM

        executable = SYSTEM_CHROMIUM if Path(SYSTEM_CHROMIUM).exists() else None
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
            try:
                return draw(site, items, browser)
            finally:
                browser.close()
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=site))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    home = (site / "index.html").read_text(encoding="utf-8")
    probe = home.replace("</article>", PROBE + "</article>", 1)
    context = browser.new_context()
    try:
        page = context.new_page()
        page.add_init_script(CAPTURE)
        page.route(base, lambda route: route.fulfill(body=probe, content_type="text/html"))
        page.goto(base)
        page.wait_for_function("window.__mermaidConfig !== undefined", timeout=30_000)
        return page.evaluate(DRAW, [base + MERMAID_MODULE, sorted(items.items())])
    finally:
        context.close()
        server.shutdown()
        server.server_close()


def update(site: Path, store_path: Path, package_json: Path, docs: Path) -> list[str]:
    """Draws the diagrams the built `site` uses that the store lacks, and rewrites the store with
    exactly those the site uses; returns what could not be drawn."""
    store = KIND.load(store_path)
    sources, _ = used(site, store)
    return refresh(
        KIND,
        store_path,
        store,
        KIND.pinned_version(package_json),
        sources,
        make=lambda missing: draw(site, missing),
        entry=lambda source, result: {"source": source, "svg": result["svg"]},
        where=lambda source: locate(source, docs),
    )
