"""The generated pages' fixed prose: Jinja2 templates under scripts/comparison/templates/.

A writer edits the sentences there without touching Python; the generator passes plain values
(`render(name, **values)`). Undefined names are errors (StrictUndefined), so a misspelt
placeholder stops the run with one line naming the template and line instead of leaving a gap.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import jinja2

from comparison.errors import ComparisonError

TEMPLATES_DIR = Path(__file__).with_name("templates")
_SHOWN = "scripts/comparison/templates"
_ESCAPE = re.compile(r"([\\`*_{}\[\]|])")  # as comparison.render escapes


def markdown_text(text: str) -> str:
    """Text made safe to stand in Markdown: inline markup and table pipes escaped."""
    return _ESCAPE.sub(r"\\\1", text).replace("<", "&lt;")


def yaml_string(text: str) -> str:
    """Text as a double-quoted YAML (JSON) string, for front matter."""
    return json.dumps(text, ensure_ascii=False)


@cache
def _environment(folder: Path) -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(folder),
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # the output is Markdown, not HTML
        keep_trailing_newline=True,
        # "{#" opens a Markdown attribute list ({#paired-sections}), so comments are {## … ##}.
        comment_start_string="{##",
        comment_end_string="##}",
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["md"] = markdown_text
    environment.filters["yaml_string"] = yaml_string
    return environment


def render(name: str, /, **values: object) -> str:
    """The template `name` (in scripts/comparison/templates/) filled with `values`.

    A template that is missing, does not parse or names a value it was not given raises
    ComparisonError, `scripts/comparison/templates/<name>[:line]: problem`.
    """
    return render_in(TEMPLATES_DIR, name, **values)


def render_in(folder: Path, name: str, /, **values: object) -> str:
    """The template `name` in `folder` filled with `values` (see `render`)."""
    shown = _SHOWN if folder == TEMPLATES_DIR else folder.as_posix()
    try:
        return _environment(folder).get_template(name).render(**values)
    except jinja2.TemplateSyntaxError as error:
        raise ComparisonError(f"{shown}/{name}:{error.lineno}: {error.message}") from None
    except jinja2.TemplateNotFound:
        raise ComparisonError(f"{shown}/{name}: missing (a template of the generator)") from None
    except jinja2.UndefinedError as error:
        line = _template_line(error, name)
        raise ComparisonError(f"{shown}/{name}{line}: {error.message}") from None


def _template_line(error: BaseException, name: str) -> str:
    """ ":<line>" of the template where `error` was raised, from Jinja's traceback, or ""."""
    traceback = error.__traceback__
    found = ""
    while traceback is not None:
        if traceback.tb_frame.f_code.co_filename.endswith(name):
            found = f":{traceback.tb_lineno}"
        traceback = traceback.tb_next
    return found
