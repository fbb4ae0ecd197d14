"""Recalculate workbooks with LibreOffice headless, as a spreadsheet user would see them.

LibreOffice does not recalculate a file on load unless its profile says so, so each call
uses a private profile whose ``registrymodifications.xcu`` sets ``OOXMLRecalcMode`` to 0
(always recalculate). Values come back with 15 significant digits; formula errors come
back as strings such as ``#NAME?``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

RECALC_ALWAYS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse">
<value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse">
<value>0</value></prop></item>
</oor:items>
"""
TIMEOUT_SECONDS = 240


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


# Skip on a machine without LibreOffice, except on Linux CI, which installs it (.ci/run) and
# must run these; CI's Windows Python under Wine has none.
requires_libreoffice = pytest.mark.skipif(soffice() is None and not (os.environ.get("CI") and sys.platform == "linux"),
                                          reason="LibreOffice (soffice) is not installed")


def _profile(folder: Path) -> str:
    user = folder / "user"
    user.mkdir(parents=True, exist_ok=True)
    (user / "registrymodifications.xcu").write_text(RECALC_ALWAYS, encoding="utf-8")
    return folder.as_uri()


def convert(paths, outdir, target: str = "xlsx") -> list[Path]:
    """Convert ``paths`` (one soffice call for all) into ``outdir``; returns the new files.

    ``target`` is ``xlsx`` (recalculated values cached in the file) or ``pdf``.
    """
    program = soffice()
    if program is None:
        raise RuntimeError("LibreOffice (soffice) is needed: apt-get install libreoffice-calc-nogui")
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    paths = [Path(p) for p in paths]
    with tempfile.TemporaryDirectory(prefix="rtv-lo-profile-") as profile:
        command = [program, f"-env:UserInstallation={_profile(Path(profile))}", "--headless", "--norestore",
                   "--convert-to", target, "--outdir", str(outdir), *map(str, paths)]
        done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_SECONDS)
    produced = [outdir / f"{p.stem}.{target}" for p in paths]
    missing = [str(p) for p in produced if not p.exists()]
    if missing:
        raise RuntimeError(f"LibreOffice did not write {missing}: {done.stdout} {done.stderr}")
    return produced


def recalculate(paths, outdir) -> list[Path]:
    """Recalculated copies of ``paths`` (each keeps its name, in ``outdir``)."""
    return convert(paths, outdir, "xlsx")
