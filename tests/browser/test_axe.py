"""axe-core finds no accessibility violation on any page, in the light or the dark palette, with
the rules Lighthouse's accessibility audit adds to axe's defaults (target size, WCAG 2.5.8)."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser

from tests.browser.conftest import AXE, Session, new_session
from tests.conftest import URLS

pytestmark = pytest.mark.browser

# axe's default rules, and target-size, which axe leaves off and Lighthouse turns on: every
# control at least 24 by 24 px, or that far from the next one.
OPTIONS = {"resultTypes": ["violations"], "rules": {"target-size": {"enabled": True}}}


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
    result = page.evaluate(f"axe.run(document, {json.dumps(OPTIONS)})")
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


@pytest.fixture
def lighthouse_phone(browser: Browser, base_url: str) -> Iterator[Session]:
    """A page as Lighthouse's mobile run loads it: 412x823 at 1.75x, touch."""
    session = new_session(
        browser,
        base_url,
        viewport={"width": 412, "height": 823},
        device_scale_factor=1.75,
        is_mobile=True,
        has_touch=True,
    )
    yield session
    session.page.context.close()


@pytest.mark.parametrize("url", URLS)
def test_axe__no_violations_as_loaded(url: str, lighthouse_phone: Session) -> None:
    # As Lighthouse runs axe: on a phone, on the page as loaded, where blocks far below the
    # viewport are not laid out yet (extra.css). axe then reads their text where their
    # placeholders put it, and a block that overflows its placeholder onto the footer reads as
    # footer-coloured text.
    lighthouse_phone.open(url)
    lighthouse_phone.page.wait_for_timeout(300)
    violations = axe_violations(lighthouse_phone, "default", lay_out=False)
    print(json.dumps(violations, indent=1))
    assert violations == []


def test_gate__unlabeled_button_is_caught(session: Session) -> None:
    page = session.open("conclusion/")
    page.evaluate("document.querySelector('article').append(document.createElement('button'))")
    violations = axe_violations(session, "default")
    print(violations)
    assert [v["id"] for v in violations] == ["button-name"]


def test_gate__small_targets_side_by_side_are_caught(session: Session) -> None:
    page = session.open("conclusion/")
    page.evaluate(
        """() => {
      // Two 16 px buttons side by side, on a line of their own (a target inside a sentence is
      // exempt, as WCAG 2.5.8 has it).
      const row = document.createElement("div")
      for (const name of ["one", "two"]) {
        const button = document.createElement("button")
        button.setAttribute("aria-label", name)
        button.style.cssText = "display: block; float: left; width: 16px; height: 16px"
        row.append(button)
      }
      document.querySelector("article").append(row)
    }"""
    )
    violations = axe_violations(session, "default")
    print(violations)
    assert [v["id"] for v in violations] == ["target-size"]
