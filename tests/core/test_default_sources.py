"""Every shipped default number states its source, or is flagged as an assumption.

Reads ``resources/defaults`` directly (tomllib and csv, no loader), so the data files keep
their provenance whatever reads them. The rule for each figure:
- its source text states the central figure it uses;
- unless it is flagged as an assumption (a central value no published source supports), the
  text also states every end of its range;
- money carries the scenario's price year.
"""

from __future__ import annotations

import csv
import re
import tomllib
from pathlib import Path

import pytest

DEFAULTS = Path(__file__).resolve().parents[2] / "resources" / "defaults"
PRICE_YEAR = "2024/25"
GROUPS = ("all_adults", "adults_ltc", "adults_multimorbid", "older_people", "custom")
APPROACH_NUMBERS = ("reach", "completion", "cost_per_starter", "fixed_cost", "setup_cost", "effect",
                    "effect_years", "drop_off", "deadweight", "attribution", "evidence_grade",
                    "wellbeing_gain", "volunteer_hours", "qaly_gain", "cost_grade", "funding")
EVIDENCE_FIELDS = ("effect_design", "wellbeing_design", "wellbeing_grade", "qaly_design", "qaly_grade")  # may explain
APPROACH_MONEY = ("cost_per_starter", "fixed_cost", "setup_cost")
SETTINGS_MONEY = ("wellby_value", "volunteer_hour_value")
SOCIAL_CARE = ("home_care", "residential_week", "nursing_week", "reablement")


def _toml(name: str) -> dict:
    with open(DEFAULTS / name, "rb") as handle:
        return tomllib.load(handle)


def _csv(name: str) -> list[dict[str, str]]:
    with open(DEFAULTS / name, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _spellings(x: float) -> set[str]:
    """Ways a text may state ``x``: 0.05, 5%, 3,497, 20000, -0.136 ..."""
    plain = f"{x:.6f}".rstrip("0").rstrip(".")
    out = {plain}
    if x == int(x):
        out.add(f"{int(x):,}")
    if 0 < abs(x) <= 1:
        out.add(f"{x * 100:.4f}".rstrip("0").rstrip(".") + "%")
    return out


def states(text: str, x: float) -> bool:
    """True when ``text`` states the number ``x`` as a whole number, not as part of another."""
    for s in _spellings(x):
        # Not preceded by a digit, separator or sign (0.05 is not in 10.05 or -0.05);
        # trailing zeros allowed (0.2 is stated by 0.20), then no further digit.
        sign = "" if s.startswith("-") else r"(?<![-−])"
        tail = (r"0*" if "." in s else r"(?:\.0+)?") + r"(?![\d]|[.,]\d)"
        if re.search(r"(?<![\d.,])" + sign + re.escape(s) + tail, text):
            return True
    return False


def _ends(value) -> tuple[float, list[float]]:
    """(central, every figure) of a plain number or a {central, low, high} table."""
    if isinstance(value, dict):
        return float(value["central"]), [float(value[k]) for k in ("central", "low", "high")]
    return float(value), [float(value)]


def _check(where: str, text: str, assumption: bool, centrals: list[float], figures: list[float]) -> list[str]:
    problems = []
    if not isinstance(text, str) or not text.strip():
        return [f"{where}: no source text"]
    if not isinstance(assumption, bool):
        problems.append(f"{where}: assumption must be true or false")
    wanted = centrals if assumption else figures
    problems += [f"{where}: source does not state {x:g}" for x in wanted if not states(text, x)]
    return problems


def _number_entries(data: dict):
    for key, entry in data.items():
        value = entry["value"]
        if isinstance(value, bool) or not isinstance(value, (int, float, list)):
            continue
        figures = [float(v) for v in value] if isinstance(value, list) else [float(value)]
        figures += [float(entry[k]) for k in ("low", "high") if k in entry]
        centrals = figures if isinstance(value, list) else figures[:1]
        yield key, entry, centrals, figures


# -- settings and area ---------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["settings.toml", "area.toml"])
def test_every_setting_and_area_entry_states_its_source(name):
    data = _toml(name)
    problems = [f"{name} [{key}]: missing {field}" for key, entry in data.items()
                for field in ("value", "source", "assumption") if field not in entry]
    for key, entry, centrals, figures in _number_entries(data):
        problems += _check(f"{name} [{key}]", entry["source"], entry["assumption"], centrals, figures)
    assert not problems, "\n".join(problems)


def test_money_settings_carry_the_price_year_and_the_threshold_is_not_rebased():
    data = _toml("settings.toml")
    assert data["price_year"]["value"] == PRICE_YEAR
    for key in SETTINGS_MONEY:
        assert data[key].get("price_year") == PRICE_YEAR, key
    assert "price_year" not in data["qaly_threshold"]
    assert "not rebased" in data["qaly_threshold"]["source"]
    wellby = data["wellby_value"]["source"]
    assert "2019" in wellby and "calendar 2024" in wellby and "81.1085" in wellby


def test_the_settings_the_v2_model_needs_are_shipped():
    data = _toml("settings.toml")
    assert 0 <= data["correlation"]["value"] <= 1
    assert data["volunteer_time"]["value"] in ("benefit", "cost", "excluded")
    assert data["qaly_threshold"]["value"] > 0
    assert 0 <= data["qaly_discount_rate"]["value"] < 1


# -- interventions ---------------------------------------------------------------------------------

def _tables():
    data = _toml("interventions.toml")
    yield "common", data["common"]
    for entry in data["approach"]:
        yield entry["approach"], entry


def _field_figures(value) -> tuple[list[float], list[float]]:
    if isinstance(value, dict) and "central" not in value:  # effect: {service: uncertain}
        pairs = [_ends(v) for v in value.values()]
        return [c for c, _ in pairs], [x for _, xs in pairs for x in xs]
    central, figures = _ends(value)
    return [central], figures


@pytest.mark.parametrize("name, table", list(_tables()), ids=[n for n, _ in _tables()])
def test_every_intervention_number_states_its_source(name, table):
    sources = table.get("sources", {})
    present = [f for f in APPROACH_NUMBERS if f in table]
    problems = [f"{name}: no source for {f}" for f in present if f not in sources]
    problems += [f"{name}: source for {f}, which it does not have" for f in sources
                 if f not in present and f not in EVIDENCE_FIELDS]
    for field in present:
        if field not in sources:
            continue
        src = sources[field]
        centrals, figures = _field_figures(table[field])
        problems += _check(f"{name}.{field}", src.get("text"), src.get("assumption"), centrals, figures)
        if field in APPROACH_MONEY and src.get("price_year") != PRICE_YEAR:
            problems.append(f"{name}.{field}: money without price year {PRICE_YEAR}")
    assert not problems, "\n".join(problems)


def test_every_approach_has_a_qaly_gain_and_a_cost_grade():
    for entry in _toml("interventions.toml")["approach"]:
        central, figures = _ends(entry["qaly_gain"])
        assert min(figures) >= 0 and figures[0] == central and sorted(figures[1:]) == figures[1:]
        assert entry["cost_grade"] in range(1, 7) and entry["evidence_grade"] in range(1, 7)
        if central == 0:  # no evidence of a QALY gain must be flagged as such
            src = entry["sources"]["qaly_gain"]
            assert src["assumption"] is True and "no evidence" in src["text"], entry["approach"]


# -- services and baseline use ---------------------------------------------------------------------

def test_every_service_unit_cost_and_cashable_share_states_its_source():
    problems = []
    for row in _csv("services.csv"):
        sid, flag = row["id"], row["unit_cost_assumption"]
        if flag not in ("yes", "no") or row["party"] not in ("nhs", "council"):
            problems.append(f"{sid}: unit_cost_assumption must be yes/no and party nhs/council")
        if row["price_year"] != PRICE_YEAR or PRICE_YEAR not in row["source"]:
            problems.append(f"{sid}: unit cost is not stated in {PRICE_YEAR} prices")
        figures = [float(row[k]) for k in ("unit_cost", "unit_cost_low", "unit_cost_high")]
        problems += _check(f"{sid}.unit_cost", row["source"], flag == "yes", figures[:1], figures)
        share = float(row["cashable_share"])
        problems += _check(f"{sid}.cashable_share", row["cashable_source"],
                           "assumption" in row["cashable_source"].lower(), [share], [share])
    assert not problems, "\n".join(problems)


def test_social_care_services_are_in_the_catalogue_for_the_council_but_not_in_the_mix():
    rows = {row["id"]: row for row in _csv("services.csv")}
    for sid in SOCIAL_CARE:
        assert rows[sid]["party"] == "council" and rows[sid]["in_default_mix"] == "no", sid
    assert all(row["party"] == "nhs" for sid, row in rows.items() if sid not in SOCIAL_CARE)


def test_every_baseline_cell_states_its_figure_and_basis():
    rows = _csv("baseline_use.csv")
    cells = {(row["group"], row["service"]) for row in rows}
    services = [row["id"] for row in _csv("services.csv")]
    in_mix = [row["id"] for row in _csv("services.csv") if row["in_default_mix"] == "yes"]
    problems = [f"no baseline for {g}/{s}" for g in GROUPS for s in in_mix + list(SOCIAL_CARE)
                if (g, s) not in cells]
    problems += [f"baseline for unknown service {s}" for _, s in cells if s not in services]
    for row in rows:
        where = f"baseline {row['group']}/{row['service']}"
        if row["basis"] not in ("derived", "assumption"):
            problems.append(f"{where}: basis must be derived or assumption")
        value = float(row["value"])
        problems += _check(where, row["source"], row["basis"] == "assumption", [value], [value])
        if row["service"] in SOCIAL_CARE and (value != 0 or row["basis"] != "assumption"
                                              or "enter local use" not in row["source"]):
            problems.append(f"{where}: social care use is the user's to enter (0, flagged)")
    assert not problems, "\n".join(problems)


def test_ltc_and_multimorbid_shares_and_their_use_are_consistent():
    """The 2+ condition group sits inside the 1+ group: the implied use of people with exactly
    one condition must lie between people with none and people with two or more."""
    area = _toml("area.toml")
    ltc, mm = area["ltc_share"]["value"], area["multimorbid_share"]["value"]
    assert 0 < mm < ltc < 1
    use = {(row["group"], row["service"]): float(row["value"]) for row in _csv("baseline_use.csv")}
    for s in (row["id"] for row in _csv("services.csv") if row["in_default_mix"] == "yes"):
        u_all, u_ltc, u_mm = use["all_adults", s], use["adults_ltc", s], use["adults_multimorbid", s]
        one_only = (ltc * u_ltc - mm * u_mm) / (ltc - mm)
        none = (u_all - ltc * u_ltc) / (1 - ltc)
        assert 0 <= none <= one_only <= u_mm, (s, none, one_only, u_mm)


def test_states_matches_whole_numbers_only():
    assert states("£3,497 a spell", 3497) and states("costs 3497", 3497)
    assert states("0.20 points", 0.2) and states("5% fewer", 0.05) and states("-0.136 (x)", -0.136)
    assert not states("10.05", 0.05) and not states("-0.05", 0.05) and not states("0.25", 0.2)
    assert states("3.0 a year", 3) and not states("2019", 2) and not states("15%", 0.05)
