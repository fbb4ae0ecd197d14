"""How figures and results are written for people to read: numbers, then the sentences
that go with the results (what they rest on, which option is preferred and why).

Pure Python (no Qt), so the window, the workbook, the report and the command line write
these things one way.
Negative amounts use an ordinary hyphen-minus so copied figures paste into Excel as
numbers-with-text rather than unknown characters.
"""

from __future__ import annotations

import math

from .declare import spec_of
from .examples import blank_scenario, default_document
from .model import VOLUNTEER_TIME_LABELS, Area, Intervention, Service, Settings
from .serialize import UNNAMED
from .years import cash_value, financial_year  # noqa: F401 (written here with the other year labels)

NOT_AVAILABLE = "n/a"

# Compact money: (threshold, divisor, suffix), largest first.
_COMPACT_STEPS = ((1e9, 1e9, "bn"), (1e6, 1e6, "m"), (1e4, 1e3, "k"))


def is_missing(value) -> bool:
    """None or NaN: a figure that does not exist (a ratio over zero), written "n/a"."""
    return value is None or (isinstance(value, float) and math.isnan(value))


_missing = is_missing


def _sign(value: float) -> str:
    return "-" if value < 0 else ""


def format_money(value, compact: bool = False) -> str:
    """Write an amount in pounds.

    Parameters
    ----------
    value : float or None
        Amount [£]; None or NaN gives "n/a".
    compact : bool
        False: the exact figure to the pound with thousands separators ("£1,234,567").
        True: short form for headlines ("£1.2m", "£350k", "£2.5bn"); amounts under
        £10,000 stay exact.

    Examples
    --------
    >>> format_money(-10744861.5, compact=True)
    '-£10.7m'
    >>> format_money(1234.4)
    '£1,234'
    """
    if _missing(value):
        return NOT_AVAILABLE
    value = float(value)
    if not compact:
        return f"{_sign(value)}£{abs(value):,.0f}" if round(abs(value)) else "£0"
    return _compact_money(value)


def _compact_money(value: float) -> str:
    size = abs(value)
    for index, (threshold, divisor, suffix) in enumerate(_COMPACT_STEPS):
        if size < threshold:
            continue
        decimals = 0 if suffix == "k" else 1
        scaled = round(size / divisor, decimals)
        # 999,950 rounds to "1,000k": move up to the next unit instead.
        if index > 0 and scaled >= 1000:
            threshold_up, divisor_up, suffix_up = _COMPACT_STEPS[index - 1]
            return f"{_sign(value)}£{size / divisor_up:.1f}{suffix_up}"
        return f"{_sign(value)}£{scaled:,.{decimals}f}{suffix}"
    return format_money(value)


def format_money_axis(value: float) -> str:
    """Tick label for a money axis: exact pounds with thousands separators ("-£2,500,000")."""
    return format_money(value, compact=False)


def format_money_tick(value: float, spacing: float, largest: float | None = None) -> str:
    """Short tick label for ticks ``spacing`` apart: "£12m", "£2.5m", "£350k", "£900".

    Shows as many decimals as the spacing needs, so neighbouring ticks never read alike.
    ``largest`` (the biggest tick on the axis) picks one unit for the whole axis.
    """
    value, step = float(value), abs(float(spacing)) or 1.0
    biggest = max(abs(value), step, abs(float(largest or 0.0)))
    unit = next(((divisor, suffix) for threshold, divisor, suffix in _COMPACT_STEPS if biggest >= threshold), None)
    if unit is None or round(abs(value) / step) == 0:
        return format_money(value if round(abs(value) / step) else 0.0)
    divisor, suffix = unit
    decimals = next(d for d in range(4) if abs(step / divisor * 10 ** d - round(step / divisor * 10 ** d)) < 1e-6
                    or d == 3)
    return f"{_sign(value)}£{abs(value) / divisor:,.{decimals}f}{suffix}"


def savings_phrase(value, compact: bool = True, what: str = "NHS savings") -> str:
    """"NHS savings £1.2m", or "extra cost to services £682k" when the savings fall below zero
    (never "savings -£682k")."""
    if is_negative(value) and round(float(value)):
        return f"extra cost to services {format_money(-float(value), compact)}"
    return f"{what} {format_money(value, compact)}"


def format_ratio(value) -> str:
    """A benefit-cost ratio as "£ back per £1" ("£0.06 back per £1"); None gives "n/a"."""
    if _missing(value):
        return NOT_AVAILABLE
    value = float(value)
    if value < 0:  # savings below zero: nothing comes back, the services cost more
        return f"nothing back: £{abs(value):,.2f} more cost per £1"
    return f"£{value:,.2f} back per £1"


def format_switch(value, compact: bool = False) -> str:
    """The switching value of the wellbeing gains (MODEL.md 10d) in words: the factor on every
    wellbeing gain at which net social value is zero. None gives "n/a" (no wellbeing value)."""
    if _missing(value):
        return NOT_AVAILABLE
    value = float(value)
    if value <= 0:
        return "none needed" if compact else "none needed: the case breaks even with no wellbeing value"
    if compact:
        return f"{value:,.2f} times"
    if value < 1:
        return f"{value:,.2f} times the assumed gains (they could be {1 - value:.0%} smaller and still break even)"
    return f"{value:,.2f} times the assumed gains (they must be larger than assumed to break even)"


def format_percent(fraction, decimals: int = 0) -> str:
    """A fraction as a percentage (0.425 -> "43%"); None gives "n/a"."""
    if _missing(fraction):
        return NOT_AVAILABLE
    return f"{float(fraction) * 100:.{decimals}f}%"


def format_count(value) -> str:
    """A count of people or contacts, rounded, with thousands separators ("46,970")."""
    if _missing(value):
        return NOT_AVAILABLE
    count = round(float(value))
    return f"{count:,}" if count else "0"


def format_payback(year_index, horizon_years: int) -> str:
    """Payback year for people: year index 0 is "Year 1"; None is "Not within N years"."""
    if _missing(year_index):
        unit = "year" if horizon_years == 1 else "years"
        return f"Not within {horizon_years} {unit}"
    return f"Year {int(year_index) + 1}"


NOTHING_SPENT = "None: nothing spent"
NOTHING_SPENT_TIP = "Nothing is spent in this scenario, so there is no cost to pay back."


def payback_text(summary: dict, horizon_years: int) -> str:
    """The payback figure of a results summary; "None: nothing spent" when there is no cost."""
    if not summary.get("total_cost") and not summary.get("pv_cost"):
        return NOTHING_SPENT
    return format_payback(summary.get("payback_year"), horizon_years)


def year_label(year_index: int) -> str:
    """Axis label for appraisal year index ``t`` (0 is the first delivery year, "Year 1")."""
    return f"Year {int(year_index) + 1}"


UNTITLED = "Untitled document"
# The title of a document with more than two options: naming them all would not fit a title.
MANY_OPTIONS = "options compared"


def document_title(doc) -> str:
    """The document's title on its report, workbook and window.

    Its name, unless nobody typed one: a blank name, File > New's "New scenario", or the shipped
    example's name once the area or the options are the user's own (so no report of a user's
    area carries the example's name). Then it is titled from its area and options:
    "Greater Manchester: Social prescribing and Peer support", or "Greater Manchester: options
    compared" for more than two.
    """
    name = doc.name.strip()
    if name and name not in (UNNAMED, blank_scenario().name) and not _is_edited_example(doc, name):
        return name
    return _title_from_contents(doc)


def _is_edited_example(doc, name: str) -> bool:
    example = default_document()
    return name == example.name and (doc.area != example.area or doc.options != example.options)


def _title_from_contents(doc) -> str:
    area = doc.area.area_name.strip()
    names = [option.name.strip() for option in doc.options if option.name.strip()]
    options = " and ".join(names) if len(names) <= 2 else MANY_OPTIONS
    if area and options:
        return f"{area}: {options}"
    return area or options[:1].upper() + options[1:] or UNTITLED


def is_negative(value) -> bool:
    """True for a real number below zero (None and NaN are not negative)."""
    return not _missing(value) and float(value) < 0


DO_NOTHING = "Doing nothing"
QUADRANT_WORDS = {
    "dominant": "dominant: cheaper and more QALYs",
    "dominated": "dominated: dearer and fewer QALYs",
    "more costly, more effective": "more costly, more QALYs",
    "cheaper, less effective": "cheaper, fewer QALYs",
}
DOMINANT = "dominant: saves money and gains health"
NO_QALYS = "n/a: no QALYs gained"


def setting_text(name: str, value) -> str:
    """A setting as its form field shows it (the correlation 0.3 is "30%" everywhere)."""
    return spec_of(Settings, name).show(value)


def _correlated(rho: float) -> str:
    if not rho:
        return "independent across interventions"
    return f"correlated at {setting_text('correlation', rho)} across interventions"


def correlation_phrase(rho: float) -> str:
    """"draws correlated at 50% across interventions" (or "independent" at 0)."""
    return f"draws {_correlated(rho)}"


def simulation_basis(iterations: int, seed: int, correlation: float, per: str = "") -> str:
    """How to reproduce a simulation: "2,000 draws, seed 1, correlated at 30% across
    interventions"; ``per`` qualifies the draws ("per area"). Every output writes it this way."""
    draws = f"{format_count(iterations)} draws" + (f" {per}" if per else "")
    return f"{draws}, seed {setting_text('seed', seed)}, {_correlated(correlation)}"


def simulation_caption(sim) -> str:
    """The basis of a finished simulation (:func:`simulation_basis` of its draws, seed and correlation)."""
    return simulation_basis(sim.iterations, sim.seed, sim.correlation)


_INPUT_OWNERS = {"interventions": Intervention, "services": Service, "settings": Settings, "area": Area}


def format_input(path: str, value: float) -> str:
    """An input's value as its form field shows it ("12.5%", "£1,250", "0.25 points"), by the
    declaration of the field at ``path`` ("interventions[0].effect.nel" is an effect)."""
    parts = path.split(".")
    owner = _INPUT_OWNERS.get(parts[0].split("[", 1)[0])
    spec = spec_of(owner, parts[1]) if owner is not None and len(parts) > 1 else None
    return spec.show(value) if spec is not None else f"{value:g}"


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


def cost_per_qaly_simulated(value) -> str:
    """A simulation's cost per QALY (the ratio of means, MODEL.md 11c) in a sentence."""
    if value is None:
        return "On average over the draws no QALYs are gained, so the simulation gives no cost per QALY."
    if value <= 0:
        return ("On average over the draws it saves money and gains health: no net cost per QALY (dominant; "
                "the average net cost over the average QALYs gained).")
    return (f"From the simulation, cost per QALY is {format_money(value)}: the average net cost over the average "
            "QALYs gained (a ratio of means, so it has no percentiles).")


def quadrant_text(quadrant: str | None, net_cost: float | None = None, qalys: float | None = None) -> str:
    """Where an option sits against its comparator, in words. Given the increments, an edge of the
    plane is said as it is: the same QALYs are "no QALY difference", never "fewer QALYs"."""
    if not quadrant:
        return ""
    if qalys == 0 and net_cost is not None:
        return "dearer, no QALY difference" if net_cost > 0 else "cheaper, no QALY difference"
    if net_cost == 0 and qalys is not None:
        return "no cost difference, more QALYs" if qalys > 0 else "no cost difference, fewer QALYs"
    return QUADRANT_WORDS.get(quadrant, "")


def option_name(comparison, k: int | None) -> str:
    return DO_NOTHING if k is None else comparison.document.options[k].name


def _social(comparison, k: int | None) -> float:
    return comparison.net_social(k)


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
    fiscal = [(comparison.net_fiscal(k), k) for k in range(len(comparison.options))]
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


EVPI_BASES = {"social": "net social value", "fiscal": "net fiscal value", "nmb": "net monetary benefit"}
FIXED_EXAMPLES = 3  # fixed kinds of input an EVPI sentence names


def years_phrase(years: int) -> str:
    """"5 years", "1 year"."""
    return f"{years} year" + ("" if years == 1 else "s")


def list_phrase(items) -> str:
    """"a", "a and b", "a, b and c"."""
    items = list(items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1] if items else ""


def _lower_first(label: str) -> str:
    """"Effect years" -> "effect years", but "WELLBY value" and "QALY gain" keep their capitals."""
    return label if label[:2].isupper() else label[:1].lower() + label[1:]


def drawn_phrase(sim) -> str:
    """"The simulation draws completion, cost per starter, ...; it holds fixed effect years, ..." (every kind)."""
    drawn = list_phrase(_lower_first(k) for k in sim.drawn) or "no input"
    fixed = list_phrase(_lower_first(k) for k in sim.fixed) or "nothing"
    return f"The simulation draws {drawn}; it holds fixed {fixed}."


def _counted_inputs(sim) -> str:
    examples = list_phrase(_lower_first(k) for k in sim.fixed[:FIXED_EXAMPLES])
    if not examples:
        return "counting every input"
    return (f"counting only the inputs the simulation draws (its fixed inputs, such as {examples}, "
            "are not counted)")


def evpi_sentence(sim, on: str = "social") -> str:
    """The expected value of perfect information in words: what it is on, for whom, over what
    horizon and which inputs it counts, and "about £x" (MODEL.md 11d).

    ``on`` is ``"social"``, ``"fiscal"`` or ``"nmb"`` (net monetary benefit at the QALY threshold).
    """
    value = max(float(getattr(sim, f"evpi_{on}")), 0.0)
    basis = EVPI_BASES[on]
    if on == "nmb":
        basis += f" at {format_money(sim.document.settings.qaly_threshold)} per QALY"
    years = years_phrase(sim.document.settings.horizon_years)
    return (f"Perfect information would be worth about {format_money(value, True)} on {basis}, for the whole "
            f"area over {years}, {_counted_inputs(sim)}.")


def evpi_per_person_sentence(sim) -> str:
    """"That is about £17 for each of the 4,400 people who start over 5 years." (empty when nobody starts)."""
    each = sim.evpi_social_per_person
    if each is None:
        return ""
    people = sim.evpi_social / each if each else 0.0
    years = years_phrase(sim.document.settings.horizon_years)
    return (f"On net social value that is about {format_money(max(each, 0.0))} for each of the "
            f"{format_count(people)} people who start over {years}.")


def evpi_text(sim) -> str:
    """The EVPI sentences every output gives: on net social value, per person, and on net monetary benefit."""
    return " ".join(part for part in (evpi_sentence(sim, "social"), evpi_per_person_sentence(sim),
                                      evpi_sentence(sim, "nmb")) if part)


MEAN_VS_CENTRAL_SHARE = 0.01  # the two figures differ when apart by more than 1% of the larger ...
MEAN_VS_CENTRAL_POUNDS = 1_000.0  # ... and by more than £1,000
MEAN_VS_CENTRAL_REASONS = {
    "fitted": "each range is wider on one side, the model multiplies uncertain inputs together, and optimism bias "
              "raises a drawn loss rather than shrinking it",
    "pert": "the most likely value of a skewed range is not its average, and the model multiplies uncertain "
            "inputs together",
}


def means_differ(central, mean) -> bool:
    """Whether a simulation's average is far enough from the central-value figure to say so."""
    if is_missing(central) or is_missing(mean):
        return False
    gap = abs(float(mean) - float(central))
    return gap > MEAN_VS_CENTRAL_SHARE * max(abs(float(mean)), abs(float(central))) and gap > MEAN_VS_CENTRAL_POUNDS


def mean_vs_central_note(key: str, central, mean, distributions: str = "fitted") -> str:
    """One line when a simulated average and the central-value figure of money figure ``key`` differ
    (by more than 1% of the larger and £1,000), else "": both figures and why (MODEL.md 11a)."""
    if not means_differ(central, mean):
        return ""
    from .outputs import label  # noqa: PLC0415 (outputs imports this module)

    reason = MEAN_VS_CENTRAL_REASONS.get(distributions, MEAN_VS_CENTRAL_REASONS["fitted"])
    return (f"{label(key)}: the simulation's average ({format_money(mean, True)}) differs from the central figure "
            f"({format_money(central, True)}) because {reason}.")


def prob_best_sentence(sim) -> str:
    """"Full mix is best in 87% of draws"; the likeliest option, doing nothing included."""
    names = [option.name for option in sim.options]
    shares = list(sim.prob_best_social)
    if sim.prob_best_do_nothing is not None:
        names.append(DO_NOTHING)
        shares.append(sim.prob_best_do_nothing)
    k = max(range(len(shares)), key=lambda j: shares[j])
    return f"{names[k]} is best on net social value in {format_percent(shares[k])} of draws."

