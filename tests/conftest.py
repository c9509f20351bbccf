"""Shared fixtures: the project's paths and one strict build of the site per test session."""

from __future__ import annotations

import functools
import json
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from mkdocs.config import load_config

from ex01.answers import SECTION_INDEXES
from tests.support.permalinks import page_url

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
DATA = Path(__file__).resolve().parent / "data"


def copy_with_store(
    tmp_path: Path, site: Path, store: Path, edit: Callable[[dict], None]
) -> tuple[Path, Path]:
    """A copy of a drawn-ahead store (docs/includes/*.json) changed by `edit`, and a copy of the
    built site to doctor, for the gates of tests/build/test_stores.py."""
    data = json.loads(store.read_text(encoding="utf-8"))
    edit(data)
    store_copy = tmp_path / store.name
    store_copy.write_text(json.dumps(data), encoding="utf-8")
    site_copy = tmp_path / "site"
    shutil.copytree(site, site_copy)
    return store_copy, site_copy


def build_site(
    project: Path, site_dir: Path, site_url: str | None = None
) -> subprocess.CompletedProcess[str]:
    """Run `mkdocs build --strict` for the project in `project` into `site_dir`."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SITE_URL", None)
    if site_url:
        env["SITE_URL"] = site_url
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def copy_project(folder: Path) -> Path:
    """A throwaway copy of everything the build reads, in `folder`."""
    for name in ("docs", "overrides", "hooks"):
        shutil.copytree(ROOT / name, folder / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    (folder / "scripts").mkdir()  # mkdocs.yml watches it
    return folder


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A throwaway copy of everything the build reads."""
    return copy_project(tmp_path)


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def served_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """The site built once, strictly, from the working tree, and served on 127.0.0.1.

    The build's site_url is the server's address: Material's instant navigation treats a link
    as internal only when it matches the sitemap, which is written from site_url.
    """
    site_dir = tmp_path_factory.mktemp("site")
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    result = build_site(ROOT, site_dir, site_url=url)
    if result.returncode != 0:
        server.server_close()
        pytest.fail(f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield site_dir, url
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def site(served_site: tuple[Path, str]) -> Path:
    """The built site's folder."""
    return served_site[0]


@pytest.fixture(scope="session")
def base_url(served_site: tuple[Path, str]) -> str:
    """The address the built site is served at, ending in '/'."""
    return served_site[1]


def page_html(site_dir: Path, page: str) -> str:
    """The built HTML of a docs page given by its source path (e.g. 'answers/gemini/scaling.md')."""
    return (site_dir / page_url(page) / "index.html").read_text(encoding="utf-8")


def _nav_pages(nav: list) -> list[str]:
    pages: list[str] = []
    for entry in nav:
        value = next(iter(entry.values())) if isinstance(entry, dict) else entry
        pages += _nav_pages(value) if isinstance(value, list) else [value]
    return pages


# The whole report on one page for printing: docs/print.md, filled from the built site by
# ex01.printpage. It repeats every page, so it is left out of PAGES and tested on its own.
PRINT_PAGE = "print.md"
PRINT_URL = "print/"
# Every page of the site (the build fails on a page left out of the navigation), known
# before the build so that tests can be parametrized over it.
READING_ORDER = [
    page for page in _nav_pages(load_config(str(ROOT / "mkdocs.yml"))["nav"]) if page != PRINT_PAGE
]
PAGES = sorted(READING_ORDER)
# The pages the print page holds, in reading order: not the side-by-side pages, which repeat the
# answers, nor a section's index page that only lists what follows it (the comparison's
# overview, which holds the verdicts, is printed).
PRINTED = [
    page
    for page in READING_ORDER
    if not page.startswith("side-by-side/") and page not in SECTION_INDEXES
]
URLS = [page_url(page) for page in PAGES]


@pytest.fixture(scope="session")
def html_pages(site: Path) -> dict[str, str]:
    """Every HTML page of the built site, keyed by its path inside the site."""
    return {
        path.relative_to(site).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(site.rglob("*.html"))
    }


def pytest_addoption(parser: pytest.Parser) -> None:
    """`--update-golden`: rewrite golden files from the actual output (review the diff after)."""
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite the golden files under tests/data/*/expected/ instead of comparing",
    )
