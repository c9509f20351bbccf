"""The comparison's charts as SVG text: byte-stable, readable on a phone and on either palette."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from xml.sax.saxutils import escape

import matplotlib
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.patches import FancyBboxPatch, Rectangle
from matplotlib.textpath import TextToPath

from comparison.compare import Comparison
from ex01.answers import TOOLS

LENGTH_CHART = "length-per-prompt.svg"
READABILITY_CHART = "readability-per-prompt.svg"
COVERAGE_CHART = "coverage-per-topic.svg"

# Colours. A chart sits on Material's white page or on its dark "slate" page (#1e2129), and no
# one ink reaches 4.5:1 on both (the best grey, #7f7f7f, has 4.0:1), so each chart brings its
# own light plate, with dark ink on it (14.8:1). The bars are the Okabe-Ito blue and vermillion
# (safe for colour-blind readers), 4.8:1 and 3.6:1 on the plate (WCAG 1.4.11 asks 3:1), and
# Gemini's are hatched as well, so the tools differ without colour.
# tests/unit/test_comparison_charts.py measures all of it in the written SVGs.
PLATE = "#f7f7f7"
PLATE_EDGE = "#d4d4d4"
INK = "#222222"
COLOURS = {"chatgpt": "#0072B2", "gemini": "#D55E00"}
HATCHES = {"chatgpt": "", "gemini": "//"}

# Sizes, in points: the SVG's user units. A chart is 330 pt wide, so the page shows it at its own
# width, 440 CSS px, on a wide screen (a 12 pt text is then 16 px, the body text's size), and
# shrunk to the 358 px column of a 390 px phone, where a 12 pt text is 13.0 px (11.9 px on a
# 360 px phone; the tests require 11 at 390). Every category label, value and heading is a text
# of its own at TEXT or larger, in a column of the chart's width: no axis ticks, the values at
# the bar ends, the category labels above the bars unless they are short.
WIDTH = 330.0
TEXT = 12.0
TITLE = 13.0
_PAD = 14.0  # plate edge to content
_LINE = 1.3  # line height, in font sizes
_BAR = 13.0
_BAR_GAP = 2.0
_GROUP_GAP = 10.0
_SECTION_GAP = 14.0  # legend to bars, panel to panel
_VALUE_GAP = 4.0  # bar end to its value label
_SWATCH = (16.0, 11.0)  # a legend key, width and height
_LABELS_BESIDE = 0.3  # category labels narrower than this share of the width go beside the bars
_STYLE = {
    # A fixed salt makes the ids matplotlib writes (clip paths, hatches) the same every run.
    "svg.hashsalt": "comparison",
    # Text stays text: searchable, selectable, and independent of the fonts installed here.
    "svg.fonttype": "none",
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans"],  # ships with matplotlib: the same layout everywhere
    "hatch.color": "#ffffff",
    "hatch.linewidth": 1.5,
    "svg.image_inline": True,
}
_FONT = "DejaVu Sans"
_MEASURE = TextToPath()


@dataclass(frozen=True)
class Chart:
    """One chart: its SVG text and the text alternative that goes with it."""

    name: str
    title: str
    description: str  # the figures in words, for the alt text and the SVG's <desc>
    svg: str


@dataclass(frozen=True)
class _Series:
    tool: str
    values: tuple[float, ...]
    labels: tuple[str, ...]


@dataclass(frozen=True)
class _Text:
    """A line of text; x and y in points from the plate's top left corner."""

    x: float
    y: float
    text: str
    size: float = TEXT
    bold: bool = False
    ha: str = "left"
    va: str = "top"


@dataclass(frozen=True)
class _Box:
    """A bar or a legend key in its tool's colour and hatching; (x, y) is its top left corner."""

    tool: str
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class _Rule:
    """The zero line of a group of bars."""

    x: float
    top: float
    bottom: float


_Item = _Text | _Box | _Rule


@cache
def _width(text: str, size: float = TEXT, bold: bool = False) -> float:
    """How wide `text` is, set in the charts' font, in points."""
    font = FontProperties(family=_FONT, size=size, weight="bold" if bold else "normal")
    return _MEASURE.get_text_width_height_descent(text, font, ismath=False)[0]


def _wrap(text: str, size: float, bold: bool, width: float) -> list[str]:
    """`text` broken before each word that would take its line past `width` points."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        longer = f"{line} {word}" if line else word
        if line and _width(longer, size, bold) > width:
            lines.append(line)
            longer = word
        line = longer
    return [*lines, line]


def _lines(text: str, size: float, bold: bool, top: float) -> tuple[list[_Item], float]:
    """`text` in as few lines as fit the plate, as even as can be (no word left alone on the
    last line), from `top`; and their bottom."""
    room = WIDTH - 2 * _PAD
    lines = _wrap(text, size, bold, room)
    while len(lines) > 1 and len(narrower := _wrap(text, size, bold, room - 1)) == len(lines):
        lines, room = narrower, room - 1
    items: list[_Item] = [
        _Text(_PAD, top + i * size * _LINE, line, size, bold) for i, line in enumerate(lines)
    ]
    return items, top + len(lines) * size * _LINE


def _legend(tools: Sequence[str], top: float) -> tuple[list[_Item], float]:
    """One key per tool, in a row; and the row's bottom."""
    items: list[_Item] = []
    x = _PAD
    height = max(_SWATCH[1], TEXT)
    for tool in tools:
        items.append(_Box(tool, x, top + (height - _SWATCH[1]) / 2, *_SWATCH))
        x += _SWATCH[0] + 5
        items.append(_Text(x, top + height / 2, TOOLS[tool], va="center"))
        x += _width(TOOLS[tool]) + 18
    return items, top + height


def _bars(
    categories: Sequence[str], series: Sequence[_Series], top: float
) -> tuple[list[_Item], float]:
    """Horizontal bars, one group per category (top to bottom), one bar per tool, each with its
    value at its end; the category labels beside the groups when they are short, else above."""
    items: list[_Item] = []
    widest = max(_width(category) for category in categories)
    beside = widest <= (WIDTH - 2 * _PAD) * _LABELS_BESIDE
    left = _PAD + widest + 2 * _VALUE_GAP if beside else _PAD
    values = [(v, label) for s in series for v, label in zip(s.values, s.labels, strict=True)]
    # Room beyond the longest bars for their value labels, on either side of zero.
    after = max((_width(label) + _VALUE_GAP for v, label in values if v >= 0), default=0.0)
    before = max((_width(label) + _VALUE_GAP for v, label in values if v < 0), default=0.0)
    low = min(0.0, *(v for v, _ in values))
    high = max(0.0, *(v for v, _ in values))
    scale = (WIDTH - _PAD - left - before - after) / ((high - low) or 1.0)
    zero = left + before - low * scale
    group = len(series) * _BAR + (len(series) - 1) * _BAR_GAP
    y = top
    for i, category in enumerate(categories):
        if beside:
            items.append(_Text(_PAD + widest, y + group / 2, category, ha="right", va="center"))
        else:
            items.append(_Text(_PAD, y, category))
            y += TEXT * _LINE
        for j, item in enumerate(series):
            bar = y + j * (_BAR + _BAR_GAP)
            end = zero + item.values[i] * scale
            items.append(_Box(item.tool, min(zero, end), bar, abs(end - zero), _BAR))
            label, middle = item.labels[i], bar + _BAR / 2
            if item.values[i] >= 0:
                items.append(_Text(end + _VALUE_GAP, middle, label, va="center"))
            else:
                items.append(_Text(end - _VALUE_GAP, middle, label, ha="right", va="center"))
        items.append(_Rule(zero, y - 1, y + group + 1))
        y += group + _GROUP_GAP
    return items, y - _GROUP_GAP


def _draw(items: Sequence[_Item], height: float) -> Figure:
    """The items on a plate `height` points tall, in one set of axes measured in points."""
    figure = Figure(figsize=(WIDTH / 72, height / 72), dpi=72)
    axes = figure.add_axes((0, 0, 1, 1))
    axes.set_axis_off()
    axes.set_xlim(0, WIDTH)
    axes.set_ylim(height, 0)  # y runs down the plate, as the layout does
    plate = FancyBboxPatch(
        (0.5, 0.5),
        WIDTH - 1,
        height - 1,
        boxstyle="round,pad=0,rounding_size=8",
        facecolor=PLATE,
        edgecolor=PLATE_EDGE,
        linewidth=1,
        gid="plate",  # the tests find the plate by it
    )
    axes.add_patch(plate)
    for item in items:
        if isinstance(item, _Box):
            colour = COLOURS[item.tool]
            box = Rectangle(
                (item.x, item.y),
                item.width,
                item.height,
                facecolor=colour,
                edgecolor=colour,
                hatch=HATCHES[item.tool],
                linewidth=0,
            )
            axes.add_patch(box)
        elif isinstance(item, _Rule):
            axes.plot([item.x, item.x], [item.top, item.bottom], color=INK, linewidth=1)
        else:
            axes.text(
                item.x,
                item.y,
                item.text,
                color=INK,
                fontsize=item.size,
                fontweight="bold" if item.bold else "normal",
                ha=item.ha,
                va=item.va,
                parse_math=False,  # a "$" in a label is a dollar sign
            )
    return figure


def _chart(
    name: str,
    title: str,
    description: str,
    panels: Sequence[tuple[str, Sequence[str], Sequence[_Series]]],
) -> Chart:
    """A titled chart: the legend, then each panel's heading (if any) and bars, top to bottom."""
    items, y = _lines(title, TITLE, True, _PAD)
    legend, y = _legend([s.tool for s in panels[0][2]], y + 4)
    items += legend
    for heading, categories, series in panels:
        y += _SECTION_GAP
        if heading:
            lines, y = _lines(heading, TEXT, True, y)
            items += lines
            y += 4
        bars, y = _bars(categories, series, y)
        items += bars
    with matplotlib.rc_context(_STYLE):
        figure = _draw(items, y + _PAD)
        return Chart(name, title, description, _svg(figure, title, description))


def _svg(figure: Figure, title: str, description: str) -> str:
    """The figure as SVG text, with no date, and with a <title> and <desc> for assistive tech."""
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", transparent=True, metadata={"Date": None, "Creator": None})
    svg = buffer.getvalue()
    start = svg.index("<svg ")
    end = svg.index(">", start)
    accessible = (
        f'{svg[start:end]} role="img" aria-labelledby="chart-title chart-desc">\n'
        f' <title id="chart-title">{escape(title)}</title>\n'
        f' <desc id="chart-desc">{escape(description)}</desc>'
    )
    return svg[:start] + accessible + svg[end + 1 :]


def _prompt_names(c: Comparison) -> list[str]:
    return [f"Prompt {p}: {c.prompt_labels[p]}" for p in c.prompts]


def _per_prompt(c: Comparison, field: str) -> list[_Series]:
    series = []
    for tool in c.tools:
        values = []
        for prompt in c.prompts:
            answer = c.answer(tool, prompt)
            value = getattr(c.metrics[answer.meta.path], field) if answer else None
            values.append(float(value) if value is not None else 0.0)
        labels = tuple(f"{v:,.0f}" if field == "words" else f"{v:.1f}" for v in values)
        series.append(_Series(tool, tuple(values), labels))
    return series


def _describe(series: Sequence[_Series], categories: Sequence[str], unit: str) -> str:
    parts = []
    for i, category in enumerate(categories):
        values = ", ".join(f"{TOOLS[s.tool]} {s.labels[i]}" for s in series)
        parts.append(f"{category}: {values}{unit}")
    return "; ".join(parts) + "."


def length_chart(c: Comparison) -> Chart:
    """Words per answer, by prompt and tool."""
    categories = _prompt_names(c)
    series = _per_prompt(c, "words")
    title = "Length of each answer, in words, by prompt"
    description = f"Bar chart. {_describe(series, categories, ' words')}"
    return _chart(LENGTH_CHART, title, description, [("", categories, series)])


def readability_chart(c: Comparison) -> Chart:
    """Flesch reading ease and Flesch-Kincaid grade, by prompt and tool."""
    categories = [f"Prompt {p}" for p in c.prompts]
    ease = _per_prompt(c, "flesch_reading_ease")
    grade = _per_prompt(c, "flesch_kincaid_grade")
    title = "Readability of each answer, by prompt"
    description = (
        f"Two bar charts. Flesch reading ease (higher reads easier): "
        f"{_describe(ease, categories, '')} Flesch-Kincaid grade (lower reads easier): "
        f"{_describe(grade, categories, '')}"
    )
    panels = [
        ("Flesch reading ease (higher reads easier)", categories, ease),
        ("Flesch-Kincaid grade (lower reads easier)", categories, grade),
    ]
    return _chart(READABILITY_CHART, title, description, panels)


def coverage_chart(c: Comparison) -> Chart:
    """How many of each topic's concepts each tool names, in any of its answers."""
    topics = c.taxonomy.topics
    categories = [topic.label for topic in topics]
    series = []
    for tool in c.tools:
        named = c.concepts_of(tool)
        counts = [len({k.id for k in c.taxonomy.in_topic(t.id)} & named) for t in topics]
        totals = [len(c.taxonomy.in_topic(t.id)) for t in topics]
        series.append(
            _Series(
                tool,
                tuple(float(n) for n in counts),
                tuple(f"{n} of {total}" for n, total in zip(counts, totals, strict=True)),
            )
        )
    title = "Concepts of the taxonomy named, by topic (all prompts together)"
    description = f"Bar chart. {_describe(series, categories, ' concepts')}"
    return _chart(COVERAGE_CHART, title, description, [("", categories, series)])


def render_charts(c: Comparison) -> tuple[Chart, ...]:
    """Every chart of the page."""
    return (length_chart(c), readability_chart(c), coverage_chart(c))
