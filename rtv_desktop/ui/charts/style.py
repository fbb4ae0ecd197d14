"""Colours, fonts and axes shared by every chart: NHS blue with calm secondary colours."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QColor, QFont, QFontMetrics

from ...core.text import format_money_axis, format_money_tick

# NHS identity colours (https://www.england.nhs.uk/nhsidentity/identity-guidelines/colours/).
NHS_BLUE = "#005EB8"
NHS_DARK_BLUE = "#003087"
NHS_LIGHT_BLUE = "#41B6E6"
NHS_AQUA_BLUE = "#00A9CE"
NHS_PALE_BLUE = "#C8E4F5"
NHS_DARK_GREY = "#425563"
NHS_MID_GREY = "#768692"
NHS_PALE_GREY = "#E8EDEE"
NHS_AQUA_GREEN = "#00A499"
NHS_GREEN = "#009639"
NHS_WARM_YELLOW = "#FFB81C"
NHS_ORANGE = "#ED8B00"
NHS_PURPLE = "#330072"
MUTED_RED = "#A83232"
TEXT = "#212B32"

# Series colours in order: distinguishable, calm, NHS blue first.
SERIES = (NHS_BLUE, NHS_AQUA_GREEN, NHS_LIGHT_BLUE, NHS_WARM_YELLOW, NHS_DARK_BLUE, NHS_ORANGE,
          NHS_MID_GREY, NHS_PURPLE, NHS_GREEN, NHS_AQUA_BLUE)

TICK_POINT_SIZE = 9
# The smallest span [£] a money axis shows: with nothing spent or saved the ticks are round
# pounds (£0, £200, ...) rather than fractions rounded to "£0 £0 £1 £1".
MIN_MONEY_SPAN = 1000.0
LABEL_STYLE = {"color": NHS_DARK_GREY, "font-size": "10pt"}


# Options are told apart by hue (blue and green already mean fiscal and social elsewhere).
OPTION_SERIES = (NHS_DARK_BLUE, NHS_ORANGE, NHS_AQUA_GREEN, NHS_PURPLE, NHS_LIGHT_BLUE, NHS_WARM_YELLOW,
                 NHS_GREEN, NHS_MID_GREY, NHS_BLUE, NHS_AQUA_BLUE)


def series_colour(index: int) -> str:
    return SERIES[index % len(SERIES)]


def option_colour(index: int) -> str:
    return OPTION_SERIES[index % len(OPTION_SERIES)]


def tick_font() -> QFont:
    font = QFont()
    font.setPointSize(TICK_POINT_SIZE)
    return font


class MoneyAxis(pg.AxisItem):
    """Axis whose tick labels are pounds with thousands separators ("£2,500,000")."""

    def __init__(self, orientation: str, **kwargs):
        super().__init__(orientation, **kwargs)
        # Pound amounts are written out in full; an SI prefix ("x1e6") would hide the unit.
        self.enableAutoSIPrefix(False)

    def tickStrings(self, values, scale, spacing):  # noqa: N802 (pyqtgraph's name)
        if self.orientation in ("top", "bottom"):
            # Side by side, full figures collide: "£12m" style, with enough decimals for the spacing.
            largest = max((abs(value * scale) for value in values), default=0.0)
            return [format_money_tick(value * scale, spacing * scale, largest) for value in values]
        return [format_money_axis(value * scale) for value in values]

    def fit_to(self, values) -> None:
        """Make a vertical axis wide enough for the longest label ``values`` can produce.

        pyqtgraph widens an axis only after a first paint has clipped the labels, which
        would leave the first picture (and any export of it) without tick labels.
        """
        if self.orientation not in ("left", "right"):
            return
        finite = [abs(float(v)) for v in values if np.isfinite(v)] or [0.0]
        # Ticks can land a little beyond the data (9.5m -> a 10m tick): allow for it and a sign.
        longest = format_money_axis(-max(finite) * 1.5)
        self.setWidth(QFontMetrics(tick_font()).horizontalAdvance(longest) + 14)


class PercentAxis(pg.AxisItem):
    """Axis of probabilities held as fractions, labelled in percent ("25%")."""

    def __init__(self, orientation: str, **kwargs):
        super().__init__(orientation, **kwargs)
        self.enableAutoSIPrefix(False)

    def tickStrings(self, values, scale, spacing):  # noqa: N802 (pyqtgraph's name)
        decimals = 0 if spacing * scale >= 0.01 else 1
        return [f"{value * scale * 100:.{decimals}f}%" for value in values]


def style_axis(axis: pg.AxisItem, label: str = "") -> None:
    """Grey axis lines, dark readable ticks and an optional axis title."""
    axis.setPen(pg.mkPen(NHS_MID_GREY))
    axis.setTextPen(pg.mkPen(TEXT))
    axis.setTickFont(tick_font())
    axis.setStyle(tickTextOffset=6)
    if label:
        axis.setLabel(label, **LABEL_STYLE)


def brush(colour: str, alpha: int = 255):
    qcolour = QColor(colour)
    qcolour.setAlpha(alpha)
    return pg.mkBrush(qcolour)


def pen(colour: str, width: float = 2.0, style=None):
    if style is None:
        return pg.mkPen(colour, width=width)
    return pg.mkPen(colour, width=width, style=style)
