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


PUBLISHED_PDF = "downloads/ex01-report.pdf"


def test_build__byte_identical_whatever_the_clock(
    site: Path, base_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # mkdocs stamps dates from SOURCE_DATE_EPOCH when set: a build "a year later".
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1830000000")
    result = build_site(ROOT, tmp_path / "later", site_url=base_url)
    assert result.returncode == 0, result.stderr
    first, later = _digests(site), _digests(tmp_path / "later")
    # The PDF edition is added to the served site after the build (`make pdf`; the browser
    # layer's fixture), not by the build; tests/browser/test_pdf.py checks its own bytes.
    first.pop(PUBLISHED_PDF, None)
    differing = sorted(
        name for name in first.keys() | later.keys() if first.get(name) != later.get(name)
    )
    print(differing)
    assert differing == []
