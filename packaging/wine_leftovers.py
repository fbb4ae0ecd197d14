"""What an install followed by an uninstall left behind in a Wine prefix: files and registry keys.

A snapshot lists every file and folder under ``drive_c`` and every registry key of the
prefix's ``system.reg`` (HKLM) and ``user.reg`` (HKCU), which Wine keeps as text. Comparing
the snapshot before installing with the one after uninstalling gives the leftovers, except:
- anything under the users' and Windows' temporary folders (the self-test writes its
  workbook to %TEMP% on purpose, and an NSIS uninstaller runs from a copy there);
- the shared folders that Windows makes on first use and every machine has, themselves
  (their contents still count): ``C:\\windows\\Installer\\``, Windows Installer's cache, and
  ``%LOCALAPPDATA%\\Programs\\``, the per-user Program Files that other apps install into too;
- registry keys that hold no value and do not name the product: the empty containers
  Windows Installer makes on first use (``...\\Installer\\Products``) and keeps.
Files that were there before and are gone afterwards are reported too. Standard library only.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

HIVES = {"system.reg": "HKLM", "user.reg": "HKCU"}
SHARED_FOLDERS = re.compile(r"^(windows/Installer|users/[^/]+/AppData/Local/Programs)/$", re.IGNORECASE)
_TEMP = re.compile(r"^(users/[^/]+/Temp|windows/temp)/", re.IGNORECASE)
_KEY_LINE = re.compile(r"^\[(.+?)\](?:\s+\d+)?\s*$")


@dataclass(frozen=True)
class Snapshot:
    files: frozenset[str]  # paths relative to drive_c, "/"-separated; folders end with "/"
    keys: dict[str, bool]  # "HKLM\\Software\\X" -> whether the key holds a value


def registry_keys(reg_text: str, root: str) -> dict[str, bool]:
    """Keys of one Wine registry file (``[Software\\\\X] 1234`` lines), each with whether it has values."""
    keys: dict[str, bool] = {}
    current = None
    for line in reg_text.splitlines():
        match = _KEY_LINE.match(line)
        if match:
            current = root + "\\" + match.group(1).replace("\\\\", "\\")
            keys[current] = False
        elif current and line[:1] in ('"', "@"):
            keys[current] = True
    return keys


def file_tree(drive_c: Path) -> frozenset[str]:
    entries = set()
    for folder, dirs, files in os.walk(drive_c):
        relative = Path(folder).relative_to(drive_c).as_posix()
        prefix = "" if relative == "." else relative + "/"
        entries.update(prefix + name + "/" for name in dirs)
        entries.update(prefix + name for name in files)
    return frozenset(entries)


def snapshot(prefix: Path) -> Snapshot:
    keys: dict[str, bool] = {}
    for name, root in HIVES.items():
        keys.update(registry_keys((prefix / name).read_text(encoding="utf-8", errors="replace"), root))
    return Snapshot(file_tree(prefix / "drive_c"), keys)


def packed_guid(guid: str) -> str:
    """Windows Installer's registry form of a GUID (``{12345678-9ABC-...}`` with each part reversed)."""
    hex_digits = re.sub(r"[^0-9A-Fa-f]", "", guid).upper()
    if len(hex_digits) != 32:
        raise ValueError(f"{guid} is not a GUID")
    first = hex_digits[7::-1] + hex_digits[11:7:-1] + hex_digits[15:11:-1]
    rest = "".join(hex_digits[i + 1] + hex_digits[i] for i in range(16, 32, 2))
    return first + rest


def product_markers(product_name: str, guids: list[str]) -> tuple[str, ...]:
    """Text that only the product's own files and keys contain: its name and GUIDs in both forms."""
    markers = [product_name]
    for guid in guids:
        markers += [guid.strip("{}").upper(), packed_guid(guid)]
    return tuple(markers)


def _ignored_file(path: str) -> bool:
    return bool(_TEMP.search(path) or SHARED_FOLDERS.match(path))


def leftovers(before: Snapshot, after: Snapshot, markers: tuple[str, ...]) -> list[str]:
    """Everything the install and uninstall added and kept, or removed, that matters (see the module doc)."""
    lowered = tuple(m.lower() for m in markers)
    found = [f"file left: C:/{path}" for path in sorted(after.files - before.files) if not _ignored_file(path)]
    found += [f"file removed: C:/{path}" for path in sorted(before.files - after.files) if not _ignored_file(path)]
    for key in sorted(after.keys.keys() - before.keys.keys()):
        if after.keys[key] or any(m in key.lower() for m in lowered):
            found.append(f"registry key left: {key}")
    return found
