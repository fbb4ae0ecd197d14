"""What the preferred option costs and saves whom, by financial year, in today's prices and in cash.

The yearly flows are undiscounted (what a budget sees each year), in the document's price year;
the cash view uprates them by the typed inflation rate from the price year to each year.
"""

from __future__ import annotations

import numpy as np

from ..core.years import cash_value, financial_year_problem, years_after
from ..core.years import financial_year as labelled_year
from .figures import ReportFigures
from .model import Block, Heading, Paragraph, Table
from .words import money, percent

MAX_YEAR_COLUMNS = 6  # years shown one by one; later years are added up in one column


def financial_year(start: str | None, offset: int) -> str:
    """"2027/28" for ``offset`` years after ``start`` ("2026/27" + 1); "Year N" without a start year."""
    if not start or financial_year_problem(start) is not None:
        return f"Year {offset + 1}"
    return labelled_year(start, offset)


def year_tables(f: ReportFigures) -> list[Block]:
    r = f.results
    settings = f.document.settings
    start = settings.start_year
    horizon = len(r.totals_by_year()["cost"])
    columns = _columns(start, horizon)
    rows = _rows(r)
    blocks: list[Block] = [
        Heading("What it costs and saves whom, year by year", 1, "by-year"),
        Paragraph(f"{f.option_name}, in {settings.price_year} prices (today's prices), not discounted: what each "
                  "budget would see in each year. Wellbeing and volunteer time are value to residents, not cash."),
        _table(columns, rows, lambda values: values, f"Today's prices ({settings.price_year})."),
    ]
    rate = settings.inflation_rate
    if rate > 0:
        source = settings.inflation_source.strip() or "no source given"
        lag = years_after(settings.price_year, start)
        factors = np.array([cash_value(1.0, rate, t, lag) for t in range(horizon)])
        blocks += [Paragraph(f"In cash: the same flows uprated by {percent(rate, 1)} a year from "
                             f"{settings.price_year} prices (source: {source})."),
                   _table(columns, [row for row in rows if row[2]], lambda values: values * factors,
                          f"Cash, at {percent(rate, 1)} a year inflation.")]
    return blocks


def _columns(start, horizon: int) -> list[tuple[str, slice]]:
    if horizon <= MAX_YEAR_COLUMNS:
        return [(financial_year(start, t), slice(t, t + 1)) for t in range(horizon)]
    shown = MAX_YEAR_COLUMNS - 1
    return [*((financial_year(start, t), slice(t, t + 1)) for t in range(shown)),
            (f"{financial_year(start, shown)} to {financial_year(start, horizon - 1)}", slice(shown, horizon))]


def _rows(r) -> list[tuple[str, np.ndarray, bool]]:
    """(label, yearly £, is money that moves in a budget) for each party that pays, saves or receives."""
    rows = []
    flows = r.party_flows
    labels = {row["party"]: row["label"] for row in r.by_party}
    for party, flow in flows.items():
        name = labels.get(party, party)
        if np.any(flow["pays"]) and party == "residents":  # volunteer time as an in-kind cost: not cash
            rows.append((f"{name} give (volunteer time)", np.asarray(flow["pays"], float), False))
        elif np.any(flow["pays"]):
            rows.append((f"{name} pays", np.asarray(flow["pays"], float), True))
        if np.any(flow["saves"]):
            rows.append((f"{name} saves", np.asarray(flow["saves"], float), True))
            if np.any(flow["saves_cashable"]):
                rows.append(("of which releases cash", np.asarray(flow["saves_cashable"], float), True))
        if np.any(flow["value"]):
            rows.append((f"{name} receive (wellbeing, volunteer time)", np.asarray(flow["value"], float), False))
    return rows


def _table(columns, rows, convert, caption: str) -> Table:
    body = []
    for label, values, _money in rows:
        shown = convert(values)
        body.append((label, *(money(float(np.sum(shown[part]))) for _name, part in columns),
                     money(float(np.sum(shown)))))
    headers = ("", *(name for name, _part in columns), "Total")
    return Table(headers, tuple(body), caption=caption, numeric=tuple(range(1, len(headers))),
                 widths=(4, *(1.6,) * (len(headers) - 1)))
