"""Every problem with a scenario, found at once, each tied to its scenario path."""

from __future__ import annotations

import math
import re

from .issues import Issue
from .model import APPROACHES, EVIDENCE_GRADES, GROUPS, MAX_HORIZON, MAX_INTERVENTIONS, Scenario, Uncertain

_SERVICE_ID = re.compile(r"^[a-z][a-z0-9_]{0,31}$")
MAX_ITERATIONS = 1_000_000
MAX_SEED = 2**63 - 1
# Upper bounds that no real figure reaches; beyond them a value is a typo, and the
# arithmetic could overflow to infinity.
MAX_PEOPLE = 1e9  # persons (England has about 57 million)
MAX_POUNDS = 1e10  # £ a year or one-off, per intervention
MAX_HOURS_PER_STARTER = 8760.0  # hours in a year


class _Checks:
    """Collects issues; each check method names the path and what to do."""

    def __init__(self) -> None:
        self.issues: list[Issue] = []

    def add(self, path: str, message: str, severity: str = "error") -> None:
        self.issues.append(Issue(path, message, severity))

    def finite(self, path: str, value) -> bool:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            self.add(path, f"must be a finite number, not {value!r}")
            return False
        return True

    def between(self, path: str, value, lo: float, hi: float, what: str) -> None:
        if self.finite(path, value) and not lo <= value <= hi:
            self.add(path, f"must be {what} (between {lo:g} and {hi:g}); it is {value:g}")

    def amount(self, path: str, value, hi: float, what: str) -> None:
        """A non-negative amount with a generous upper bound."""
        if self.finite(path, value) and not 0.0 <= value <= hi:
            self.add(path, f"must be {what} from 0 to {hi:,.0f}; it is {value:,.6g}")

    def whole(self, path: str, value, lo: int, hi: int) -> None:
        if not self.finite(path, value):
            return
        if value != int(value) or not lo <= value <= hi:
            self.add(path, f"must be a whole number from {lo} to {hi}; it is {value:g}")

    def uncertain(self, path: str, u: Uncertain, lo: float, hi: float, what: str) -> None:
        for end in ("central", "low", "high"):
            self.between(f"{path}.{end}" if end != "central" else path, getattr(u, end), lo, hi, what)
        ends = (u.low, u.central, u.high)
        if all(isinstance(v, (int, float)) and math.isfinite(v) for v in ends) and not u.low <= u.central <= u.high:
            self.add(path, f"needs low <= central <= high; it is {u.low:g} / {u.central:g} / {u.high:g}")


def validate(s: Scenario) -> list[Issue]:
    """Return every problem with ``s`` (errors and warnings) at once; empty when clean.

    An ``Issue``'s ``field`` is the scenario path of the offending value, e.g.
    ``area.population``, ``settings.horizon_years``, ``services[2].unit_cost.low``,
    ``baseline_use.adults_ltc.gp``, ``interventions[0].effect.gp.high``.
    """
    c = _Checks()
    _check_area(c, s)
    _check_settings(c, s)
    _check_services(c, s)
    _check_interventions(c, s)
    return c.issues


def _check_area(c: _Checks, s: Scenario) -> None:
    a = s.area
    c.amount("area.population", a.population, MAX_PEOPLE, "a number of people")
    for name in ("adult_share", "over65_share", "ltc_share", "multimorbid_share"):
        c.between(f"area.{name}", getattr(a, name), 0.0, 1.0, "a fraction")
    if _ok(a.over65_share, a.adult_share) and a.over65_share > a.adult_share:
        c.add("area.over65_share", "cannot exceed the adult share: everyone aged 65+ is an adult")
    if _ok(a.multimorbid_share, a.ltc_share) and a.multimorbid_share > a.ltc_share:
        c.add("area.multimorbid_share", "cannot exceed the LTC share: people with 2+ LTCs have at least one")


def _check_settings(c: _Checks, s: Scenario) -> None:
    st = s.settings
    c.whole("settings.horizon_years", st.horizon_years, 1, MAX_HORIZON)
    c.between("settings.discount_rate", st.discount_rate, 0.0, 0.5, "an annual rate")
    c.between("settings.health_discount_rate", st.health_discount_rate, 0.0, 0.5, "an annual rate")
    c.uncertain("settings.wellby_value", st.wellby_value, 0.0, 1e7, "£ per WELLBY")
    c.between("settings.volunteer_hour_value", st.volunteer_hour_value, 0.0, 1e4, "£ an hour")
    if len(st.optimism_bias) != EVIDENCE_GRADES:
        c.add("settings.optimism_bias", f"needs one value for each of the {EVIDENCE_GRADES} evidence grades")
    for k, value in enumerate(st.optimism_bias):
        c.between(f"settings.optimism_bias[{k}]", value, 0.0, 1.0, "a fraction")
    c.whole("settings.iterations", st.iterations, 1, MAX_ITERATIONS)
    c.whole("settings.seed", st.seed, 0, MAX_SEED)


def _check_services(c: _Checks, s: Scenario) -> None:
    seen: set[str] = set()
    for j, svc in enumerate(s.services):
        path = f"services[{j}]"
        if not _SERVICE_ID.match(svc.id or ""):
            c.add(f"{path}.id", "must be a short lower-case id (letters, digits, _), e.g. 'gp'")
        elif svc.id in seen:
            c.add(f"{path}.id", f"'{svc.id}' is used by another service: ids must be unique")
        seen.add(svc.id)
        c.uncertain(f"{path}.unit_cost", svc.unit_cost, 0.0, 1e7, "£ per contact")
        c.between(f"{path}.cashable_share", svc.cashable_share, 0.0, 1.0, "a fraction")
        if len(svc.baseline) != len(GROUPS):
            c.add(f"{path}.baseline", f"needs one baseline value for each of the {len(GROUPS)} target groups")
        for group, value in zip(GROUPS, svc.baseline):
            c.between(f"baseline_use.{group}.{svc.id}", value, 0.0, 1000.0, "contacts per person per year")


def _check_interventions(c: _Checks, s: Scenario) -> None:
    if len(s.interventions) > MAX_INTERVENTIONS:
        c.add("interventions", f"at most {MAX_INTERVENTIONS} interventions; there are {len(s.interventions)}")
    ids = set(s.service_ids)
    for k, iv in enumerate(s.interventions):
        p = f"interventions[{k}]"
        if not iv.name.strip():
            c.add(f"{p}.name", "is blank: give the intervention a name")
        if iv.approach not in APPROACHES:
            c.add(f"{p}.approach", f"must be one of {', '.join(APPROACHES)}; it is '{iv.approach}'")
        if iv.target_group not in GROUPS:
            c.add(f"{p}.target_group", f"must be one of {', '.join(GROUPS)}; it is '{iv.target_group}'")
        for name in ("reach", "completion", "drop_off", "deadweight"):
            c.uncertain(f"{p}.{name}", getattr(iv, name), 0.0, 1.0, "a fraction")
        c.uncertain(f"{p}.cost_per_starter", iv.cost_per_starter, 0.0, 1e7, "£ per starter")
        c.uncertain(f"{p}.wellbeing_gain", iv.wellbeing_gain, -10.0, 10.0, "life-satisfaction points (0-10 scale)")
        c.amount(f"{p}.fixed_cost", iv.fixed_cost, MAX_POUNDS, "£ a year")
        c.amount(f"{p}.setup_cost", iv.setup_cost, MAX_POUNDS, "£")
        c.amount(f"{p}.volunteer_hours", iv.volunteer_hours, MAX_HOURS_PER_STARTER, "hours per starter")
        c.amount(f"{p}.custom_size", iv.custom_size, MAX_PEOPLE, "a number of people")
        c.between(f"{p}.attribution", iv.attribution, 0.0, 1.0, "a fraction")
        c.whole(f"{p}.effect_years", iv.effect_years, 1, MAX_HORIZON)
        c.whole(f"{p}.evidence_grade", iv.evidence_grade, 1, EVIDENCE_GRADES)
        _check_effects(c, p, iv, ids)
        if iv.target_group == "custom" and _ok(iv.custom_size) and iv.custom_size == 0:
            c.add(f"{p}.custom_size", "is 0, so nobody is reached: type the custom group's size", "warning")
    _check_total_reach(c, s)


def _check_effects(c: _Checks, p: str, iv, ids: set[str]) -> None:
    seen: set[str] = set()
    for sid, value in iv.effect:
        if sid not in ids:
            c.add(f"{p}.effect.{sid}", f"refers to service '{sid}', which is not in the scenario's services")
        if sid in seen:
            c.add(f"{p}.effect.{sid}", "appears twice: keep one effect per service")
        seen.add(sid)
        c.uncertain(f"{p}.effect.{sid}", value, -1.0, 1.0, "a relative change in use (0.05 = 5% fewer)")


def _check_total_reach(c: _Checks, s: Scenario) -> None:
    """Warn when a group is recruited more than once over over the horizon."""
    years = s.settings.horizon_years if _ok(s.settings.horizon_years) else 1
    for group in GROUPS[:-1]:
        members = [(k, iv) for k, iv in enumerate(s.interventions) if iv.target_group == group]
        share = sum(iv.reach.central for _, iv in members if _ok(iv.reach.central)) * years
        if members and share > 1.0:
            c.add(f"interventions[{members[0][0]}].reach",
                  f"interventions recruiting '{group}' would start {share:.0%} of the group over {years} years: "
                  "more than everyone eligible; lower the reach", "warning")


def _ok(*values) -> bool:
    return all(isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v) for v in values)
