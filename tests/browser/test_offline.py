"""The offline edition (mkdocs-offline.yml) opened from file:// in Chromium, and its zip."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from mkdocs.config import load_config
from playwright.sync_api import Browser

from ex01.offline import FOLDER, pack
from tests.browser.conftest import Session, new_session
from tests.conftest import ROOT

pytestmark = pytest.mark.browser


@pytest.fixture(scope="session")
def offline_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The offline edition built once, strictly, as `make offline` builds it."""
    site_dir = tmp_path_factory.mktemp("site-offline")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SITE_URL", None)
    command = ["-m", "mkdocs", "build", "--strict", "-f", "mkdocs-offline.yml", "-d", site_dir]
    result = subprocess.run(
        [sys.executable, *map(str, command)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        pytest.fail(f"mkdocs build --strict -f mkdocs-offline.yml failed:\n{result.stderr}")
    return site_dir


@pytest.fixture
def offline(browser: Browser, offline_site: Path) -> Iterator[Session]:
    """A desktop-sized page on the offline edition, opened from file://."""
    session = new_session(
        browser, offline_site.as_uri() + "/", viewport={"width": 1280, "height": 900}
    )
    requests: list[str] = []
    session.page.on("request", lambda request: requests.append(request.url))
    session.requests = requests  # type: ignore[attr-defined]
    yield session
    session.page.context.close()


def _lists(value: object, path: str = "") -> list[str]:
    if isinstance(value, dict):
        return [found for key, item in value.items() for found in _lists(item, f"{path}.{key}")]
    return [path.lstrip(".")] if isinstance(value, list) else []


def test_offline_config__sets_no_list_that_mkdocs_yml_has() -> None:
    """Engines merge an inherited list differently (MkDocs replaces it, Zensical appends)."""
    own = yaml.safe_load((ROOT / "mkdocs-offline.yml").read_text(encoding="utf-8"))
    site = load_config(str(ROOT / "mkdocs.yml"))
    inherited = [path for path in _lists(own) if _get(site, path) is not None]
    print(_lists(own), inherited)
    assert inherited == []


def _get(config: object, path: str) -> object:
    for key in path.split("."):
        try:
            config = config[key]  # type: ignore[index]
        except (KeyError, TypeError):
            return None
    return config


def test_offline__instant_navigation_off_in_the_page(offline: Session) -> None:
    page = offline.open("index.html")
    features = page.evaluate("JSON.parse(document.getElementById('__config').textContent).features")
    print(features)
    assert "navigation.instant" not in features
    assert "navigation.tracking" in features


@pytest.mark.parametrize("page", ["index.html", "chapters/transformers.html"])
def test_offline__page_renders_from_file_urls_only(page: str, offline: Session) -> None:
    """No error, nothing but file:// requested, diagrams and formulas drawn."""
    opened = offline.open(page)  # settles: every diagram and formula drawn
    opened.wait_for_timeout(300)
    off_disk = [url for url in offline.requests if not url.startswith("file:")]
    print(offline.errors, off_disk)
    assert offline.errors == []
    assert off_disk == []
    assert opened.evaluate("window.diagramCount") >= 1


def test_offline__ships_drawings_not_the_libraries_that_draw(offline_site: Path) -> None:
    """Diagrams and formulas arrive drawn, so Mermaid and KaTeX's script stay out of the zip;
    KaTeX's stylesheet and fonts are still needed."""
    vendor = offline_site / "assets" / "javascripts" / "vendor"
    assert not (vendor / "mermaid").exists()
    assert not (vendor / "katex" / "katex.min.js").exists()
    assert (vendor / "katex" / "katex.min.css").is_file()
    assert list((vendor / "katex" / "fonts").glob("*.woff2"))


def test_offline__link_to_another_page_works(offline: Session) -> None:
    page = offline.open("index.html")
    page.locator("article a[href='chapters/gans.html']").first.click()
    page.wait_for_load_state("networkidle")
    print(page.url)
    assert page.url.endswith("/chapters/gans.html")
    assert page.locator("article h1").inner_text().startswith("Generative adversarial networks")


def test_offline__search_finds_the_expected_page(offline: Session) -> None:
    page = offline.open("index.html")
    page.locator("label.md-search__icon[for=__search], .md-search__input").first.click()
    # Real keystrokes: Material searches on keyup, which fill() does not send.
    page.locator("input.md-search__input").press_sequentially("discriminator", delay=40)
    results = page.locator("li.md-search-result__item > a")
    results.first.wait_for(timeout=10_000)
    hrefs = results.evaluate_all("links => links.map(a => a.href.split(/[?#]/)[0])")
    pages = list(dict.fromkeys(hrefs))
    print(pages[:5], offline.errors)
    # As on the web (tests/browser/test_search.py): the glossary's definition may come first.
    assert any(page.endswith("/chapters/gans.html") for page in pages[:3])
    assert offline.errors == []


def test_offline_zip__holds_the_site_and_is_byte_identical(
    offline_site: Path, tmp_path: Path
) -> None:
    first, second = tmp_path / "first.zip", tmp_path / "second.zip"
    pack(offline_site, first)
    os.utime(offline_site / "index.html", (1_900_000_000, 1_900_000_000))  # a later mtime
    pack(offline_site, second)
    names = zipfile.ZipFile(first).namelist()
    print(len(names), first.stat().st_size, "bytes")
    assert f"{FOLDER}/index.html" in names
    assert f"{FOLDER}/search/search_index.js" in names
    assert names == sorted(names)
    assert first.read_bytes() == second.read_bytes()
