"""Vendored Mermaid, KaTeX and iframe-worker are the pinned npm packages' files, byte for byte."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import DOCS, ROOT

VENDOR = DOCS / "assets" / "javascripts" / "vendor"
# package -> (folder in the package, the files `make vendor` copies from it)
COPIED = {
    "mermaid": ("dist", ["mermaid.esm.min.mjs", "chunks/mermaid.esm.min/*.mjs"]),
    "katex": ("dist", ["katex.min.js", "katex.min.css", "fonts/*.woff2"]),
    "iframe-worker": (".", ["shim/index.js"]),
}


def _files(folder: Path, patterns: list[str]) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for pattern in patterns
        for path in folder.glob(pattern)
    }


@pytest.mark.parametrize("package", COPIED)
def test_vendor__matches_the_pinned_npm_package(package: str) -> None:
    installed = ROOT / "node_modules" / package
    pinned = json.loads((ROOT / "package.json").read_text())["devDependencies"][package]
    version = json.loads((installed / "package.json").read_text())["version"]
    assert version == pinned, "node_modules is stale: run `make vendor`"
    inner, patterns = COPIED[package]
    expected = _files(installed / inner, patterns)
    served = {
        path.relative_to(VENDOR / package).as_posix(): path.read_bytes()
        for path in (VENDOR / package).rglob("*")
        if path.is_file()
    }
    print(package, len(expected), "files in the package,", len(served), "served")
    assert sorted(served) == sorted(expected), "run `make vendor`"
    assert [name for name in served if served[name] != expected[name]] == []
