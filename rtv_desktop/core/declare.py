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
    """How a kind of number is typed, shown and stored.

    ``scale`` turns the stored value into the shown one (a fraction 0.05 is shown as 5%);
    ``decimals`` are the decimals shown; ``integer`` kinds refuse fractions.
    """

    unit_suffix: str = ""
    prefix: str = ""
    scale: float = 1.0
    decimals: int = 2
    integer: bool = False


KINDS: dict[str, Kind] = {
    "fraction": Kind("%", scale=100.0, decimals=1),
    "fine_fraction": Kind("%", scale=100.0, decimals=2),
    "signed_fraction": Kind("%", scale=100.0, decimals=1),
    "rate": Kind("%", scale=100.0, decimals=2),
    "money": Kind(prefix="£", decimals=0),
    "money_pence": Kind(prefix="£", decimals=2),
    "persons": Kind(decimals=0),
    "points": Kind(" points", decimals=2),
    "qalys": Kind(" QALYs", decimals=3),
    "hours": Kind(" hours", decimals=1),
    "contacts": Kind(decimals=2),
    "years": Kind(" years", decimals=0, integer=True),
    "grade": Kind(decimals=0, integer=True),
    "count": Kind(decimals=0, integer=True),
    "seed": Kind(decimals=0, integer=True),
    "text": Kind(),
    "choice": Kind(),
}
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
        text = str(abs(int(shown))) if kind == "seed" else f"{abs(int(shown)):,}"
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
