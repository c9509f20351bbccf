"""Every acronym in the built pages has a tooltip entry, and every entry is used.

The entries live in docs/includes/abbreviations.md, which pymdownx.snippets appends to every page
and Python-Markdown's `abbr` turns into `<abbr title>` tooltips.

What counts as an acronym (the rule the site is held to):

- The visible text of each page's `<article>` is read, leaving out code, preformatted blocks
  (which include Mermaid diagrams), math (`.arithmatex`), text already inside an `<abbr>` and
  URLs written out in the text; link targets are attributes, never text.
- The text is cut into tokens at every character that is not a letter or a digit, so "GPT-3"
  gives "GPT", "WGAN-GP" gives "WGAN" and "GP", and "DALL·E" gives "DALL". Subscript digits
  count as digits ("CO₂" is read as "CO2").
- A token is an acronym when it matches ACRONYM in full: it starts with a capital, has at least
  two capitals or digits, and any lowercase letter inside it stands alone between capitals or
  digits, with at most one more at the end. So "LLM", "T5", "CO2", "LoRA", "PaLM", "LLaMA",
  "MoE", "ViT", "RoBERTa", "MWh" and the plural "LLMs" count, while names written in camel case
  with longer lowercase runs ("ChatGPT", "OpenAI", "DeepMind", "StyleGAN", "GitHub") and tokens
  that start with a digit or a lowercase letter ("6ND", "wav2vec") do not.
- A final "s" after a capital or digit is a plural: "LLMs" needs the entry "LLM" or "LLMs".
- NOT_ACRONYMS lists the capitalized tokens that match but are not abbreviations, with why.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from tests.conftest import DOCS

ABBREVIATIONS = DOCS / "includes" / "abbreviations.md"
ENTRY = re.compile(r"\*\[(?P<term>[^\]]+)\]: (?P<title>\S.*)")
ACRONYM = re.compile(r"[A-Z](?:[A-Z0-9]|[a-z](?=[A-Z0-9]))*[A-Z0-9][a-z]?")
TOKEN = re.compile(r"[^\W_]+")
URL = re.compile(r"\b(?:https?://|www\.)\S+")
PLURAL = re.compile(r"(?<=[A-Z0-9])s$")
SUBSCRIPTS = str.maketrans("₀₁₂₃₄₅₆₇₈₉", "0123456789")
SKIP = "code, pre, .arithmatex, script, style"
# A tooltip has to be read at a glance.
LONGEST_TITLE = 150

NOT_ACRONYMS = {
    "A4": "the paper size the PDF edition is printed on (print.md), not an abbreviation",
    "BA": "the matrix product B times A, written as plain text in chapters/training.md",
    "DALL": "part of the name DALL·E (Dalí and WALL·E), not an abbreviation",
    "EX01": "the report's own code",
    "R1": "a version label in the model name DeepSeek-R1",
    "V3": "a version label in the model name DeepSeek-V3",
}


def _entries() -> dict[str, str]:
    lines = ABBREVIATIONS.read_text(encoding="utf-8").splitlines()
    return {m["term"]: m["title"] for line in lines if (m := ENTRY.fullmatch(line))}


def _key(token: str) -> str:
    """The form an acronym is looked up by: ASCII digits, no plural "s"."""
    token = token.translate(SUBSCRIPTS)
    return PLURAL.sub("", token) if len(token) > 2 else token


def acronyms_in(text: str) -> list[str]:
    """The acronyms in `text` (URLs left out), as written."""
    return [
        token
        for token in TOKEN.findall(URL.sub(" ", text))
        if ACRONYM.fullmatch(token.translate(SUBSCRIPTS))
    ]


def visible_text(html: str, *, inside_abbr: bool) -> str:
    """The text of the page's article without code, math and (unless asked) `<abbr>` text."""
    article = LexborHTMLParser(html).css_first("article")
    if article is None:
        return ""
    skip = SKIP if inside_abbr else f"{SKIP}, abbr"
    # One at a time, first in document order: that is the outermost of any nested matches, and
    # removing it removes them too.
    while (node := article.css_first(skip)) is not None:
        node.decompose()
    return article.text(separator=" ")


def unexplained_acronyms(pages: dict[str, str], entries: dict[str, str]) -> list[str]:
    """`page: TOKEN` for each acronym outside an `<abbr>` with neither an entry nor an exception."""
    known = {_key(term) for term in entries} | set(NOT_ACRONYMS)
    return sorted(
        {
            f"{path}: {_key(token)}"
            for path, html in pages.items()
            for token in acronyms_in(visible_text(html, inside_abbr=False))
            if _key(token) not in known
        }
    )


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("GPT-3 and GPT-4o", ["GPT", "GPT"]),
        ("two LLMs, three GANs", ["LLMs", "GANs"]),
        ("T5, CO2 and CO₂", ["T5", "CO2", "CO₂"]),
        (
            "LoRA, PaLM, LLaMA, MoE, ViT, RoBERTa, 1,287 MWh",
            ["LoRA", "PaLM", "LLaMA", "MoE", "ViT", "RoBERTa", "MWh"],
        ),
        ("ChatGPT, OpenAI, StyleGAN2, GitHub, wav2vec, C ≈ 6ND, I, A", []),
        ("see https://arxiv.org/abs/ABC123 or www.EXAMPLE.org", []),
    ],
)
def test_acronym_rule__tokens(text: str, found: list[str]) -> None:
    actual = acronyms_in(text)
    print(actual)
    assert actual == found


def test_acronym_rule__plural_maps_to_singular() -> None:
    keys = [_key(token) for token in ["LLMs", "GANs", "FLOPs", "CO₂", "RoBERTa", "MWh", "GPUs"]]
    print(keys)
    assert keys == ["LLM", "GAN", "FLOP", "CO2", "RoBERTa", "MWh", "GPU"]


def test_abbreviations__one_entry_per_line_with_blank_lines_between() -> None:
    """One definition a line, a blank line between them.

    Python-Markdown's abbr re-parses the rest of a block after each definition it takes out of
    it, so one block of a hundred definitions made every page build several times slower.
    """
    lines = ABBREVIATIONS.read_text(encoding="utf-8").splitlines()
    malformed = [
        f"{number}: {line}"
        for number, line in enumerate(lines, 1)
        if not (ENTRY.fullmatch(line) if number % 2 else line == "")
    ]
    print(malformed)
    assert lines and not malformed


def test_abbreviations__each_term_once_sorted_a_to_z() -> None:
    lines = ABBREVIATIONS.read_text(encoding="utf-8").splitlines()
    terms = [m["term"] for line in lines if (m := ENTRY.fullmatch(line))]
    print(terms)
    assert terms == sorted(set(terms), key=str.casefold)


def test_abbreviations__titles_fit_a_tooltip() -> None:
    long = {term: len(title) for term, title in _entries().items() if len(title) > LONGEST_TITLE}
    print(long)
    assert not long


def test_acronyms__every_one_has_an_entry(html_pages: dict[str, str]) -> None:
    missing = unexplained_acronyms(html_pages, _entries())
    print(len(html_pages), "pages;", missing)
    assert missing == []


def test_abbreviations__every_entry_is_used(html_pages: dict[str, str]) -> None:
    """Each entry's exact form occurs, as a word, in some page's text: no dead entries.

    Occurrences in headings, bold text and links, and repeats in a section, are plain text
    (ex01.markdown.abbreviations), so the text is read rather than the `<abbr>` elements.
    """
    text = " ".join(visible_text(html, inside_abbr=True) for html in html_pages.values())
    unused = sorted(
        term
        for term in _entries()
        if not re.search(rf"(?<![^\W_]){re.escape(term)}(?![^\W_])", text)
    )
    print(len(_entries()), "entries;", unused)
    assert unused == []


def test_not_acronyms__each_still_occurs(html_pages: dict[str, str]) -> None:
    """An exception nothing needs any more is removed, like a dead entry."""
    seen = {
        _key(token)
        for html in html_pages.values()
        for token in acronyms_in(visible_text(html, inside_abbr=True))
    }
    stale = sorted(set(NOT_ACRONYMS) - seen)
    print(stale)
    assert stale == []


def test_abbreviations__appended_to_every_page_with_an_acronym(
    html_pages: dict[str, str],
) -> None:
    # 404.html comes from a template (overrides/404.html), not Markdown, so nothing appends
    # abbreviations to it; its acronyms are those of the page titles it lists.
    with_acronyms = [
        path
        for path, html in html_pages.items()
        if path != "404.html"
        and any(
            _key(token) not in NOT_ACRONYMS
            for token in acronyms_in(visible_text(html, inside_abbr=True))
        )
    ]
    without = [
        path
        for path in with_acronyms
        if not LexborHTMLParser(html_pages[path]).css("article abbr[title]")
    ]
    print(len(with_acronyms), "pages with acronyms;", without)
    assert with_acronyms and without == []


def test_abbreviations__titles_come_from_the_entries(html_pages: dict[str, str]) -> None:
    entries = _entries()
    wrong = sorted(
        {
            f"{path}: {node.text()}"
            for path, html in html_pages.items()
            for node in LexborHTMLParser(html).css("article abbr")
            if entries.get(node.text()) != node.attributes.get("title")
        }
    )
    print(wrong)
    assert wrong == []


def test_gate__unknown_acronym_is_caught(html_pages: dict[str, str]) -> None:
    page = html_pages["conclusion/index.html"]
    doctored = page.replace(
        "</article>",
        "<p>The ZQXW model beat two ZQXWs and a GPT-3 on ZQXW-bench.</p></article>",
    )
    missing = unexplained_acronyms({"conclusion/index.html": doctored}, _entries())
    print(missing)
    assert missing == ["conclusion/index.html: ZQXW"]


def test_gate__code_math_urls_and_abbr_are_not_read(html_pages: dict[str, str]) -> None:
    page = html_pages["conclusion/index.html"]
    doctored = page.replace(
        "</article>",
        "<p>QQTEXT <code>QQCODE</code> <span class='arithmatex'>\\(QQMATH\\)</span>"
        " <a href='https://example.org/QQHREF'>https://example.org/QQURL</a>"
        " <abbr title='x'>QQABBR</abbr></p><pre><code>QQPRE</code></pre></article>",
    )
    missing = unexplained_acronyms({"conclusion/index.html": doctored}, _entries())
    print(missing)
    assert missing == ["conclusion/index.html: QQTEXT"]


def test_site__abbreviations_file_is_not_published(site: Path) -> None:
    published = sorted(path.name for path in site.rglob("abbreviations*"))
    print(published)
    assert published == []
