"""Two clean builds at different clock times give byte-identical sites."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from tests.conftest import ROOT, build_site


def _digests(site: Path) -> dict[str, str]:
    return {
        path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def test_build__byte_identical_whatever_the_clock(
    site: Path, base_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # mkdocs stamps dates from SOURCE_DATE_EPOCH when set: a build "a year later".
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1830000000")
    result = build_site(ROOT, tmp_path / "later", site_url=base_url)
    assert result.returncode == 0, result.stderr
    first, later = _digests(site), _digests(tmp_path / "later")
    differing = sorted(
        name for name in first.keys() | later.keys() if first.get(name) != later.get(name)
    )
    print(differing)
    assert differing == []
