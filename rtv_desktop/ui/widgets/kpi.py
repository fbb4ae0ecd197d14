"""Headline cards: one figure each, in words a finance team reads at a glance.

Each card's value is a ``QLabel`` named ``kpi.<summary key>``.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from ...core.outputs import CARDS, HEALTH_CARDS, Output, caption, format_output, output, outputs
from ...core.text import DOMINANT, NO_QALYS, NOTHING_SPENT, NOTHING_SPENT_TIP, cost_per_qaly_text, format_money, \
    is_negative

CARD_STYLE = """
QFrame#kpi_card { background: white; border: 1px solid #D8DDE0; border-left: 4px solid #005EB8;
                  border-radius: 4px; }
QFrame#kpi_card[stale="true"] { border-left-color: #AEB7BD; background: #F4F6F7; }
QLabel { border: none; background: transparent; }
"""
VALUE_COLOURS = {"normal": "#212B32", "negative": "#A83232", "stale": "#AEB7BD", "empty": "#768692"}
PAYBACK_TIP = ("Adds up NHS savings and cost year by year, not discounted; "
               "year 1 is the first delivery year")
NULL_RATIO_TIP = "Not available: the present value of cost is zero, so there is nothing to divide by."
KPI_SPECS = outputs(CARDS)  # words, kinds and captions: rtv_desktop.core.outputs
# The QALY lens (MODEL.md section 8a), shown after the cards above; the last is filled from the simulation.
HEALTH_SPECS = outputs(HEALTH_CARDS)
SIMULATION_KEYS = tuple(o.key for o in HEALTH_SPECS if o.source == "simulation")  # not from the run
NO_SIMULATION_TIP = "Run a simulation (Ctrl+R) to see this figure"
# Six cards a row on a wide page, four when there is less room, two on a very narrow page.
SIX_COLUMNS, WIDE_COLUMNS, NARROW_COLUMNS, SIX_MIN_WIDTH, WIDE_MIN_WIDTH = 6, 4, 2, 860, 640
NARROW_MIN_WIDTH = 300  # [px] two cards a row still fit
COMPACT_CARD_HEIGHT = 52  # [px] title and figure, no caption
# Value fonts [pt], largest first: each card uses the largest its figure fits in.
# The smallest sizes serve six cards a row on a 1366x768 screen at 150% scaling, where a
# point is half as large again.
VALUE_SIZES = (17, 15, 13, 12, 11, 10, 9, 8, 7)
TITLE_SIZES = (9, 8, 7)  # [pt] titles shrink a little rather than being cut off on a narrow card


def format_kpi(key: str, value, horizon_years: int) -> tuple[str, str]:
    """Display text (the headline form) and tooltip (the exact figure) for one headline figure."""
    return format_output(key, value, compact=True, horizon_years=horizon_years), _tip(key, value)


def _tip(key: str, value) -> str:
    kind = output(key).kind
    if kind == "money":
        return format_money(value)
    if kind == "ratio":
        return NULL_RATIO_TIP if value is None else f"Benefit-cost ratio {value:.4f}"
    if kind == "payback":
        return PAYBACK_TIP
    if kind == "cost_per_qaly":
        return caption(key)
    if value is None:
        return ""
    if kind == "qalys":
        return f"{format_output(key, value)} over the appraisal period"
    if kind == "probability":
        return f"{value:.4f} of the draws"
    exact = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"
    return f"{exact} over the appraisal period"


class KpiCard(QFrame):
    """One headline figure with its title and a one-line caption."""

    def __init__(self, spec: Output, parent: QWidget | None = None):
        super().__init__(parent)
        self.spec = spec
        self.setObjectName("kpi_card")
        self.title_label = QLabel(spec.short)
        self.title_point_size = 0
        self.set_title_size(TITLE_SIZES[0])
        self.title_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.value_label = QLabel("")
        self.value_label.setObjectName(f"kpi.{spec.key}")
        self.value_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # The panel picks a font that fits; the label must not hold the window wide.
        self.value_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.caption_label = QLabel("")
        self.caption_label.setObjectName(f"kpi.{spec.key}.caption")
        self.caption_label.setWordWrap(True)
        self.caption_label.setStyleSheet("color: #4C6272; font-size: 8pt;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 6, 6)
        layout.setSpacing(1)
        for label in (self.title_label, self.value_label, self.caption_label):
            layout.addWidget(label)
        layout.addStretch(1)  # cards in a row line up at the top whatever their caption length
        self._value = None
        self._stale = False
        self.value_point_size = VALUE_SIZES[0]
        self.show_value(None, 5, "2024/25")

    def show_value(self, value, horizon_years: int, price_year: str, available: bool = True,
                   threshold: float = 20_000.0) -> None:
        """Show ``value`` (a summary figure); ``available=False`` shows a dash."""
        self._value = value if available else None
        words = caption(self.spec.key, horizon_years, price_year, threshold)
        self.caption_label.setText(words)
        self.setToolTip(words)  # the caption is hidden on a short window
        if not available:
            self.value_label.setText("\u2014")
            self.value_label.setToolTip("No results yet")
        else:
            text, tip = format_kpi(self.spec.key, value, horizon_years)
            self.value_label.setText(text)
            self.value_label.setToolTip(tip)
        self._available = available
        self._restyle()

    def show_text(self, text: str, tip: str, available: bool = False) -> None:
        """A figure that is a statement ("None: nothing spent"), in the empty colour unless ``available``."""
        self._value = None
        self.value_label.setText(text)
        self.value_label.setToolTip(tip)
        self._available = available
        self._restyle()

    def set_stale(self, stale: bool) -> None:
        self._stale = stale
        self.setProperty("stale", "true" if stale else "false")
        self.style().unpolish(self)
        self.style().polish(self)
        self._restyle()

    def _restyle(self) -> None:
        if self._stale:
            colour = VALUE_COLOURS["stale"]
        elif not self._available or self._value is None and self.spec.kind == "ratio":
            colour = VALUE_COLOURS["empty"]
        else:
            colour = VALUE_COLOURS["negative" if is_negative(self._value) else "normal"]
        self.value_label.setStyleSheet(f"color: {colour}; font-size: {self.value_point_size}pt; font-weight: 600;")

    def fitting_size(self, width: int) -> int:
        """Largest value font [pt] whose text fits a card ``width`` pixels wide."""
        margins = self.layout().contentsMargins()
        available = width - margins.left() - margins.right() - 6
        font = QFont(self.value_label.font())
        font.setWeight(QFont.Weight.DemiBold)
        for points in VALUE_SIZES:
            font.setPointSize(points)
            if QFontMetrics(font).horizontalAdvance(self.value_label.text()) <= available:
                return points
        return VALUE_SIZES[-1]

    def set_title_size(self, points: int) -> None:
        if points != self.title_point_size:
            self.title_point_size = points
            self.title_label.setStyleSheet(f"color: #425563; font-size: {points}pt; font-weight: 600;")

    def fitting_title_size(self, width: int) -> int:
        """Largest title font [pt] that fits a card ``width`` pixels wide."""
        margins = self.layout().contentsMargins()
        font = QFont(self.title_label.font())
        font.setWeight(QFont.Weight.DemiBold)
        for points in TITLE_SIZES:
            font.setPointSize(points)
            if QFontMetrics(font).horizontalAdvance(self.spec.short) <= width - margins.left() - margins.right() - 4:
                return points
        return TITLE_SIZES[-1]

    def set_value_size(self, points: int) -> None:
        if points != self.value_point_size:
            self.value_point_size = points
            self._restyle()


class KpiPanel(QWidget):
    """The grid of headline cards; ``cards[key]`` gives a card by summary key."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setStyleSheet(CARD_STYLE)
        self.cards = {spec.key: KpiCard(spec) for spec in KPI_SPECS + HEALTH_SPECS}
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(8)
        self.columns = 0
        self.compact = False  # True: captions hidden (in each figure's tooltip) on a short window
        self._arrange(SIX_COLUMNS)
        self.show_simulation(None)

    def _arrange(self, columns: int) -> None:
        if columns == self.columns:
            return
        self.columns = columns
        for card in self.cards.values():
            self._grid.removeWidget(card)
        for index, card in enumerate(self.cards.values()):
            self._grid.addWidget(card, index // columns, index % columns)
        for column in range(SIX_COLUMNS):
            self._grid.setColumnStretch(column, 1 if column < columns else 0)
        # The cards take their new widths now, not at the next event (activate() would also
        # fix the panel's minimum size at six cards' width).
        self._grid.setGeometry(self.contentsRect())

    def minimumSizeHint(self):  # noqa: N802 (Qt's name)
        # Captions go when the window is short (see resizeEvent): the cards need only their figures.
        hint = super().minimumSizeHint()
        rows = -(-len(self.cards) // max(self.columns, 1))
        compact = rows * COMPACT_CARD_HEIGHT + self._grid.spacing() * (rows - 1)
        # Six cards a row must not hold the window wide either: the row breaks into fewer
        # columns once the panel is narrower (see resizeEvent).
        return QSize(min(hint.width(), NARROW_MIN_WIDTH), min(hint.height(), compact))

    def resizeEvent(self, event):  # noqa: N802 (Qt's name)
        width = event.size().width()
        self._arrange(SIX_COLUMNS if width >= SIX_MIN_WIDTH else WIDE_COLUMNS if width >= WIDE_MIN_WIDTH
                      else NARROW_COLUMNS)
        self._fit_fonts(event.size().width())
        super().resizeEvent(event)

    def set_compact(self, compact: bool) -> None:
        """Hide the captions (each card's tooltip keeps it) so a short window has room for charts."""
        if compact != self.compact:
            self.compact = compact
            for card in self.cards.values():
                card.caption_label.setVisible(not compact)

    def _fit_fonts(self, width: int) -> None:
        """One value font per row of cards: the largest that fits every card in it."""
        card_width = (width - self._grid.spacing() * (self.columns - 1)) // self.columns
        cards = list(self.cards.values())
        titles = min(card.fitting_title_size(card_width) for card in cards)  # one title size for all
        for start in range(0, len(cards), self.columns):
            row = cards[start:start + self.columns]
            points = min(card.fitting_size(card_width) for card in row)
            for card in row:
                card.set_value_size(points)
                card.set_title_size(titles)

    def show_summary(self, summary: dict | None, horizon_years: int = 5, price_year: str = "2024/25",
                     threshold: float = 20_000.0) -> None:
        """Fill every card from a results summary, or blank them all for ``None``."""
        for key, card in self.cards.items():
            if key in SIMULATION_KEYS:
                continue  # filled by show_simulation
            available = summary is not None
            card.show_value(summary.get(key) if available else None, horizon_years, price_year, available, threshold)
        if summary is not None and not summary.get("total_cost") and not summary.get("pv_cost"):
            # Nothing spent: no payback to report (not "Year 1" for £0 against £0).
            self.cards["payback_year"].show_text(NOTHING_SPENT, NOTHING_SPENT_TIP)
        if summary is not None:
            self._show_cost_per_qaly(summary)
        self._fit_fonts(self.width())

    def _show_cost_per_qaly(self, summary: dict) -> None:
        text = cost_per_qaly_text(summary)
        card = self.cards["cost_per_qaly"]
        if text == DOMINANT:
            card.show_text("Dominant", DOMINANT[:1].upper() + DOMINANT[1:], available=True)
            card.caption_label.setText("Saves money and gains health")
        elif text == NO_QALYS:
            card.show_text("n/a", "No QALYs gained, so there is no cost per QALY")
            card.caption_label.setText("No QALYs gained")

    def show_simulation(self, option_sim) -> None:
        """Fill the simulation's cards from one option's simulation, or dash them for ``None``."""
        for key in SIMULATION_KEYS:
            card = self.cards[key]
            value = option_sim.summary[key] if option_sim is not None else None
            card.show_value(value, 5, "", value is not None)
            if value is None:
                card.value_label.setToolTip(NO_SIMULATION_TIP)
        self._fit_fonts(self.width())

    def set_stale(self, stale: bool) -> None:
        for card in self.cards.values():
            card.set_stale(stale)
