"""The compiled-template cache: reused for the same source, never for an edited one."""

from __future__ import annotations

import jinja2

from ex01.templates import CACHE, MemoryBytecodeCache, use_cache


def _render(cache: MemoryBytecodeCache, source: str, compiled: list[str]) -> str:
    class Counting(jinja2.Environment):
        def _compile(self, source: str, filename: str):  # type: ignore[override]
            compiled.append(filename)
            return super()._compile(source, filename)

    env = Counting(loader=jinja2.DictLoader({"page.html": source}), bytecode_cache=cache)
    return env.get_template("page.html").render(name="x")


def test_cache__second_environment_reuses_the_compiled_template() -> None:
    cache, compiled = MemoryBytecodeCache(), []
    assert _render(cache, "Hello {{ name }}", compiled) == "Hello x"
    assert _render(cache, "Hello {{ name }}", compiled) == "Hello x"
    assert len(compiled) == 1


def test_cache__edited_template_is_compiled_again() -> None:
    cache, compiled = MemoryBytecodeCache(), []
    _render(cache, "Hello {{ name }}", compiled)
    assert _render(cache, "Bye {{ name }}", compiled) == "Bye x"
    assert len(compiled) == 2


def test_use_cache__every_environment_the_theme_makes() -> None:
    """MkDocs' environment and the print page's are made apart; both get the cache."""

    class Theme:
        def get_env(self) -> jinja2.Environment:
            return jinja2.Environment(loader=jinja2.DictLoader({"page.html": "x"}))

    theme = Theme()
    use_cache(theme)
    assert theme.get_env().bytecode_cache is CACHE
    assert theme.get_env().bytecode_cache is CACHE
