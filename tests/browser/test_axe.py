"""axe-core finds no accessibility violation on any page, in the light or the dark palette."""

from __future__ import annotations

import json

import pytest

from tests.browser.conftest import AXE, Session
from tests.conftest import URLS

pytestmark = pytest.mark.browser


def axe_violations(session: Session, scheme: str, lay_out: bool = True) -> list[dict]:
    page = session.page
    if lay_out:
        session.lay_out_everything()  # as a reader who scrolls to each block sees it
    page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
    # Material fades colours over 125-250 ms: axe must see the palette, not a blend of two.
    page.wait_for_timeout(50)
    page.wait_for_function(
        "document.getAnimations().every(a => !(a instanceof CSSTransition)"
        " || a.playState !== 'running')"
    )
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        {"id": v["id"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
    ]


@pytest.mark.parametrize("scheme", ["default", "slate"])
@pytest.mark.parametrize("url", URLS)
def test_axe__no_violations(url: str, scheme: str, session: Session) -> None:
    session.open(url)
    session.page.wait_for_timeout(300)
    violations = axe_violations(session, scheme)
    print(json.dumps(violations, indent=1))
    assert violations == []


@pytest.mark.parametrize("url", URLS)
def test_axe__no_violations_as_loaded(url: str, session: Session) -> None:
    # As Lighthouse runs axe: on the page as loaded, where blocks far below the viewport are not
    # laid out yet (extra.css). axe then reads their text where their placeholders put it, and
    # a block that overflows its placeholder onto the footer reads as footer-coloured text.
    session.open(url)
    session.page.wait_for_timeout(300)
    violations = axe_violations(session, "default", lay_out=False)
    print(json.dumps(violations, indent=1))
    assert violations == []


def test_gate__unlabeled_button_is_caught(session: Session) -> None:
    page = session.open("conclusion/")
    page.evaluate("document.querySelector('article').append(document.createElement('button'))")
    violations = axe_violations(session, "default")
    print(violations)
    assert [v["id"] for v in violations] == ["button-name"]
