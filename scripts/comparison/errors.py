"""The one error type the generator raises for bad input: its message is `path[:line]: problem`."""

from __future__ import annotations


class ComparisonError(ValueError):
    """An input of the comparison (answer page, conclusion, taxonomy) is missing or invalid."""
