"""Nothing is published that is not meant to be: editors' backup, swap and lock files."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.build.test_engines import zensical_build
from tests.conftest import build_site

# What editors leave beside a page: Emacs and Vim backups and locks, Vim's swap file, and the
# copies other tools keep.
LEFT_BEHIND = (
    "chapters/gans.md~",
    "chapters/#gans.md#",
    "chapters/.gans.md.swp",
    "chapters/.#gans.md",
    "chapters/gans.md.bak",
    "chapters/gans.md.orig",
    "chapters/gans.md.tmp",
)


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_build__backup_and_swap_files_are_not_published(
    engine: str, project: Path, base_url: str
) -> None:
    for name in LEFT_BEHIND:
        (project / "docs" / name).write_text("a draft not meant for readers\n", encoding="utf-8")
    if engine == "mkdocs":
        result = build_site(project, project / "site")
    else:
        result = zensical_build(project, base_url)
    assert result.returncode == 0, result.stdout + result.stderr
    names = {Path(name).name for name in LEFT_BEHIND}
    published = sorted(
        path.relative_to(project / "site").as_posix()
        for path in (project / "site").rglob("*")
        if path.name in names
    )
    print(published)
    assert published == []
