"""The comparison's charts as SVG text: byte-stable, readable on the light and the dark palette."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

import matplotlib
from matplotlib.figure import Figure

from comparison.compare import Comparison
from ex01.answers import TOOLS

LENGTH_CHART = "length-per-prompt.svg"
READABILITY_CHART = "readability-per-prompt.svg"
COVERAGE_CHART = "coverage-per-topic.svg"

# The background stays transparent, so every ink must read on Material's white page and on
# its dark "slate" page (#1e2129). Mid grey has about 4:1 contrast on both; the bar colours
# are the Okabe-Ito blue and vermillion (safe for colour-blind readers), at least 3:1 on
# both, and Gemini's bars are hatched as well, so the tools differ without colour.
INK = "#808080"
COLOURS = {"chatgpt": "#0072B2", "gemini": "#D55E00"}
HATCHES = {"chatgpt": "", "gemini": "//"}
_STYLE = {
    # A fixed salt makes the ids matplotlib writes (clip paths, hatches) the same every run.
    "svg.hashsalt": "comparison",
    # Text stays text: searchable, selectable, and independent of the fonts installed here.
    "svg.fonttype": "none",
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans"],  # ships with matplotlib: the same layout everywhere
    "font.size": 11,
    "axes.titlesize": 12,
    "axes.titleweight": "bold",
    "text.color": INK,
    "axes.labelcolor": INK,
    "axes.edgecolor": INK,
    "xtick.color": INK,
    "ytick.color": INK,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "legend.frameon": False,
    "hatch.color": "#ffffff",
    "hatch.linewidth": 1.5,
    "svg.image_inline": True,
}


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


def _grouped_bars(
    figure: Figure,
    position: int,
    columns: int,
    categories: Sequence[str],
    series: Sequence[_Series],
    title: str,
    xlabel: str,
) -> None:
    """Horizontal bars, one group per category (top to bottom), one bar per tool."""
    axes = figure.add_subplot(1, columns, position)
    height = 0.8 / len(series)
    for i, item in enumerate(series):
        offsets = [c + (i - (len(series) - 1) / 2) * height for c in range(len(categories))]
        bars = axes.barh(
            offsets,
            item.values,
            height=height * 0.92,
            color=COLOURS[item.tool],
            hatch=HATCHES[item.tool],
            edgecolor=COLOURS[item.tool],
            linewidth=0,
            label=TOOLS[item.tool] if position == 1 else None,
        )
        axes.bar_label(bars, labels=list(item.labels), padding=3, color=INK, fontsize=10)
    axes.set_yticks(range(len(categories)), labels=list(categories))
    axes.invert_yaxis()  # the first category on top, as in the tables
    axes.set_title(title, loc="left")
    axes.set_xlabel(xlabel)
    axes.axvline(0, color=INK, linewidth=0.8)
    low = min(0.0, *(v for s in series for v in s.values))
    high = max(1.0, *(v for s in series for v in s.values))
    axes.set_xlim(low * 1.2, high * 1.22)  # room for the value labels
    if position == 1:  # one legend for the figure, above the bars it explains
        figure.legend(loc="upper right", bbox_to_anchor=(1 - _RIGHT / _WIDTH, 1), ncols=len(series))


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


# The layout is fixed in inches rather than left to matplotlib's constrained layout, which
# draws every figure twice: the margins follow the longest category label instead.
_WIDTH = 9.0
_ROW = 0.75
_TOP = 0.95  # legend and titles
_BOTTOM = 0.65  # tick labels and the axis label
_RIGHT = 0.3
_CHAR = 11 * 0.6 / 72  # a label character at 11 pt: DejaVu Sans averages under 0.6 em


def _figure(categories: Sequence[str], columns: int = 1) -> Figure:
    height = _TOP + _BOTTOM + _ROW * len(categories)
    figure = Figure(figsize=(_WIDTH, height))
    label = 0.2 + max(len(category) for category in categories) * _CHAR
    axes_width = (_WIDTH - label * columns - _RIGHT * columns) / columns
    figure.subplots_adjust(
        left=label / _WIDTH,
        right=1 - _RIGHT / _WIDTH,
        top=1 - _TOP / height,
        bottom=_BOTTOM / height,
        wspace=(label + _RIGHT) / axes_width,
    )
    return figure


def _bar_chart(
    name: str, title: str, categories: list[str], series: list[_Series], axis: str, unit: str
) -> Chart:
    """One grouped bar chart, with its title and a text description of every bar."""
    with matplotlib.rc_context(_STYLE):
        figure = _figure(categories)
        _grouped_bars(figure, 1, 1, categories, series, title, axis)
        description = f"Bar chart. {_describe(series, categories, unit)}"
        return Chart(name, title, description, _svg(figure, title, description))


def length_chart(c: Comparison) -> Chart:
    """Words per answer, by prompt and tool."""
    categories = _prompt_names(c)
    series = _per_prompt(c, "words")
    title = "Length of each answer, in words, by prompt"
    return _bar_chart(LENGTH_CHART, title, categories, series, "words", " words")


def readability_chart(c: Comparison) -> Chart:
    """Flesch reading ease and Flesch-Kincaid grade, by prompt and tool."""
    categories = [f"Prompt {p}" for p in c.prompts]
    ease = _per_prompt(c, "flesch_reading_ease")
    grade = _per_prompt(c, "flesch_kincaid_grade")
    title = "Readability of each answer, by prompt"
    with matplotlib.rc_context(_STYLE):
        figure = _figure(categories, columns=2)
        _grouped_bars(figure, 1, 2, categories, ease, "Flesch reading ease", "higher reads easier")
        _grouped_bars(figure, 2, 2, categories, grade, "Flesch-Kincaid grade", "lower reads easier")
        figure.suptitle(title, x=0.01, y=0.99, ha="left", va="top", fontweight="bold", color=INK)
        description = (
            f"Two bar charts. Flesch reading ease (higher reads easier): "
            f"{_describe(ease, categories, '')} Flesch-Kincaid grade (lower reads easier): "
            f"{_describe(grade, categories, '')}"
        )
        return Chart(READABILITY_CHART, title, description, _svg(figure, title, description))


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
    return _bar_chart(COVERAGE_CHART, title, categories, series, "concepts named", " concepts")


def render_charts(c: Comparison) -> tuple[Chart, ...]:
    """Every chart of the page."""
    return (length_chart(c), readability_chart(c), coverage_chart(c))
