"""The generator's templates (scripts/comparison/templates/): loading, strictness, shipping."""

from __future__ import annotations

import fnmatch
import tomllib
from pathlib import Path

import pytest

from comparison.errors import ComparisonError
from comparison.templates import TEMPLATES_DIR, markdown_text, render_in, yaml_string
from tests.conftest import ROOT


def _write(folder: Path, text: str) -> str:
    (folder / "page.md.jinja").write_text(text, encoding="utf-8")
    return "page.md.jinja"


def test_render__fills_values_and_keeps_markdown_attribute_lists(tmp_path: Path) -> None:
    name = _write(tmp_path, "## {{ title | md }} {#only-in-{{ tool }}}\n{## a comment ##}\n")
    text = render_in(tmp_path, name, title="GANs *and* VAEs", tool="gemini")
    print(repr(text))
    assert text == "## GANs \\*and\\* VAEs {#only-in-gemini}\n"


def test_render__a_value_not_given_is_an_error_naming_template_and_line(tmp_path: Path) -> None:
    name = _write(tmp_path, "First line.\n\nHello {{ nmae }}.\n")
    with pytest.raises(ComparisonError) as error:
        render_in(tmp_path, name, name="x")
    print(error.value)
    assert str(error.value) == f"{tmp_path.as_posix()}/{name}:3: 'nmae' is undefined"


def test_render__a_template_that_does_not_parse_names_its_line(tmp_path: Path) -> None:
    name = _write(tmp_path, "One.\n{% if x %}\nTwo.\n")
    with pytest.raises(ComparisonError) as error:
        render_in(tmp_path, name, x=True)
    print(error.value)
    assert str(error.value).startswith(f"{tmp_path.as_posix()}/{name}:3: ")


def test_render__a_missing_template_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ComparisonError) as error:
        render_in(tmp_path, "nowhere.md.jinja")
    assert (
        str(error.value)
        == f"{tmp_path.as_posix()}/nowhere.md.jinja: missing (a template of the generator)"
    )


def test_filters__markdown_and_yaml_strings() -> None:
    assert markdown_text("a_b [c] <d>") == "a\\_b \\[c\\] &lt;d>"
    assert yaml_string("ChatGPT's “answer”") == '"ChatGPT\'s “answer”"'


def test_package_data__ships_every_template() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["comparison"]
    templates = [
        path.relative_to(TEMPLATES_DIR.parent).as_posix() for path in TEMPLATES_DIR.iterdir()
    ]
    print(patterns, templates)
    assert templates
    assert all(any(fnmatch.fnmatch(t, pattern) for pattern in patterns) for t in templates)
