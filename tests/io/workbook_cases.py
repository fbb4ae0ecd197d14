"""Scenarios and small helpers shared by the workbook tests."""

from __future__ import annotations

from dataclasses import replace

import openpyxl
from hypothesis import strategies as st

from rtv_desktop.core import Uncertain, approach_presets, default_scenario, service_catalogue

FORMULA_LIKE = ("=1+2", "=HYPERLINK(\"http://example.com\",\"x\")", "+SUM(A1)", "-2+3", "@cmd", "\tTab start",
                "\rCR start", "a\r\nb", "_x0041_ literal", "", " padded ")


def text_strategy():
    """User text: formula-like starts, control characters, any Unicode (no surrogates)."""
    prefix = st.sampled_from(FORMULA_LIKE)
    return st.builds(lambda p, t: p + t, prefix, st.text(max_size=30))


def fraction(high=1.0):
    return st.floats(0.0, high, allow_nan=False)


@st.composite
def uncertain_fraction(draw, high=1.0):
    values = sorted(draw(st.lists(fraction(high), min_size=3, max_size=3)))
    return Uncertain(values[1], values[0], values[2])


@st.composite
def scenarios(draw):
    """Valid scenarios made by perturbing the default one."""
    base = default_scenario()
    services = base.services
    if draw(st.booleans()):
        services += (next(s for s in service_catalogue() if s.id == "ambulance"),)
    presets = list(approach_presets().values())
    interventions = []
    for _ in range(draw(st.integers(0, 10))):
        iv = draw(st.sampled_from(presets))
        iv = replace(iv, name="Intervention " + draw(text_strategy()), notes=draw(text_strategy()),
                     reach=draw(uncertain_fraction(0.02)), deadweight=draw(uncertain_fraction()),
                     fixed_cost=draw(st.floats(0, 1e6)), evidence_grade=draw(st.integers(1, 6)),
                     effect_years=draw(st.integers(1, 10)))
        if draw(st.booleans()):
            iv = replace(iv, target_group="custom", custom_size=draw(st.floats(0, 1e5)))
        if len(services) > len(base.services) and draw(st.booleans()):
            iv = iv.with_effect("ambulance", draw(uncertain_fraction(0.2)))
        interventions.append(iv)
    settings = replace(base.settings, horizon_years=draw(st.integers(1, 10)),
                       discount_rate=draw(fraction(0.5)), seed=draw(st.integers(0, 2**53)))
    area = replace(base.area, area_name=draw(text_strategy()), population=draw(st.floats(0, 1e8)),
                   adult_share=draw(st.floats(0.5, 1.0)))
    return replace(base, name=draw(text_strategy()), author=draw(text_strategy()), notes=draw(text_strategy()),
                   services=services, interventions=tuple(interventions), settings=settings, area=area)


def named_cell(wb, name: str):
    """The cell a workbook-level defined name points at."""
    ((sheet, coordinate),) = list(wb.defined_names[name].destinations)
    return wb[sheet][coordinate.replace("$", "")]


def edit_copy(source, target, edits) -> None:
    """Edit a workbook as an analyst would (open, change cells, save a copy).

    ``edits`` maps a defined name, or ``(sheet, coordinate)``, to the new value.
    """
    wb = openpyxl.load_workbook(source)
    for where, value in edits.items():
        cell = named_cell(wb, where) if isinstance(where, str) else wb[where[0]][where[1]]
        cell.value = value
    wb.save(target)


def table_cell(wb, sheet: str, header: str, data_row: int = 0):
    """A cell of an input table by header key and data row (0 = first data row)."""
    ws = wb[sheet]
    table = next(iter(ws.tables.values()))
    first = ws[table.ref.split(":")[0]]
    for cell in ws[first.row]:
        if cell.value == header:
            return ws.cell(first.row + 1 + data_row, cell.column)
    raise KeyError(header)
