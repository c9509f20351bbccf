"""Reuses compiled theme templates across rebuilds under `mkdocs serve`."""

from __future__ import annotations

from ex01.templates import CACHE


def on_env(env, config, files):
    """The cache checks each template's source, so an edited template is compiled again."""
    env.bytecode_cache = CACHE
    return env
