"""The results page: headline cards above three tabs of charts (Savings, Value, Uncertainty).

Everything shown is the open option's; a simulation is the document's, and this page shows
the open option's part of it. Object names: ``results.basis`` (what the figures rest on),
``results.evidence_note`` (shown when most of the social value rests on weak evidence).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QSizePolicy, QTabWidget, QVBoxLayout, QWidget

from ...core import weak_evidence_note
from ...core.outputs import NPV_FISCAL, NPV_SOCIAL, TORNADO_METRICS
from ...core.text import basis_note, drawn_phrase, mean_vs_central_note, simulation_caption
from ..charts.grid import ChartTab
from ..charts.lazy import LazyCharts, LazyTab
from ..widgets.kpi import KpiPanel
from ..widgets.party_flows import PartyFlowsPanel

if TYPE_CHECKING:
    from ...core import Results, SimulationResults, TornadoRow

STALE_STYLE = ("background: #FFF4D6; color: #212B32; border: 1px solid #FFB81C; border-left: 4px solid #FFB81C;"
               "padding: 6px 10px; font-size: 10pt;")
DEFAULT_STALE_REASON = "fix the highlighted fields"
COMPACT_KPIS_BELOW = 600  # [px] height of the results page
NO_SIMULATION = "No simulation run yet. Run one with Ctrl+R."
SIMULATION_STYLE = "color: #425563; font-size: 9pt; padding: 2px 4px;"
BASIS_STYLE = "color: #425563; font-size: 9pt; padding: 0 2px;"
EVIDENCE_STYLE = ("background: #FFF9EC; color: #212B32; border-left: 4px solid #ED8B00; padding: 4px 8px; "
                  "font-size: 9pt;")
NOT_IN_SIMULATION = ("The last simulation has no option of this name (it was added or renamed since): "
                     "run it again (Ctrl+R).")
TIME_CHARTS = ("cumulative", "savings_by_service", "iceberg", "by_intervention", "value_by_grade", "who_pays")
TAB_CHARTS = {"Savings": ("cumulative", "savings_by_service"),
              "Value": ("iceberg", "by_intervention", "value_by_grade", "who_pays"),
              "Uncertainty": ("tornado", "histogram", "fan")}
OUTDATED_STYLE = ("background: #FFF4D6; color: #212B32; border-left: 4px solid #FFB81C; font-size: 9pt; "
                  "padding: 3px 6px;")


class ResultsPage(QWidget):
    """Headline figures and charts of the latest run.

    The window calls :meth:`show_results` after each deterministic run, :meth:`show_tornado`
    and :meth:`show_simulation` after the uncertainty runs, and :meth:`set_stale` while
    the inputs are invalid or being edited.
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("results.page")
        self._results = None
        self._rows = None
        self.stale_banner = QLabel()
        self.stale_banner.setObjectName("results.stale_banner")
        self.stale_banner.setStyleSheet(STALE_STYLE)
        self.stale_banner.setWordWrap(True)
        self.stale_banner.hide()
        self.kpis = KpiPanel()
        self.basis_label = self._note_label("results.basis", BASIS_STYLE)
        self.evidence_label = self._note_label("results.evidence_note", EVIDENCE_STYLE)
        # One line that gives way when narrow (the whole sentence is its tooltip): it must not
        # make the window taller than a small laptop screen.
        self.evidence_label.setWordWrap(False)
        self.evidence_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.evidence_label.hide()
        self.charts = LazyCharts({
            "cumulative": "savings.CumulativeChart", "savings_by_service": "savings.SavingsByServiceChart",
            "iceberg": "value.IcebergChart", "by_intervention": "value.ByInterventionChart",
            "tornado": "uncertainty.TornadoChart", "histogram": "uncertainty.HistogramChart",
            "fan": "uncertainty.FanChart", "value_by_grade": "evidence.ValueByGradeChart",
            "who_pays": "parties.WhoPaysChart"})
        self.party_flows = PartyFlowsPanel()
        self._sim = None
        self._option = 0
        self._sim_note: tuple[str | None, bool] = (None, False)
        self.simulation_label = QLabel(NO_SIMULATION)
        self.simulation_label.setObjectName("results.simulation_info")
        self.simulation_label.setWordWrap(True)
        self.simulation_label.setStyleSheet(SIMULATION_STYLE)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("results.tabs")
        self.tabs.setDocumentMode(True)
        # Each tab's charts are made when it is first shown; at start-up, just after the first
        # figures (the cards come first, the open tab's charts a moment later).
        self._awaiting_first = True
        ready = self._figures_shown
        self._chart_tabs = {
            "Savings": LazyTab(self._savings_tab, ready=ready),
            "Value": LazyTab(self._value_tab, keep=(self.basis_label, self.party_flows), ready=ready),
            "Uncertainty": LazyTab(self._uncertainty_tab, keep=(self.simulation_label,), ready=ready),
        }
        for title, tab in self._chart_tabs.items():
            self.tabs.addTab(tab, title)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(8)
        layout.addWidget(self.stale_banner)
        layout.addWidget(self.evidence_label)
        layout.addWidget(self.kpis)
        layout.addWidget(self.tabs, 1)
        self.show_results(None)

    @staticmethod
    def _note_label(name: str, style: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setStyleSheet(style)
        return label

    def _savings_tab(self) -> QWidget:
        left, right = TAB_CHARTS["Savings"]
        return ChartTab([(self.charts.get(left), 0, 0, 1, 1), (self.charts.get(right), 0, 1, 1, 1)])

    def _value_tab(self) -> QWidget:
        # Where the value lies, what it rests on and who receives it; each party's cash by year below.
        # The evidence chart (with its list) and who pays are wide enough only across the page.
        get = self.charts.get
        cells = [(get("iceberg"), 0, 0, 1, 1), (get("by_intervention"), 0, 1, 1, 1),
                 (get("value_by_grade"), 1, 0, 1, 2), (get("who_pays"), 2, 0, 1, 2)]
        return ChartTab(cells, header=self.basis_label, footer=self.party_flows)

    def _uncertainty_tab(self) -> QWidget:
        get = self.charts.get
        return ChartTab([(get("tornado"), 0, 0, 2, 1), (get("histogram"), 0, 1, 1, 1), (get("fan"), 1, 1, 1, 1)],
                        column_stretch=(5, 4), header=self.simulation_label)

    def resizeEvent(self, event):  # noqa: N802 (Qt's name)
        # On a short window (1366x768 at 125-150% scaling) the cards drop their captions so a
        # row of charts keeps a readable height.
        self.kpis.set_compact(event.size().height() < COMPACT_KPIS_BELOW)
        super().resizeEvent(event)

    def chart(self, name: str):
        """The chart panel named ``chart.<name>``, with its tab built if it was not yet shown."""
        self._chart_tabs[next(title for title, names in TAB_CHARTS.items() if name in names)].ensure_built()
        return self.charts.get(name)

    # ----- the interface the window calls ------------------------------------------------
    def show_results(self, results: "Results | None") -> None:
        """Show a deterministic run, or clear the cards and time charts for ``None``."""
        self._results = results
        self.party_flows.show_results(results)
        if results is None:
            self.kpis.show_summary(None)
            for name in TIME_CHARTS:
                self.charts.send(name, "clear")
            self.evidence_label.hide()
            return
        settings = results.scenario.settings
        self.kpis.show_summary(results.summary, settings.horizon_years, settings.price_year, settings.qaly_threshold)
        for name in TIME_CHARTS:
            self.charts.send(name, "update_results", results)
        self.basis_label.setText(basis_note(settings, settings.correlation))
        note = weak_evidence_note(results)
        self.evidence_label.setText(f"\u26a0 {note} See the Value tab." if note else "")
        self.evidence_label.setToolTip(f"{note} The Value tab shows the value by strength of evidence and the "
                                       "shipped assumptions still in use." if note else "")
        self.evidence_label.setVisible(bool(note))
        if self._rows is not None:
            self.show_tornado(self._rows)
        self._first_figures_shown()

    def show_tornado(self, rows: "list[TornadoRow] | None") -> None:
        """Show the one-way sensitivity rows (net social value), or the prompt for ``None``."""
        self._rows = rows
        if rows is None:
            self.charts.send("tornado", "clear")
            return
        summary = self._results.summary if self._results is not None else None
        self.charts.send("tornado", "update_rows", rows,
                         {key: summary[key] for key in TORNADO_METRICS} if summary else None)

    def show_simulation(self, sim: "SimulationResults | None", option: int = 0, name: str | None = None) -> None:
        """Show option ``option``'s part of a Monte Carlo run (histogram, fan, chance NMB > 0),
        or the prompt for ``None``. With ``name``, the option of that name in the run (options
        may have been deleted or moved since it ran)."""
        if sim is not None and name is not None:
            option = next((k for k, o in enumerate(sim.options) if o.name == name), len(sim.options))
        self._sim, self._option = sim, option
        option_sim = sim.options[option] if sim is not None and option < len(sim.options) else None
        for name in ("histogram", "fan"):
            if option_sim is None:
                self.charts.send(name, "clear")
                if sim is not None:
                    self.charts.send(name, "show_placeholder", NOT_IN_SIMULATION)
            else:
                self.charts.send(name, "update_simulation", option_sim)
        self.kpis.show_simulation(option_sim)
        self._show_simulation_label()

    def set_simulation_note(self, text: str | None, outdated: bool = False) -> None:
        """Say what is happening to the simulation (running, cancelled), or that the one shown
        is ``outdated`` (the inputs changed since); ``None`` goes back to describing it."""
        self._sim_note = (text, outdated)
        self._show_simulation_label()

    def _show_simulation_label(self) -> None:
        # The one place on the Uncertainty tab that says which draws and seed are shown.
        text, outdated = self._sim_note
        caption = simulation_caption(self._sim) if self._sim is not None else ""
        if text is None:
            text = NO_SIMULATION if self._sim is None else \
                (f"Monte Carlo simulation{self._whose()}: {caption}. The same seed gives the same answer. "
                 f"{drawn_phrase(self._sim)}{self._mean_notes()}")
        elif self._sim is not None:
            text += f" Shown: {caption}."
        self.simulation_label.setText(text)
        self.simulation_label.setStyleSheet(OUTDATED_STYLE if outdated else SIMULATION_STYLE)
        for name in ("histogram", "fan"):
            self.charts.send(name, "set_export_note", f"{caption}." if caption else "")

    def _mean_notes(self) -> str:
        """A line for each headline whose simulated average differs from its central-value figure."""
        sim, results = self._sim, self._results
        if sim is None or results is None or self._option >= len(sim.options):
            return ""
        summary = sim.options[self._option].summary
        notes = [mean_vs_central_note(key, results.summary.get(key), summary[key]["mean"], sim.distributions)
                 for key in (NPV_SOCIAL, NPV_FISCAL)]
        return "".join(f"\n{note}" for note in notes if note)

    def _whose(self) -> str:
        """ " of Full mix" when the document has several options (the one shown is the open one's)."""
        sim = self._sim
        if sim is None or len(sim.options) < 2 or self._option >= len(sim.options):
            return ""
        return f" of {sim.options[self._option].name}"

    @property
    def simulation_outdated(self) -> bool:
        return self._sim_note[1]

    def set_stale(self, stale: bool, reason: str = "") -> None:
        """Grey the figures and say why they are out of date; ``False`` restores them."""
        self.kpis.set_stale(stale)
        self.stale_banner.setText(f"Results are out of date: {reason or DEFAULT_STALE_REASON}")
        self.stale_banner.setVisible(stale)
        if stale:
            self._first_figures_shown()  # no figures are coming: the charts say why

    def _figures_shown(self) -> bool:
        return not self._awaiting_first

    def _first_figures_shown(self) -> None:
        if self._awaiting_first:
            self._awaiting_first = False
            self.tabs.currentWidget().when_ready()

    @property
    def is_stale(self) -> bool:
        return not self.stale_banner.isHidden()
