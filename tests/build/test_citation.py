"""Every page can be cited: a "Cite this page" block, citation meta tags, and CITATION.cff."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import jsonschema
import pytest
import yaml
from mkdocs.config import load_config
from selectolax.lexbor import LexborHTMLParser

from tests.conftest import DATA, PAGES, ROOT, page_html, page_url

CONFIG = load_config(str(ROOT / "mkdocs.yml"))
EDITION = str(CONFIG["extra"]["edition"]["date"])
YEAR, MONTH, DAY = (int(part) for part in EDITION.split("-"))
APA_DATE = f"{YEAR}, {datetime.date(YEAR, MONTH, DAY):%B} {DAY}"


def _meta(tree: LexborHTMLParser, name: str) -> str | None:
    node = tree.css_first(f'meta[name="{name}"], meta[property="{name}"]')
    return node.attributes.get("content") if node else None


def _h1(tree: LexborHTMLParser) -> str:
    h1 = tree.css_first("article h1")
    for extra in h1.css("a.headerlink, button"):
        extra.decompose()
    return " ".join(h1.text().split())


@pytest.mark.parametrize("page", PAGES)
def test_cite__block_names_the_page(page: str, site: Path, base_url: str) -> None:
    tree = LexborHTMLParser(page_html(site, page))
    block = tree.css_first("article details.cite")
    assert block is not None
    url = base_url + page_url(page)
    apa, bibtex = (button.attributes["data-copy"] for button in block.css("button.cite-copy"))
    print(apa, bibtex, sep="\n")
    author, site_name = CONFIG["site_author"], CONFIG["site_name"]
    assert apa == f"{author}. ({APA_DATE}). {_h1(tree)}. {site_name}. {url}"
    assert f"url = {{{url}}}," in bibtex
    assert bibtex.startswith("@misc{ex01-")
    assert f"year = {{{YEAR}}}," in bibtex
    # Kept out of search: every page would otherwise match "EX01 report editors".
    assert "data-search-exclude" in block.attributes


@pytest.mark.parametrize("page", PAGES)
def test_cite__meta_tags_for_scholar_and_link_previews(
    page: str, site: Path, base_url: str
) -> None:
    tree = LexborHTMLParser(page_html(site, page))
    url = base_url + page_url(page)
    title = _h1(tree)
    description = _meta(tree, "description")
    print(title, description)
    assert _meta(tree, "citation_title") == title
    assert _meta(tree, "citation_author") == CONFIG["site_author"]
    assert _meta(tree, "citation_publication_date") == EDITION.replace("-", "/")
    assert _meta(tree, "citation_public_url") == url
    assert _meta(tree, "og:title") == title
    assert _meta(tree, "og:url") == url
    assert _meta(tree, "og:description") == description


def test_cite__bibtex_keys_are_unique(site: Path) -> None:
    keys = [
        LexborHTMLParser(page_html(site, page))
        .css_first("article pre.cite__entry code")
        .text()
        .split(",")[0]
        for page in PAGES
    ]
    assert len(set(keys)) == len(keys), keys


def test_citation_cff__valid_against_the_format_schema() -> None:
    schema = json.loads((DATA / "citation-file-format-1.2.0.schema.json").read_text("utf-8"))
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text("utf-8"))
    validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())
    errors = [f"{list(error.path)}: {error.message}" for error in validator.iter_errors(cff)]
    assert not errors


def test_citation_cff__matches_the_site_configuration() -> None:
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text("utf-8"))
    assert cff["title"] == CONFIG["extra"]["report"]["title"]
    assert [author["name"] for author in cff["authors"]] == [CONFIG["site_author"]]
    assert str(cff["date-released"]) == EDITION
    assert cff["preferred-citation"]["title"] == cff["title"]
    assert str(cff["preferred-citation"]["date-published"]) == EDITION
