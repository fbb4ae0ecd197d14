"""The board paper's "Benefits so far" (MODEL.md section 12): when the document holds imported
actuals, forecast against actual to date per option, the local effects accepted, and the
re-forecast beside the original forecast. Absent without actuals.

"To date" adds up the quarters whose actual is known, figure by figure, and the forecast of
those same quarters: a blank quarter is not yet known and counts on neither side.
"""

from __future__ import annotations

from ..core import run
from ..core.actuals import FIGURE_LABELS, FIGURE_NAMES
from ..core.library import figure_of
from ..core.model import SHORT_DESIGN_LABELS
from ..core.monitoring import observed_effects, reforecast
from ..core.monitoring_words import effect_figure, effect_line
from ..core.outputs import NPV_FISCAL, NPV_SOCIAL, format_output, short
from .figures import ReportFigures
from .model import Block, Bullets, Heading, Paragraph, Table
from .words import count, money

WRITERS = {"starters": count, "completers": count, "spend": money}
FIGURES = tuple((name, FIGURE_LABELS[name], WRITERS[name]) for name in FIGURE_NAMES)
REFORECAST_FIGURES = ("pv_cost", NPV_FISCAL, NPV_SOCIAL)


def to_date(rows, name: str) -> tuple[float, float, int] | None:
    """(forecast, actual, quarters) of one figure over the quarters whose actual is known; None if none is."""
    known = [row for row in rows if getattr(row.actual, name) is not None]
    if not known:
        return None
    return (sum(getattr(row.forecast, name) or 0.0 for row in known), sum(getattr(row.actual, name) for row in known),
            len({row.quarter for row in known}))


def actual_cell(found, write) -> str:
    """"1,020 (-8%)": the actual to date and how far it is from the forecast; "not yet known"."""
    if found is None:
        return "not yet known"
    forecast, actual, _quarters = found
    if not forecast:
        return write(actual)
    return f"{write(actual)} ({(actual - forecast) / forecast * 100:+.0f}%)"


def benefits_so_far(f: ReportFigures) -> list[Block]:
    doc = f.document
    actuals = doc.actuals
    if actuals is None:
        return []
    known = sorted({row.quarter for row in actuals.activity if row.actual.known})
    source = actuals.source or "the monitoring workbook"
    if not known:
        return [Heading("Benefits so far", 1, "benefits-so-far"),
                Paragraph(f"The monitoring workbook ({source}) has no actual figures yet: every quarter is "
                          "not yet known.")]
    return [Heading("Benefits so far", 1, "benefits-so-far"),
            Paragraph(f"What happened from {known[0]} to {known[-1]} ({len(known)} quarter"
                      f"{'s' if len(known) != 1 else ''} recorded in {source}), against the forecast for the same "
                      "quarters. In brackets: how far the actual is above or below the forecast."),
            _activity_table(f),
            Bullets(tuple(_effects_lines(f))),
            _reforecast_table(f)]


def _activity_table(f: ReportFigures) -> Table:
    rows = []
    for k, option in enumerate(f.document.options):
        own = [row for row in f.document.actuals.activity if row.option == k]
        cells = []
        for name, _words, write in FIGURES:
            found = to_date(own, name)
            cells += [write(found[0]) if found else "-", actual_cell(found, write)]
        rows.append((option.name, *cells))
    headers = ("Option", *(f"{words} {part}" for _n, words, _w in FIGURES for part in ("forecast", "actual")))
    return Table(headers, tuple(rows), numeric=tuple(range(1, len(headers))), widths=(3, 1.9, 2.1, 2.3, 2.3, 1.9, 2.1),
                 caption="To date: the quarters with an actual figure, and the forecast of the same quarters. "
                         "Spend in cash.")


def _effects_lines(f: ReportFigures) -> list[str]:
    """The local effects accepted, then those observed but not used, with the figure still counted:
    a board sees the unwelcome findings as well as the welcome ones."""
    doc = f.document
    services = {svc.id: svc.name for svc in doc.services}
    local = {e.id: e for e in doc.local_evidence}
    used, lines = set(), []
    for option in doc.options:
        for iv in option.interventions:
            for outcome, entry_id in iv.evidence:
                found = local.get(entry_id)
                if found is None:
                    continue
                used.add((iv.id, outcome))
                lines.append(f"{effect_line(iv.name, outcome, found.value, found.low, found.high, services)}, "
                             f"{SHORT_DESIGN_LABELS.get(found.design, found.design)}, evidence grade {found.grade}: "
                             "measured locally, now used in place of the default figure.")
    accepted = len(lines)
    lines += [_not_used_line(doc, effect, services) for effect in observed_effects(doc.actuals)
              if (effect.intervention_id, effect.outcome) not in used]
    if not accepted:
        lines.insert(0, "No effect measured locally has been accepted yet: the effects counted are still the "
                        "published ones.")
    return lines


def _not_used_line(doc, effect, services: dict[str, str]) -> str:
    iv = next(iv for iv in doc.options[effect.option].interventions if iv.id == effect.intervention_id)
    counted = figure_of(iv, effect.outcome)
    still = f"the model still counts {effect_figure(effect.outcome, counted.central)}" if counted is not None else \
        "the model counts no effect on it"
    return (f"{effect_line(iv.name, effect.outcome, effect.value, effect.low, effect.high, services)}, "
            f"{SHORT_DESIGN_LABELS.get(effect.design, effect.design)}, evidence grade {effect.grade}: measured "
            f"locally but not used; {still}.")


def _reforecast_table(f: ReportFigures) -> Table:
    doc = f.document
    again = reforecast(doc, doc.actuals)
    rows = []
    for k, option in enumerate(doc.options):
        before, after = f.comparison.options[k].summary, run(again.scenario(k)).summary
        cells = []
        for key in REFORECAST_FIGURES:
            cells += [format_output(key, before[key], compact=True), format_output(key, after[key], compact=True)]
        rows.append((option.name, *cells))
    headers = ("Option", *(f"{short(key)}: {part}" for key in REFORECAST_FIGURES for part in ("forecast", "re-forecast")))
    s = doc.settings
    return Table(headers, tuple(rows), numeric=tuple(range(1, len(headers))), widths=(3, *(2,) * 6),
                 caption=f"Re-forecast: each option run again with the reach, completion and cost per starter "
                         f"observed, and the local effects accepted. Present values over {s.horizon_years} years, "
                         f"{s.price_year} prices.")
