"""The Uncertainty sheet's cost-effectiveness acceptability curve and plane: the simulation's own
figures as values, and a workbook holding them still reads back as the document it was."""

from __future__ import annotations

import numpy as np
import openpyxl
import pytest

from rtv_desktop.core import simulate
from rtv_desktop.core.cost_effectiveness import PLANE_AREAS, plane_summary
from rtv_desktop.io.workbook.read.reader import read_workbook
from rtv_desktop.io.workbook.sheets.cost_effectiveness import CEAC_TITLE, PLANE_TITLE
from rtv_desktop.io.workbook.sheets.uncertainty import changed_flag
from rtv_desktop.io.workbook.write import write_workbook

from .workbook_cases import rich_document


def _row_of(ws, text: str) -> int:
    return next(cell.row for cell in ws["A"] if cell.value == text)


def _row(ws, row: int, first: int = 1) -> list:
    values = [cell.value for cell in ws[row]][first - 1:]
    while values and values[-1] is None:
        values.pop()
    return values


@pytest.mark.parametrize("comparator", [None, 0])
def test_the_curve_and_the_plane_are_the_simulations_figures_and_the_document_reads_back(tmp_path, comparator):
    doc = rich_document(comparator=comparator)
    sim = simulate(doc, iterations=400, seed=6)
    path = write_workbook(doc, tmp_path / "ce.xlsx", simulation=sim)
    ws = openpyxl.load_workbook(path)["Uncertainty"]
    top = _row_of(ws, CEAC_TITLE)
    assert CEAC_TITLE.endswith("(simulation results: values, not formulas)")
    assert ws.cell(top + 1, 1).value.startswith("Share of the simulation's draws")
    names = [o.name for o in doc.options] + (["Doing nothing"] if comparator is None else [])
    assert _row(ws, top + 2) == ["Threshold (£ per QALY)", *names]
    thresholds, probs = sim.ceac
    columns = [*probs] + ([sim.ceac_do_nothing] if comparator is None else [])
    body = [_row(ws, r) for r in range(top + 3, top + 3 + 41)]
    assert len(body) == 41 and all(len(line) == 1 + len(names) for line in body)
    np.testing.assert_allclose([line[0] for line in body], thresholds, rtol=0, atol=1e-9)
    for j, column in enumerate(columns, start=1):
        np.testing.assert_allclose([line[j] for line in body], column, rtol=0, atol=1e-9)
    assert ws.cell(top + 3, 2).number_format == "0.0%"  # probabilities shown as percentages
    assert ws.cell(top + 3 + 41, 1).value is None  # the table ends after the 41 thresholds
    # Values only; the one live cell is the flag that says whether the Settings still match the run.
    formulas = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str) and c.value.startswith("=")]
    assert formulas == [changed_flag(sim)]

    plane = _row_of(ws, PLANE_TITLE)
    shown = [k for k in range(len(doc.options)) if k != comparator]
    header = _row(ws, plane + 2)
    assert header[:3] == ["Option", "Mean extra QALYs", "Mean extra net cost (£)"]
    assert header[-1] == f"Cost-effective at £{doc.settings.qaly_threshold:,.0f} per QALY"
    for line, k in zip(range(plane + 3, plane + 3 + len(shown)), shown):
        summary = plane_summary(*sim.plane(k), doc.settings.qaly_threshold)
        values = _row(ws, line)
        assert values[0] == doc.options[k].name
        expected = [summary["inc_qalys"], summary["inc_net_cost"],
                    *(summary["areas"][area] for area in PLANE_AREAS), summary["cost_effective"]]
        np.testing.assert_allclose(values[1:], expected, rtol=1e-12, atol=1e-9)
        assert sum(values[3:3 + len(PLANE_AREAS)]) == pytest.approx(1.0)
    assert ws.cell(plane + 3 + len(shown), 1).value is None

    imported = read_workbook(path)
    assert imported.document == doc and imported.changes == []
