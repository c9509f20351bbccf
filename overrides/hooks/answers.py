"""Checks the nine report pages before a build and puts a header block under each answer's title."""

from __future__ import annotations

import os

from mkdocs.exceptions import PluginError

from ex01.answers import (
    ORIGINAL_REPORT,
    AnswerPageError,
    expected_pages,
    parse_answer_meta,
    read_answer_meta,
    render_header,
)
from ex01.source import SourceError, split_report


def _read(docs_dir: str, path: str) -> str:
    shown = os.path.relpath(os.path.join(docs_dir, path))
    try:
        with open(os.path.join(docs_dir, path), encoding="utf-8") as handle:
            return handle.read()
    except FileNotFoundError:
        raise PluginError(f"{shown}: missing (the site needs every report page)") from None
    except (OSError, UnicodeDecodeError) as error:
        raise PluginError(f"{shown}: unreadable: {error}") from None


def on_pre_build(config) -> None:
    """Fail the build, naming the file, when a report page is missing or declares bad metadata."""
    docs_dir = config["docs_dir"]
    try:
        original = split_report(_read(docs_dir, ORIGINAL_REPORT), ORIGINAL_REPORT)
        parts = {part.key: part for part in original}
        for path in expected_pages()[:-1]:
            meta = read_answer_meta(_read(docs_dir, path), path)
            expected = parts[f"{meta.tool}-{meta.prompt}"].prompt_text
            if meta.prompt_text != expected:
                raise AnswerPageError(f"{path}: prompt_text differs from the original {expected!r}")
        _read(docs_dir, expected_pages()[-1])
    except (AnswerPageError, SourceError) as error:
        raise PluginError(f"{os.path.relpath(docs_dir)}/{error}") from None


def on_page_markdown(markdown: str, page, config, files) -> str:
    """Insert the tool/prompt header block right after an answer page's h1."""
    path = page.file.src_uri
    if not path.startswith("answers/"):
        return markdown
    try:
        meta = parse_answer_meta(page.meta, path)
    except AnswerPageError as error:
        raise PluginError(f"{os.path.relpath(config['docs_dir'])}/{error}") from None
    title, _, body = markdown.lstrip("\n").partition("\n")
    if not title.startswith("# "):
        raise PluginError(f"{path}: an answer page must open with its '# ' title")
    return f"{title}\n\n<!-- hooks/answers.py -->\n{render_header(meta)}\n{body}"
