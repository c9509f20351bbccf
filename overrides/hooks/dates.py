"""Pins every page's update date to the edition date in mkdocs.yml (extra.edition.date)."""

from __future__ import annotations

import datetime

from mkdocs.exceptions import PluginError


def on_config(config):
    """Check the edition date once: the sitemap and its gzip header are stamped with it."""
    date = str((config["extra"].get("edition") or {}).get("date", ""))
    try:
        datetime.date.fromisoformat(date)
    except ValueError:
        raise PluginError(
            f"mkdocs.yml: extra.edition.date must be YYYY-MM-DD, not {date!r}"
        ) from None
    return config


def on_pre_page(page, config, files):
    """Use the edition date, not the build clock, so two builds give byte-identical files."""
    page.update_date = str(config["extra"]["edition"]["date"])
    return page
