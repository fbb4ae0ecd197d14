"""Change price year: choose a target year, see the factor, then apply it as one undoable edit.

For years the bundled HM Treasury GDP deflator covers (calendar 1990-2024) the factor is shown
before anything changes; a financial year ("2024/25") uses the calendar year it starts in,
and the dialog says so. For other years the user types the deflator value and where it comes
from (HM Treasury publishes forecasts), which the document records in its price note.

Object names: ``rebase.target`` (the year typed), ``rebase.target_value`` and
``rebase.target_source`` (a deflator typed in for a year the series does not cover; likewise
``rebase.source_value`` and ``rebase.source_source`` for the document's own price year),
``rebase.factor`` (what every money input is multiplied by) and ``rebase.problem``.
"""

from __future__ import annotations

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QFrame, QLabel, QLineEdit, QScrollArea,
                               QVBoxLayout, QWidget)

from ...core import Deflator, Document, bundled_deflator, calendar_year
from ..widgets.fields import NumberEdit

SERIES = "the HM Treasury GDP deflator bundled with RtV Desktop (calendar years 1990-2024, 2024 = 100)"
FINANCIAL_YEARS = ("A financial year such as 2024/25 is converted with the deflator of the calendar year it "
                   "starts in (2024).")
NOT_CHANGED = "The QALY threshold is a policy value and is not changed."


class TypedDeflator(QWidget):
    """A deflator value and its source, typed for a year the bundled series does not cover."""

    def __init__(self, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        layout = QFormLayout()  # the caption above the form, not in it: a wrapped row of a form is cut short
        self.value = NumberEdit("index")
        self.value.setObjectName(f"rebase.{name}_value")
        self.value.setToolTip("The GDP deflator index of that year, on the same base as the other year's figure")
        self.source = QLineEdit()
        self.source.setObjectName(f"rebase.{name}_source")
        self.source.setPlaceholderText("e.g. HM Treasury GDP deflator forecast, March 2026")
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        outer.addWidget(self.caption)
        layout.addRow("Deflator &value:", self.value)
        layout.addRow("S&ource:", self.source)
        outer.addLayout(layout)

    def ask_for(self, year: str) -> None:
        self.caption.setText(f"{year} is not in {SERIES}: type its deflator and where it comes from.")

    def deflator(self, year: str) -> tuple[Deflator | None, str]:
        """The typed deflator, or None and what is missing."""
        value = self.value.model_value()
        if value is None or value <= 0:
            return None, f"Type the deflator for {year}: a positive number, such as 103.2."
        if not self.source.text().strip():
            return None, f"Say where the deflator for {year} comes from."
        return Deflator(year, float(value), self.source.text().strip()), ""


class RebaseDialog(QDialog):
    """Asks for a target price year (and any deflator the bundled series lacks); shows the factor."""

    def __init__(self, document: Document, parent: QWidget | None = None, target: str = ""):
        """``target`` fills in the year to change to (a price year typed in a workbook)."""
        super().__init__(parent)
        self.setObjectName("dialog.rebase")
        self.setWindowTitle("Change price year")
        self.current = document.settings.price_year.strip()
        self.source_bundled = bundled_deflator(self.current)
        outer = QVBoxLayout(self)
        # Everything but the buttons scrolls: with a deflator to type in, it is taller than a small screen.
        self.body = QWidget()
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.body)
        outer.addWidget(scroll)
        intro = QLabel(f"Every money input (unit costs, costs per starter, fixed and set-up costs, the WELLBY value "
                       f"and the value of a volunteer hour) is in {self.current or 'an unnamed'} prices now. "
                       f"Choose the year to bring them to. {FINANCIAL_YEARS} {NOT_CHANGED}")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.source_typed = TypedDeflator("source")
        self.source_typed.ask_for(self.current or "The document's price year")
        self.source_typed.setVisible(self.source_bundled is None)
        layout.addWidget(self.source_typed)
        form = QFormLayout()
        self.target = QLineEdit()
        self.target.setObjectName("rebase.target")
        self.target.setPlaceholderText("e.g. 2023/24 or 2020")
        form.addRow("&Target price year:", self.target)
        layout.addLayout(form)
        self.target_typed = TypedDeflator("target")
        self.target_typed.hide()
        layout.addWidget(self.target_typed)
        self.factor = QLabel()
        self.factor.setObjectName("rebase.factor")
        self.factor.setWordWrap(True)
        self.factor.setProperty("role", "figure")
        self.problem = QLabel()
        self.problem.setObjectName("rebase.problem")
        self.problem.setWordWrap(True)
        self.problem.setProperty("role", "problem")
        layout.addWidget(self.factor)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Change price year")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)
        for edit in (self.target, self.target_typed.value, self.target_typed.source, self.source_typed.value,
                     self.source_typed.source):
            edit.textChanged.connect(self.refresh)
        self.setMinimumWidth(480)
        self.target.setText(target)
        self.refresh()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        """Open tall enough for everything shown, within the screen (beyond it, the body scrolls)."""
        super().showEvent(event)
        width = max(self.width(), self.minimumWidth())
        wanted = self.body.heightForWidth(width) if self.body.hasHeightForWidth() else self.body.sizeHint().height()
        wanted += self.buttons.sizeHint().height() + 40
        screen = self.screen().availableGeometry().height() if self.screen() else wanted
        self.resize(width, min(max(wanted, self.height()), int(screen * 0.9)))

    def request(self) -> tuple[Deflator, Deflator | None] | None:
        """``(target, source)`` to hand to :func:`rtv_desktop.core.rebase` (source None: the bundled
        series covers the document's year), or None while something is missing."""
        found = self._request()
        return found[0] if found[1] == "" else None

    def _request(self):
        year = self.target.text().strip()
        source, missing = (self.source_bundled, "") if self.source_bundled else \
            self.source_typed.deflator(self.current)
        if not year:
            return None, "Type the price year to change to."
        if calendar_year(year) is None:
            return None, f"'{year}' is not a year: type one such as 2023 or 2023/24."
        if year == self.current:
            return None, f"The money figures are in {year} prices already."
        target = bundled_deflator(year)
        self.target_typed.setVisible(target is None)
        if target is None:
            self.target_typed.ask_for(year)
            target, missing_target = self.target_typed.deflator(year)
            missing = missing or missing_target
        if missing:
            return None, missing
        return ((target, None if self.source_bundled else source), "")

    def refresh(self) -> None:
        """Show the factor (before anything is applied), or what is still missing."""
        found, missing = self._request()
        self.problem.setText(missing)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(found is not None)
        if found is None:
            self.factor.setText("")
            return
        target, source = found
        source = source or self.source_bundled
        factor = target.value / source.value
        sources = [target.source] if target.source == source.source else [target.source, source.source]
        self.factor.setText(f"Every money input is multiplied by {factor:.4f}: the deflator for {target.year} "
                            f"({target.value:g}) over the deflator for {source.year} ({source.value:g}). For "
                            f"example, £1,000 becomes £{1000 * factor:,.2f}.\nSource: {'; '.join(sources)}.")
