"""Write a document as an Excel workbook a finance analyst can audit, edit and send back.

Sheets: Cover, Contents (a link to every sheet, the flow of the figures, the print pack), Results
(every option's headline figures, live), Comparison (increments
against the comparator, the preferred option), By party (who pays, who benefits), Charts,
Results by year, the input sheets (Area with each figure's source, Settings, Services,
Baseline use, Options, Interventions), one calculation sheet per intervention of each
option, Intervention totals (each calculation sheet's figures and the option it is in now),
Checks, Uncertainty (values from the last simulation), Assumptions, and a hidden
``_rtv`` sheet holding the exported document so an import can show what changed.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import Workbook

from ... import __version__
from ...core import Comparison, Document, Results, SimulationResults
from ...core.text import document_title
from . import styles as st
from ..atomic import atomic_write
from .sheets.calc import write_calc_sheets
from .sheets.charts import write_charts
from .sheets.checks import write_checks
from .sheets.compare import write_comparison
from .sheets.contents import set_pack_print_areas, write_contents
from .sheets.input_tables import write_input_sheets
from .sheets.parties import write_by_party
from .sheets.assumptions import write_assumptions
from .sheets.cover import write_cover, write_hidden
from .sheets.results import write_results
from .sheets.totals import write_totals
from .sheets.uncertainty import write_uncertainty


def summaries_at_export(doc: Document, results) -> list[dict] | None:
    """Each option's summary from ``results``: a ``Comparison``, one ``Results`` (option 1) or a list."""
    if results is None:
        return None
    if isinstance(results, Comparison):
        return [r.summary for r in results.options]
    if isinstance(results, Results):
        return [results.summary] + [None] * (len(doc.options) - 1)
    return [r.summary if r is not None else None for r in results]


def build_workbook(doc: Document, results=None, simulation: SimulationResults | None = None,
                   tornado_rows=None) -> Workbook:
    """The workbook for ``doc``, in memory (see :func:`write_workbook`)."""
    wb = Workbook()
    where = write_input_sheets(wb, doc)
    calcs = write_calc_sheets(wb, doc, where)
    totals = write_totals(wb, where, calcs)
    layout = write_results(wb, doc, where, totals, summaries_at_export(doc, results))
    write_comparison(wb, doc, where, layout)
    parties = write_by_party(wb, doc, where, totals, layout)
    write_charts(wb, layout)
    checks = write_checks(wb, doc, where, calcs, totals, layout, parties)
    write_uncertainty(wb, simulation, tornado_rows)
    write_assumptions(wb, doc)
    write_hidden(wb, doc, simulation)
    write_cover(wb, doc, checks)
    write_contents(wb)
    set_pack_print_areas(wb)
    st.keep_headings(wb)
    st.print_headers(wb, document_title(doc), __version__, dt.date.today().isoformat())
    wb.active = 0
    # Ask the spreadsheet to recalculate everything when the file is opened.
    wb.calculation.fullCalcOnLoad = True
    return wb


def write_workbook(doc: Document, path, results=None, simulation: SimulationResults | None = None,
                   tornado_rows=None) -> Path:
    """Write ``doc`` as an RtV workbook at ``path``, atomically (old file kept as ``.bak``).

    Parameters
    ----------
    doc : Document
        The document (a scenario is written as ``Document.from_scenario(s)``, one option).
    path : str or Path
        Destination ``.xlsx``.
    results : Comparison, Results or list of Results, optional
        Shown beside the live formulas on the Results sheet as "RtV Desktop at export"; one
        ``Results`` is option 1's.
    simulation : SimulationResults, optional
        Its per-option summaries, probabilities best, EVPI, correlation, seed and iterations
        go to the Uncertainty sheet (values, not live).
    tornado_rows : list of TornadoRow, optional
        The one-way sensitivity rows for the Uncertainty sheet.

    Raises
    ------
    SaveError
        When the file cannot be written; any previous file is unchanged.
    """
    wb = build_workbook(doc, results, simulation, tornado_rows)
    return atomic_write(Path(path), lambda temp: wb.save(temp))
