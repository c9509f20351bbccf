"""The generated pages' fixed text: Markdown templates in scripts/comparison/templates/.

A writer edits the prose there without touching Python; the generator passes in the figures
and the tables. Jinja2 with StrictUndefined: a template that names a value the generator does
not give fails the run instead of printing an empty gap. Comments are `{%# ... #%}`, since
`{#` opens a heading's id in Markdown.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2

from comparison.errors import ComparisonError

TEMPLATES_DIR = Path(__file__).parent / "templates"


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES_DIR),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,  # Markdown, not HTML: the generator escapes what it passes in
        # Markdown headings carry ids as {#id}, Jinja's default comment opener: comments are
        # written {%# ... #%} instead.
        comment_start_string="{%#",
        comment_end_string="#%}",
    )


def render(name: str, **values: Any) -> str:
    """A template filled in; a missing template or value is a one-line ComparisonError."""
    shown = f"scripts/comparison/templates/{name}"
    try:
        return _environment().get_template(name).render(**values)
    except jinja2.TemplateNotFound:
        raise ComparisonError(f"{shown}: missing (a page's fixed text)") from None
    except jinja2.TemplateSyntaxError as error:
        raise ComparisonError(f"{shown}:{error.lineno}: {error.message}") from None
    except jinja2.UndefinedError as error:
        raise ComparisonError(
            f"{shown}: {error.message} (the generator gives no such value)"
        ) from None
