"""Scenarios and small helpers shared by the workbook tests."""

from __future__ import annotations

from dataclasses import replace

import openpyxl
from hypothesis import strategies as st

from rtv_desktop.core import (
    FUNDERS, Document, Option, Service, Uncertain, approach_presets, default_document, default_scenario,
    service_catalogue,
)

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
    for k in range(draw(st.integers(0, 10))):
        iv = draw(st.sampled_from(presets))
        iv = replace(iv, id=f"{iv.id}_{k}", name="Intervention " + draw(text_strategy()), notes=draw(text_strategy()),
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
    area = replace(base.area, area_name=draw(text_strategy()), population=draw(st.floats(1, 1e8)),
                   adult_share=draw(st.floats(0.5, 1.0)))
    return replace(base, name=draw(text_strategy()), author=draw(text_strategy()), notes=draw(text_strategy()),
                   services=services, interventions=tuple(interventions), settings=settings, area=area)


HOME_CARE = Service(id="homecare", name="Home care hour", unit_cost=Uncertain(27.0, 22.0, 32.0), cashable_share=0.5,
                    baseline=(0.5, 2.0, 4.0, 6.0, 1.0), source="PSSRU Unit Costs 2024 (illustrative)",
                    party="council")


def rich_document(comparator=0, volunteer_time="cost") -> Document:
    """Three options and a comparator, with cost grades, funding split across two funders, a council
    service, QALY gains and volunteer time counted as a cost: every part of the model in use."""
    base = default_document()
    ivs = list(base.options[0].interventions)
    services = base.services + (HOME_CARE,)
    education = replace(ivs[0], cost_grade=3, qaly_gain=Uncertain(0.02, 0.0, 0.04),
                        funding=(("nhs", 0.6), ("council", 0.4)),
                        effect=ivs[0].effect + (("homecare", Uncertain(0.1, 0.0, 0.2)),))
    peers = replace(ivs[1], cost_grade=5, volunteer_hours=12.0, funding=(("council", 1.0),))
    prescribing = replace(ivs[5], cost_grade=2, qaly_gain=Uncertain(0.01, 0.0, 0.02),
                          funding=(("nhs", 0.5), ("vcse", 0.5)),
                          effect=ivs[5].effect + (("homecare", Uncertain(0.05, 0.0, 0.1)),))
    options = (Option("Current service", (ivs[2],), "What runs today"),
               Option("Social prescribing only", (ivs[2], prescribing)),
               Option("Full mix", (education, peers, ivs[2], ivs[3], ivs[4], prescribing), "Everything at once"))
    settings = replace(base.settings, volunteer_time=volunteer_time, correlation=0.3, qaly_threshold=25_000.0)
    return replace(base, name="Three options & a comparator", services=services, options=options,
                   comparator=comparator, settings=settings)


@st.composite
def documents(draw):
    """Valid documents of one to three options drawn from the approach presets."""
    base = draw(scenarios())
    presets = [iv for key, iv in approach_presets().items() if key != "custom"]
    options = []
    for k in range(draw(st.integers(1, 3))):
        chosen = draw(st.lists(st.sampled_from(presets), max_size=4, unique_by=lambda iv: iv.id))
        ivs = []
        for iv in chosen:
            share = draw(st.sampled_from((1.0, 0.5, 0.25)))
            second = draw(st.sampled_from(FUNDERS[1:]))
            funding = (("nhs", share),) if share == 1.0 else (("nhs", share), (second, 1.0 - share))
            ivs.append(replace(iv, name=iv.name + draw(text_strategy()), cost_grade=draw(st.integers(1, 6)),
                               funding=funding, qaly_gain=draw(uncertain_fraction(0.05))))
        options.append(Option(f"Option {k + 1} " + draw(st.text(max_size=8)), tuple(ivs), draw(text_strategy())))
    comparator = draw(st.sampled_from([None] + list(range(len(options)))))
    settings = replace(base.settings, volunteer_time=draw(st.sampled_from(("benefit", "cost", "excluded"))),
                       correlation=draw(fraction()))
    return Document(name=base.name, area=base.area, settings=settings, services=base.services,
                    options=tuple(options), comparator=comparator, author=base.author, notes=base.notes)


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


def named_values(wb, name: str) -> list:
    """The values of the cells a defined name points at (a row or a column)."""
    ((sheet, coordinate),) = list(wb.defined_names[name].destinations)
    cells = wb[sheet][coordinate.replace("$", "")]
    if not isinstance(cells, tuple):
        return [cells.value]
    return [c.value for row in cells for c in (row if isinstance(row, tuple) else (row,))]


def table_cell(wb, sheet: str, header: str, data_row: int = 0):
    """A cell of an input table by header key and data row (0 = first data row)."""
    ws = wb[sheet]
    table = next(iter(ws.tables.values()))
    first = ws[table.ref.split(":")[0]]
    for cell in ws[first.row]:
        if cell.value == header:
            return ws.cell(first.row + 1 + data_row, cell.column)
    raise KeyError(header)
