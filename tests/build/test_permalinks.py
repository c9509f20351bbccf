"""Page URLs and heading ids are a public interface: a registered one never silently disappears.

`tests/data/permalinks.json` lists every page URL and heading id readers may have linked to.
Adding pages and headings is fine (`pytest --update-golden` registers them); a registered URL
or id that stops resolving fails, unless a redirect (mkdocs-redirects) or an anchor keeps it alive.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import DATA, URLS, build_site
from tests.support.permalinks import (
    check_registry,
    current_anchors,
    load_registry,
    merge_registry,
    render_registry,
)

REGISTRY = DATA / "permalinks.json"


def test_permalinks__registered_urls_and_ids_resolve(site: Path, request) -> None:
    registry = load_registry(REGISTRY)
    if request.config.getoption("--update-golden"):
        merged = merge_registry(registry, current_anchors(site, URLS))
        REGISTRY.write_text(render_registry(merged), encoding="utf-8")
        registry = merged
    problems = check_registry(site, registry)
    print(problems)
    assert not problems


def test_permalinks__every_page_and_heading_is_registered(site: Path) -> None:
    registry = load_registry(REGISTRY)
    unregistered = [
        f"{url}#{anchor}"
        for url, ids in current_anchors(site, URLS).items()
        for anchor in ids
        if anchor not in registry.get(url, [])
    ]
    print(unregistered)
    # Adding is allowed, but the registry only protects what it lists: register new ones.
    assert not unregistered, "run `pytest tests/build/test_permalinks.py --update-golden`"


def _edit(project: Path, path: str, old: str, new: str) -> None:
    file = project / path
    text = file.read_text(encoding="utf-8")
    assert old in text, f"{path} no longer contains {old!r}"
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


def _build(project: Path) -> Path:
    result = build_site(project, project / "site")
    assert result.returncode == 0, result.stderr
    return project / "site"


def test_permalinks__renamed_heading_is_caught(project: Path) -> None:
    _edit(project, "docs/glossary.md", "### GPT-3 { #gpt-3 }", "### GPT-3 { #gpt3 }")
    problems = check_registry(_build(project), load_registry(REGISTRY))
    print(problems)
    assert problems == ["glossary/#gpt-3: id gone"]


def test_permalinks__renamed_heading_with_old_anchor_kept_passes(project: Path) -> None:
    _edit(
        project,
        "docs/glossary.md",
        "### GPT-3 { #gpt-3 }",
        '<a id="gpt-3"></a>\n\n### GPT-3 { #gpt3 }',
    )
    assert check_registry(_build(project), load_registry(REGISTRY)) == []


@pytest.mark.parametrize("redirect", [False, True], ids=["without redirect", "with redirect"])
def test_permalinks__moved_page_needs_a_redirect(project: Path, redirect: bool) -> None:
    (project / "docs/glossary.md").rename(project / "docs/terms.md")
    _edit(project, "mkdocs.yml", "  - Glossary: glossary.md", "  - Glossary: terms.md")
    for page in [
        *project.glob("docs/*.md"),
        *project.glob("docs/*/*.md"),
        *project.glob("docs/*/*/*.md"),
    ]:
        text = page.read_text(encoding="utf-8")
        page.write_text(text.replace("glossary.md", "terms.md"), encoding="utf-8")
    if redirect:
        _edit(
            project,
            "mkdocs.yml",
            "redirect_maps: {}",
            "redirect_maps:\n        glossary.md: terms.md",
        )
    problems = check_registry(_build(project), load_registry(REGISTRY))
    print(problems)
    assert problems == ([] if redirect else ["glossary/: page gone (add a redirect in mkdocs.yml)"])


def test_permalinks__old_comparison_ids_resolve_on_their_new_pages(site: Path) -> None:
    """The comparison was one page: its registered ids now live on the section's pages."""
    registry = load_registry(REGISTRY)
    old = [anchor for anchor in registry["comparison/"] if anchor != "downloads"]
    assert "metrics-length" in old and "evidence-claim-1" in old
    assert check_registry(site, {"comparison/": old}) == []


def _page(site: Path, url: str, body: str) -> None:
    (site / url).mkdir(parents=True, exist_ok=True)
    (site / url / "index.html").write_text(f"<html><body><article>{body}</article></body></html>")


@pytest.mark.parametrize(
    ("target", "problem"),
    [
        ("new/#moved", None),
        ("new/#other", "old/#moved: moved to new/#other, which is not a page with that id"),
        ("gone/#moved", "old/#moved: moved to gone/#moved, which is not a page with that id"),
        ("elsewhere/#moved", "old/#moved: moved to old/elsewhere/, which lacks it"),
    ],
)
def test_permalinks__a_moved_id_must_land_on_that_id(
    tmp_path: Path, target: str, problem: str | None
) -> None:
    moved = f'<div id="moved-ids" hidden><a data-moved-from="moved" href="{target}">m</a></div>'
    _page(tmp_path, "old/", moved)
    _page(tmp_path, "old/new/", '<h2 id="moved">Moved</h2>')
    _page(tmp_path, "old/elsewhere/", '<h2 id="other">Other</h2>')
    assert check_registry(tmp_path, {"old/": ["moved"]}) == ([problem] if problem else [])
