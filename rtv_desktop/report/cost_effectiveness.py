"""The report's cost-effectiveness detail: the acceptability curve and the plane (MODEL.md 11c).

Part of the uncertainty section: each picture with the sentence that says what it shows and a
table of the figures behind it.
"""

from __future__ import annotations

from ..core.cost_effectiveness import (PLANE_AREAS, PLANE_AREA_WORDS, ceac_sentence, comparator_name, contenders,
                                       plane_sentence, plane_summary)
from ..ui.charts.cost_effectiveness import CeacChart, PlaneChart
from .charts import chart
from .model import Block, Heading, Paragraph, Table
from .words import pounds, probability

TABLE_THRESHOLDS = (0.0, 10_000.0, 20_000.0, 30_000.0, 50_000.0, 100_000.0)  # [£ per QALY]
NET_COST_WORDS = "net cost (cost less NHS savings)"


def cost_effectiveness(sim) -> list[Block]:
    """The curve and the plane of a finished simulation, each with its sentence and table."""
    threshold = sim.document.settings.qaly_threshold
    planes = _planes(sim, threshold)
    blocks: list[Block] = [
        Heading("Cost-effectiveness: the acceptability curve and the plane", 2, "cost-effectiveness"),
        Paragraph(f"{ceac_sentence(sim)} The curve shows, for thresholds from £0 to £100,000 per QALY, the share of "
                  f"draws in which each option has the highest net monetary benefit: QALYs valued at the threshold, "
                  f"less {NET_COST_WORDS}."),
        *chart(CeacChart, lambda ch: ch.update_simulation(sim), alt=_ceac_alt(sim, threshold)),
        _ceac_table(sim, threshold),
    ]
    if not planes:  # one option, and it is the comparator: nothing to place on the plane
        return blocks
    return blocks + [
        Paragraph(" ".join(plane_sentence(name, comparator_name(sim.document), summary, threshold)
                           for name, summary in planes)
                  + f" On the plane each dot is one draw; dots below the dashed line are worth their cost at "
                    f"{pounds(threshold)} per QALY."),
        *chart(PlaneChart, lambda ch: ch.update_simulation(sim), alt=_plane_alt(sim, planes)),
        _plane_table(sim, planes),
    ]


def _planes(sim, threshold: float) -> list[tuple[str, dict]]:
    """Each option other than the comparator, with its place on the plane summarised."""
    return [(option.name, plane_summary(*sim.plane(k), threshold)) for k, option in enumerate(sim.options)
            if k != sim.document.comparator]


def _thresholds(threshold: float) -> list[float]:
    return sorted({*TABLE_THRESHOLDS, float(threshold)})


def _ceac_table(sim, threshold: float) -> Table:
    names = contenders(sim)
    rows = []
    for lam in _thresholds(threshold):
        probs, nothing = sim.ceac_at(lam)
        shares = [*probs, *(() if nothing is None else (nothing,))]
        label = f"{pounds(lam)}" + (" (this document)" if lam == threshold else "")
        rows.append((label, *(probability(p) for p in shares)))
    return Table(("£ per QALY", *names), tuple(rows), numeric=tuple(range(1, len(names) + 1)),
                 caption="Share of simulation draws in which each is the most cost-effective at that threshold. "
                         "Every threshold from £0 to £100,000 in steps of £2,500 is in the workbook's Uncertainty "
                         "sheet.")


def _ceac_alt(sim, threshold: float) -> str:
    return (f"Line chart of the probability that each option is the most cost-effective, from £0 to £100,000 per "
            f"QALY. {ceac_sentence(sim)} {ceac_sentence(sim, 50_000.0)}")


def _plane_table(sim, planes) -> Table:
    areas = [area for area in PLANE_AREAS if any(summary["areas"][area] for _name, summary in planes)]
    rows = tuple((name, f"{summary['inc_qalys']:,.1f}", pounds(summary["inc_net_cost"]),
                  *(probability(summary["areas"][area]) for area in areas), probability(summary["cost_effective"]))
                 for name, summary in planes)
    threshold = pounds(sim.document.settings.qaly_threshold)
    return Table(("Option", "Extra QALYs (mean)", "Extra net cost (mean)",
                  *(_sentence_case(PLANE_AREA_WORDS[area]) for area in areas), f"Worth it at {threshold} per QALY"),
                 rows, numeric=tuple(range(1, len(areas) + 4)),
                 caption=f"Against {comparator_name(sim.document)}: the mean of the draws, and the share of draws in "
                         "each part of the plane.")


def _sentence_case(words: str) -> str:
    return words[:1].upper() + words[1:]  # "QALYs" keeps its capitals


def _plane_alt(sim, planes) -> str:
    return (f"Scatter chart of the draws of each option against {comparator_name(sim.document)}: extra QALYs across, "
            f"extra {NET_COST_WORDS} up. "
            + "; ".join(f"{name}: {summary['inc_qalys']:,.1f} QALYs and {pounds(summary['inc_net_cost'])} on average"
                        for name, summary in planes) + ".")
