"""Cover, Uncertainty, Assumptions and the hidden copy of the scenario (``_rtv``)."""

from __future__ import annotations

import datetime as dt
import json

from .. import __version__
from ..core import Scenario, SimulationResults, default_sources
from . import workbook_styles as st
from .areas import ONS_ATTRIBUTION
from .text_cells import write_text
from .workbook_inputs import field_values, write_fields
from .workbook_layout import ASSUMPTIONS, COVER, HIDDEN, MONEY, SCENARIO_FIELDS, UNCERTAINTY

# JSON is cut into cells this long: well under Excel's 32,767 even after escaping.
JSON_CHUNK = 8_000
HIDDEN_FORMAT = "rtv-desktop-workbook"
HIDDEN_VERSION = 1
HOW_TO_USE = (
    "Yellow cells are inputs; everything else is calculated. Change a yellow cell and every figure recomputes.",
    "Inputs: Area, Settings, Services, Baseline use, Interventions. Each calculation sheet (Calc 1, Calc 2, ...) "
    "shows one intervention's equations year by year.",
    "Results holds the headline figures as live formulas; Charts draws them; Checks says OK or CHECK for each test.",
    "Uncertainty holds values from the last run in RtV Desktop (not live). Assumptions lists every default's source.",
    "Sheets are protected without a password so formulas are not overwritten by accident (Review > Unprotect).",
    "To bring your edits back, open this workbook in RtV Desktop: it shows what changed since export.",
)


def write_cover(wb, s: Scenario, checks_range: str) -> None:
    ws = wb.active
    ws.title = COVER
    st.title(ws, "Realising the Value: valuation workbook",
             "Person- and community-centred approaches: cashable savings, capacity released, wellbeing and "
             "volunteer value.")
    row = write_fields(wb, ws, SCENARIO_FIELDS, field_values(s), 5) + 1
    info = (
        ("Exported on", dt.date.today().isoformat(), "@"),
        ("RtV Desktop version", __version__, "@"),
        ("Price year", "=settings_price_year", "@"),
        ("Area", "=area_area_name", "@"),
        ("Checks", f'=IF(COUNTIF({checks_range},"CHECK")=0,"All checks OK",'
                   f'COUNTIF({checks_range},"CHECK")&" check(s) need attention: see the Checks sheet")', "@"),
        ("Net present value, fiscal (£)", "=npv_fiscal", MONEY),
        ("Net present value, social (£)", "=npv_social", MONEY),
        ("Social benefit-cost ratio (£ back per £1)", "=bcr_social", "0.00"),
    )
    for offset, (label, value, fmt) in enumerate(info):
        ws.cell(row + offset, 1, label).font = st.BOLD
        st.as_calc(ws.cell(row + offset, 2, value), fmt)
    row += len(info) + 1
    ws.cell(row, 1, "How to use this workbook").font = st.BOLD
    for offset, line in enumerate(HOW_TO_USE, start=1):
        ws.cell(row + offset, 1, f"{offset}. {line}")
    st.widths(ws, {"A": 44, "B": 60, "C": 12, "D": 20, "E": 30})
    st.protect(ws)


def write_assumptions(wb, s: Scenario) -> None:
    ws = wb.create_sheet(ASSUMPTIONS)
    st.title(ws, "Assumptions log", "Every shipped default with its source and price year, then this scenario's "
                                    "services and interventions. Illustrative defaults: replace with local evidence.")
    st.header_row(ws, 4, ("Item", "Default value", "Source", "Price year", "Judgement / assumption"))
    row = 5
    for src in default_sources():
        for col, value in enumerate((src.path, src.value, src.source, src.price_year,
                                     "assumption" if src.assumption else ""), start=1):
            write_text(ws.cell(row, col), value)
        row += 1
    for j, svc in enumerate(s.services):
        for col, value in enumerate((f"services[{j}] {svc.id}: {svc.name}", "", svc.source), start=1):
            write_text(ws.cell(row, col), value)
        row += 1
    for i, iv in enumerate(s.interventions):
        for col, value in enumerate((f"interventions[{i}]: {iv.name}", iv.approach, iv.notes), start=1):
            write_text(ws.cell(row, col), value)
        row += 1
    write_text(ws.cell(row + 1, 1), "Population data")
    write_text(ws.cell(row + 1, 3), ONS_ATTRIBUTION)
    for r in range(5, row + 2):
        st.wrap(ws.cell(r, 3), 100)
    st.widths(ws, {"A": 40, "B": 20, "C": 100, "D": 12, "E": 14})
    st.protect(ws)


def write_uncertainty(wb, simulation: SimulationResults | None, tornado_rows) -> None:
    ws = wb.create_sheet(UNCERTAINTY)
    st.title(ws, "Uncertainty", "Values from the last run in RtV Desktop, not live: they do not change when "
                                "you edit inputs here. Run the scenario again in RtV Desktop to update them.")
    row = 4
    if simulation is None:
        ws.cell(row, 1, "No Monte Carlo run was saved with this export.")
        row += 2
    else:
        row = _simulation_block(ws, simulation, row)
    if tornado_rows:
        _tornado_block(ws, tornado_rows, row)
    else:
        ws.cell(row, 1, "No one-way sensitivity (tornado) run was saved with this export.")
    st.widths(ws, {"A": 52, "B": 18, "C": 18, "D": 18, "E": 18, "F": 18, "G": 18, "H": 18})
    st.protect(ws)


def _simulation_block(ws, sim: SimulationResults, row: int) -> int:
    ws.cell(row, 1, "Monte Carlo simulation (values, not live)").font = st.BOLD
    ws.cell(row + 1, 1, "Iterations")
    ws.cell(row + 1, 2, sim.iterations)
    ws.cell(row + 2, 1, "Seed")
    ws.cell(row + 2, 2, sim.seed).number_format = "0"
    row += 4
    st.header_row(ws, row, ("Figure", "Mean", "5th percentile", "Median (p50)", "95th percentile"))
    for key, stats in sim.summary.items():
        if not isinstance(stats, dict):
            continue
        row += 1
        ws.cell(row, 1, key)
        for col, part in enumerate(("mean", "p5", "p50", "p95"), start=2):
            value = stats.get(part)
            cell = ws.cell(row, col, "" if value is None else value)
            cell.number_format = "0.00" if key.startswith(("bcr", "roi", "payback")) else MONEY
    row += 2
    st.header_row(ws, row, ("Probability", "Share of draws"))
    for key, value in sim.summary.items():
        if not isinstance(value, dict):
            row += 1
            ws.cell(row, 1, key)
            ws.cell(row, 2, value).number_format = "0.0%"
    return row + 2


def _tornado_block(ws, rows, row: int) -> None:
    ws.cell(row, 1, "One-way sensitivity (tornado), sorted by swing (values, not live)").font = st.BOLD
    st.header_row(ws, row + 1, ("Input", "Low value", "High value", "NPV fiscal at low £", "NPV fiscal at high £",
                                "NPV social at low £", "NPV social at high £", "Swing £"))
    for offset, item in enumerate(rows, start=row + 2):
        write_text(ws.cell(offset, 1), item.label)
        values = (item.low_input, item.high_input, item.npv_fiscal_low, item.npv_fiscal_high,
                  item.npv_social_low, item.npv_social_high, item.swing)
        for col, value in enumerate(values, start=2):
            ws.cell(offset, col, value).number_format = "General" if col < 4 else MONEY


def write_hidden(wb, s: Scenario, simulation: SimulationResults | None) -> None:
    """The exported scenario as JSON text, so an import can show what changed."""
    ws = wb.create_sheet(HIDDEN)
    text = json.dumps(s.to_dict(), ensure_ascii=True, allow_nan=False, separators=(",", ":"))
    chunks = [text[k:k + JSON_CHUNK] for k in range(0, len(text), JSON_CHUNK)] or [""]
    rows = (("format", HIDDEN_FORMAT), ("format_version", HIDDEN_VERSION), ("app_version", __version__),
            ("seed", str(simulation.seed if simulation else s.settings.seed)),
            ("iterations", simulation.iterations if simulation else s.settings.iterations),
            ("json_chunks", len(chunks)))
    for r, (key, value) in enumerate(rows, start=1):
        ws.cell(r, 1, key)
        if isinstance(value, str):
            write_text(ws.cell(r, 2), value)
        else:
            ws.cell(r, 2, value)
    for k, chunk in enumerate(chunks):
        write_text(ws.cell(len(rows) + 2 + k, 1), chunk)
    ws.sheet_state = "hidden"
    st.protect(ws)
