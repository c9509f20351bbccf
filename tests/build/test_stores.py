"""The drawn-ahead stores (docs/includes/diagrams.json and formulas.json, `make prerender`)
hold exactly what the built site uses, made with the versions it serves, and each way a store
can go stale is reported. How the items look in the pages: test_diagrams.py, test_formulas.py.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from ex01 import diagrams, formulas, prerender
from tests.conftest import ROOT, copy_with_store

PACKAGE_JSON = ROOT / prerender.PACKAGE_JSON


@dataclass(frozen=True)
class Store:
    problems: Callable[[Path, Path, Path], list[str]]
    path: Path
    tool: str  # the npm package the site serves
    section: str  # the store's items
    page: str  # a page to put an item on that the store does not hold
    pending: str  # such an item, as the build writes it before `make prerender`
    pending_report: str  # what the check says of it
    stale_item: dict  # an item no page uses
    done: str  # "drawn with", "typeset with"


STORES = {
    "diagrams": Store(
        problems=diagrams.problems,
        path=ROOT / diagrams.STORE,
        tool="mermaid",
        section="diagrams",
        page="chapters/gans/index.html",
        pending='<pre class="mermaid"><code>flowchart LR\n  a --> b</code></pre>',
        pending_report="chapters/gans/index.html: a diagram is not drawn yet",
        stale_item={"source": "flowchart LR\n", "svg": "<svg></svg>"},
        done="drawn with",
    ),
    "formulas": Store(
        problems=formulas.problems,
        path=ROOT / formulas.STORE,
        tool="katex",
        section="formulas",
        page="chapters/vaes/index.html",
        pending='<span class="arithmatex">\\(x^2\\)</span>',
        pending_report="chapters/vaes/index.html: a formula is not typeset yet",
        stale_item={"tex": "y", "display": False, "html": "y"},
        done="typeset with",
    ),
}


@pytest.fixture(params=STORES.values(), ids=STORES.keys())
def store(request: pytest.FixtureRequest) -> Store:
    return request.param


def test_store__matches_the_site(site: Path, store: Store) -> None:
    found = store.problems(site, store.path, PACKAGE_JSON)
    print(found)
    assert found == [], "run `make prerender`"


def test_gate__item_not_made_yet_is_reported(site: Path, tmp_path: Path, store: Store) -> None:
    store_copy, copy = copy_with_store(tmp_path, site, store.path, lambda data: None)
    page = copy / store.page
    html = page.read_text(encoding="utf-8")
    page.write_text(html.replace("</article>", store.pending + "</article>", 1), encoding="utf-8")
    assert store.problems(copy, store_copy, PACKAGE_JSON) == [store.pending_report]


def test_gate__unused_and_outdated_items_are_reported(
    site: Path, tmp_path: Path, store: Store
) -> None:
    def edit(data: dict) -> None:
        data[store.tool] = "0.1.0"
        data[store.section]["0123456789abcdef"] = store.stale_item

    store_copy, copy = copy_with_store(tmp_path, site, store.path, edit)
    served = json.loads(PACKAGE_JSON.read_text(encoding="utf-8"))["devDependencies"][store.tool]
    noun = store.section.removesuffix("s")
    assert store.problems(copy, store_copy, PACKAGE_JSON) == [
        f"{store_copy}: {store.done} {store.tool} 0.1.0, the site serves {served}",
        f"{store_copy}: {noun} 0123456789abcdef is used by no page",
    ]
