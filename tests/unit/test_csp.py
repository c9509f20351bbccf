"""ex01.csp: the policy's hashes are those of the inline scripts the browser runs."""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path

import pytest

from ex01 import csp

PAGE = (
    '<!doctype html><html><head><meta charset="utf-8"><script>var a = 1</script></head><body>'
    '<script id="__config" type="application/json">{"x": 1}</script>'
    '<script src="bundle.js"></script><script>\nvar b = 2\n</script></body></html>'
)


def test_inline_scripts__only_those_the_browser_runs() -> None:
    assert csp.inline_scripts(PAGE) == ["var a = 1", "\nvar b = 2\n"]


def test_script_hash__the_digest_a_browser_computes() -> None:
    expected = base64.b64encode(hashlib.sha256(b"var a = 1").digest()).decode()
    assert csp.script_hash("var a = 1") == f"'sha256-{expected}'"


def test_policy__scripts_from_the_site_and_the_hashes_only() -> None:
    policy = csp.policy(["'sha256-x'"])
    print(policy)
    assert "script-src 'self' 'sha256-x';" in policy
    assert "unsafe-inline' ; script" not in policy and "'unsafe-eval'" not in policy
    assert "object-src 'none'" in policy and "base-uri 'self'" in policy


def _site(tmp_path: Path) -> Path:
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "a" / "index.html").write_text(
        PAGE.replace("1</script></head>", "3</script></head>"), encoding="utf-8"
    )
    return tmp_path


def test_write__every_page_gets_one_policy_with_every_pages_hashes(tmp_path: Path) -> None:
    site = _site(tmp_path)
    assert csp.write(site) == 2
    first, second = (
        (site / name).read_text(encoding="utf-8") for name in ("index.html", "a/index.html")
    )
    policy = first.split(csp.MARKER)[1].split(">")[0]
    print(policy)
    assert policy == second.split(csp.MARKER)[1].split(">")[0]
    for body in ("var a = 1", "var a = 3", "\nvar b = 2\n"):
        assert csp.script_hash(body) in policy
    assert first.index(csp.MARKER) < first.index("<script>")


def test_write__a_page_that_has_a_policy_is_refused(tmp_path: Path) -> None:
    site = _site(tmp_path)
    csp.write(site)
    with pytest.raises(csp.PolicyError, match="already has a Content-Security-Policy"):
        csp.write(site)
