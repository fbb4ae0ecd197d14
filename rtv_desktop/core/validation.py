"""Every problem with a scenario or document, found at once, each tied to its path.

Ranges, whole numbers and choices come from each field's declaration
(:mod:`.declare`); messages give the allowed range in the units the field is typed in
("must be from 0% to 100%; it is 150%"). Checks that relate fields to each other (the 65+
share within the adult share, funding shares adding up to 100%, ...) are written out below.
"""

from __future__ import annotations

import math
import re

from .declare import Spec, specs
from .issues import Issue, described
from .document import Scenario
from .years import financial_year_problem
from .model import (FUNDERS, GROUP_LABELS, GROUPS, MAX_INTERVENTIONS, MAX_OPTIONS, PARTY_LABELS, Area,
                    Intervention, Service, Settings, Uncertain)

_SERVICE_ID = re.compile(r"^[a-z][a-z0-9_]{0,31}$")
_ID = re.compile(r"^[A-Za-z0-9_.-]{1,40}$")
# Above this share of LTC adults, the two shares probably use different definitions.
MULTIMORBID_OF_LTC_WARNING = 0.6
FUNDING_TOLERANCE = 1e-9


class _Checks:
    """Collects issues; each check names the path and what is allowed."""

    def __init__(self) -> None:
        self.issues: list[Issue] = []

    def add(self, path: str, message: str, severity: str = "error") -> None:
        self.issues.append(Issue(path, message, severity))

    def number(self, path: str, value, spec: Spec) -> bool:
        """A finite number within the declared range (and whole, for whole-number kinds)."""
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            self.add(path, f"must be a number {spec.range_text()}; it is {spec.show(value)}")
            return False
        if spec.integer and value != int(value):
            self.add(path, f"must be a whole number {spec.range_text()}; it is {spec.show(value)}")
            return False
        if spec.lo is not None and not spec.lo <= value <= spec.hi:
            self.add(path, f"must be {spec.range_text()}; it is {spec.show(value)}")
            return False
        return True

    def uncertain(self, path: str, u: Uncertain, spec: Spec) -> None:
        """Each end in range, then their order; a number known exactly is one figure, checked once."""
        ok = [self.number(path, u.central, spec)]
        exact = _same(u.low, u.central) and _same(u.high, u.central)
        ok += [ok[0] if exact else self.number(f"{path}.{end}", getattr(u, end), spec) for end in ("low", "high")]
        if ok[0] and ok[1] and u.low > u.central:
            self.add(f"{path}.low", f"is above the central value ({spec.show(u.central)}): the low end must be at "
                                    f"most the central value; it is {spec.show(u.low)}")
        if ok[0] and ok[2] and u.high < u.central:
            self.add(f"{path}.high", f"is below the central value ({spec.show(u.central)}): the high end must be at "
                                     f"least the central value; it is {spec.show(u.high)}")

    def choice(self, path: str, value, spec: Spec) -> None:
        if value not in (spec.choices or {}):
            # Files hold the codes, so the code is what to type; the label says what it means.
            listed = ", ".join(f"'{code}' ({label})" for code, label in (spec.choices or {}).items())
            self.add(path, f"must be one of {listed}; it is '{value}'")

    def declared(self, obj, path: str, skip=()) -> None:
        """Every declared plain field of ``obj`` (tuples and text are checked by their owners)."""
        for name, spec in specs(type(obj)):
            if name in skip:
                continue
            value = getattr(obj, name)
            if spec.uncertain and isinstance(value, Uncertain):
                self.uncertain(f"{path}.{name}", value, spec)
            elif spec.kind == "choice":
                self.choice(f"{path}.{name}", value, spec)
            elif not spec.is_text and not isinstance(value, tuple):
                self.number(f"{path}.{name}", value, spec)


def validate(s: Scenario) -> list[Issue]:
    """Return every problem with ``s`` (errors and warnings) at once; empty when clean.

    An ``Issue``'s ``field`` is the scenario path of the offending value, e.g.
    ``area.population``, ``settings.horizon_years``, ``services[2].unit_cost.low``,
    ``baseline_use.adults_ltc.gp``, ``interventions[0].effect.gp.high``; its ``subject``
    names it as the screen does.
    """
    c = _Checks()
    _check_area(c, s.area)
    _check_settings(c, s.settings)
    _check_services(c, s.services)
    _check_interventions(c, s, "interventions")
    return described(c.issues, s)


def validate_document(doc, open_option: int | None = None) -> list[Issue]:
    """Every problem of a document: its frame, each option's interventions, the comparator.

    Fields are document paths (``area.population``, ``options[1].interventions[0].reach``,
    ``comparator``); subjects name the interventions of ``open_option`` (the option the
    screen shows) without their option's name.
    """
    c = _Checks()
    _check_area(c, doc.area)
    _check_settings(c, doc.settings)
    _check_services(c, doc.services)
    _check_options(c, doc)
    for k in range(len(doc.options)):
        _check_interventions(c, doc.scenario(k), f"options[{k}].interventions")
    for k, story in enumerate(doc.stories):
        if not story.title.strip():
            c.add(f"stories[{k}].title", "is blank: give the story a title")
    return described(c.issues, doc, open_option)


def _check_area(c: _Checks, a: Area) -> None:
    c.declared(a, "area")
    if _ok(a.over65_share, a.adult_share) and a.over65_share > a.adult_share:
        c.add("area.over65_share", "cannot exceed the share of adults (18+): everyone aged 65+ is an adult")
    if _ok(a.multimorbid_share, a.ltc_share) and a.multimorbid_share > a.ltc_share:
        c.add("area.multimorbid_share", "cannot exceed the share with a long-term condition: people with 2+ "
                                        "conditions have at least one")
    elif _ok(a.multimorbid_share, a.ltc_share) and a.multimorbid_share > MULTIMORBID_OF_LTC_WARNING * a.ltc_share:
        share = a.multimorbid_share / a.ltc_share
        c.add("area.multimorbid_share", f"is {share:.0%} of the adults with a long-term condition; on one "
                                        "definition it is nearer half. Check that both shares use the same "
                                        "definition of a long-term condition", "warning")


def _check_settings(c: _Checks, st: Settings) -> None:
    c.declared(st, "settings", skip=("optimism_bias",))
    spec = dict(specs(Settings))["optimism_bias"]
    if len(st.optimism_bias) != len(Settings().optimism_bias):
        c.add("settings.optimism_bias", f"needs one value for each of the {len(Settings().optimism_bias)} grades")
    for k, value in enumerate(st.optimism_bias):
        c.number(f"settings.optimism_bias[{k}]", value, spec)
    problem = financial_year_problem(st.start_year)
    if problem is not None:
        c.add("settings.start_year", problem)


def _check_services(c: _Checks, services: tuple[Service, ...]) -> None:
    seen: set[str] = set()
    baseline = dict(specs(Service))["baseline"]
    for j, svc in enumerate(services):
        path = f"services[{j}]"
        if not _SERVICE_ID.match(svc.id or ""):
            c.add(f"{path}.id", "must be a short lower-case id (letters, digits, _), e.g. 'gp'")
        elif svc.id in seen:
            c.add(f"{path}.id", f"'{svc.id}' is used by another service: ids must be unique")
        seen.add(svc.id)
        c.declared(svc, path, skip=("baseline",))
        if len(svc.baseline) != len(GROUPS):
            c.add(f"{path}.baseline", f"needs one baseline value for each of the {len(GROUPS)} target groups")
        for group, value in zip(GROUPS, svc.baseline):
            c.uncertain(f"baseline_use.{group}.{svc.id}", value, baseline)


def _check_options(c: _Checks, doc) -> None:
    if not doc.options:
        c.add("options", "are empty: a document needs at least one option")
    if len(doc.options) > MAX_OPTIONS:
        c.add("options", f"at most {MAX_OPTIONS} options; there are {len(doc.options)}")
    names: set[str] = set()
    for k, option in enumerate(doc.options):
        name = option.name.strip()
        if not name:
            c.add(f"options[{k}].name", "is blank: give the option a name")
        elif name.casefold() in names:
            c.add(f"options[{k}].name", f"'{name}' names another option too: give each option its own name")
        names.add(name.casefold())
    comparator = doc.comparator
    if comparator is not None and not 0 <= comparator < len(doc.options):
        c.add("comparator", f"is option {comparator + 1}, but there are {len(doc.options)} options: choose one of "
                            "them, or doing nothing")


def _check_interventions(c: _Checks, s: Scenario, prefix: str) -> None:
    if len(s.interventions) > MAX_INTERVENTIONS:
        c.add(prefix, f"at most {MAX_INTERVENTIONS} interventions; there are {len(s.interventions)}")
    ids = set(s.service_ids)
    seen_ids: set[str] = set()
    for k, iv in enumerate(s.interventions):
        p = f"{prefix}[{k}]"
        if not iv.name.strip():
            c.add(f"{p}.name", "is blank: give the intervention a name")
        if iv.id and not _ID.match(iv.id):
            c.add(f"{p}.id", "must be letters, digits, '_', '.' or '-' (at most 40)")
        if iv.id and iv.id in seen_ids:
            c.add(f"{p}.id", f"'{iv.id}' is used by another intervention of this option: ids must be unique")
        seen_ids.add(iv.id)
        c.declared(iv, p, skip=("effect", "funding"))
        _check_effects(c, p, iv, ids)
        _check_funding(c, p, iv)
        if iv.target_group == "custom" and _ok(iv.custom_size) and iv.custom_size == 0:
            c.add(f"{p}.custom_size", "is 0, so nobody is reached: type the custom group's size", "warning")
    _check_total_reach(c, s, prefix)


def _check_effects(c: _Checks, p: str, iv: Intervention, ids: set[str]) -> None:
    spec = dict(specs(Intervention))["effect"]
    seen: set[str] = set()
    for sid, value in iv.effect:
        if sid not in ids:
            c.add(f"{p}.effect.{sid}", f"refers to service '{sid}', which is not in the scenario's services")
        if sid in seen:
            c.add(f"{p}.effect.{sid}", "appears twice: keep one effect per service")
        seen.add(sid)
        c.uncertain(f"{p}.effect.{sid}", value, spec)


def _check_funding(c: _Checks, p: str, iv: Intervention) -> None:
    spec = dict(specs(Intervention))["funding"]
    for party, share in iv.funding:
        if party not in FUNDERS:
            c.add(f"{p}.funding.{party}", f"'{party}' is not a funder: use "
                                            + ", ".join(f"'{code}' ({PARTY_LABELS[code]})" for code in FUNDERS))
        c.number(f"{p}.funding.{party}", share, spec)
    total = sum(share for _party, share in iv.funding if _ok(share))
    if iv.funding and abs(total - 1.0) > FUNDING_TOLERANCE:
        c.add(f"{p}.funding", f"add up to {spec.show(total)}; they must add up to 100%")
    if not iv.funding:
        c.add(f"{p}.funding", "is empty: say who pays (shares adding up to 100%)")


def _check_total_reach(c: _Checks, s: Scenario, prefix: str) -> None:
    """Warn when a group is recruited more than once over over the horizon."""
    years = s.settings.horizon_years if _ok(s.settings.horizon_years) else 1
    for group in GROUPS[:-1]:
        members = [(k, iv) for k, iv in enumerate(s.interventions) if iv.target_group == group]
        share = sum(iv.reach.central for _, iv in members if _ok(iv.reach.central)) * years
        if members and share > 1.0:
            c.add(f"{prefix}[{members[0][0]}].reach",
                  f"and the other interventions for '{GROUP_LABELS[group]}' would start {share:.0%} of the group "
                  f"over {years} years: more than everyone eligible. Lower the reach", "warning")


def _same(a, b) -> bool:
    return a == b or (isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b))


def _ok(*values) -> bool:
    return all(isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v) for v in values)
