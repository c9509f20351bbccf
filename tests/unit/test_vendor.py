"""The site's own copy of Mermaid is the pinned npm package's ES module build, byte for byte."""

from __future__ import annotations

import json

from tests.conftest import DOCS, ROOT

SERVED = DOCS / "assets" / "javascripts" / "vendor" / "mermaid"
PACKAGE = ROOT / "node_modules" / "mermaid"


def _files(folder, pattern):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.glob(pattern)}


def test_vendor__mermaid_matches_the_pinned_npm_package() -> None:
    pinned = json.loads((ROOT / "package.json").read_text())["devDependencies"]["mermaid"]
    installed = json.loads((PACKAGE / "package.json").read_text())["version"]
    assert installed == pinned, "node_modules is stale: run `make vendor`"
    dist = PACKAGE / "dist"
    expected = _files(dist, "mermaid.esm.min.mjs") | _files(dist, "chunks/mermaid.esm.min/*.mjs")
    served = _files(SERVED, "**/*.mjs")
    print(len(expected), "files in the package,", len(served), "served")
    assert served.keys() == expected.keys(), "run `make vendor`"
    assert [name for name in served if served[name] != expected[name]] == []
