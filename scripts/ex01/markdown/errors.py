"""The one error the extensions raise for bad input: a page or store that cannot be used."""

from __future__ import annotations

try:
    # MkDocs stops the build with just the message, no traceback, for a BuildError (its
    # documented PluginError): https://www.mkdocs.org/dev-guide/plugins/#handling-errors
    from mkdocs.exceptions import PluginError as _Base
except ImportError:  # an engine without MkDocs installed
    _Base = Exception


class PageError(_Base):
    """Bad input for a page, its message naming the file (and the line where it can)."""
