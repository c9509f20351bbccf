"""The shape of the extensions that rewrite a page's final HTML with one function (links,
permalinks, tables, tabs): a postprocessor at the priority `ex01.markdown.PRIORITY` gives it."""

from __future__ import annotations

from collections.abc import Callable

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor

from ex01.markdown import PRIORITY


class _Rewrite(Postprocessor):
    def __init__(self, md: Markdown, rewrite: Callable[[str], str]) -> None:
        super().__init__(md)
        self.rewrite = rewrite

    def run(self, text: str) -> str:
        return self.rewrite(text)


class HtmlRewrite(Extension):
    """An extension whose `rewrite(html) -> html` runs over the page's final HTML; `name` is
    its key in PRIORITY."""

    name: str

    @staticmethod
    def rewrite(html: str) -> str:
        raise NotImplementedError

    def extendMarkdown(self, md: Markdown) -> None:
        md.postprocessors.register(
            _Rewrite(md, type(self).rewrite), f"ex01-{self.name}", PRIORITY[self.name]
        )
