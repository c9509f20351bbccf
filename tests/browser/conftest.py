"""The built site served on 127.0.0.1 and opened in headless Chromium, for the browser layer."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, Playwright, Request, sync_playwright

from ex01.chromium import CHROMIUM_FLAGS, SYSTEM_CHROMIUM
from tests.conftest import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# Material renders each diagram into a *closed* shadow root, which no script (and so no test
# or axe-core) can look into. The tests open it, so that they see what a reader sees.
OPEN_SHADOW_ROOTS = """
const attach = Element.prototype.attachShadow;
Element.prototype.attachShadow = function (init) {
  return attach.call(this, {...init, mode: "open"});
};
"""


def _executable() -> str | None:
    """The system Chromium when present; else Playwright's own browser, except in CI."""
    if os.path.exists(SYSTEM_CHROMIUM):
        return SYSTEM_CHROMIUM
    if found := shutil.which("chromium"):
        return found
    if os.environ.get("CI"):
        pytest.fail(f"no Chromium at {SYSTEM_CHROMIUM}: CI must install Debian's chromium")
    return None


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as instance:
        yield instance


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    browser = playwright.chromium.launch(executable_path=_executable(), args=CHROMIUM_FLAGS)
    yield browser
    browser.close()


# A page is what a reader sees once Material has drawn its diagrams and KaTeX its formulas.
# COUNT_DIAGRAMS runs before any page script. A diagram drawn ahead of time arrives as a
# <div class="mermaid"> holding the SVG in a shadow root; Material replaces any other, a
# <pre class="mermaid">, with such a div once Mermaid has drawn it.
COUNT_DIAGRAMS = """
document.addEventListener("DOMContentLoaded", () => {
  window.diagramCount = document.querySelectorAll("pre.mermaid, div.mermaid").length;
});
"""
SETTLED = """() => [...document.querySelectorAll("article div.mermaid")]
    .filter(div => div.shadowRoot && div.shadowRoot.querySelector("svg")).length
    === window.diagramCount
  && [...document.querySelectorAll(".arithmatex")].every(node => node.querySelector(".katex"))"""


@dataclass
class Session:
    """A page plus everything it did that a test may complain about."""

    page: Page
    base_url: str
    errors: list[str] = field(default_factory=list)
    third_party: list[str] = field(default_factory=list)

    def lay_out_everything(self) -> None:
        """Lay out the blocks a long page leaves until they come near the viewport (extra.css,
        content-visibility): checks that read geometry or colours (overflow, contrast) then see
        every block as a reader who scrolls to it does, instead of a placeholder."""
        self.page.add_style_tag(content="* { content-visibility: visible !important; }")

    def open(self, path: str, settle: bool = True) -> Page:
        """Load a page; with `settle`, also wait until its diagrams and formulas are drawn."""
        self.page.goto(self.base_url + path, wait_until="networkidle")
        if settle:
            self.page.wait_for_function(SETTLED, timeout=15_000)
        return self.page


def new_session(browser: Browser, base_url: str, **context_options: object) -> Session:
    """A fresh browser context that blocks and records any request off the local server.

    The pages' Content-Security-Policy forbids evaluating strings as code, which is how
    Playwright polls a condition in the page (wait_for_function) and how axe is injected, so
    a session bypasses it unless told otherwise; tests/browser/test_csp.py runs under it."""
    context_options.setdefault("bypass_csp", True)
    context = browser.new_context(**context_options)
    context.add_init_script(OPEN_SHADOW_ROOTS)
    context.add_init_script(COUNT_DIAGRAMS)
    page = context.new_page()
    session = Session(page=page, base_url=base_url)
    local = urlsplit(base_url).netloc

    def route(route, request: Request) -> None:
        url = urlsplit(request.url)
        if url.scheme in ("http", "https", "ws", "wss") and url.netloc != local:
            session.third_party.append(request.url)
            route.abort()
        else:
            route.continue_()

    def console(message: ConsoleMessage) -> None:
        if message.type == "error":
            session.errors.append(f"console: {message.text}")

    context.route("**/*", route)
    page.on("console", console)
    page.on("pageerror", lambda error: session.errors.append(f"pageerror: {error}"))
    return session


@pytest.fixture
def session(browser: Browser, base_url: str) -> Iterator[Session]:
    """A desktop-sized page on the served site."""
    session = new_session(browser, base_url, viewport={"width": 1280, "height": 900})
    yield session
    session.page.context.close()


@pytest.fixture
def phone(browser: Browser, base_url: str) -> Iterator[Session]:
    """A phone-sized page (390x844, touch) on the served site."""
    session = new_session(
        browser,
        base_url,
        viewport={"width": 390, "height": 844},
        device_scale_factor=3,
        is_mobile=True,
        has_touch=True,
    )
    yield session
    session.page.context.close()


@pytest.fixture(scope="session")
def pdf_edition(site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The PDF edition of the built site, made as `make pdf` makes it (python -m ex01.pdf,
    which also publishes it in the site, under downloads/). A process of its own: Playwright's
    synchronous API does not nest inside this session's."""
    out = tmp_path_factory.mktemp("dist") / "ex01-report.pdf"
    result = subprocess.run(
        [sys.executable, "-m", "ex01.pdf", str(site), str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        pytest.fail(f"python -m ex01.pdf failed:\n{result.stdout}\n{result.stderr}")
    print(result.stdout)
    return out
