"""Reuses compiled theme templates across rebuilds under `mkdocs serve`."""

from __future__ import annotations

from mkdocs.exceptions import PluginError

from ex01.templates import use_cache


def on_config(config):
    """See ex01.templates.use_cache. The cache checks each template's source, so an edited
    template is compiled again."""
    try:
        use_cache(config["theme"])
    except TypeError as error:
        raise PluginError(str(error)) from error
    return config
