"""A straightforward per-year Python loop over MODEL.md sections 3 and 8: the independent check
that the vectorised engine is compared with (and the baseline of the speed benchmark)."""

from rtv_desktop.core import GROUPS, Scenario


def additionality(iv, outcome: str, value: float, optimism_bias) -> float:
    """MODEL.md 10a-b: deadweight only without a comparison group; optimism bias lowers a
    benefit and raises a harm."""
    design = {"effect": iv.effect_design, "wellbeing": iv.wellbeing_design, "qaly": iv.qaly_design}[outcome]
    grade = {"effect": iv.evidence_grade, "wellbeing": iv.wellbeing_grade, "qaly": iv.qaly_grade}[outcome]
    deadweight = iv.deadweight.central if design in ("uncontrolled", "judgement") else 0.0
    ob = optimism_bias[grade - 1]
    return (1 - deadweight) * iv.attribution * (1 - ob if value >= 0 else 1 + ob)


def loop_summary(s: Scenario) -> dict:
    st = s.settings
    sizes = s.area.group_sizes()
    totals = dict(pv_cost=0.0, pv_saving=0.0, pv_cashable=0.0, pv_wellbeing=0.0, pv_volunteer=0.0, qalys=0.0)
    for iv in s.interventions:
        eligible = iv.custom_size if iv.target_group == "custom" else sizes[iv.target_group]
        starters = eligible * iv.reach.central
        completers = starters * iv.completion.central
        uplift = 1 + st.optimism_bias[iv.cost_grade - 1]  # cost optimism bias (8b)
        g = GROUPS.index(iv.target_group)
        for t in range(st.horizon_years):
            df = (1 + st.discount_rate) ** -t
            dfh = (1 + st.health_discount_rate) ** -t
            dfq = (1 + st.qaly_discount_rate) ** -t
            k = 0.0
            for c in range(t + 1):
                y = t - c
                if y < iv.effect_years:
                    k += completers * (1 - iv.drop_off.central) ** y
            for svc in s.services:
                effect = iv.effect_on(svc.id).central
                add = additionality(iv, "effect", effect, st.optimism_bias)
                saving = k * svc.baseline[g].central * effect * add * svc.unit_cost.central
                totals["pv_saving"] += saving * df
                totals["pv_cashable"] += saving * svc.cashable_share.central * df
            cost = starters * iv.cost_per_starter.central + iv.fixed_cost + (iv.setup_cost if t == 0 else 0.0)
            totals["pv_cost"] += cost * uplift * df
            gain, qaly = iv.wellbeing_gain.central, iv.qaly_gain.central
            totals["pv_wellbeing"] += (k * gain * additionality(iv, "wellbeing", gain, st.optimism_bias)
                                       * st.wellby_value.central * dfh)
            totals["qalys"] += k * qaly * additionality(iv, "qaly", qaly, st.optimism_bias) * dfq
            totals["pv_volunteer"] += starters * iv.volunteer_hours * st.volunteer_hour_value * df
    benefit = st.volunteer_time == "benefit"
    totals["pv_social"] = totals["pv_saving"] + totals["pv_wellbeing"] + (totals["pv_volunteer"] if benefit else 0.0)
    social_cost = totals["pv_cost"] + (totals["pv_volunteer"] if st.volunteer_time == "cost" else 0.0)
    totals["npv_fiscal"] = totals["pv_saving"] - totals["pv_cost"]
    totals["npv_social"] = totals["pv_social"] - social_cost
    totals["net_cost"] = totals["pv_cost"] - totals["pv_saving"]
    totals["nmb"] = totals["qalys"] * st.qaly_threshold - totals["net_cost"]
    return totals
