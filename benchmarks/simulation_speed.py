"""Speed of the simulation against drawing its variates; prints JSON figures.

    uv run python benchmarks/simulation_speed.py

Targets (MODEL.md 7 and 11, issue 21): the 10,000-draw simulation of the example document and of
a 50-intervention, 10-year document, correlation and fitted families included, within 3x
(goal 2x) the time of drawing their variates alone: one numpy sample per drawn input from its
own family (beta-PERT under "pert"; beta, gamma, lognormal and normal under "fitted"). Each is
measured for both readings of the ranges, with and without correlation. Also: 4 options x 6
interventions within 2.5x one option's simulation, since interventions shared by options are
drawn and evaluated once; and the first fitted simulation after start-up, which also tabulates
the beta and gamma quantile functions (cached afterwards).
"""

from __future__ import annotations

import json
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from rtv_desktop.core import (Option, Uncertain, default_document, service_catalogue, simulate,  # noqa: E402
                              uncertain_inputs)
from rtv_desktop.core.distributions import _table, sample  # noqa: E402
from rtv_desktop.core.params import is_drawn, law_of, stream  # noqa: E402
from rtv_desktop.core.simulation import union_of_options  # noqa: E402
from rtv_desktop.core.uncertainty import pert  # noqa: E402

DRAWS = 10_000


def fastest(fn, repeat: int) -> float:
    """The least processor time [s] of ``repeat`` calls after a warm-up.

    Processor time of this process, not wall-clock time, and the least of several runs: on a
    shared machine other work then barely moves the figures, and their ratios are stable.
    """
    fn()
    times = []
    for _ in range(repeat):
        start = time.process_time()
        fn()
        times.append(time.process_time() - start)
    return min(times)


def variates_only(doc, seed: int = 1) -> None:
    """What drawing the variates alone costs: one stream and one sample per drawn input, from its family."""
    scenario = union_of_options(doc).scenario
    how = doc.settings.distributions
    for item in uncertain_inputs(scenario):
        if not is_drawn(item, how):
            continue
        gen, v = stream(seed, item.key), item.value
        if how == "fitted":
            sample(law_of(item), gen, DRAWS)
        else:
            pert(gen, v.low, v.central, v.high, DRAWS)


def with_settings(doc, **changes):
    return replace(doc, settings=replace(doc.settings, **changes))


def largest_document(doc):
    """The biggest document the app allows: 50 interventions, 10 years, all the catalogue's services."""
    ivs = tuple(replace(iv, id=f"iv_{k}", name=f"{iv.name} {k}", effect_years=4)
                for k, iv in enumerate((doc.options[0].interventions * 9)[:50]))
    return replace(doc, services=service_catalogue(), options=(Option("Fifty", ivs),),
                   settings=replace(doc.settings, horizon_years=10))


def four_options(doc):
    """The full mix, social prescribing only, the full mix at double reach, and four approaches."""
    ivs = doc.options[0].interventions
    doubled = tuple(replace(iv, reach=Uncertain(iv.reach.central * 2, iv.reach.low * 2, iv.reach.high * 2))
                    for iv in ivs)
    return replace(doc, options=(doc.options[0], Option("Social prescribing only", ivs[-1:]),
                                 Option("Full mix at double reach", doubled), Option("Four approaches", ivs[:4])),
                   comparator=0)


def ratios(doc, repeat: int) -> dict:
    out = {}
    for how in ("pert", "fitted"):
        for rho in (0.0, 0.5):
            case = with_settings(doc, distributions=how, correlation=rho)
            variates = fastest(lambda: variates_only(case), repeat)
            simulation = fastest(lambda: simulate(case, iterations=DRAWS, seed=1), repeat)
            name = f"{how}_{'correlated' if rho else 'independent'}"
            out[name] = {"simulate_s": round(simulation, 4), "variates_s": round(variates, 4),
                         "in_variate_times": round(simulation / variates, 2)}
    return out


def cold_fitted_s(doc) -> float:
    """A fitted simulation with the quantile tables still to be worked out (as after start-up)."""
    _table.cache_clear()
    start = time.process_time()
    simulate(with_settings(doc, distributions="fitted", correlation=0.5), iterations=DRAWS, seed=1)
    return time.process_time() - start


def main() -> None:
    doc = with_settings(default_document(), correlation=0.5)
    big = largest_document(doc)
    cold_example, cold_big = cold_fitted_s(doc), cold_fitted_s(big)
    example = ratios(doc, 15)
    fifty = ratios(big, 3)
    correlated = with_settings(doc, distributions="fitted")
    one = fastest(lambda: simulate(correlated, iterations=DRAWS, seed=1), 15)
    four = fastest(lambda: simulate(four_options(correlated), iterations=DRAWS, seed=1), 15)
    print(json.dumps({
        "draws": DRAWS,
        "example": example,
        "fifty_interventions_ten_years": fifty,
        "target_in_variate_times": 3.0,
        "goal_in_variate_times": 2.0,
        "first_fitted_simulation_s": {"example": round(cold_example, 4), "fifty_interventions": round(cold_big, 4)},
        "simulate_4_options_x_6_interventions_fitted_correlated_s": round(four, 4),
        "four_options_in_one_option_times": round(four / one, 2),
        "target_four_options_in_one_option_times": 2.5,
    }, indent=2))


if __name__ == "__main__":
    main()
