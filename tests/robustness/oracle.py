"""What counts as a crash when a reader meets a bad file, and how bad files are made.

A reader may accept a file or refuse it with :class:`InputFileError`. Anything else is a
crash: another exception, an accepted scenario that ``validate`` rejects, or one whose
``run`` fails or gives NaN or infinity. Shared by the tests and ``benchmarks/fuzz_readers.py``.
"""

from __future__ import annotations

import copy
import gc
import hashlib
import math
import os
import warnings
from pathlib import Path
from typing import Callable

from rtv_desktop.core import errors, run, validate
from rtv_desktop.io import InputFileError

CRASHERS = Path(__file__).with_name("crashers")
ACCEPTED, REFUSED = "accepted", "refused"


def answer(read: Callable, source, check_leaks: bool = False) -> str:
    """``ACCEPTED`` or ``REFUSED``; raises (AssertionError or the reader's own) on a crash.

    With ``check_leaks``, a file left open by the reader (a ``ResourceWarning`` once the
    garbage collector runs) is a crash too; it costs a collection per call.
    """
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            outcome = _judge(read, source)
        finally:
            if check_leaks:
                gc.collect()
    leaks = [str(w.message) for w in caught if issubclass(w.category, ResourceWarning)]
    assert not leaks, f"the reader left files open: {leaks[:3]}"
    others = [f"{w.category.__name__}: {w.message}" for w in caught if not issubclass(w.category, ResourceWarning)]
    assert not others, f"reading or running gave warnings (an overflow is a crash): {others[:3]}"
    return outcome


def _judge(read: Callable, source) -> str:
    try:
        scenario = read(source)
    except InputFileError as exc:
        assert exc.problems, "a refusal must list at least one problem"
        assert all(str(p).strip() for p in exc.problems)
        return REFUSED
    problems = errors(validate(scenario))
    assert not problems, f"reader returned a scenario validate() rejects: {problems[:3]}"
    summary = run(scenario).summary
    bad = {k: v for k, v in summary.items() if v is not None and not math.isfinite(v)}
    assert not bad, f"run() gave non-finite figures for an accepted file: {bad}"
    return ACCEPTED


def save_crasher(data: bytes, suffix: str, always: bool = False) -> Path | None:
    """Keep a crashing input (named by its hash) in ``crashers/new/`` for review.

    Moved up into ``crashers/`` it becomes a regression case of ``test_crashers.py``. The
    fuzz campaign (``benchmarks/fuzz_readers.py``) always saves; tests save only when
    ``RTV_SAVE_CRASHERS=1``, so an ordinary test run never writes into the source tree.
    """
    if not (always or os.environ.get("RTV_SAVE_CRASHERS") == "1"):
        return None
    folder = CRASHERS / "new"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{hashlib.sha256(data).hexdigest()[:16]}{suffix}"
    path.write_bytes(data)
    return path


# Byte-level damage.

def truncate(data: bytes, keep: int) -> bytes:
    return data[: keep % (len(data) + 1)]


def flip(data: bytes, edits: list[tuple[int, int]]) -> bytes:
    """Overwrite bytes: each edit is (position, new byte value)."""
    out = bytearray(data)
    for position, value in edits:
        if out:
            out[position % len(out)] = value % 256
    return bytes(out)


def splice(data: bytes, position: int, insert: bytes, delete: int) -> bytes:
    position %= len(data) + 1
    return data[:position] + insert + data[position + delete:]


# Value-level damage (on the parsed JSON).

def leaf_paths(value, prefix=()) -> list[tuple]:
    """Every path (tuple of keys and indexes) in a JSON value, containers included."""
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            found += leaf_paths(item, prefix + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += leaf_paths(item, prefix + (index,))
    return found


def replaced(data, path: tuple, new_value):
    """A deep copy of ``data`` with the value at ``path`` replaced (root if path is empty)."""
    if not path:
        return new_value
    out = copy.deepcopy(data)
    parent = out
    for key in path[:-1]:
        parent = parent[key]
    parent[path[-1]] = new_value
    return out


def removed(data, path: tuple):
    """A deep copy of ``data`` without the value at ``path``."""
    if not path:
        return {}
    out = copy.deepcopy(data)
    parent = out
    for key in path[:-1]:
        parent = parent[key]
    del parent[path[-1]]
    return out


EXTREME_NUMBERS = (0, -1, 1e308, -1e308, 1.7976931348623157e308, 5e-324, 1e19, 9.9e18, -9.9e18, 1e15,
                   2**63 - 1, 2**63, 2**64, 10**19, 10**40, 10**400, math.nan, math.inf, -math.inf, 1e-300)
