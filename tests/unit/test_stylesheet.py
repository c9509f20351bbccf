"""The site's own stylesheet parses cleanly: a missing brace would swallow every rule after it."""

from __future__ import annotations

import tinycss2

from tests.conftest import DOCS

STYLESHEET = DOCS / "assets" / "stylesheets" / "extra.css"


def _rules(css: str) -> list:
    return tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)


def _errors(rules: list) -> list[str]:
    errors = [f"line {rule.source_line}: {rule.message}" for rule in rules if rule.type == "error"]
    for rule in rules:
        if rule.type == "at-rule" and rule.content is not None and rule.at_keyword == "media":
            errors += _errors(_rules(tinycss2.serialize(rule.content)))
    return errors


def test_stylesheet__parses_without_errors() -> None:
    errors = _errors(_rules(STYLESHEET.read_text(encoding="utf-8")))
    print(errors)
    assert errors == []


def _nested(rules: list) -> list[str]:
    """Rules or at-rules inside a style rule: this stylesheet does not nest, so each one is a
    brace left open above it (an unclosed rule before "@media print" swallows the print rules)."""
    found = []
    for rule in rules:
        if rule.type == "at-rule" and rule.content is not None:
            found += _nested(_rules(tinycss2.serialize(rule.content)))
        elif rule.type == "qualified-rule":
            found += [
                f"line {child.source_line}: {child.type} inside the rule of line {rule.source_line}"
                for child in tinycss2.parse_blocks_contents(rule.content, skip_whitespace=True)
                if child.type in ("at-rule", "qualified-rule")
            ]
    return found


def test_stylesheet__no_rule_left_open() -> None:
    nested = _nested(_rules(STYLESHEET.read_text(encoding="utf-8")))
    print(nested)
    assert nested == []


def test_stylesheet__a_missing_brace_is_caught() -> None:
    # The slip that once hid the whole print section: a rule in a media block left open.
    broken = (
        "@media screen {\n  .a {\n    color: red;\n\n@media print {\n  .b { display: none; }\n}\n"
    )
    found = _nested(_rules(broken))
    print(found)
    assert found == ["line 5: at-rule inside the rule of line 2"]


def test_stylesheet__no_merge_conflict_marker_left() -> None:
    """A line "=======" parses as part of a selector and silently drops the rules after it."""
    markers = [
        number
        for number, line in enumerate(STYLESHEET.read_text(encoding="utf-8").splitlines(), 1)
        if line.startswith(("<<<<<<<", "=======", ">>>>>>>"))
    ]
    assert markers == []
