"""The compiled-template cache: reused for the same source, never for an edited one."""

from __future__ import annotations

import jinja2

from ex01.templates import MemoryBytecodeCache


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
