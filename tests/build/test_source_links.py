"""From a page to its source: the edit and view buttons on the pages that are ours to edit."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from ex01.answers import ours_to_edit
from tests.conftest import PAGES, PRINT_PAGE, ROOT, page_url

EDIT_URI = "https://github.com/example/ex01/edit/main/docs/"


@pytest.fixture(scope="module")
def built_with_edit_uri(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site as the deploy builds it, with EDIT_URI set."""
    site = tmp_path_factory.mktemp("edit") / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "EDIT_URI": EDIT_URI}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return site


def _buttons(site: Path, page: str) -> dict[str, str]:
    html = (site / page_url(page) / "index.html").read_text(encoding="utf-8")
    article = LexborHTMLParser(html).css_first("article")
    return {
        node.attributes.get("title") or "": node.attributes.get("href") or ""
        for node in article.css("a.md-content__button")
    }


@pytest.mark.parametrize("page", [page for page in PAGES if ours_to_edit(page)])
def test_source__our_pages_link_to_edit_and_view_their_source(
    page: str, built_with_edit_uri: Path
) -> None:
    buttons = _buttons(built_with_edit_uri, page)
    print(buttons)
    assert buttons == {
        "Edit this page": EDIT_URI + page,
        "View source of this page": EDIT_URI.replace("/edit/", "/raw/") + page,
    }


@pytest.mark.parametrize("page", [page for page in [*PAGES, PRINT_PAGE] if not ours_to_edit(page)])
def test_source__quoted_and_generated_pages_have_no_edit_button(
    page: str, built_with_edit_uri: Path
) -> None:
    assert _buttons(built_with_edit_uri, page) == {}


def test_source__the_pages_ours_to_edit_are_the_chapters_home_glossary_and_sections() -> None:
    editable = sorted(page for page in PAGES if ours_to_edit(page))
    print(editable)
    assert "index.md" in editable and "glossary.md" in editable
    assert all(
        page.startswith("chapters/") or page.endswith("/index.md")
        for page in editable
        if "/" in page
    )
    assert not any(ours_to_edit(page) for page in ("answers/gemini/scaling.md", "conclusion.md"))
