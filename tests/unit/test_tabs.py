"""Content tabs get ids named after the section they hold, never their position on the page."""

from __future__ import annotations

import markdown

from ex01.markdown.tabs import stable_tab_ids


def _set(number: int, body: str) -> str:
    return (
        f'<div class="tabbed-set tabbed-alternate" data-tabs="{number}:2">'
        f'<input checked="checked" id="__tabbed_{number}_1" name="__tabbed_{number}" '
        'type="radio" />'
        f'<input id="__tabbed_{number}_2" name="__tabbed_{number}" type="radio" />'
        f'<div class="tabbed-labels"><label for="__tabbed_{number}_1">ChatGPT</label>'
        f'<label for="__tabbed_{number}_2">Gemini</label></div>'
        f'<div class="tabbed-content">{body}</div></div>'
    )


def test_tabs__named_after_the_first_heading_in_the_set() -> None:
    html = (
        _set(1, "<p>opening</p>") + _set(2, '<h2 id="model-size">Size</h2>') + _set(3, "<p>x</p>")
    )
    renamed = stable_tab_ids(html)
    print(renamed)
    assert "__tabbed_1_" not in renamed and "__tabbed_2_" not in renamed
    assert 'id="opening-chatgpt" name="__tabbed_opening"' in renamed
    assert '<label for="model-size-gemini">Gemini</label>' in renamed
    assert 'id="model-size-next-chatgpt" name="__tabbed_model-size-next"' in renamed


def test_tabs__page_without_tabs_is_unchanged() -> None:
    html = '<h2 id="a">A</h2><script>x.startsWith("__tabbed_")</script>'
    assert stable_tab_ids(html) == html


def test_extension__renames_pymdownx_tabbed_ids() -> None:
    text = '=== "ChatGPT"\n\n    ## Size {#size}\n\n=== "Gemini"\n\n    Text\n'
    html = markdown.markdown(
        text,
        extensions=["attr_list", "pymdownx.tabbed", "ex01.markdown.tabs"],
        extension_configs={"pymdownx.tabbed": {"alternate_style": True}},
    )
    print(html)
    assert 'id="size-chatgpt"' in html and 'id="size-gemini"' in html
    assert "__tabbed_1_" not in html
