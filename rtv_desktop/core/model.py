"""The scenario: everything one valuation run needs, as immutable values.

All containers are tuples of frozen dataclasses, so a ``Scenario`` can cross to a worker
thread without locks and be compared with ``==``. Edit with :func:`dataclasses.replace`.
Numeric arrays for the engine are built on demand (read-only) by :mod:`.params`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

# Target groups, in the fixed order used by ``Service.baseline``.
GROUPS: tuple[str, ...] = ("all_adults", "adults_ltc", "adults_multimorbid", "older_people", "custom")
GROUP_LABELS: dict[str, str] = {
    "all_adults": "All adults (18+)",
    "adults_ltc": "Adults with a long-term condition",
    "adults_multimorbid": "Adults with 2+ long-term conditions",
    "older_people": "People aged 65+",
    "custom": "Custom group (size typed in)",
}
APPROACHES: tuple[str, ...] = (
    "self_management",
    "peer_support",
    "health_coaching",
    "group_activities",
    "asset_based",
    "social_prescribing",
    "custom",
)
APPROACH_LABELS: dict[str, str] = {
    "self_management": "Self-management education",
    "peer_support": "Peer support",
    "health_coaching": "Health coaching",
    "group_activities": "Group activities",
    "asset_based": "Asset-based (time bank)",
    "social_prescribing": "Social prescribing",
    "custom": "Custom",
}
MAX_INTERVENTIONS = 50
MAX_HORIZON = 10
EVIDENCE_GRADES = 6


@dataclass(frozen=True)
class Uncertain:
    """A number with a plausible range: ``low <= central <= high``.

    Deterministic runs use ``central``; scenarios, the tornado and the Monte Carlo
    simulation use the range (beta-PERT with mode ``central``).
    """

    central: float
    low: float
    high: float

    @classmethod
    def fixed(cls, value: float) -> Uncertain:
        """A number known exactly (a degenerate range)."""
        return cls(float(value), float(value), float(value))

    @property
    def is_fixed(self) -> bool:
        return self.low == self.high

    def scaled(self, factor: float) -> Uncertain:
        """The same range multiplied by ``factor`` (ends swap if it is negative)."""
        ends = sorted((self.low * factor, self.high * factor))
        return Uncertain(self.central * factor, ends[0], ends[1])


@dataclass(frozen=True)
class Area:
    """The local population [persons] and its shares [fractions]."""

    area_name: str
    area_code: str
    population: float
    adult_share: float
    over65_share: float
    ltc_share: float
    multimorbid_share: float
    reference_period: str = ""

    def group_sizes(self) -> dict[str, float]:
        """Eligible persons in each derived target group (``custom`` is per intervention)."""
        adults = self.population * self.adult_share
        return {
            "all_adults": adults,
            "adults_ltc": adults * self.ltc_share,
            "adults_multimorbid": adults * self.multimorbid_share,
            "older_people": self.population * self.over65_share,
        }


@dataclass(frozen=True)
class Settings:
    """Appraisal settings; money in real terms of ``price_year``.

    The shipped values (Green Book rates, WELLBY value, ...) are in
    ``resources/defaults/settings.toml``: see :func:`rtv_desktop.core.default_settings`.
    """

    horizon_years: int
    discount_rate: float
    health_discount_rate: float
    wellby_value: Uncertain
    volunteer_hour_value: float
    optimism_bias: tuple[float, ...]
    price_year: str
    iterations: int
    seed: int


@dataclass(frozen=True)
class Service:
    """A service whose use can change.

    ``unit_cost`` is in £ per contact; ``cashable_share`` is the fraction of a saving that
    releases cash; ``baseline`` holds contacts per person per year for each target group,
    in the order of :data:`GROUPS`.
    """

    id: str
    name: str
    unit_cost: Uncertain
    cashable_share: float = 0.0
    baseline: tuple[float, ...] = (0.0,) * len(GROUPS)
    source: str = ""

    def baseline_for(self, group: str) -> float:
        return self.baseline[GROUPS.index(group)]


@dataclass(frozen=True)
class Intervention:
    """One row of the intervention mix (MODEL.md section 2).

    ``effect`` holds ``(service_id, Uncertain)`` pairs: the relative reduction in the
    group's baseline use per completer while the effect lasts (0.05 = 5% fewer contacts).
    Services without an entry are not affected. The field defaults are neutral (nobody
    reached, no effect, no haircut); the shipped starting points are the approach presets
    in ``resources/defaults/interventions.toml`` (:func:`rtv_desktop.core.approach_preset`).
    """

    name: str
    approach: str = "custom"
    target_group: str = "all_adults"
    reach: Uncertain = Uncertain.fixed(0.0)
    completion: Uncertain = Uncertain.fixed(1.0)
    cost_per_starter: Uncertain = Uncertain.fixed(0.0)
    fixed_cost: float = 0.0
    setup_cost: float = 0.0
    effect: tuple[tuple[str, Uncertain], ...] = ()
    effect_years: int = 1
    drop_off: Uncertain = Uncertain.fixed(0.0)
    deadweight: Uncertain = Uncertain.fixed(0.0)
    attribution: float = 1.0
    evidence_grade: int = 1
    wellbeing_gain: Uncertain = Uncertain.fixed(0.0)
    volunteer_hours: float = 0.0
    custom_size: float = 0.0
    notes: str = ""

    def effect_on(self, service_id: str) -> Uncertain:
        """The effect on one service (zero when the intervention does not affect it)."""
        for sid, value in self.effect:
            if sid == service_id:
                return value
        return Uncertain.fixed(0.0)

    def with_effect(self, service_id: str, value: Uncertain) -> Intervention:
        """A copy with the effect on ``service_id`` set (added if new)."""
        pairs = [(sid, v) for sid, v in self.effect if sid != service_id]
        index = next((k for k, (sid, _) in enumerate(self.effect) if sid == service_id), len(pairs))
        pairs.insert(index, (service_id, value))
        return replace(self, effect=tuple(pairs))


@dataclass(frozen=True)
class Scenario:
    """Everything a valuation run needs: area, settings, services and interventions."""

    name: str
    area: Area
    settings: Settings
    services: tuple[Service, ...] = ()
    interventions: tuple[Intervention, ...] = ()
    author: str = ""
    notes: str = ""

    @property
    def service_ids(self) -> tuple[str, ...]:
        return tuple(s.id for s in self.services)

    @property
    def baseline_use(self) -> dict[str, dict[str, float]]:
        """Contacts per person per year, ``{group: {service_id: value}}``."""
        return {g: {s.id: s.baseline[k] for s in self.services} for k, g in enumerate(GROUPS)}

    def eligible(self, intervention: Intervention) -> float:
        """Size of the intervention's target group [persons]."""
        if intervention.target_group == "custom":
            return float(intervention.custom_size)
        return self.area.group_sizes().get(intervention.target_group, 0.0)

    def to_dict(self) -> dict:
        """The JSON form documented in the README (see :mod:`.serialize`)."""
        from .serialize import scenario_to_dict

        return scenario_to_dict(self)

    @classmethod
    def from_dict(cls, data: dict) -> Scenario:
        """Build a scenario from its JSON form; raises ``ScenarioFormatError`` with every problem."""
        from .serialize import scenario_from_dict

        return scenario_from_dict(data)
