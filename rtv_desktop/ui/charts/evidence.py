"""Value by strength of evidence, with the shipped assumptions still in use listed beside it."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from ...core import GRADE_NAMES, assumptions_in_use, value_by_grade
from ...core.evidence import WEAK_FROM_GRADE
from ...core.text import format_percent
from .base import BOX
from .paired import PairedBarsChart
from .style import NHS_BLUE, NHS_WARM_YELLOW, brush

WAITING = "What the value rests on appears here once the inputs are valid."
SIDE_STYLE = "font-size: 9pt; color: #425563;"


def grade_labels() -> list[str]:
    return [f"{grade} {name}" for grade, name in enumerate(GRADE_NAMES, start=1)]


class ValueByGradeChart(PairedBarsChart):
    """Present social value of the interventions at each evidence grade (1 strongest, 6 an untested assumption)."""

    SERIES = (("Social value", NHS_BLUE),)
    ROW_HEADER = "Evidence grade"
    UNIT = "£, PV"
    BAR = 0.6

    def __init__(self, parent=None):
        super().__init__("value_by_grade", "Value by strength of evidence (present value)", WAITING, parent)
        self.plot.getAxis("bottom").setLabel("Social value (present value)")
        self.set_legend([(NHS_BLUE, "Grades 1-3: promising or stronger", BOX),
                         (NHS_WARM_YELLOW, "Grades 4-6: emerging, weak or untested", BOX)])
        self.assumptions: list = []
        self._build_side()

    def _build_side(self) -> None:
        """The assumptions list sits beside the chart (on screen only: exports show the chart)."""
        self.side_title = QLabel()
        self.side_title.setObjectName("value_by_grade.assumptions_title")
        self.side_title.setWordWrap(True)
        self.side_title.setStyleSheet(SIDE_STYLE + " font-weight: 600;")
        self.assumption_list = QListWidget()
        self.assumption_list.setObjectName("value_by_grade.assumptions")
        self.assumption_list.setAccessibleName("Shipped assumptions still in use")
        self.assumption_list.setWordWrap(True)
        self.assumption_list.setStyleSheet("font-size: 9pt;")
        side = QWidget()
        column = QVBoxLayout(side)
        column.setContentsMargins(4, 4, 0, 0)
        column.addWidget(self.side_title)
        column.addWidget(self.assumption_list, 1)
        layout: QVBoxLayout = self.layout()
        layout.removeWidget(self.body)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.body, 3)
        row.addWidget(side, 2)
        layout.addLayout(row, 1)
        self.side = side

    def update_results(self, results) -> None:
        values = value_by_grade(results)
        labels = grade_labels()
        self.set_rows(labels, labels, values)
        self.bars[0].setOpts(brushes=[brush(NHS_BLUE if g < WEAK_FROM_GRADE else NHS_WARM_YELLOW)
                                      for g in range(1, len(values) + 1)])
        share = results.summary["share_social_weak_evidence"]
        weak = (f"{format_percent(share)} of the social value rests on grades {WEAK_FROM_GRADE}-6 (emerging, weak "
                "or untested evidence). " if share is not None else "There is no positive social value to divide. ")
        self.set_note(weak + "Grades are those given to each intervention on the Intervention mix page.")
        self._show_assumptions(assumptions_in_use(results.scenario))

    def _show_assumptions(self, found) -> None:
        self.assumptions = list(found)
        self.assumption_list.clear()
        for item in self.assumptions:
            row = QListWidgetItem(f"{item.what}: {item.value}")
            row.setToolTip(item.source.source)
            self.assumption_list.addItem(row)
        count = len(self.assumptions)
        self.side_title.setText(
            f"{count} shipped figure{'s' if count != 1 else ''} still in use rest{'s' if count == 1 else ''} on "
            "judgement, not a published source (point at one for its note):" if count else
            "No shipped figure flagged as an assumption is still in use.")

    def clear(self) -> None:
        super().clear()
        if hasattr(self, "assumption_list"):
            self._show_assumptions([])
            self.side_title.setText("")
