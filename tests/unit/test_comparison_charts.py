"""The comparison's charts read on a phone and on either palette: every text large and dark enough.

Each SVG is parsed as it is written: a <text> is `font-size` user units tall, and the image is
shown `PHONE_WIDTH` px wide on a 390 px viewport, so it renders at font-size x PHONE_WIDTH /
viewBox width. Its fill is measured against the chart's own plate (`<g id="plate">`), or, for a
chart without one, against both of the site's page backgrounds.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
import tinycss2
import tinycss2.color3
from matplotlib.font_manager import FontProperties
from matplotlib.textpath import TextToPath

from comparison.charts import COLOURS, PLATE, render_charts
from tests.conftest import DOCS
from tests.unit.comparison_support import fixture_comparison

SVG = "{http://www.w3.org/2000/svg}"
PHONE_WIDTH = 358  # px: the content column of a 390 px viewport (16 px margins)
MIN_TEXT_PX = 11
MIN_TEXT_CONTRAST = 4.5  # WCAG 1.4.3, normal text
MIN_GRAPHIC_CONTRAST = 3.0  # WCAG 1.4.11, the bars against what they sit on
# Material's page backgrounds: the light palette and the dark "slate" one.
PAGE_BACKGROUNDS = ("#ffffff", "#1e2129")

COMMITTED = sorted((DOCS / "assets" / "comparison").glob("*.svg"))
CHARTS = {f"docs/{path.name}": path.read_text(encoding="utf-8") for path in COMMITTED}
CHARTS |= {f"fixture/{chart.name}": chart.svg for chart in render_charts(fixture_comparison())}


def _luminance(colour: str) -> float:
    """WCAG 2.x relative luminance of an opaque sRGB colour."""
    rgba = tinycss2.color3.parse_color(colour)
    assert rgba is not None and rgba.alpha == 1, colour

    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(rgba.red) + 0.7152 * linear(rgba.green) + 0.0722 * linear(rgba.blue)


def contrast(a: str, b: str) -> float:
    """WCAG 2.x contrast ratio of two colours, from 1 to 21."""
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _style(element: ET.Element) -> dict[str, str]:
    declarations = tinycss2.parse_declaration_list(
        element.get("style", ""), skip_comments=True, skip_whitespace=True
    )
    return {
        d.lower_name: tinycss2.serialize(d.value).strip()
        for d in declarations
        if d.type == "declaration"
    }


def _backgrounds(root: ET.Element) -> tuple[str, ...]:
    """The plate's fill, or the page backgrounds when the chart is transparent."""
    plate = root.find(f".//{SVG}g[@id='plate']")
    if plate is None:
        return PAGE_BACKGROUNDS
    path = plate.find(f".//{SVG}path")
    assert path is not None
    return (_style(path)["fill"],)


def _texts(svg: str) -> list[dict]:
    """Every <text>: its content, size rendered at PHONE_WIDTH, and lowest contrast."""
    root = ET.fromstring(svg)
    width = float(root.get("viewBox", "").split()[2])
    backgrounds = _backgrounds(root)
    texts = []
    for text in root.iter(f"{SVG}text"):
        style = _style(text)
        size = float(style["font-size"].removesuffix("px"))
        fill = style.get("fill", "#000000")
        texts.append(
            {
                "text": "".join(text.itertext()),
                "px": round(size * PHONE_WIDTH / width, 2),
                "contrast": round(min(contrast(fill, b) for b in backgrounds), 2),
            }
        )
    return texts


def _overflowing(svg: str) -> list[dict]:
    """Every <text> that reaches past the left or right edge of the viewBox, measured in the font
    the chart names (DejaVu Sans, which ships with matplotlib)."""
    root = ET.fromstring(svg)
    width = float(root.get("viewBox", "").split()[2])
    measure = TextToPath()
    found = []
    for text in root.iter(f"{SVG}text"):
        style = _style(text)
        font = FontProperties(
            family="DejaVu Sans",
            size=float(style["font-size"].removesuffix("px")),
            weight=style.get("font-weight", "normal"),
        )
        content = "".join(text.itertext())
        extent = measure.get_text_width_height_descent(content, font, ismath=False)[0]
        share = {"start": 0.0, "middle": 0.5, "end": 1.0}[style.get("text-anchor", "start")]
        left = float(text.get("x", "0")) - share * extent
        if left < 0 or left + extent > width:
            found.append({"text": content, "left": round(left, 1), "right": left + extent})
    return found


def test_contrast__matches_wcag_examples() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#808080", "#ffffff") == pytest.approx(3.95, abs=0.01)
    assert contrast("#ffffff", "#ffffff") == pytest.approx(1)


@pytest.mark.parametrize("name", sorted(CHARTS))
def test_chart__has_text(name: str) -> None:
    texts = _texts(CHARTS[name])
    print(texts)
    assert len(texts) >= 8


@pytest.mark.parametrize("name", sorted(CHARTS))
def test_chart__every_text_at_least_11px_on_a_phone(name: str) -> None:
    small = [t for t in _texts(CHARTS[name]) if t["px"] < MIN_TEXT_PX]
    print(small)
    assert small == []


@pytest.mark.parametrize("name", sorted(CHARTS))
def test_chart__every_text_at_least_4_5_to_1_on_its_background(name: str) -> None:
    faint = [t for t in _texts(CHARTS[name]) if t["contrast"] < MIN_TEXT_CONTRAST]
    print(faint)
    assert faint == []


@pytest.mark.parametrize("name", sorted(CHARTS))
def test_chart__every_text_inside_the_chart(name: str) -> None:
    outside = _overflowing(CHARTS[name])
    print(outside)
    assert outside == []


@pytest.mark.parametrize("name", sorted(CHARTS))
def test_chart__has_a_plate(name: str) -> None:
    backgrounds = _backgrounds(ET.fromstring(CHARTS[name]))
    print(backgrounds)
    assert backgrounds == (PLATE.lower(),)


@pytest.mark.parametrize("tool", sorted(COLOURS))
def test_bar_colour__at_least_3_to_1_on_the_plate(tool: str) -> None:
    ratio = contrast(COLOURS[tool], PLATE)
    print(tool, COLOURS[tool], round(ratio, 2))
    assert ratio >= MIN_GRAPHIC_CONTRAST
