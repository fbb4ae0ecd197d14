"""The Monitoring page: after go-live, what happened beside what was forecast (MODEL.md section 12).

Per option and intervention: the quarterly table of forecast, actual and variance, charts of
cumulative starters and spend, and the spend against the option's budget; the effects observed
locally, each of which can become the intervention's local evidence (one undo step); and the
re-forecast beside the forecast (cards and the cumulative net value). The calculator says how
many participants a before/after change needs. The page reads the document's actuals
(``doc.actuals``); before any import it shows the forecast, every actual "not yet known".

It is drawn when shown (and when the document changes while it is shown): a hidden page costs
nothing. Object names: ``page.monitoring``, ``monitoring.new_workbook``, ``monitoring.import``,
``monitoring.source``, ``monitoring.option``, ``monitoring.intervention``, ``monitoring.table``,
``monitoring.copy``, ``monitoring.budget``, ``monitoring.effects``, ``monitoring.reforecast.basis``,
``monitoring.forecast.<key>`` / ``monitoring.reforecast.<key>`` (cards), ``monitoring.sample.*``;
charts ``chart.monitoring_starters``, ``chart.monitoring_spend``, ``chart.monitoring_reforecast``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QFrame, QGridLayout, QHBoxLayout, QHeaderView, QLabel,
                               QPushButton, QScrollArea, QTableView, QToolButton, QVBoxLayout, QWidget)

from ...core import InvalidScenario, run
from ...core.library import LOCAL_PREFIX
from ...core.monitoring import accept_local_evidence, forecast_activity, observed_effects, reforecast
from ...core.outputs import NPV_SOCIAL, REFORECAST_CARDS, outputs
from ...core.text import format_money, format_percent
from ...session import Session
from ..charts.lazy import LazyCharts
from ..style import readable_popup
from ..widgets.kpi import CARD_STYLE, KpiCard
from ..widgets.page_layout import columns_for, copy_rows, fit_height_to_rows, place_in_columns
from ..widgets.observed_effects import NO_EFFECTS, EffectsList, effect_title
from ..widgets.sample_size import SampleSizeCalculator

NOTE_STYLE = "color: #425563; font-size: 9pt;"
INTRO = ("After an option starts, record what happens each quarter in the monitoring workbook and import it here: "
         "forecast and actual side by side, the effects observed locally, and the option re-forecast from them.")
NO_ACTUALS = ("No actuals imported yet: the table shows the forecast, every actual not yet known. File > Monitoring > "
              "New monitoring workbook writes the workbook to fill in.")
SIMULATE = "Simulate re-forecast"
CHART_HEIGHT = 260  # [px]
ROW_HEIGHT = 24  # [px] table rows; the page scrolls, the table shows every quarter


def _label(name: str, text: str = "", style: str = NOTE_STYLE) -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setStyleSheet(style)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _section(text: str) -> QLabel:
    label = QLabel(text)
    label.setProperty("role", "section")
    return label


def _combo(name: str, words: str) -> QComboBox:
    combo = readable_popup(QComboBox())
    combo.setObjectName(name)
    combo.setAccessibleName(words)
    combo.setToolTip(words)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(16)
    return combo


def _button(action, name: str) -> QToolButton:
    """A button for one of File > Monitoring's actions (same words, same behaviour)."""
    button = QToolButton()
    button.setObjectName(name)
    button.setDefaultAction(action)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    button.setAccessibleName(action.text().replace("&", "").rstrip("."))
    return button


def budget_text(rows, option_name: str) -> str:
    """Spend to date against the forecast for the same quarters, and the option's whole budget."""
    budget = sum(row.forecast.spend or 0.0 for row in rows)
    known = [row for row in rows if row.actual.spend is not None]
    if not known:
        return f"{option_name}: budget {format_money(budget)} over the horizon (the forecast cost); no spend known yet."
    spent = sum(row.actual.spend for row in known)
    planned = sum(row.forecast.spend or 0.0 for row in known)
    quarters = len({row.quarter for row in known})
    share = f" ({format_percent(spent / planned)} of it)" if planned else ""
    return (f"{option_name}: spent {format_money(spent)} in the {quarters} quarter{'s' if quarters != 1 else ''} "
            f"known, against a forecast of {format_money(planned)} for them{share}; "
            f"{format_percent(spent / budget) if budget else 'n/a'} of the budget of {format_money(budget)} over "
            "the horizon.")


def simulation_text(sim, settings) -> str:
    """Net social value of the forecast and re-forecast drawn together: the range of 9 draws in 10, and
    how often above zero."""
    forecast, again = (option.summary for option in sim.options)
    social = lambda s: f"{format_money(s[NPV_SOCIAL]['p5'], True)} to {format_money(s[NPV_SOCIAL]['p95'], True)}"  # noqa: E731
    return (f"Drawn together ({sim.iterations:,} draws): net social value lay between {social(forecast)} for the "
            f"forecast and {social(again)} for the re-forecast in 9 draws out of 10; above zero in "
            f"{format_percent(forecast['prob_npv_social_positive'])} and "
            f"{format_percent(again['prob_npv_social_positive'])} of draws.")


class CardsHolder(QWidget):
    """The forecast and re-forecast cards, two columns; each row's figures in one font that fits."""

    def __init__(self, cards: dict[str, dict[str, KpiCard]], parent=None):
        super().__init__(parent)
        self.cards = cards

    def fit_fonts(self) -> None:
        forecast, again = self.cards["forecast"], self.cards["reforecast"]
        for key in forecast:
            pair = (forecast[key], again[key])
            points = min(card.fitting_size(card.width()) for card in pair)
            for card in pair:
                card.set_value_size(points)

    def resizeEvent(self, event):  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self.fit_fonts()


class MonitoringPage(QScrollArea):
    """Forecast against actual, observed effects and the re-forecast of the open document."""

    message = Signal(str)

    def __init__(self, session: Session, actions, simulation=None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("page.monitoring")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.session, self.actions, self.simulation = session, actions, simulation
        self._stale = True  # the document changed while the page was hidden
        self._columns = 0
        self.new_button = _button(actions.new_workbook, "monitoring.new_workbook")
        self.import_button = _button(actions.import_actuals, "monitoring.import")
        self.source_label = _label("monitoring.source")
        self.option_box = _combo("monitoring.option", "Option")
        self.intervention_box = _combo("monitoring.intervention", "Intervention")
        self.budget_label = _label("monitoring.budget", style="color: #212B32; font-size: 10pt;")
        from ..models.monitoring import QuarterTableModel  # noqa: PLC0415 (beside its table)

        self.model = QuarterTableModel(self)
        self.table = self._build_table()
        self.copy_button = QPushButton("Copy table")
        self.copy_button.setObjectName("monitoring.copy")
        self.copy_button.setToolTip("Copy the table, to paste into a spreadsheet or a highlight report")
        self.copy_button.clicked.connect(self.copy_table)
        self.effects = EffectsList()
        self.effects.useRequested.connect(self.use_effect)
        self.reforecast_basis = _label("monitoring.reforecast.basis")
        self.simulate_button = QPushButton(SIMULATE)
        self.simulate_button.setObjectName("monitoring.simulate")
        self.simulate_button.setToolTip("Draw the uncertain inputs of the forecast and the re-forecast together "
                                        "(the document's iterations and seed); the window stays usable meanwhile")
        self.simulate_button.clicked.connect(self.simulate_or_cancel)
        self.simulate_button.setVisible(simulation is not None)
        self.simulation_label = _label("monitoring.simulation")
        if simulation is not None:
            simulation.finished.connect(self._on_simulated)
            simulation.failed.connect(lambda _id, text: self.simulation_label.setText(f"The simulation failed: {text}"))
            simulation.busyChanged.connect(self._on_simulation_busy)
        self.cards = self._build_cards()
        self.calculator = SampleSizeCalculator()
        self.charts = LazyCharts({"starters": "monitoring.StartersChart", "spend": "monitoring.SpendChart",
                                  "reforecast": "monitoring.ReforecastChart"})
        self._activity_grid, self._reforecast_grid = QGridLayout(), QGridLayout()
        self.setWidget(self._content())
        self.option_box.currentIndexChanged.connect(self._on_option)
        self.intervention_box.currentIndexChanged.connect(lambda _i: self._show_intervention())
        session.documentChanged.connect(self._on_document)

    # -- construction ---------------------------------------------------------------------------
    def _build_table(self) -> QTableView:
        table = QTableView()
        table.setObjectName("monitoring.table")
        table.setAccessibleName("Forecast and actual by quarter")
        table.setAccessibleDescription("Starters, completers and spend of the chosen intervention, forecast, "
                                       "actual and variance in number and percent, one row per quarter")
        table.setModel(self.model)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ContiguousSelection)
        table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        table.setWordWrap(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.model.modelReset.connect(self._fit_table_height)
        return table

    def _build_cards(self) -> dict[str, dict[str, KpiCard]]:
        cards = {}
        for which in ("forecast", "reforecast"):
            cards[which] = {}
            for spec in outputs(REFORECAST_CARDS):
                card = KpiCard(spec)
                card.value_label.setObjectName(f"monitoring.{which}.{spec.key}")
                card.caption_label.hide()  # the forecast's caption says it; two of each is noise
                cards[which][spec.key] = card
        return cards

    def _content(self) -> QWidget:
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(10, 8, 10, 10)
        layout.setSpacing(8)
        layout.addWidget(_label("monitoring.intro", INTRO))
        bar = QHBoxLayout()
        bar.addWidget(self.new_button)
        bar.addWidget(self.import_button)
        bar.addStretch(1)
        layout.addLayout(bar)
        layout.addWidget(self.source_label)
        choose = QHBoxLayout()
        for words, box in (("O&ption:", self.option_box), ("Interven&tion:", self.intervention_box)):
            label = QLabel(words)
            label.setBuddy(box)
            choose.addWidget(label)
            choose.addWidget(box, 1)
        layout.addLayout(choose)
        layout.addWidget(self.budget_label)
        title = QHBoxLayout()
        title.addWidget(_section("Forecast and actual by quarter"), 1)
        title.addWidget(self.copy_button)
        layout.addLayout(title)
        layout.addWidget(self.table)
        layout.addLayout(self._activity_grid)
        layout.addWidget(_section("Effects observed locally"))
        layout.addWidget(self.effects)
        layout.addWidget(_section("Re-forecast beside the forecast"))
        layout.addWidget(self.reforecast_basis)
        simulate_row = QHBoxLayout()
        simulate_row.addWidget(self.simulate_button, 0, Qt.AlignmentFlag.AlignTop)
        simulate_row.addWidget(self.simulation_label, 1)
        layout.addLayout(simulate_row)
        layout.addLayout(self._reforecast_grid)
        self.cards_holder = self._cards_grid()
        self._reforecast_grid.addWidget(self.cards_holder, 0, 0)
        layout.addWidget(_section("How many participants a change in life satisfaction needs"))
        layout.addWidget(self.calculator)
        layout.addStretch(1)
        return content

    def _cards_grid(self) -> QWidget:
        holder = CardsHolder(self.cards)
        holder.setStyleSheet(CARD_STYLE)
        grid = QGridLayout(holder)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(6)
        for column, words in ((0, "Forecast"), (1, "Re-forecast")):
            heading = QLabel(f"<b>{words}</b>")
            grid.addWidget(heading, 0, column)
        for row, key in enumerate(self.cards["forecast"], start=1):
            grid.addWidget(self.cards["forecast"][key], row, 0)
            grid.addWidget(self.cards["reforecast"][key], row, 1)
        return holder

    # -- layout ---------------------------------------------------------------------------------
    def _arrange_charts(self, columns: int) -> None:
        if columns == self._columns or not self.charts.made():
            return
        self._columns = columns
        place_in_columns(self._activity_grid, [self.charts.get(name) for name in ("starters", "spend")], columns,
                         CHART_HEIGHT)
        chart = self.charts.get("reforecast")  # beside the cards, or below them on a narrow page
        chart.setMinimumHeight(CHART_HEIGHT)
        self._reforecast_grid.removeWidget(chart)
        self._reforecast_grid.addWidget(chart, 0 if columns == 2 else 1, 1 if columns == 2 else 0)
        for column in range(2):
            self._reforecast_grid.setColumnStretch(column, 1 if column < columns else 0)

    def _make_charts(self) -> None:
        if not self.charts.made():
            for name in self.charts.names():
                self.charts.get(name)
            self._columns = 0
        self._arrange_charts(columns_for(self.viewport().width()))

    def resizeEvent(self, event):  # noqa: N802 (Qt's name)
        if self.charts.made():
            self._arrange_charts(columns_for(event.size().width()))
        super().resizeEvent(event)

    def showEvent(self, event):  # noqa: N802 (Qt's name)
        self._make_charts()
        if self._stale:
            self.refresh()
        super().showEvent(event)

    def _fit_table_height(self) -> None:
        fit_height_to_rows(self.table, max(self.model.rowCount(), 1))

    # -- session -> page ------------------------------------------------------------------------
    def _on_document(self, _document) -> None:
        self._forget_simulation()
        self._stale = True
        if self.isVisible():
            self.refresh()

    def activity(self) -> tuple:
        """The rows shown: the imported actuals, or the forecast alone before any import."""
        doc = self.session.document
        if doc.actuals is not None:
            return doc.actuals.activity
        try:
            return forecast_activity(doc)
        except (InvalidScenario, ValueError):  # inputs with problems: nothing to phase until they are fixed
            return ()

    def refresh(self) -> None:
        """Everything on the page from the session's document."""
        self._stale = False
        doc = self.session.document
        actuals = doc.actuals
        self.source_label.setText(self._source_text(actuals))
        names = [option.name for option in doc.options]
        keep = self.option_box.currentIndex()
        self.option_box.blockSignals(True)
        self.option_box.clear()
        self.option_box.addItems(names)
        self.option_box.setCurrentIndex(keep if 0 <= keep < len(names) else 0)
        self.option_box.blockSignals(False)
        self._on_option()

    def _source_text(self, actuals) -> str:
        if actuals is None:
            return NO_ACTUALS
        known = sorted({row.quarter for row in actuals.activity
                        if any(v is not None for v in (row.actual.starters, row.actual.completers, row.actual.spend))})
        when = f" up to {known[-1]}" if known else ", none of the quarters filled in yet"
        source = actuals.source or "the monitoring workbook"
        return (f"Actuals from {source}: {len(known)} quarter{'s' if len(known) != 1 else ''} with figures{when}. "
                "Blank cells are not yet known, never zero.")

    def option(self) -> int:
        return max(self.option_box.currentIndex(), 0)

    def _option_rows(self) -> list:
        k = self.option()
        return [row for row in self.activity() if row.option == k]

    def _on_option(self, *_args) -> None:
        doc, k = self.session.document, self.option()
        if k >= len(doc.options):
            return
        option = doc.options[k]
        rows = self._option_rows()
        ids = list(dict.fromkeys(row.intervention_id for row in rows))
        names = {iv.id: iv.name for iv in option.interventions}
        keep = self.intervention_box.currentData()
        self.intervention_box.blockSignals(True)
        self.intervention_box.clear()
        for iid in ids:
            self.intervention_box.addItem(names.get(iid, iid), iid)
        found = self.intervention_box.findData(keep)
        self.intervention_box.setCurrentIndex(found if found >= 0 else 0)
        self.intervention_box.blockSignals(False)
        self.budget_label.setText(budget_text(rows, option.name) if rows else "")
        self._show_intervention()
        self._show_effects()
        self._show_reforecast()

    def _show_intervention(self) -> None:
        iid = self.intervention_box.currentData()
        rows = [row for row in self._option_rows() if row.intervention_id == iid]
        self.model.set_rows(rows)
        for name in ("starters", "spend"):
            self.charts.send(name, "update_rows", rows)

    def effects_shown(self) -> tuple:
        actuals = self.session.document.actuals
        if actuals is None:
            return ()
        return tuple(e for e in observed_effects(actuals) if e.option == self.option())

    def _show_effects(self) -> None:
        doc = self.session.document
        effects = self.effects_shown()
        self.effects.show_effects(effects, doc.options[self.option()], {s.id: s.name for s in doc.services})
        self.effects.empty.setText(NO_EFFECTS if doc.actuals is not None else
                                   "Effects appear here once a monitoring workbook with outcomes is imported.")

    def _show_reforecast(self) -> None:
        doc, k = self.session.document, self.option()
        actuals = doc.actuals
        try:
            forecast = run(doc.scenario(k))
            again = run(reforecast(doc, actuals).scenario(k)) if actuals is not None else None
        except (InvalidScenario, ValueError):  # inputs with problems: the issue list says which
            forecast = again = None
        s = doc.settings
        for which, results in (("forecast", forecast), ("reforecast", again)):
            for card in self.cards[which].values():
                card.show_value(results.summary.get(card.spec.key) if results else None, s.horizon_years,
                                s.price_year, results is not None, s.qaly_threshold)
        self.cards_holder.fit_fonts()
        if forecast is None or again is None:
            self.reforecast_basis.setText("The re-forecast appears once actuals are imported." if forecast else
                                          "The inputs have problems: fix them to see the forecast.")
            self.charts.send("reforecast", "clear")
            return
        local = sum(1 for iv in doc.options[k].interventions for _outcome, used in iv.evidence
                    if used.startswith(LOCAL_PREFIX))
        self.reforecast_basis.setText(
            "Re-forecast: the option run again with the reach, completion and cost per starter observed in the "
            f"quarters with actuals, and the effects as the document has them ({local} local figure"
            f"{'s' if local != 1 else ''} accepted). Present values over {s.horizon_years} years, "
            f"{s.price_year} prices.")
        self.charts.send("reforecast", "update_results", forecast, again)

    # -- actions --------------------------------------------------------------------------------
    def use_effect(self, effect) -> None:
        """Make an observed effect the intervention's local evidence: one undo step."""
        doc = self.session.document
        actuals = doc.actuals
        option = doc.options[effect.option]
        name = next((iv.name for iv in option.interventions if iv.id == effect.intervention_id), "")
        title = effect_title(effect, name, {s.id: s.name for s in doc.services})
        what = title.split(":")[0]  # "Peer support, effect on GP appointment"
        self.session.set_document(accept_local_evidence(doc, effect, actuals.source), f"Use local evidence: {what}")
        self.message.emit(f"{what}: the figure observed is now local evidence; Edit > Undo restores the one it had")

    def simulate_or_cancel(self) -> None:
        """Simulate the forecast and re-forecast of the option shown together, or stop the one running."""
        if self.simulation.busy:
            self.simulation.cancel()
            self.simulation_label.setText("Simulation stopped.")
            return
        doc, k = self.session.document, self.option()
        if doc.actuals is None or k >= len(doc.options):
            self.simulation_label.setText("Import the actuals first: there is no re-forecast to simulate yet.")
            return
        self._simulated_option = k
        self.simulation.start(doc, reforecast(doc, doc.actuals), k)
        self.simulation_label.setText(f"Simulating {doc.settings.iterations:,} draws of the forecast and the "
                                      "re-forecast...")

    def _on_simulation_busy(self, busy: bool) -> None:
        self.simulate_button.setText("Stop simulation" if busy else SIMULATE)

    def _on_simulated(self, _run_id, sim) -> None:
        self.simulation_label.setText(simulation_text(sim, self.session.document.settings))

    def _forget_simulation(self) -> None:
        if self.simulation is not None and (self.simulation.busy or self.simulation_label.text()):
            self.simulation.cancel()
            self.simulation_label.setText("")

    def copy_table(self) -> str:
        """Put the table on the clipboard as tab-separated text (pastes into Excel as cells)."""
        return copy_rows(self.model.as_rows())

    def chart(self, name: str):
        """The chart ``chart.monitoring_<name>``, made with the others if the page was not yet shown."""
        self._make_charts()
        return self.charts.get(name)
