"""What goes where in an RtV workbook: sheet names, and the input cells and table columns.

Input cells and columns are generated from the model's declarations
(:func:`rtv_desktop.core.specs`): each declared field gives its header key, its label, its
number format (from its kind) and its data-validation rule (from its range or choices). The
writer lays inputs out from these and the reader finds them again through the same list,
by defined name (area, settings) and by table header (services, options, interventions),
never by fixed cell position. Nothing here names an ordinary input field.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from ...core import FUNDERS, KINDS, MAX_HORIZON, PARTY_LABELS, Spec, Uncertain, specs
from ...core.declare import TEXT_KINDS

COVER, AREA, SETTINGS, SERVICES, BASELINE, OPTIONS, INTERVENTIONS = (
    "Cover", "Area", "Settings", "Services", "Baseline use", "Options", "Interventions")
RESULTS, DETAILS, COMPARISON, BY_PARTY, CHARTS = "Results", "Results by year", "Comparison", "By party", "Charts"
CHECKS, UNCERTAINTY, ASSUMPTIONS, HIDDEN = "Checks", "Uncertainty", "Assumptions", "_rtv"
CONTENTS = "Contents"
TOTALS = "Intervention totals"  # one row per calculation sheet: its option number now and its figures
CHANGE_LOG, SUMMARY_000 = "Change log", "Summary £000"
PACK_SHEETS = (COVER, RESULTS, SUMMARY_000, COMPARISON, BY_PARTY, ASSUMPTIONS)  # what goes to a board pack, in order
INPUT_SHEETS = (COVER, AREA, SETTINGS, SERVICES, BASELINE, OPTIONS, INTERVENTIONS)
SERVICES_TABLE, BASELINE_TABLE, OPTIONS_TABLE, INTERVENTIONS_TABLE = "Services", "BaselineUse", "Options", "Interventions"
YEAR_COLUMNS = MAX_HORIZON  # calculation sheets always have this many year columns
ENDS = ("low", "central", "high")

# Number formats of calculated cells.
# Money: negatives in red brackets, as finance teams read them.
MONEY, PERCENT, PERSONS, DECIMAL, RATIO, WHOLE, TEXT = ("£#,##0;[Red](£#,##0)", "0.0%", "#,##0", "0.00", "0.00", "0",
                                                        "@")
QALYS = "0.000"
# Kinds shown with thousands separators.
_GROUPED = ("persons", "count")
# The option column of the Interventions table and the comparator cell are not model fields.
OPTION_KEY = "option"
# Each Interventions row names the calculation sheet that works it out: the key the sheet finds its
# row by (MATCH), so sorting, moving and inserting rows keep every figure on its intervention.
CALC_KEY = "calc_sheet"
# The Interventions table's columns are read to this row by the calculation sheets, so rows added
# below the table (as far as this) are followed too.
TABLE_LAST_ROW = 1000
COMPARATOR_NAME = "comparator"
# What the optimism-bias table does (MODEL.md 10b): more than a haircut on benefits.
OPTIMISM_WORDS = ("lowers benefits and raises harms by the evidence grade of each outcome, and raises costs by "
                  "the intervention's cost confidence grade")
SCENARIO_TEXT = (("name", "Scenario name"), ("author", "Author"), ("notes", "Notes"),
                 ("decision", "Decision asked of the board"))


def number_format(kind: str) -> str:
    """The Excel number format of a kind: 0.05 shows as 5.0%, 350 as £350."""
    if kind in TEXT_KINDS:
        return TEXT
    info = KINDS[kind]
    digits = "0." + "0" * info.decimals if info.decimals else "0"
    if info.scale == 100.0:
        return digits + "%"
    if info.prefix or kind in _GROUPED:
        return f"{info.prefix}#,##{digits}"
    return digits


def rule_of(spec: Spec) -> tuple | None:
    """The data-validation rule of a field: ``(type, first, second)``; a list holds its choices."""
    if spec.choices:
        return ("list", ",".join(spec.choices), None)
    if spec.lo is None or spec.hi is None:
        return None
    if spec.kind == "grade":
        return ("list", ",".join(str(g) for g in range(int(spec.lo), int(spec.hi) + 1)), None)
    return ("whole" if spec.integer else "decimal", spec.lo, spec.hi, spec.range_text())


def shape_of(cls, name: str) -> str:
    """How a field is laid out: ``single``, ``uncertain`` (low / central / high), ``series``
    (one cell per grade or target group) or ``pairs`` (one column per service or funder)."""
    f = next(f for f in dataclasses.fields(cls) if f.name == name)
    default = f.default if f.default is not dataclasses.MISSING else f.default_factory()
    if isinstance(default, Uncertain):
        return "uncertain"
    if isinstance(default, tuple):
        return "pairs" if not default or isinstance(default[0], tuple) else "series"
    return "single"


@dataclass(frozen=True)
class Cell:
    """One input cell or table column, for one end of one declared field.

    ``name`` is the field, ``end`` the end of an uncertain value (``low``, ``central`` or
    ``high``; ``None`` otherwise), ``key`` the service or funder of a ``pairs`` field and
    ``index`` the position in a ``series`` field. ``header`` is the table header key (or
    the suffix of the defined name) and ``label`` the words a person reads.
    """

    name: str
    spec: Spec
    header: str
    label: str
    end: str | None = None
    key: str | None = None
    index: int | None = None
    by_service: bool = False

    @property
    def fmt(self) -> str:
        return number_format(self.spec.kind)

    @property
    def rule(self) -> tuple | None:
        return rule_of(self.spec)

    @property
    def is_text(self) -> bool:
        return self.spec.is_text

    @property
    def integer(self) -> bool:
        return self.spec.integer

    @property
    def help(self) -> str:
        """The header's note: what the figure is, its unit and its allowed range."""
        parts = [self.spec.help or self.spec.label]
        if self.spec.unit and self.spec.unit.lower() not in parts[0].lower():
            parts.append(f"Unit: {self.spec.unit}.")
        if self.spec.lo is not None and not self.spec.choices:
            parts.append(f"Allowed: {self.spec.range_text()}.")
        if self.spec.choices:
            parts.append("Choose: " + "; ".join(f"{code} = {label}" for code, label in self.spec.choices.items()))
        return " ".join(parts)

    @property
    def required(self) -> bool:
        """Must hold a value (the central value of a required field)."""
        return self.spec.required and self.end in (None, "central") and self.key is None

    @property
    def path(self) -> str:
        """The path inside its record: ``<field>.low``, ``<field>.<service id>``, ``<field>[2]``."""
        path = self.name if self.index is None else f"{self.name}[{self.index}]"
        if self.key is not None:
            path += f".{self.key}"
        return path if self.end in (None, "central") else f"{path}.{self.end}"

    @property
    def width(self) -> float:
        if self.is_text:
            return 34 if self.spec.kind == "text" else 20
        return 12

    def written(self, obj):
        """What the workbook shows for this cell of ``obj``: an exact value (low = central = high) is one
        cell, so its low and high cells are left blank (read back as the central value)."""
        value = getattr(obj, self.name)
        if self.key is not None:
            value = dict(value).get(self.key)
        if self.end in ("low", "high") and isinstance(value, Uncertain) and value.low == value.central == value.high:
            return None
        return self.value(obj)

    def value(self, obj):
        """This cell's value in ``obj`` (``None`` when a ``pairs`` field has no entry for the key)."""
        value = getattr(obj, self.name)
        if self.key is not None:
            value = dict(value).get(self.key)
        elif self.index is not None:
            value = value[self.index]
        if isinstance(value, Uncertain):
            value = getattr(value, self.end)
        return value


def _ends(name: str, spec: Spec, header: str, label: str, **where) -> list[Cell]:
    if not spec.uncertain:
        return [Cell(name, spec, header, label, **where)]
    return [Cell(name, spec, header if end == "central" else f"{header}_{end}",
                 label if end == "central" else f"{label} ({end})", end, **where) for end in ENDS]


def pair_keys(name: str, services) -> list[tuple[str, str]]:
    """``(key, label)`` of the columns of a ``pairs`` field: the services for effects, else the funders."""
    if name == "effect":  # one column per service; other pairs (funding) one per funder
        return [(svc.id, f"Effect on {svc.name or svc.id}") for svc in services]
    return [(party, f"Funded by {PARTY_LABELS[party]}") for party in FUNDERS]


def record_cells(cls, services=(), skip_series: bool = False, series_labels=None) -> list[Cell]:
    """Every input cell of one record of ``cls``, in declaration order.

    ``services`` gives the columns of per-service fields; a ``series`` field gives one cell
    per position (labelled by ``series_labels(name, k)``) unless ``skip_series``.
    """
    out: list[Cell] = []
    for name, spec in specs(cls):
        shape = shape_of(cls, name)
        if shape == "pairs":
            by_service = name == "effect"
            for key, label in pair_keys(name, services):
                out += _ends(name, spec, f"{name}_{key}", label, key=key, by_service=by_service)
        elif shape == "series":
            if not skip_series:
                size = len(getattr(cls(), name))
                out += [Cell(name, spec, f"{name}_{k + 1}", series_labels(name, k), index=k) for k in range(size)]
        else:
            out += _ends(name, spec, name, spec.label)
    return out


# Fields that gained a range after their central value had a column of its own (version 3): their
# low and high columns go at the end of the table, so the central values stay in the same cells.
RANGES_AT_END = ("cashable_share",)


def service_cells() -> list[Cell]:
    """The Services table's columns: every declared service field but baseline use, with the ends
    of the ranges added in version 3 (:data:`RANGES_AT_END`) last."""
    cells = [c for c in record_cells(_service_class(), skip_series=True)]
    late = [c for c in cells if c.name in RANGES_AT_END and c.end in ("low", "high")]
    return [c for c in cells if c not in late] + late


def _service_class():
    from ...core import Service  # noqa: PLC0415

    return Service


def series_field(cls) -> tuple[str, Spec] | None:
    """The one field of ``cls`` held as a series (optimism bias by grade; baseline use by group)."""
    return next(((n, s) for n, s in specs(cls) if shape_of(cls, n) == "series"), None)


def defined_name(path: str) -> str:
    """The workbook-level name of an input: its path with ``_`` for ``.`` (``area_population``)."""
    return path.replace(".", "_")


def option_name(k: int, key: str) -> str:
    """The defined name of option ``k``'s (0-based) figure ``key``: ``opt1_npv_social``."""
    return f"opt{k + 1}_{key}"


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


def calc_sheet_name(option: int, index: int) -> str:
    """Calculation sheet of option ``option``'s intervention ``index`` (both 0-based): ``Calc 2.3``."""
    return f"Calc {option + 1}.{index + 1}"


@dataclass(frozen=True)
class Plain:
    """A table column or input cell that is not a model field (option number, group id)."""

    header: str
    label: str
    kind: str = "text"
    rule: tuple | None = None
    width: float = 12
    help: str = ""

    @property
    def fmt(self) -> str:
        return number_format(self.kind)

    @property
    def is_text(self) -> bool:
        return self.kind in TEXT_KINDS

    @property
    def integer(self) -> bool:
        return KINDS[self.kind].integer

    required = True
