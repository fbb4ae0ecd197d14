"""Sentences that go with the results: what they rest on, which option is preferred and why.

Pure Python (no Qt), so the window, its tests and any report word these things one way.
"""

from __future__ import annotations

from ..core import VOLUNTEER_TIME_LABELS
from .formatting import format_money, format_percent

DO_NOTHING = "Doing nothing"
QUADRANT_WORDS = {
    "dominant": "dominant: cheaper and more QALYs",
    "dominated": "dominated: dearer and fewer QALYs",
    "more costly, more effective": "more costly, more QALYs",
    "cheaper, less effective": "cheaper, fewer QALYs",
}
DOMINANT = "dominant: saves money and gains health"
NO_QALYS = "n/a: no QALYs gained"


def correlation_phrase(rho: float) -> str:
    """"draws correlated at 0.5 across interventions" (or "independent" at 0)."""
    if not rho:
        return "draws independent across interventions"
    return f"draws correlated at {rho:g} across interventions"


def volunteer_phrase(volunteer_time: str) -> str:
    """"Volunteer time counted as a benefit (Realising the Value convention)"."""
    if volunteer_time == "excluded":
        return "Volunteer time left out of the social value"
    return f"Volunteer time counted as {VOLUNTEER_TIME_LABELS.get(volunteer_time, volunteer_time)}"


def price_phrase(settings) -> str:
    """"Money in 2024/25 prices", with the note of any rebasing."""
    note = settings.price_note.strip()
    text = f"Money in {settings.price_year} prices"
    return f"{text} ({note.rstrip('.')})" if note else text


def basis_note(settings, correlation: float | None = None) -> str:
    """What every figure rests on: price year, volunteer time and (when simulated) the correlation used."""
    parts = [price_phrase(settings), volunteer_phrase(settings.volunteer_time)]
    if correlation is not None:
        parts.append(f"Simulation {correlation_phrase(correlation)}")
    return ". ".join(parts) + "."


def cost_per_qaly_text(summary: dict) -> str:
    """Cost per QALY in words: "dominant: ..." when it saves money and gains health."""
    qalys, net_cost = summary.get("qalys") or 0.0, summary.get("net_cost") or 0.0
    if qalys > 0 and net_cost <= 0:
        return DOMINANT
    if qalys <= 0 or summary.get("cost_per_qaly") is None:
        return NO_QALYS
    return format_money(summary["cost_per_qaly"])


def quadrant_text(quadrant: str | None) -> str:
    return QUADRANT_WORDS.get(quadrant, "") if quadrant else ""


def option_name(comparison, k: int | None) -> str:
    return DO_NOTHING if k is None else comparison.document.options[k].name


def _social(comparison, k: int | None) -> float:
    return 0.0 if k is None else comparison.options[k].summary["npv_social"]


def verdict(comparison) -> str:
    """Which option is preferred and why, in a sentence or two a board can read."""
    ranking = comparison.ranking
    if not ranking:
        return ""
    best = ranking[0]
    name, value = option_name(comparison, best), _social(comparison, best)
    if best is None:
        top = ranking[1] if len(ranking) > 1 else None
        runner = "" if top is None else (f"; the best option, {option_name(comparison, top)}, has "
                                         f"{format_money(_social(comparison, top), True)}")
        return (f"Doing nothing is preferred: no option has a positive net social value{runner}. "
                "Doing nothing costs nothing and changes nothing.")
    comparator = ", the comparator," if best == comparison.comparator else ""
    text = f"{name}{comparator} has the highest net social value ({format_money(value, True)})"
    if len(ranking) > 1:
        second = ranking[1]
        gap = value - _social(comparison, second)
        other = _lower_nothing(option_name(comparison, second))
        text += f", level with {other} and no dearer" if gap == 0 else f", {format_money(gap, True)} more than {other}"
    if comparator:
        text += ": no option improves on it"
    return text + "." + _fiscal_aside(comparison, best)


def _lower_nothing(name: str) -> str:
    return "doing nothing" if name == DO_NOTHING else name


def _fiscal_aside(comparison, best: int) -> str:
    """Name what a budget-only reading would prefer, when it is not the preferred option."""
    fiscal = [(r.summary["npv_fiscal"], k) for k, r in enumerate(comparison.options)]
    if comparison.comparator is None:
        fiscal.append((0.0, None))
    top_value, top = max(fiscal, key=lambda pair: (pair[0], pair[1] is None, -(pair[1] or 0)))
    if top == best:
        return ""
    if top is None:
        return (" On net fiscal value alone, doing nothing would be preferred: no option saves as much as it "
                "costs.")
    return (f" On net fiscal value alone, {comparison.document.options[top].name} would be preferred "
            f"({format_money(top_value, True)}).")


def evpi_sentence(evpi: float) -> str:
    """The expected value of perfect information in words."""
    return (f"Resolving all uncertainty would be worth at most {format_money(max(evpi, 0.0), True)} to this "
            "decision (expected value of perfect information, on net social value).")


def prob_best_sentence(sim) -> str:
    """"Full mix is best in 87% of draws"; the likeliest option, doing nothing included."""
    names = [option.name for option in sim.options]
    shares = list(sim.prob_best_social)
    if sim.prob_best_do_nothing is not None:
        names.append(DO_NOTHING)
        shares.append(sim.prob_best_do_nothing)
    k = max(range(len(shares)), key=lambda j: shares[j])
    return f"{names[k]} is best on net social value in {format_percent(shares[k])} of draws."
