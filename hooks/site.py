"""The site's one MkDocs hook: what neither a Markdown extension nor a template block can do.

Zensical, Material's successor, ignores `hooks:`; everything a reader sees is made by the
extensions (ex01.markdown) and templates (overrides/) that both engines run. What is left here,
in the order MkDocs calls it:

1. on_startup: note whether this is `mkdocs serve`.
2. on_config: check the edition date that citations and the sitemap are stamped with; under
   `mkdocs serve`, have the diagram and formula extensions note a diagram or formula not drawn
   ahead of time, which the browser then draws, instead of warning (which fails the strict
   build that `mkdocs build` makes).
3. on_files: stop at once, with one line naming it, when a report page (an answer, the
   conclusion, the original) is missing, not UTF-8, or declares the wrong front matter
   (ex01.answers.check_report_pages), before any page is read: MkDocs would otherwise warn at
   every link to a missing page, or put a line of its own before the answer extension's error.
   It also takes the edit and view buttons off the pages that are not ours to edit (quoted or
   generated: ex01.answers.ours_to_edit), through MkDocs' File.edit_uri.
4. on_pre_build: under `mkdocs serve` only, regenerate the comparison and the side-by-side
   pages, which quote the answers, so an edited answer shows there too. The generator writes
   only the files whose content changed, so the rebuild this triggers changes nothing more.
5. on_pre_page: date each page by the edition, not the build clock; MkDocs stamps the
   gzipped sitemap's header with the newest page date.
6. on_page_markdown / on_page_content: tell the extensions which page MkDocs converts
   (ex01.markdown.context); Zensical tells them itself.
7. on_post_page, on_post_template: drop the empty `tabindex=""` Material's nav-item partial
   gives section labels (invalid HTML) on every page and on the 404 page, instead of keeping a
   copy of the partial that Zensical would render too.
8. on_post_build: fill the print page with the whole report and put a Content-Security-Policy
   on every page (ex01.postbuild, which `make build-zensical` runs after a Zensical build).
"""

from __future__ import annotations

import datetime
import logging
from pathlib import Path

from mkdocs.exceptions import PluginError

from comparison.errors import ComparisonError
from comparison.generate import generate
from ex01 import postbuild
from ex01.answers import AnswerPageError, check_report_pages, ours_to_edit
from ex01.markdown import context

log = logging.getLogger("mkdocs.hooks.site")
_serving: list[bool] = [False]


def on_startup(command: str, dirty: bool) -> None:
    _serving[0] = command == "serve"


def on_config(config):
    date = str((config["extra"].get("edition") or {}).get("date", ""))
    try:
        datetime.date.fromisoformat(date)
    except ValueError:
        raise PluginError(
            f"mkdocs.yml: extra.edition.date must be YYYY-MM-DD, not {date!r}"
        ) from None
    if _serving[0]:
        for extension in ("ex01.markdown.diagrams", "ex01.markdown.formulas"):
            config["mdx_configs"].setdefault(extension, {})["undrawn"] = "info"
    return config


def on_files(files, config):
    try:
        check_report_pages(Path(config["docs_dir"]))
    except AnswerPageError as error:
        raise PluginError(f"docs/{error}") from None
    for file in files.documentation_pages():
        if not ours_to_edit(file.src_uri):
            file.edit_uri = None
    return files


def on_pre_build(config) -> None:
    if not _serving[0]:
        return
    try:
        changed = generate(Path(config["docs_dir"]))
    except ComparisonError as error:
        raise PluginError(str(error)) from None
    if changed:
        log.info("Regenerated from the answers: %s", ", ".join(changed))


def on_pre_page(page, config, files):
    page.update_date = str(config["extra"]["edition"]["date"])
    return page


def on_page_markdown(markdown: str, page, config, files) -> str:
    context.set_page(page.file.src_uri, page.meta)
    return markdown


def on_page_content(html: str, page, config, files) -> str:
    context.clear_page()
    return html


def on_post_page(output: str, page, config) -> str:
    return output.replace(' tabindex=""', "")


def on_post_template(output_content: str, template_name: str, config) -> str:
    return output_content.replace(' tabindex=""', "")


def on_post_build(config) -> None:
    try:
        postbuild.run(Path(config["site_dir"]), offline=bool(config["extra"].get("offline")))
    except postbuild.PostBuildError as error:
        raise PluginError(str(error)) from None
