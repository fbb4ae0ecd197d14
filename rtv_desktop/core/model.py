"""The scenario: everything one valuation run needs, as immutable values.

All containers are tuples of frozen dataclasses, so a ``Scenario`` can cross to a worker
thread without locks and be compared with ``==``. Edit with :func:`dataclasses.replace`.
Each input field is declared once, with its label, kind, unit, range and help text
(:func:`~rtv_desktop.core.declare.declared`); the JSON form, validation, forms and
workbooks read those declarations. Numeric arrays for the engine are built on demand by
:mod:`.params`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .declare import declared
from .years import next_financial_year

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
# Who pays and who benefits (MODEL.md section 9): the first four fund interventions and
# bear service costs; residents receive the wellbeing (and volunteering) value.
PARTY_LABELS: dict[str, str] = {
    "nhs": "NHS (ICB and NHS providers)",
    "council": "Council (social care, public health)",
    "vcse": "Voluntary and community sector",
    "other": "Other funders",
    "residents": "Residents and communities",
}
# For chart rows and narrow cells.
SHORT_PARTY_LABELS: dict[str, str] = {"nhs": "NHS", "council": "Council", "vcse": "Voluntary sector",
                                      "other": "Other funders", "residents": "Residents and communities"}
PARTIES: tuple[str, ...] = tuple(PARTY_LABELS)
FUNDERS: tuple[str, ...] = PARTIES[:4]
VOLUNTEER_TIME_LABELS: dict[str, str] = {
    "benefit": "a benefit (Realising the Value convention)",
    "cost": "an in-kind cost (usual cost-benefit practice)",
    "excluded": "left out",
}
DISTRIBUTION_LABELS: dict[str, str] = {
    "fitted": "fitted to a 90% interval (mean = central value)",
    "pert": "beta-PERT within the range (most likely = central value)",
}
MAX_INTERVENTIONS = 50
MAX_OPTIONS = 10
MAX_HORIZON = 10
EVIDENCE_GRADES = 6
MAX_ITERATIONS = 1_000_000
MAX_SEED = 2**63 - 1
# Upper bounds that no real figure reaches; beyond them a value is a typo, and the
# arithmetic could overflow to infinity.
MAX_PEOPLE = 1e9  # persons (England has about 57 million)
MAX_POUNDS = 1e10  # £ a year or one-off, per intervention
MAX_UNIT_COST = 1e7  # £ per contact or per starter
HOURS_IN_A_YEAR = 8760.0
GRADE_HELP = "1 = strong local evidence ... 6 = untested assumption"
# How an estimate was made (MODEL.md 10a): a comparison group already nets out what would
# have happened anyway, so deadweight applies only to the last two.
DESIGN_LABELS: dict[str, str] = {
    "rct": "randomised trial",
    "controlled": "controlled study (matched or quasi-experimental comparison group)",
    "uncontrolled": "uncontrolled (before and after, no comparison group)",
    "judgement": "judgement (no study)",
}
SHORT_DESIGN_LABELS: dict[str, str] = {"rct": "randomised trial", "controlled": "controlled study",
                                       "uncontrolled": "before and after", "judgement": "judgement"}
DEADWEIGHT_DESIGNS = ("uncontrolled", "judgement")
# The outcomes of an intervention that carry their own design and grade, and the fields that hold them.
OUTCOME_FIELDS: dict[str, tuple[str, str]] = {
    "effect": ("effect_design", "evidence_grade"),
    "wellbeing": ("wellbeing_design", "wellbeing_grade"),
    "qaly": ("qaly_design", "qaly_grade"),
}


@dataclass(frozen=True)
class Uncertain:
    """A number with a plausible range: ``low <= central <= high``.

    Deterministic runs use ``central``; scenarios, the tornado and the Monte Carlo
    simulation use the range (``settings.distributions``: a 90% interval with mean ``central``,
    or beta-PERT with mode ``central``; :mod:`.distributions`).
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
class FigureSource:
    """Where one area figure came from: a table, a calculation, or "Typed in".

    ``date`` is when it was typed or imported (ISO ``YYYY-MM-DD``); ``need_index`` is the
    local need index applied to a national default share, when there was one.
    """

    source: str
    date: str = ""
    need_index: float | None = None


@dataclass(frozen=True)
class Area:
    """The local population [persons] and its shares [fractions], each figure with its source."""

    area_name: str = declared("", label="Area name", kind="text", accel="n")
    area_code: str = declared("", label="ONS code", kind="text", accel="c", help="Optional ONS or ODS code")
    population: float = declared(0.0, label="Population (all ages)", kind="persons", unit="persons", lo=1,
                                 hi=MAX_PEOPLE, required=True, accel="P", help="Residents [persons]")
    adult_share: float = declared(0.0, label="Adults (18+)", kind="fraction", unit="share of the population",
                                  lo=0.0, hi=1.0, required=True, accel="A", help="Share of the population aged 18+")
    over65_share: float = declared(0.0, label="Aged 65+", kind="fraction", unit="share of the population", lo=0.0,
                                   hi=1.0, required=True, accel="6", help="Share of the population aged 65+")
    ltc_share: float = declared(0.0, label="Adults with a long-term condition", kind="fraction",
                                unit="share of adults", lo=0.0, hi=1.0, required=True, accel="l",
                                help="Share of adults with one or more long-term conditions")
    multimorbid_share: float = declared(0.0, label="Adults with 2+ long-term conditions", kind="fraction",
                                        unit="share of adults", lo=0.0, hi=1.0, required=True, accel="m",
                                        help="Share of adults with two or more long-term conditions")
    sources: tuple[tuple[str, FigureSource], ...] = ()

    def source_of(self, name: str) -> FigureSource | None:
        """Where figure ``name`` came from, if recorded."""
        return dict(self.sources).get(name)

    def with_sources(self, **found: FigureSource) -> Area:
        """A copy with the sources of the named figures replaced (others kept)."""
        merged = dict(self.sources)
        merged.update(found)
        return replace(self, sources=tuple(merged.items()))

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
    """Appraisal settings; money in real terms of ``price_year``, year 1 being ``start_year``.

    The shipped values (Green Book rates, WELLBY value, ...) are in
    ``resources/defaults/settings.toml``; the field defaults here are neutral values for
    code that builds settings directly.
    """

    horizon_years: int = declared(5, label="Horizon", kind="years", lo=1, hi=MAX_HORIZON, accel="H",
                                  section="appraisal", help="Appraisal period, 1-10 years")
    # The default depends on today's date, so it is not in settings.toml: every new document (and
    # every file before version 3) starts in the financial year after the one it is made in.
    start_year: str = declared("", factory=next_financial_year, label="First delivery year", kind="text",
                               accel="F", section="appraisal", since=3,
                               help="The financial year delivery starts (April to March), written like 2026/27: "
                                    "year 1 of every table is this year")
    discount_rate: float = declared(0.035, label="Discount rate", kind="rate", unit="a year", lo=0.0, hi=0.5,
                                    accel="D", section="appraisal", help="Costs and savings, per year")
    health_discount_rate: float = declared(0.015, label="Health discount rate", kind="rate", unit="a year", lo=0.0,
                                           hi=0.5, accel="r", section="appraisal", help="Wellbeing effects, per year")
    wellby_value: Uncertain = declared(Uncertain.fixed(0.0), label="WELLBY value", kind="money",
                                       unit="£ per wellbeing-adjusted life year", lo=0.0, hi=1e7, uncertain=True,
                                       rebase=True, accel="W", section="valuation",
                                       help="£ per wellbeing-adjusted life year")
    volunteer_hour_value: float = declared(0.0, label="Volunteer hour value", kind="money_pence", unit="£ an hour",
                                           lo=0.0, hi=1e4, rebase=True, accel="h", section="valuation",
                                           help="£ an hour")
    optimism_bias: tuple[float, ...] = declared((0.0,) * EVIDENCE_GRADES, label="Optimism bias", kind="fraction",
                                                unit="haircut on benefits, by evidence grade", lo=0.0, hi=1.0,
                                                section="optimism",
                                                help="Haircut on benefits by evidence grade (costs are raised by "
                                                     "the same percentage for their cost confidence grade)")
    price_year: str = declared("2024/25", label="Price year", kind="text", accel="P",
                               section="prices", help="All money is in real terms of this year")
    iterations: int = declared(5000, label="Iterations", kind="count", unit="draws", lo=1, hi=MAX_ITERATIONS,
                               accel="I", section="simulation", help="Draws in each Monte Carlo simulation")
    seed: int = declared(1, label="Seed", kind="seed", lo=0, hi=MAX_SEED, accel="e",
                         section="simulation", help="Same seed, same answer")
    correlation: float = declared(0.0, label="Correlation between interventions", kind="fraction",
                                  unit="rank correlation", lo=0.0, hi=1.0, accel="o", section="simulation",
                                  help="How far the uncertain inputs of one kind (effects, wellbeing gains, costs, "
                                       "...) move together across interventions in a simulation: 0 = independent "
                                       "evidence, 1 = all at the same rank")
    distributions: str = declared("pert", label="Distributions", kind="choice", choices=DISTRIBUTION_LABELS,
                                  section="simulation", since=3,
                                  help="How a simulation reads each range: fitted = a 90% interval around the "
                                       "central value as its mean (tails allowed); PERT = hard limits around "
                                       "the central value as the most likely value (before version 3)")
    volunteer_time: str = declared("benefit", label="Volunteer time counted as", kind="choice",
                                   choices=VOLUNTEER_TIME_LABELS, accel="t", section="valuation",
                                   help="How the value of volunteer time enters social value and the social return")
    qaly_threshold: float = declared(20_000.0, label="QALY threshold", kind="money", unit="£ per QALY", lo=0.0,
                                     hi=1e7, accel="Q", section="valuation",
                                     help="£ per QALY used for net monetary benefit (a policy value: rebasing "
                                          "prices does not change it)")
    qaly_discount_rate: float = declared(0.035, label="QALY discount rate", kind="rate", unit="a year", lo=0.0,
                                         hi=0.5, accel="a", section="valuation",
                                         help="Discount rate for QALYs (NICE reference case)")
    price_note: str = declared("", label="Price basis", kind="text", section="prices",
                               help="How the money figures were brought to the price year, when they were rebased")
    inflation_rate: float = declared(0.0, label="Inflation for cash figures", kind="rate", unit="a year", lo=0.0,
                                     hi=0.5, accel="n", section="prices", since=3,
                                     help="Expected inflation a year, to show the board paper's costs and savings "
                                          "in cash as well as in today's prices; 0% shows today's prices only")
    inflation_source: str = declared("", label="Inflation source", kind="text", accel="c", section="prices",
                                     since=3, help="Where the inflation figure comes from, e.g. the OBR forecast "
                                                   "of the GDP deflator, and its date")


@dataclass(frozen=True)
class Service:
    """A service whose use can change.

    ``baseline`` holds contacts per person per year for each target group, in the order of
    :data:`GROUPS`, each with its range; ``cashable_share`` is uncertain too (MODEL.md 11b).
    ``party`` is the organisation that bears its cost (and so receives its saving).
    """

    id: str = declared("", label="Short id", kind="text", required=True)
    name: str = declared("", label="Service", kind="text")
    unit_cost: Uncertain = declared(Uncertain.fixed(0.0), label="Unit cost", kind="money_pence", unit="£ per contact",
                                    lo=0.0, hi=MAX_UNIT_COST, uncertain=True, required=True, rebase=True)
    cashable_share: Uncertain = declared(Uncertain.fixed(0.0), label="Cashable share", kind="fraction",
                                         unit="share of the saving that releases cash", lo=0.0, hi=1.0,
                                         uncertain=True)
    baseline: tuple[Uncertain, ...] = declared((Uncertain.fixed(0.0),) * len(GROUPS), label="Baseline use",
                                               kind="contacts", unit="contacts per person per year", lo=0.0,
                                               hi=1000.0, uncertain=True)
    source: str = declared("", label="Source", kind="text")
    party: str = declared("nhs", label="Organisation", kind="choice", choices={p: PARTY_LABELS[p] for p in FUNDERS},
                          help="The organisation that bears this service's cost, and so receives its saving")

    def __post_init__(self):
        # A plain number (code written before version 3, a test's builder) is a figure known exactly.
        if isinstance(self.cashable_share, (int, float)):
            object.__setattr__(self, "cashable_share", Uncertain.fixed(self.cashable_share))
        if any(isinstance(u, (int, float)) for u in self.baseline):
            object.__setattr__(self, "baseline", tuple(Uncertain.fixed(u) if isinstance(u, (int, float)) else u
                                                       for u in self.baseline))

    def baseline_for(self, group: str) -> Uncertain:
        return self.baseline[GROUPS.index(group)]

    @property
    def baseline_central(self) -> tuple[float, ...]:
        """Contacts per person per year by group, central values (what a deterministic run uses)."""
        return tuple(u.central for u in self.baseline)


@dataclass(frozen=True)
class Intervention:
    """One row of the intervention mix (MODEL.md section 2).

    ``effect`` holds ``(service_id, Uncertain)`` pairs: the relative reduction in the
    group's baseline use per completer while the effect lasts (0.05 = 5% fewer contacts).
    Services without an entry are not affected. ``funding`` holds ``(party, share)`` pairs
    summing to 1. The field defaults are neutral (nobody reached, no effect, no haircut);
    the shipped starting points are the approach presets in
    ``resources/defaults/interventions.toml`` (:func:`rtv_desktop.core.approach_preset`).
    ``id`` is stable: kept when the intervention is renamed or copied to another option.
    """

    name: str = declared("", label="Name", kind="text", required=True, section="about", accel="N")
    id: str = declared("", label="Id", kind="text", since=2)
    approach: str = declared("custom", label="Approach", kind="choice", choices=APPROACH_LABELS, section="about",
                             accel="p")
    target_group: str = declared("all_adults", label="Target group", kind="choice", choices=GROUP_LABELS,
                                 required=True, section="about", accel="T")
    custom_size: float = declared(0.0, label="Custom group size", kind="persons", unit="persons", lo=0.0,
                                  hi=MAX_PEOPLE, section="about", accel="z",
                                  help="Eligible people when the target group is 'Custom' [persons]")
    reach: Uncertain = declared(Uncertain.fixed(0.0), label="Reach per year", kind="fine_fraction",
                                unit="share of the eligible group starting each year", lo=0.0, hi=1.0,
                                uncertain=True, required=True, section="scale", accel="R",
                                help="Share of the eligible group starting each year")
    completion: Uncertain = declared(Uncertain.fixed(1.0), label="Completion", kind="fraction",
                                     unit="share of starters", lo=0.0, hi=1.0, uncertain=True, required=True,
                                     section="scale", accel="o", help="Share of starters who complete")
    cost_per_starter: Uncertain = declared(Uncertain.fixed(0.0), label="Cost per starter", kind="money",
                                           unit="£ per person who starts", lo=0.0, hi=MAX_UNIT_COST, uncertain=True,
                                           required=True, rebase=True, section="scale", accel="s",
                                           help="Delivery cost per person who starts [£]")
    fixed_cost: float = declared(0.0, label="Fixed cost per year", kind="money", unit="£ a year", lo=0.0,
                                 hi=MAX_POUNDS, rebase=True, section="scale", accel="F",
                                 help="Coordination, venues, training [£/yr]")
    setup_cost: float = declared(0.0, label="Set-up cost", kind="money", unit="£, first year", lo=0.0, hi=MAX_POUNDS,
                                 rebase=True, section="scale", accel="u", help="One-off, in the first year [£]")
    cost_grade: int = declared(1, label="Cost confidence grade", kind="grade", lo=1, hi=EVIDENCE_GRADES,
                               section="scale", accel="C", since=2,
                               help=f"Confidence in the cost figures ({GRADE_HELP}): costs are raised by the "
                                    "optimism bias of this grade")
    funding: tuple[tuple[str, float], ...] = declared((("nhs", 1.0),), label="Funding share", kind="fraction",
                                                      unit="share of every cost", lo=0.0, hi=1.0, section="scale", since=2,
                                                      help="Who pays for the intervention: shares adding up to 100%")
    effect: tuple[tuple[str, Uncertain], ...] = declared((), label="Effect", kind="signed_fraction",
                                                         unit="relative reduction in use per completer", lo=-1.0,
                                                         hi=1.0, uncertain=True, section="effect",
                                                         help="5% = 5% fewer contacts; negative = more use")
    effect_years: int = declared(1, label="Effect years", kind="years", lo=1, hi=MAX_HORIZON, section="evidence",
                                 accel="y", help="Years the effect can last, counting the start year")
    drop_off: Uncertain = declared(Uncertain.fixed(0.0), label="Drop-off per year", kind="fraction",
                                   unit="share of the effect lost each later year", lo=0.0, hi=1.0, uncertain=True,
                                   section="evidence", accel="D", help="Share of the effect lost each later year")
    deadweight: Uncertain = declared(Uncertain.fixed(0.0), label="Deadweight", kind="fraction",
                                     unit="share of the change that would happen anyway", lo=0.0, hi=1.0,
                                     uncertain=True, section="evidence", accel="w",
                                     help="Share of the change that would happen anyway")
    attribution: float = declared(1.0, label="Attribution", kind="fraction",
                                  unit="share of the change due to this intervention", lo=0.0, hi=1.0,
                                  section="evidence", accel="b", help="Share of the change due to this intervention")
    evidence_grade: int = declared(1, label="Evidence grade", kind="grade", lo=1, hi=EVIDENCE_GRADES,
                                   section="evidence", accel="v",
                                   help=f"Of the effects on service use: {GRADE_HELP} (sets the optimism-bias "
                                        "haircut on them)")
    effect_design: str = declared("uncontrolled", label="Effect evidence design", kind="choice",
                                  choices=DESIGN_LABELS, section="evidence", since=3,
                                  help="How the effects on service use were measured: deadweight is taken off "
                                       "only when there was no comparison group")
    wellbeing_gain: Uncertain = declared(Uncertain.fixed(0.0), label="Wellbeing gain", kind="points",
                                         unit="life-satisfaction points (0-10 scale) per completer a year", lo=-10.0,
                                         hi=10.0, uncertain=True, section="outcomes", accel="g",
                                         help="Life-satisfaction points (0-10 scale) per completer per year while "
                                              "the effect lasts")
    wellbeing_grade: int = declared(0, label="Wellbeing evidence grade", kind="grade", lo=1, hi=EVIDENCE_GRADES,
                                    section="outcomes", since=3,
                                    help=f"Of the wellbeing gain: {GRADE_HELP}; a gain no study measured is 6")
    wellbeing_design: str = declared("uncontrolled", label="Wellbeing evidence design", kind="choice",
                                     choices=DESIGN_LABELS, section="outcomes", since=3,
                                     help="How the wellbeing gain was measured: deadweight is taken off only "
                                          "when there was no comparison group")
    qaly_gain: Uncertain = declared(Uncertain.fixed(0.0), label="QALY gain", kind="qalys",
                                    unit="QALYs per completer a year", lo=-1.0, hi=1.0, uncertain=True,
                                    section="outcomes", accel="Q", since=2,
                                    help="Quality-adjusted life years per completer per year while the effect "
                                         "lasts (NICE's measure; kept apart from wellbeing so nothing counts twice)")
    qaly_grade: int = declared(0, label="QALY evidence grade", kind="grade", lo=1, hi=EVIDENCE_GRADES,
                               section="outcomes", since=3, help=f"Of the QALY gain: {GRADE_HELP}")
    qaly_design: str = declared("uncontrolled", label="QALY evidence design", kind="choice", choices=DESIGN_LABELS,
                                section="outcomes", since=3,
                                help="How the QALY gain was measured: deadweight is taken off only when there "
                                     "was no comparison group")
    volunteer_hours: float = declared(0.0, label="Volunteer hours", kind="hours", unit="hours per starter",
                                      lo=0.0, hi=HOURS_IN_A_YEAR, section="outcomes", accel="l",
                                      help="Hours per starter in their start year")
    notes: str = declared("", label="Notes", kind="text", section="notes", accel="e")
    # (outcome, entry id) for each figure taken from the evidence library, e.g. ("service:nel",
    # "steventon-2013-nel"); outcomes as in MODEL.md 10e.
    evidence: tuple[tuple[str, str], ...] = ()

    def __post_init__(self):
        # A grade left at 0 (absent from a file before version 3, or not given in code) is the
        # service-use grade, as before outcomes were graded apart.
        for name in ("wellbeing_grade", "qaly_grade"):
            if getattr(self, name) == 0:
                object.__setattr__(self, name, self.evidence_grade)

    def design_of(self, outcome: str) -> str:
        """The design of ``outcome`` ("effect", "wellbeing" or "qaly")."""
        return getattr(self, OUTCOME_FIELDS[outcome][0])

    def grade_of(self, outcome: str) -> int:
        """The evidence grade of ``outcome`` ("effect", "wellbeing" or "qaly")."""
        return getattr(self, OUTCOME_FIELDS[outcome][1])

    def evidence_for(self, outcome: str) -> str:
        """The library entry id behind ``outcome`` ("service:gp", "wellbeing", ...), or ""."""
        return dict(self.evidence).get(outcome, "")

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

    def funding_share(self, party: str) -> float:
        """The share of every cost that ``party`` pays (0 when it pays nothing)."""
        return sum(share for who, share in self.funding if who == party)
