"""Financial years (April to March) and the cash view of money in today's prices.

A financial year is written "2026/27": it runs from 1 April 2026 to 31 March 2027. The
document's ``settings.start_year`` is the first delivery year; year index ``t`` of a run
(0 = the first delivery year, as in :func:`rtv_desktop.core.text.year_label`) is
``financial_year(start_year, t)``.
"""

from __future__ import annotations

import datetime as dt
import re

_FINANCIAL_YEAR = re.compile(r"^(\d{4})/(\d{2})$")
FINANCIAL_YEAR_EXAMPLE = "2026/27"


def _label(first: int) -> str:
    return f"{first}/{(first + 1) % 100:02d}"


def financial_year_problem(text: str) -> str | None:
    """What is wrong with ``text`` as a financial year ("YYYY/YY", the two years consecutive), or None."""
    found = _FINANCIAL_YEAR.match(text.strip()) if isinstance(text, str) else None
    if found is None:
        return f"must be a financial year written YYYY/YY, such as {FINANCIAL_YEAR_EXAMPLE}; it is '{text}'"
    first = int(found.group(1))
    if int(found.group(2)) != (first + 1) % 100:
        return (f"must be two consecutive years, such as {_label(first)} (April {first} to March {first + 1}); "
                f"it is '{text.strip()}'")
    return None


def _first_year(start_year: str) -> int:
    problem = financial_year_problem(start_year)
    if problem is not None:
        raise ValueError(f"The start year {problem}")
    return int(start_year.strip()[:4])


def financial_year(start_year: str, t: int) -> str:
    """The financial year ``t`` years after ``start_year``: ``financial_year("2027/28", 1) == "2028/29"``.

    Raises ``ValueError`` when ``start_year`` is not written "YYYY/YY" with consecutive years.
    """
    return _label(_first_year(start_year) + int(t))


def next_financial_year(today: dt.date | None = None) -> str:
    """The financial year after the one ``today`` (default: the system date) falls in.

    A financial year starts on 1 April: on 7 December 2026 (in 2026/27) the next one is
    "2027/28"; on 31 March 2027 it is still "2027/28"; on 1 April 2027 it is "2028/29".
    """
    today = today or dt.date.today()
    current = today.year if today.month >= 4 else today.year - 1
    return _label(current + 1)


def years_after(price_year: str, start_year: str) -> int:
    """Whole years from the price year to the first delivery year ("2024/25" to "2027/28": 3);
    0 when either is not a financial year, or the start comes first."""
    if financial_year_problem(price_year) is not None or financial_year_problem(start_year) is not None:
        return 0
    return max(0, _first_year(start_year) - _first_year(price_year))


def cash_value(real: float, rate: float, t: int, lag: int = 0) -> float:
    """Money in today's prices (the document's price year), in delivery year ``t``, as cash at a
    constant inflation ``rate`` a year: ``real * (1 + rate) ** (lag + t)``, where ``lag`` is
    :func:`years_after` the price year the first delivery year falls (t = 0). A rate of 0 gives
    today's prices back.

    >>> round(cash_value(1000.0, 0.02, 2), 2)
    1040.4
    >>> round(cash_value(1000.0, 0.02, 0, lag=3), 2)
    1061.21
    """
    return real * (1.0 + rate) ** (lag + t)
