"""Each input declared once: label, kind, unit, bounds, help, whether it is uncertain.

A model field carries its declaration as dataclass metadata (:func:`declared`), so the JSON
form, validation messages, form rows and workbook columns all read the same facts instead of
repeating the field's name, range and wording in every layer (as glue's state objects and
pvlib's documented parameters do).
"""

from __future__ import annotations

import dataclasses
import functools
import math
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Kind:
    """How a kind of number is typed, shown and stored: the one table the form fields, the
    workbook and the messages read.

    ``scale`` turns the stored value into the shown one (a fraction 0.05 is shown as 5%);
    ``decimals`` are the fewest decimals shown; ``integer`` kinds refuse fractions;
    ``grouped`` writes thousands separators; ``example`` says what to type; ``also_typed`` are
    other spellings of the unit a person may type after the number ("2.5 h"); ``signed``
    percentages may fall below zero (a bare -0.05 typed there is read as -5%, as Excel does).
    """

    unit_suffix: str = ""
    prefix: str = ""
    scale: float = 1.0
    decimals: int = 2
    integer: bool = False
    grouped: bool = True
    example: str = "a number, such as 12.5"
    also_typed: tuple[str, ...] = ()
    signed: bool = False


_PERCENT = "a percentage, such as {} for {}%"
KINDS: dict[str, Kind] = {
    "fraction": Kind("%", scale=100.0, decimals=1, example=_PERCENT.format(12.5, 12.5)),
    "fine_fraction": Kind("%", scale=100.0, decimals=2, example=_PERCENT.format(2.5, 2.5)),
    "signed_fraction": Kind("%", scale=100.0, decimals=1, example="a percentage, such as 5 or -5",
                            signed=True),
    "rate": Kind("%", scale=100.0, decimals=2, example=_PERCENT.format(3.5, 3.5)),
    "money": Kind(prefix="£", decimals=0, example="an amount in pounds, such as 1,250"),
    "money_pence": Kind(prefix="£", decimals=2, example="an amount in pounds, such as 12.50"),
    "persons": Kind(decimals=0, example="a number of people, such as 250,000"),
    "points": Kind(" points", decimals=2, example="a number of points, such as 0.25",
                   also_typed=("point", "pts", "pt")),
    "qalys": Kind(" QALYs", decimals=3, example="a number of QALYs, such as 0.02", also_typed=("QALY",)),
    "hours": Kind(" hours", decimals=1, example="a number of hours, such as 2.5",
                  also_typed=("hour", "hrs", "hr", "h")),
    "contacts": Kind(decimals=2, example="a number of contacts a year, such as 4.5"),
    "years": Kind(" years", decimals=0, integer=True, example="a whole number of years, such as 5",
                  also_typed=("year", "yrs", "yr")),
    # A narrow column of the intervention table: the short unit fits it.
    "effect_years": Kind(" yr", decimals=0, integer=True, example="a whole number of years, such as 3",
                         also_typed=("years", "year", "yrs")),
    "grade": Kind(decimals=0, integer=True, example="a whole number from 1 to 6, such as 3"),
    "count": Kind(decimals=0, integer=True, example="a whole number, such as 5,000"),
    "whole": Kind(decimals=0, integer=True, example="a whole number, such as 3"),
    "seed": Kind(decimals=0, integer=True, grouped=False, example="a whole number, such as 12345"),
    "index": Kind(decimals=2, grouped=False, example="an index number, such as 103.25"),
    "text": Kind(),
    "choice": Kind(),
}
KINDS["percent2"] = KINDS["fine_fraction"]  # the rebasing dialog's name for a share shown to 0.01%
TEXT_KINDS = ("text", "choice")


@dataclass(frozen=True)
class Spec:
    """The declaration of one input.

    Parameters
    ----------
    label : str
        The words on screen ("Reach per year"); messages and workbook headers use them too.
    kind : str
        A key of :data:`KINDS` (how it is typed and shown).
    unit : str
        What the number measures ("share of the eligible group starting each year").
    lo, hi : float, optional
        Allowed range, inclusive; ``None`` for text.
    help : str
        One sentence for the tooltip and the guide.
    uncertain : bool
        Carries a low / central / high range (an :class:`~rtv_desktop.core.Uncertain`).
    required : bool
        Must be present in a scenario file (otherwise the declared default fills it).
    choices : dict, optional
        Code -> label, for ``choice`` fields.
    section : str
        The form section it belongs to.
    rebase : bool
        A money amount in the scenario's prices, converted when the price year changes.
    accel : str
        The letter of ``label`` that the form underlines for Alt+letter.
    since : int
        The file version that introduced the field: older files take the declared default.
    """

    label: str
    kind: str
    unit: str = ""
    lo: float | None = None
    hi: float | None = None
    help: str = ""
    uncertain: bool = False
    required: bool = False
    choices: dict | None = None
    section: str = ""
    rebase: bool = False
    accel: str = ""
    since: int = 1

    @property
    def kind_info(self) -> Kind:
        return KINDS[self.kind]

    @property
    def integer(self) -> bool:
        return self.kind_info.integer

    @property
    def is_text(self) -> bool:
        return self.kind in TEXT_KINDS

    def show(self, value) -> str:
        """``value`` as the form shows it: "150%", "£1,250", "3 years"."""
        return show(self.kind, value)

    def range_text(self) -> str:
        """The allowed range in shown units: "from 0% to 100%"."""
        return f"from {show(self.kind, self.lo)} to {show(self.kind, self.hi)}"


def declared(default, factory=None, **spec) -> dataclasses.Field:
    """A dataclass field carrying its :class:`Spec` (``default`` fills it when absent)."""
    metadata = {"spec": Spec(**spec)}
    if factory is not None:
        return field(default_factory=factory, metadata=metadata)
    return field(default=default, metadata=metadata)


@functools.cache  # declarations never change, and validation reads them on every run
def specs(cls) -> tuple[tuple[str, Spec], ...]:
    """``(name, Spec)`` of every declared field of a dataclass, in field order."""
    return tuple((f.name, f.metadata["spec"]) for f in dataclasses.fields(cls) if "spec" in f.metadata)


def spec_of(cls, name: str) -> Spec | None:
    return dict(specs(cls)).get(name)


def show(kind: str, value) -> str:
    """A number written in the units its field is typed in ("150%", "£1,250", "£12.21", "3 years")."""
    if value is None:
        return "blank"
    if isinstance(value, str):
        return value
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return repr(value)
    if not math.isfinite(value):
        return "not a number" if math.isnan(value) else ("infinity" if value > 0 else "minus infinity")
    info = KINDS.get(kind, Kind())
    shown = value * info.scale if info.scale != 1.0 else value
    if info.integer and float(shown).is_integer():
        text = f"{abs(int(shown)):,}" if info.grouped else str(abs(int(shown)))
    elif abs(shown) >= 1e15:
        text = f"{abs(shown):.6g}"
    elif info.prefix == "£":
        text = f"{abs(shown):,.0f}" if float(shown).is_integer() else f"{abs(shown):,.2f}"
    else:
        text = f"{abs(shown):,.{_decimals_needed(shown)}f}"
    sign = "-" if shown < 0 and text.strip("0.,") else ""
    return f"{sign}{info.prefix}{text}{info.unit_suffix}"


def _decimals_needed(value: float) -> int:
    """The fewest decimals (at most 6) that show ``value`` without rounding it away."""
    for decimals in range(0, 6):
        if abs(round(value, decimals) - value) <= 1e-9 * max(1.0, abs(value)):
            return decimals
    return 6
