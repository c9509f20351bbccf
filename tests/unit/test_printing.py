"""Print rewrites: page-prefixed ids on the print page, and link targets marked for print."""

from __future__ import annotations

import re

import pytest

from ex01.printing import keep_links_to, mark_link_targets, prefix_ids, print_page_assets


def test_prefix_ids__short_id_left_intact() -> None:
    """The plugin's own renaming turned <h2 id="d"> into <h2 iglossary-d="d">."""
    html = '<h2 id="d">D<a class="headerlink" href="#glossary-d">¶</a></h2>'
    result = prefix_ids(html, "glossary")
    print(result)
    assert result == '<h2 id="glossary-d">D<a class="headerlink" href="#glossary-d">¶</a></h2>'


def test_prefix_ids__every_tag_and_every_id_on_a_line() -> None:
    html = '<abbr title="x">GAN</abbr><sup id="fnref:a"><a href="#p-fn:a">1</a></sup><p id="c">'
    result = prefix_ids(html, "p")
    print(result)
    assert result == (
        '<abbr title="x">GAN</abbr><sup id="p-fnref:a"><a href="#p-fn:a">1</a></sup><p id="p-c">'
    )


def test_prefix_ids__inputs_and_lookalikes_left_alone() -> None:
    """The plugin renames <input> ids with their labels; data-id and text are not ids."""
    html = "<input id=\"__tabbed_1\"><div data-id='x' class='y' id='z'>id=\"t\"</div>"
    result = prefix_ids(html, "k")
    print(result)
    assert result == "<input id=\"__tabbed_1\"><div data-id='x' class='y' id='k-z'>id=\"t\"</div>"


def test_mark_link_targets__only_links_whose_text_hides_the_address() -> None:
    html = (
        '<a href="https://arxiv.org/abs/1">https://arxiv.org/abs/1</a> '
        '<a class="x" href="https://mkdocs.org/" title="t">MkDocs</a> '
        '<a href="../glossary/">Glossary</a>'
    )
    result = mark_link_targets(html)
    print(result)
    assert result == (
        '<a href="https://arxiv.org/abs/1">https://arxiv.org/abs/1</a> '
        '<a class="x" href="https://mkdocs.org/" data-print-url="https://mkdocs.org/" title="t">'
        "MkDocs</a> "
        '<a href="../glossary/">Glossary</a>'
    )


def test_keep_links_to__links_to_excluded_pages_stay_links() -> None:
    def plugin(page_html: str, page_key: str, page_url: str, *args: object) -> str:
        # Stands in for the plugin: every internal href becomes an anchor on the print page.
        return re.sub(r'href="(?!http)([^"]*)"', r'href="#anchor"', page_html)

    fix = keep_links_to(plugin, ("side-by-side/",), "print/")
    page = (
        '<a href="../../../side-by-side/scaling/">both</a> '
        '<a href="../../gemini/scaling/">other</a>'
    )
    fixed = fix(page, "answers-chatgpt-scaling", "answers/chatgpt/scaling/")
    print(fixed)
    assert fixed == '<a href="../side-by-side/scaling/">both</a> <a href="#anchor">other</a>'
    assert fix.__wrapped__ is plugin


def test_print_page_assets__taken_off_every_page_in_place() -> None:
    extra_css = ["css/print-site.css", "css/print-site-material.css", "assets/x.css"]
    extra_javascript = ["js/print-site.js", "assets/a.js", "assets/b.js"]
    assets = print_page_assets(extra_css, extra_javascript)
    print(assets, extra_css, extra_javascript)
    assert assets == {
        "css": ["css/print-site.css", "css/print-site-material.css"],
        "js": ["js/print-site.js"],
    }
    assert extra_css == ["assets/x.css"]
    assert extra_javascript == ["assets/a.js", "assets/b.js"]


def test_print_page_assets__names_what_the_plugin_stopped_adding() -> None:
    with pytest.raises(ValueError, match=r"no longer adds css/print-site-material\.css$"):
        print_page_assets(["css/print-site.css"], ["js/print-site.js"])
