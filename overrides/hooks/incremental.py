"""Under `mkdocs serve --dirty`, rebuilds only the edited pages and still gives the site a clean
build gives: see ex01.incremental. Any other command or build is left alone."""

from __future__ import annotations

from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority

from ex01.incremental import STATE, IncrementalError


def _search(config):
    search = config["plugins"].get("material/search")
    if search is None:
        raise PluginError("hooks/incremental.py: Material's search plugin is not enabled")
    return search


def on_startup(command, dirty) -> None:
    STATE.startup(command, dirty)


# After every plugin has added its files.
@event_priority(-100)
def on_files(files, config):
    STATE.files(files, config)
    return files


# Before any plugin reads the page.
@event_priority(100)
def on_pre_page(page, config, files):
    STATE.pre_page(page)
    return page


# After every plugin, the print page's collector included.
@event_priority(-100)
def on_page_content(html: str, page, config, files) -> str:
    STATE.page_content(html, page)
    return html


# After every plugin, between reading the pages and writing them.
@event_priority(-100)
def on_env(env, config, files):
    STATE.env(files)
    return env


# Around Material's search plugin (priority 0) and hooks/formulas.py's search view (50, -50).
@event_priority(60)
def _search_start(context, page, config, nav):
    if not STATE.enabled:
        return context
    try:
        STATE.search_start(page, _search(config))
    except IncrementalError as error:
        raise PluginError(str(error)) from error
    return context


@event_priority(-60)
def _search_end(context, page, config, nav):
    if STATE.enabled:
        STATE.search_end(page, _search(config))
    return context


on_page_context = CombinedEvent(_search_start, _search_end)


# Before Material's search plugin writes its index and the print page is written (priority 0).
@event_priority(100)
def _post_build(config) -> None:
    if not STATE.enabled:
        return
    try:
        STATE.post_build(_search(config))
    except IncrementalError as error:
        raise PluginError(str(error)) from error


@event_priority(-100)
def _done(config) -> None:
    STATE.done()


on_post_build = CombinedEvent(_post_build, _done)


def on_build_error(error) -> None:
    STATE.failed()
