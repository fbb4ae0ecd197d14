"""Every input that once crashed a reader is now answered cleanly (accepted or refused)."""

from __future__ import annotations

import pytest

from rtv_desktop.io import load_scenario, save_scenario

from . import oracle

# Crashers whose fix is still to come, each expected to fail with one exception only, e.g.
# "name.xlsx": pytest.mark.xfail(raises=OverflowError, reason="where the fix belongs").
# Remove an entry once fixed.
OPEN_BUGS: dict = {}
CASES = [pytest.param(p, id=p.name, marks=[OPEN_BUGS[p.name]] if p.name in OPEN_BUGS else [])
         for p in sorted(oracle.CRASHERS.iterdir()) if p.suffix in (".json", ".xlsx")]


def test_there_are_saved_crashers():
    assert len(CASES) >= 4


@pytest.mark.parametrize("path", CASES)
def test_saved_crasher_is_answered_cleanly(path, tmp_path):
    if oracle.answer(load_scenario, path, check_leaks=True) == oracle.ACCEPTED:
        # What was accepted can also be saved and read back unchanged.
        copy = save_scenario(load_scenario(path), tmp_path / f"copy{path.suffix}")
        assert load_scenario(copy) == load_scenario(path)
