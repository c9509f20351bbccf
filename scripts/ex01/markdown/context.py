"""The page a Markdown extension is converting, on either engine.

Python-Markdown converts text, not pages, so an extension that needs the page's path or front
matter (the answer header) learns them from the engine:

- Zensical registers its rendering context as a preprocessor, `rendering_context`, holding the
  page (`zensical.extensions.context.ContextPreprocessor`, there for extensions to read);
- MkDocs has no such thing, so hooks/site.py hands the page over in `on_page_markdown`, the
  documented event just before the page's Markdown is converted, and clears it afterwards.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from markdown import Markdown


@dataclass(frozen=True)
class Page:
    """The page being converted: its path inside docs/ (POSIX separators) and front matter."""

    path: str
    meta: dict = field(default_factory=dict)


_current: list[Page] = []


def set_page(path: str, meta: dict) -> None:
    """Name the page MkDocs converts next (hooks/site.py, on_page_markdown)."""
    _current[:] = [Page(path=path, meta=dict(meta))]


def clear_page() -> None:
    """Forget the page once it is converted (hooks/site.py, on_page_content)."""
    _current.clear()


def current_page(md: Markdown) -> Page | None:
    """The page `md` is converting, or None when converting text that is not a page."""
    if "rendering_context" in md.preprocessors:
        page = md.preprocessors["rendering_context"].page
        return Page(path=str(page.path).replace("\\", "/"), meta=dict(page.meta or {}))
    return _current[0] if _current else None
