"""Write a scenario as an Excel workbook a finance analyst can audit, edit and send back.

Sheets: Cover, Results (live formulas, named by summary key), Charts, the input sheets
(Area, Settings, Services, Baseline use, Interventions), one calculation sheet per
intervention, Checks, Uncertainty (values from the last run), Assumptions, and a hidden
``_rtv`` sheet holding the exported scenario so an import can show what changed.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from ..core import Results, Scenario, SimulationResults
from .atomic import atomic_write
from .workbook_calc import write_calc_sheet
from .workbook_checks import write_checks
from .workbook_inputs import write_inputs
from .workbook_report import write_assumptions, write_cover, write_hidden, write_uncertainty
from .workbook_results import write_charts, write_results


def build_workbook(scenario: Scenario, results: Results | None = None, simulation: SimulationResults | None = None,
                   tornado_rows=None) -> Workbook:
    """The workbook for ``scenario``, in memory (see :func:`write_workbook`)."""
    wb = Workbook()
    where = write_inputs(wb, scenario)
    calcs = [write_calc_sheet(wb, scenario, where, i) for i in range(len(scenario.interventions))]
    layout = write_results(wb, where, calcs, results)
    checks = write_checks(wb, scenario, where, layout)
    write_uncertainty(wb, simulation, tornado_rows)
    write_assumptions(wb, scenario)
    write_hidden(wb, scenario, simulation)
    write_cover(wb, scenario, checks)
    write_charts(wb, layout)
    wb.active = 0
    # Ask the spreadsheet to recalculate everything when the file is opened.
    wb.calculation.fullCalcOnLoad = True
    return wb


def write_workbook(scenario: Scenario, path, results: Results | None = None,
                   simulation: SimulationResults | None = None, tornado_rows=None) -> Path:
    """Write ``scenario`` as an RtV workbook at ``path``, atomically (old file kept as ``.bak``).

    Parameters
    ----------
    scenario : Scenario
    path : str or Path
        Destination ``.xlsx``.
    results : Results, optional
        Shown beside the live formulas on the Results sheet as "RtV Desktop at export".
    simulation : SimulationResults, optional
        Its summary, seed and iterations go to the Uncertainty sheet (values, not live).
    tornado_rows : list of TornadoRow, optional
        The one-way sensitivity rows for the Uncertainty sheet.

    Raises
    ------
    SaveError
        When the file cannot be written; any previous file is unchanged.
    """
    wb = build_workbook(scenario, results, simulation, tornado_rows)
    return atomic_write(Path(path), lambda temp: wb.save(temp))
