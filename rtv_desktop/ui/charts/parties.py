"""Who invests and who benefits: what each party pays against what it saves or receives."""

from __future__ import annotations

from ...core import SHORT_PARTY_LABELS
from ...core.text import format_money
from .paired import PairedBarsChart
from .style import NHS_AQUA_GREEN, NHS_DARK_GREY

WAITING = "Who pays and who benefits appears here once the inputs are valid."


def parties_shown(by_party: list[dict]) -> list[dict]:
    """The parties with anything to pay, save or receive (the NHS and residents always)."""
    return [row for row in by_party if row["party"] in ("nhs", "residents")
            or any(row[key] for key in ("pays", "saves", "value"))]


class WhoPaysChart(PairedBarsChart):
    """Paired bars per party: what it pays, and what it saves or receives (present values)."""

    SERIES = (("Pays", NHS_DARK_GREY), ("Saves or receives", NHS_AQUA_GREEN))
    ROW_HEADER = "Party"
    UNIT = "£, PV"

    def __init__(self, parent=None):
        super().__init__("who_pays", "Who invests, who benefits (present value)", WAITING, parent)
        self.plot.getAxis("bottom").setLabel("Present value")

    def update_results(self, results) -> None:
        rows = parties_shown(results.by_party)
        self.set_rows([row["label"] for row in rows], [SHORT_PARTY_LABELS[row["party"]] for row in rows],
                      [row["pays"] for row in rows], [row["saves"] + row["value"] for row in rows])
        net = "; ".join(f"{SHORT_PARTY_LABELS[row['party']]} {format_money(row['net'], True)}" for row in rows)
        settings = results.scenario.settings
        residents = {"benefit": "receive the wellbeing and volunteer time value",
                     "cost": "receive the wellbeing value and pay the volunteer time they give"}.get(
            settings.volunteer_time, "receive the wellbeing value")
        self.set_note(f"Net position: {net}. Services save what their organisation bears (cash and capacity); "
                      f"residents and communities {residents}. Present values over "
                      f"{settings.horizon_years} years, {settings.price_year} prices.")
