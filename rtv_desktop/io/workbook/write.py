"""Write a document as an Excel workbook a finance analyst can audit, edit and send back.

Sheets: Cover, Contents (a link to every sheet, the flow of the figures, the print pack), Results
(every option's headline figures, live), Summary £000 (the main money figures in thousands), Comparison (increments
against the comparator, the preferred option), By party (who pays, who benefits), Charts,
Results by year, the input sheets (Area with each figure's source, Settings, Services,
Baseline use, Options, Interventions), one calculation sheet per intervention of each
option, Intervention totals (each calculation sheet's figures and the option it is in now), Checks,
Uncertainty (values from the last simulation), Assumptions, the Change log (each
export of the document: when, by whom, what changed since the one before) and a hidden ``_rtv``
sheet holding the exported document so an import can show what changed and keep the log.
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
from .sheets.change_log import write_change_log
from .change_log import logged_export
from .sheets.cover import write_cover, write_hidden
from .sheets.results import write_results
from .sheets.thousands import write_thousands
from .sheets.totals import write_totals
from .sheets.uncertainty import write_uncertainty
from .layout import RESULTS


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
    write_thousands(wb, doc, layout, wb.sheetnames.index(RESULTS) + 1)
    write_charts(wb, layout)
    checks = write_checks(wb, doc, where, calcs, totals, layout, parties)
    write_uncertainty(wb, simulation, tornado_rows)
    write_assumptions(wb, doc)
    write_change_log(wb, doc)
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
    """Write ``doc`` as an RtV workbook at ``path``: :func:`export_workbook`, returning the path."""
    return _export(doc, path, results, simulation, tornado_rows)[0]


def export_workbook(doc: Document, path, results=None, simulation: SimulationResults | None = None,
                    tornado_rows=None) -> Document:
    """Write ``doc`` as an RtV workbook at ``path``, atomically (old file kept as ``.bak``), with a new row
    on its change log; returns ``doc`` carrying that row (the document to keep, so the next export's row
    says what changed since this one).

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
    return _export(doc, path, results, simulation, tornado_rows)[1]


def _export(doc: Document, path, results, simulation, tornado_rows) -> tuple[Path, Document]:
    logged = logged_export(doc)
    wb = build_workbook(logged, results, simulation, tornado_rows)
    return atomic_write(Path(path), lambda temp: wb.save(temp)), logged
