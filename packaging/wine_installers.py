"""Install the MSI and the per-user installer silently under Wine, start the installed app, uninstall.

For each installer: snapshot the prefix, install silently, check the program folder and the
Start-menu shortcut, run the installed ``rtv-desktop-cli.exe --self-test``, uninstall silently,
and compare with the first snapshot (packaging/wine_leftovers.py): nothing may be left behind.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import release_info
import wine_leftovers
import windows_checks
from wine import Wine

SHORTCUT = f"{release_info.PRODUCT_NAME}.lnk"
# Present while an installer is being checked: a prefix that still has it was left mid-way
# (a crash, a timeout) and is rebuilt rather than trusted.
IN_PROGRESS = "rtv-install-check-in-progress"


@dataclass(frozen=True)
class Installer:
    label: str
    file: Path
    folder: Path  # where it installs the app (Linux path inside the prefix)
    install: list[str]
    uninstall: list[str]
    markers: tuple[str, ...]  # text only the product's own files and registry keys contain


def msi_product_code(msi: Path) -> str:
    """The ProductCode of an MSI (a new one for every build), read with msiinfo."""
    done = subprocess.run(["msiinfo", "export", str(msi), "Property"], capture_output=True, text=True, check=True)
    match = re.search(r"^ProductCode\t(\{[0-9A-Fa-f-]{36}\})", done.stdout, re.MULTILINE)
    if not match:
        raise windows_checks.CheckFailed(f"{msi.name} has no ProductCode")
    return match.group(1)


def msi_installer(wine: Wine, msi: Path) -> Installer:
    codes = [msi_product_code(msi), release_info.UPGRADE_CODE]
    return Installer("MSI (per machine)", msi, wine.drive_c / "Program Files" / release_info.PRODUCT_NAME,
                     ["msiexec", "/i", wine.path(msi), "/qn", "/norestart"],
                     ["msiexec", "/x", wine.path(msi), "/qn", "/norestart"],
                     wine_leftovers.product_markers(release_info.PRODUCT_NAME, codes))


def user_installer(wine: Wine, setup: Path) -> Installer:
    folder = wine.shell_folder("LOCALAPPDATA") / "Programs" / release_info.PRODUCT_NAME
    return Installer("per-user installer", setup, folder, [wine.path(setup), "/S"],
                     [wine.path(folder / "Uninstall.exe"), "/S"],
                     wine_leftovers.product_markers(release_info.PRODUCT_NAME, []))


def folder_size_mib(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 2**20


def prefix_was_left_mid_check(wine: Wine) -> bool:
    return (wine.prefix / IN_PROGRESS).exists()


def check_installer(wine: Wine, installer: Installer, home: Path, expected_npv_fiscal: float) -> dict:
    """Install, self-test, uninstall and look for leftovers; return timings and the installed size."""
    marker = wine.prefix / IN_PROGRESS
    marker.write_text(installer.label + "\n", encoding="utf-8")
    wine.wait()
    before = wine_leftovers.snapshot(wine.prefix)
    measured = {"install_seconds": _timed(wine, installer.install, f"installing the {installer.label}")}
    after_install = wine_leftovers.snapshot(wine.prefix)
    _check_installed(installer, before, after_install)
    measured["installed_mib"] = round(folder_size_mib(installer.folder), 1)
    env = windows_checks.program_env(wine, home)
    cli = installer.folder / f"{release_info.EXE_NAME}-cli.exe"
    _, seconds = windows_checks.self_test(wine, cli, env, expected_npv_fiscal)
    measured["self_test_seconds"] = round(seconds, 1)
    measured["uninstall_seconds"] = _timed(wine, installer.uninstall, f"uninstalling the {installer.label}")
    shutil.rmtree(home, ignore_errors=True)
    left = wine_leftovers.leftovers(before, wine_leftovers.snapshot(wine.prefix), installer.markers)
    if left:
        raise windows_checks.CheckFailed(f"the {installer.label} left things behind after uninstalling:\n  "
                                         + "\n  ".join(left[:40]))
    marker.unlink()
    return measured


def _timed(wine: Wine, args: list[str], what: str) -> float:
    started = time.perf_counter()
    wine.check(args, what, timeout=900)
    wine.wait()  # installers and uninstallers may hand over to another process and return
    return round(time.perf_counter() - started, 1)


def _check_installed(installer: Installer, before: wine_leftovers.Snapshot, after: wine_leftovers.Snapshot) -> None:
    """The programs are in place, with a Start-menu shortcut and an entry in Settings > Apps."""
    missing = [name for name in (f"{release_info.EXE_NAME}.exe", f"{release_info.EXE_NAME}-cli.exe")
               if not (installer.folder / name).is_file()]
    if missing:
        raise windows_checks.CheckFailed(f"the {installer.label} did not install {', '.join(missing)} "
                                         f"into {installer.folder}")
    if not any(path.endswith("/" + SHORTCUT) and "Start Menu" in path for path in after.files - before.files):
        raise windows_checks.CheckFailed(f"the {installer.label} made no Start-menu shortcut {SHORTCUT}")
    uninstall_entries = [key for key in after.keys.keys() - before.keys.keys()
                         if "\\currentversion\\uninstall\\" in key.lower()
                         and any(m.lower() in key.lower() for m in installer.markers)]
    if not uninstall_entries:
        raise windows_checks.CheckFailed(f"the {installer.label} registered no uninstaller (Settings > Apps)")
