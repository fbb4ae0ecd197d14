"""Speed of the v2 simulation; prints JSON figures.

    uv run python benchmarks/simulation_speed.py

Targets: the 10,000-draw simulation of the default scenario, correlation included, within 3x
the time of drawing its beta variates alone; 4 options x 6 interventions (10,000 draws)
within 2.5x one option's simulation, since interventions shared by options are drawn and
evaluated once.
"""

from __future__ import annotations

import json
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from rtv_desktop.core import Option, Uncertain, default_document, simulate, uncertain_inputs  # noqa: E402
from rtv_desktop.core.params import stream  # noqa: E402
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


def beta_draws_only(scenario, seed: int = 1) -> None:
    """What drawing the beta variates alone costs: one stream and one PERT sample per input."""
    for item in uncertain_inputs(scenario):
        if not item.value.is_fixed:
            v = item.value
            pert(stream(seed, item.key), v.low, v.central, v.high, DRAWS)


def four_options(doc):
    """The full mix, social prescribing only, the full mix at double reach, and four approaches."""
    ivs = doc.options[0].interventions
    doubled = tuple(replace(iv, reach=Uncertain(iv.reach.central * 2, iv.reach.low * 2, iv.reach.high * 2))
                    for iv in ivs)
    return replace(doc, options=(doc.options[0], Option("Social prescribing only", ivs[-1:]),
                                 Option("Full mix at double reach", doubled), Option("Four approaches", ivs[:4])),
                   comparator=0)


def main() -> None:
    doc = default_document()
    scenario = doc.scenario(0)
    beta_s = fastest(lambda: beta_draws_only(scenario), 15)
    independent = replace(doc, settings=replace(doc.settings, correlation=0.0))
    correlated = replace(doc, settings=replace(doc.settings, correlation=0.5))
    sim_independent_s = fastest(lambda: simulate(independent, iterations=DRAWS, seed=1), 15)
    sim_correlated_s = fastest(lambda: simulate(correlated, iterations=DRAWS, seed=1), 15)
    options = four_options(correlated)
    four_s = fastest(lambda: simulate(options, iterations=DRAWS, seed=1), 15)
    print(json.dumps({
        "draws": DRAWS,
        "beta_variates_only_s": round(beta_s, 4),
        "simulate_default_independent_s": round(sim_independent_s, 4),
        "simulate_default_correlated_s": round(sim_correlated_s, 4),
        "correlated_in_beta_draw_times": round(sim_correlated_s / beta_s, 2),
        "target_correlated_in_beta_draw_times": 3.0,
        "simulate_4_options_x_6_interventions_s": round(four_s, 4),
        "four_options_in_one_option_times": round(four_s / sim_correlated_s, 2),
        "target_four_options_in_one_option_times": 2.5,
    }, indent=2))


if __name__ == "__main__":
    main()
