"""The site's own copies of front-end libraries are the pinned registry packages, byte for byte."""

from __future__ import annotations

import json

import pytest

from tests.conftest import DOCS, ROOT

# served file -> (npm package, file inside the package)
VENDORED = {
    "assets/javascripts/vendor/mermaid.min.js": ("mermaid", "dist/mermaid.min.js"),
}


@pytest.mark.parametrize("served", VENDORED)
def test_vendor__matches_the_pinned_npm_package(served: str) -> None:
    package, inner = VENDORED[served]
    installed = ROOT / "node_modules" / package
    pinned = json.loads((ROOT / "package.json").read_text())["devDependencies"][package]
    version = json.loads((installed / "package.json").read_text())["version"]
    print(package, pinned, version)
    assert version == pinned, "node_modules is stale: run `make vendor`"
    assert (DOCS / served).read_bytes() == (installed / inner).read_bytes(), (
        f"docs/{served} differs from npm {package}@{pinned}: run `make vendor`"
    )
