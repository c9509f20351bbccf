"""Test-only: a PDF page drawn as a grey image (pdftoppm), and whether a region of it is a
drawing (light ground, dark strokes and labels) or a black box (what a diagram whose style
no longer applies prints as: every shape filled black)."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

import numpy as np
from PIL import Image

# A pixel this dark or darker (0 black, 255 white) is ink.
INK = 110
# A square this large (in points, 1/72 in) that is nearly all ink is a filled box, not a stroke
# or a letter: 20 pt is about 7 mm, far thicker than any line or glyph of body text.
BLOCK = 20
BLOCK_INK = 0.9
# The most ink a drawing's region may hold; and a pixel lighter than MARK is paper, so a region
# with fewer marks than LEAST_MARKED drew nothing (a diagram's thin coloured lines are marks,
# not always ink).
MOST_INK = 0.35
MARK = 230
LEAST_MARKED = 0.003


def page_image(pdf: Path, page: int, dpi: int = 50) -> np.ndarray:
    """Page `page` (from 1) of `pdf` as a grey image, one byte a pixel (pdftoppm)."""
    with tempfile.TemporaryDirectory() as folder:
        stem = Path(folder) / "page"
        subprocess.run(
            [
                "pdftoppm",
                "-gray",
                "-r",
                str(dpi),
                "-f",
                str(page),
                "-l",
                str(page),
                "-singlefile",
                "-png",
                str(pdf),
                str(stem),
            ],
            check=True,
            capture_output=True,
        )
        with Image.open(stem.with_suffix(".png")) as image:
            return np.asarray(image.convert("L"))


def drawing_problems(region: np.ndarray, dpi: int = 50) -> list[str]:
    """What makes `region` (a grey image) not look like a drawing; empty when it does."""
    ink = region <= INK
    share = float(ink.mean()) if ink.size else 0.0
    problems = []
    if share > MOST_INK:
        problems.append(f"{share:.0%} of it is ink")
    if region.size == 0 or float((region < MARK).mean()) < LEAST_MARKED:
        problems.append("it is blank")
    side = max(1, round(BLOCK * dpi / 72))
    if ink.shape[0] >= side and ink.shape[1] >= side:
        # Ink in every side x side window, from the summed-area table.
        table = np.pad(ink.astype(np.int32).cumsum(0).cumsum(1), ((1, 0), (1, 0)))
        windows = (
            table[side:, side:]
            - table[:-side, side:]
            - table[side:, :-side]
            + table[:-side, :-side]
        )
        if windows.max() >= BLOCK_INK * side * side:
            problems.append(f"it holds a solid dark block of {BLOCK} pt or more")
    return problems
