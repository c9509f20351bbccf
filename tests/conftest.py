"""Shared fixtures: the project's paths and one strict build of the site per test session."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.config import load_config

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
DATA = Path(__file__).resolve().parent / "data"


def build_site(project: Path, site_dir: Path) -> subprocess.CompletedProcess[str]:
    """Run `mkdocs build --strict` for the project in `project` into `site_dir`."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SITE_URL", None)  # the tests check the default a plain local build gets
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built once, strictly, from the working tree; fails on any warning."""
    site_dir = tmp_path_factory.mktemp("site")
    result = build_site(ROOT, site_dir)
    if result.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}")
    return site_dir


def page_url(page: str) -> str:
    """The site-relative URL of a docs page: 'answers/gemini/scaling.md' -> 'answers/gemini/scaling/'."""
    stem = page.removesuffix(".md")
    return "" if stem == "index" else stem.removesuffix("/index") + "/"


def page_html(site_dir: Path, page: str) -> str:
    """The built HTML of a docs page given by its source path (e.g. 'answers/gemini/scaling.md')."""
    return (site_dir / page_url(page) / "index.html").read_text(encoding="utf-8")


def _nav_pages(nav: list) -> list[str]:
    pages: list[str] = []
    for entry in nav:
        value = next(iter(entry.values())) if isinstance(entry, dict) else entry
        pages += _nav_pages(value) if isinstance(value, list) else [value]
    return pages


# Every page of the site (the build fails on a page left out of the navigation), known
# before the build so that tests can be parametrized over it.
PAGES = sorted(_nav_pages(load_config(str(ROOT / "mkdocs.yml"))["nav"]))
URLS = [page_url(page) for page in PAGES]


@pytest.fixture(scope="session")
def html_pages(site: Path) -> dict[str, str]:
    """Every HTML page of the built site, keyed by its path inside the site."""
    return {
        path.relative_to(site).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(site.rglob("*.html"))
    }
