"""What goes where in an RtV workbook: sheet names, input fields, table columns.

The writer lays inputs out from these specs and the reader finds them again through the
same specs, by defined name (area and settings) and by table header (services, baseline
use, interventions), never by fixed cell position.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..core import APPROACHES, GROUPS, MAX_HORIZON

COVER, AREA, SETTINGS, SERVICES, BASELINE, INTERVENTIONS = (
    "Cover", "Area", "Settings", "Services", "Baseline use", "Interventions")
RESULTS, CHECKS, UNCERTAINTY, ASSUMPTIONS, HIDDEN = "Results", "Checks", "Uncertainty", "Assumptions", "_rtv"
INPUT_SHEETS = (AREA, SETTINGS, SERVICES, BASELINE, INTERVENTIONS)
SERVICES_TABLE, BASELINE_TABLE, INTERVENTIONS_TABLE = "Services", "BaselineUse", "Interventions"
YEAR_COLUMNS = MAX_HORIZON  # calculation sheets always have this many year columns

# Number formats.
MONEY, MONEY_PENCE, PERCENT, PERCENT_FINE = "£#,##0", "£#,##0.00", "0.0%", "0.00%"
PERSONS, DECIMAL, RATIO, WHOLE, TEXT = "#,##0", "0.00", "0.00", "0", "@"

# Data-validation rules: (type, minimum, maximum); a list rule holds its choices.
FRACTION = ("decimal", 0, 1)
NON_NEGATIVE = ("decimal", 0, 1e15)
RATE = ("decimal", 0, 0.5)
GRADE_LIST = ("list", ",".join(str(g) for g in range(1, 7)), None)
GROUP_LIST = ("list", ",".join(GROUPS), None)
APPROACH_LIST = ("list", ",".join(APPROACHES), None)


@dataclass(frozen=True)
class Field:
    """One input cell: its scenario path, label, unit, kind and validation.

    ``kind`` is ``text``, ``number`` or ``integer``.
    """

    path: str
    label: str
    unit: str
    kind: str = "number"
    fmt: str = DECIMAL
    rule: tuple | None = None

    @property
    def defined_name(self) -> str:
        return defined_name(self.path)


def defined_name(path: str) -> str:
    """The workbook-level name of an input: its scenario path with ``_`` for ``.``."""
    return path.replace(".", "_")


SCENARIO_FIELDS = (
    Field("scenario.name", "Scenario name", "text", "text", TEXT),
    Field("scenario.author", "Author", "text", "text", TEXT),
    Field("scenario.notes", "Notes", "text", "text", TEXT),
)

AREA_FIELDS = (
    Field("area.area_name", "Area name", "text", "text", TEXT),
    Field("area.area_code", "ONS / ODS code", "text", "text", TEXT),
    Field("area.reference_period", "Population reference period", "text", "text", TEXT),
    Field("area.population", "Population, all ages", "persons", "number", PERSONS, NON_NEGATIVE),
    Field("area.adult_share", "Share aged 18+", "fraction of population", "number", PERCENT, FRACTION),
    Field("area.over65_share", "Share aged 65+", "fraction of population", "number", PERCENT, FRACTION),
    Field("area.ltc_share", "Adults with a long-term condition", "fraction of adults", "number", PERCENT, FRACTION),
    Field("area.multimorbid_share", "Adults with 2+ long-term conditions", "fraction of adults", "number", PERCENT,
          FRACTION),
)

SETTINGS_FIELDS = (
    Field("settings.horizon_years", "Appraisal horizon", "years (1 to 10)", "integer", WHOLE,
          ("whole", 1, MAX_HORIZON)),
    Field("settings.discount_rate", "Discount rate: costs and savings", "per year", "number", PERCENT_FINE, RATE),
    Field("settings.health_discount_rate", "Discount rate: health and wellbeing", "per year", "number", PERCENT_FINE,
          RATE),
    Field("settings.wellby_value.low", "WELLBY value (low)", "£ per WELLBY", "number", MONEY, ("decimal", 0, 1e7)),
    Field("settings.wellby_value", "WELLBY value (central)", "£ per WELLBY", "number", MONEY, ("decimal", 0, 1e7)),
    Field("settings.wellby_value.high", "WELLBY value (high)", "£ per WELLBY", "number", MONEY, ("decimal", 0, 1e7)),
    Field("settings.volunteer_hour_value", "Value of a volunteer hour", "£ an hour", "number", MONEY_PENCE,
          ("decimal", 0, 1e4)),
    Field("settings.price_year", "Price year", "text", "text", TEXT),
    Field("settings.iterations", "Monte Carlo iterations", "draws", "integer", PERSONS, ("whole", 1, 1_000_000)),
    Field("settings.seed", "Monte Carlo seed", "any whole number", "integer", WHOLE, ("decimal", 0, 2**63 - 1)),
)
OPTIMISM_BIAS = "settings.optimism_bias"


@dataclass(frozen=True)
class Column:
    """One column of an input table: header key, description, kind, format, rule, width.

    ``path`` is the field path inside one row (``reach.low``, ``effect.gp``).
    """

    key: str
    label: str
    kind: str = "number"
    fmt: str = DECIMAL
    rule: tuple | None = None
    width: float = 12
    path: str = ""
    required: bool = True

    @property
    def field_path(self) -> str:
        return self.path or self.key


def uncertain_columns(name: str, label: str, fmt: str, rule: tuple | None, path: str | None = None,
                      required: bool = True) -> tuple[Column, Column, Column]:
    """Low, central and high columns of one uncertain input."""
    base = path or name
    return (
        Column(f"{name}_low", f"{label} (low)", "number", fmt, rule, 11, f"{base}.low", False),
        Column(name, f"{label} (central)", "number", fmt, rule, 11, base, required),
        Column(f"{name}_high", f"{label} (high)", "number", fmt, rule, 11, f"{base}.high", False),
    )


SERVICE_COLUMNS = (
    Column("id", "Short id (lower case)", "text", TEXT, None, 10),
    Column("name", "Service", "text", TEXT, None, 34),
    *uncertain_columns("unit_cost", "Unit cost, £ per contact", MONEY, ("decimal", 0, 1e7)),
    Column("cashable_share", "Share of saving that releases cash", "number", PERCENT, FRACTION, 14),
    Column("source", "Source", "text", TEXT, None, 60, required=False),
)

MONEY_RULE = ("decimal", 0, 1e9)
EFFECT_RULE = ("decimal", -1, 1)


def intervention_columns(service_ids: tuple[str, ...]) -> tuple[Column, ...]:
    """The Interventions table's columns for a scenario with these services."""
    effects: list[Column] = []
    for sid in service_ids:
        effects += uncertain_columns(f"effect_{sid}", f"Effect on {sid} use", PERCENT, EFFECT_RULE,
                                     f"effect.{sid}", required=False)
    return (
        Column("name", "Intervention", "text", TEXT, None, 30),
        Column("approach", "Approach", "text", TEXT, APPROACH_LIST, 18),
        Column("target_group", "Target group", "text", TEXT, GROUP_LIST, 18),
        Column("custom_size", "Custom group size (persons)", "number", PERSONS, NON_NEGATIVE, 12),
        *uncertain_columns("reach", "Reach, share of group a year", PERCENT_FINE, FRACTION),
        *uncertain_columns("completion", "Completion, share of starters", PERCENT, FRACTION),
        *uncertain_columns("cost_per_starter", "Cost per starter £", MONEY, MONEY_RULE),
        Column("fixed_cost", "Fixed cost £ a year", "number", MONEY, MONEY_RULE, 12),
        Column("setup_cost", "Set-up cost £ (year 0)", "number", MONEY, MONEY_RULE, 12),
        Column("effect_years", "Years the effect lasts", "integer", WHOLE, ("whole", 1, MAX_HORIZON), 10),
        *uncertain_columns("drop_off", "Drop-off a year", PERCENT, FRACTION),
        *uncertain_columns("deadweight", "Deadweight", PERCENT, FRACTION),
        Column("attribution", "Attribution", "number", PERCENT, FRACTION, 11),
        Column("evidence_grade", "Evidence grade (1 strong to 6 untested)", "integer", WHOLE, GRADE_LIST, 10),
        *uncertain_columns("wellbeing_gain", "Wellbeing gain, points a year", DECIMAL, ("decimal", -10, 10)),
        Column("volunteer_hours", "Volunteer hours per starter", "number", DECIMAL, NON_NEGATIVE, 11),
        *effects,
        Column("notes", "Notes and source", "text", TEXT, None, 50, required=False),
    )


def sheet_ref(sheet: str, coordinate: str) -> str:
    """``'Sheet name'!$A$1`` (quoted when the name needs it)."""
    return f"{quote_sheet(sheet)}!{absolute(coordinate)}"


def quote_sheet(sheet: str) -> str:
    if sheet.replace("_", "").isalnum():
        return sheet
    return "'" + sheet.replace("'", "''") + "'"


def absolute(coordinate: str) -> str:
    """``B7`` -> ``$B$7``; a range ``B7:B9`` -> ``$B$7:$B$9``."""
    from openpyxl.utils.cell import absolute_coordinate  # noqa: PLC0415

    return absolute_coordinate(coordinate)


def calc_sheet_name(index: int) -> str:
    """Calculation sheet of intervention ``index`` (0-based)."""
    return f"Calc {index + 1}"
