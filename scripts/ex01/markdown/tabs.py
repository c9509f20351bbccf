"""Stable ids for content tabs: named after the section they hold, not their position.

markdown_extensions:
  - ex01.markdown.tabs
"""

from __future__ import annotations

import re

from ex01.markdown.rewrite import HtmlRewrite

_SET = re.compile(r'<div class="tabbed-set[^"]*" data-tabs="(?P<set>\d+):\d+">')
_HEADING_ID = re.compile(r'<h[2-6] id="(?P<id>[^"]+)"')
_LABEL = re.compile(r'<label for="__tabbed_(?P<set>\d+)_(?P<tab>\d+)">(?P<text>[^<]*)</label>')


def _slug(text: str) -> str:
    return "-".join(re.findall(r"[a-z0-9]+", text.lower()))


def stable_tab_ids(html: str) -> str:
    """Rename pymdownx.tabbed's positional ids (`__tabbed_3_2`) after the tab set's content.

    A set whose tabs hold a heading is named after the first heading id in it; its tabs after
    their labels: `chatgpt-model-size-gemini`. A set with no heading is named after the one
    before it (`…-next`), or `opening` at the top of the page. Material links a tab's label to
    its input's id, so these are addresses readers can copy; they no longer change when a set
    is added above. Pages without tabs come back unchanged.
    """
    starts = [(match.start(), match["set"]) for match in _SET.finditer(html)]
    if not starts:
        return html
    names: dict[str, str] = {}
    previous = None
    for index, (start, number) in enumerate(starts):
        end = starts[index + 1][0] if index + 1 < len(starts) else len(html)
        heading = _HEADING_ID.search(html, start, end)
        name = heading["id"] if heading else f"{previous}-next" if previous else "opening"
        while name in names.values():
            name += "-next"
        names[number] = previous = name
    labels = {
        (match["set"], match["tab"]): _slug(match["text"]) or match["tab"]
        for match in _LABEL.finditer(html)
    }

    def rename(match: re.Match[str]) -> str:
        number, tab = match["set"], match["tab"]
        if tab is None:
            # The group name keeps Material's prefix: its inline script opens the tab a link's
            # #id names only for inputs whose name starts with "__tabbed_".
            return f"__tabbed_{names[number]}"
        return f"{names[number]}-{labels.get((number, tab), tab)}"

    return re.sub(r"__tabbed_(?P<set>\d+)(?:_(?P<tab>\d+))?\b", rename, html)


class TabsExtension(HtmlRewrite):
    """Renames the page's tab ids (see `stable_tab_ids`); runs after pymdownx.tabbed."""

    name = "tabs"
    rewrite = staticmethod(stable_tab_ids)


def makeExtension(**kwargs: object) -> TabsExtension:
    return TabsExtension(**kwargs)
