"""Build the per-machine MSI from a one-folder build, with wixl (Debian package ``wixl``).

    python packaging/msi.py [--payload dist/rtv-desktop] [--out dist/RtV-Desktop-X-x64.msi]

wixl has no ``heat``, so the file list is generated here as a WiX fragment (the
``AppFiles`` component group) that packaging/windows/rtv-desktop.wxs references. Component
GUIDs derive from each file's path, so every release names the same file the same way and
upgrades replace files cleanly.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path
from xml.etree import ElementTree as ET

import release_info

WIX_NS = "http://schemas.microsoft.com/wix/2006/wi"
TEMPLATE = release_info.WINDOWS_DIR / "rtv-desktop.wxs"
MAIN_EXE_FILE_ID = "MainExecutable"
_GUID_NAMESPACE = uuid.UUID(release_info.UPGRADE_CODE)


def stable_guid(kind: str, relative: str) -> str:
    """The same GUID for the same installed path in every release (paths are case-insensitive)."""
    return str(uuid.uuid5(_GUID_NAMESPACE, f"{kind}:{relative.lower()}")).upper()


def wix_id(prefix: str, relative: str) -> str:
    """A short, valid WiX identifier for a path (WiX ids allow letters, digits, _ and .)."""
    return prefix + hashlib.sha1(relative.lower().encode("utf-8")).hexdigest()[:24]


def _component(parent: ET.Element, file: Path, relative: str, main_exe: str, source_root: Path) -> str:
    component_id = wix_id("c", relative)
    component = ET.SubElement(parent, "Component", Id=component_id, Guid=stable_guid("file", relative), Win64="yes")
    file_id = MAIN_EXE_FILE_ID if relative.lower() == main_exe.lower() else wix_id("f", relative)
    ET.SubElement(component, "File", Id=file_id, Name=file.name, Source=os.path.relpath(file.resolve(), source_root), KeyPath="yes")
    return component_id


def _add_folder(parent: ET.Element, folder: Path, payload: Path, context: tuple[str, Path], component_ids: list[str]) -> None:
    for entry in sorted(folder.iterdir(), key=lambda p: p.name.lower()):
        relative = entry.relative_to(payload).as_posix()
        if entry.is_dir():
            directory = ET.SubElement(parent, "Directory", Id=wix_id("d", relative), Name=entry.name)
            _add_folder(directory, entry, payload, context, component_ids)
        elif entry.is_file():
            component_ids.append(_component(parent, entry, relative, *context))


def files_fragment(payload: Path, source_root: Path, main_exe: str = f"{release_info.EXE_NAME}.exe") -> str:
    """Return a WiX source holding every file under ``payload`` in the ``AppFiles`` group.

    wixl accepts only relative ``Source`` paths: they are written relative to ``source_root``,
    the folder wixl runs in.
    """
    if not (payload / main_exe).is_file():
        raise FileNotFoundError(f"{payload} has no {main_exe}: build the app first (python packaging/build.py)")
    ET.register_namespace("", WIX_NS)
    wix = ET.Element("Wix", xmlns=WIX_NS)
    install_dir = ET.SubElement(ET.SubElement(wix, "Fragment"), "DirectoryRef", Id="INSTALLDIR")
    component_ids: list[str] = []
    _add_folder(install_dir, payload, payload, (main_exe, source_root.resolve()), component_ids)
    group = ET.SubElement(ET.SubElement(wix, "Fragment"), "ComponentGroup", Id="AppFiles")
    for component_id in component_ids:
        ET.SubElement(group, "ComponentRef", Id=component_id)
    ET.indent(wix)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(wix, encoding="unicode") + "\n"


def wixl_defines(app_version: str, source_root: Path) -> dict[str, str]:
    return {
        "ProductName": release_info.PRODUCT_NAME,
        "Manufacturer": release_info.MANUFACTURER,
        "Description": release_info.DESCRIPTION,
        "Version": release_info.dotted_version(app_version),
        "UpgradeCode": release_info.UPGRADE_CODE,
        "ShortcutComponentGuid": stable_guid("shortcut", "start-menu"),
        "ExeName": release_info.EXE_NAME,
        "IconFile": os.path.relpath(release_info.ICON_ICO, source_root.resolve()),
    }


def build_msi(payload: Path, out: Path, app_version: str | None = None, work_dir: Path | None = None) -> Path:
    """Write the MSI for the one-folder build in ``payload`` to ``out`` and return ``out``."""
    wixl = shutil.which("wixl")
    if not wixl:
        raise SystemExit("msi: wixl is missing. Install it with `apt-get install wixl msitools`.")
    work_dir = work_dir or release_info.BUILD_DIR / "msi"
    work_dir.mkdir(parents=True, exist_ok=True)
    fragment = work_dir / "app-files.wxs"
    fragment.write_text(files_fragment(payload, work_dir), encoding="utf-8")
    defines = wixl_defines(app_version or release_info.version(), work_dir)
    define_args = [arg for key, value in defines.items() for arg in ("-D", f"{key}={value}")]
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    command = [wixl, "-a", "x64", *define_args, "-o", str(out), str(TEMPLATE), fragment.name]
    subprocess.run(command, check=True, cwd=work_dir)
    return out


def main(argv: list[str] | None = None) -> int:
    return release_info.deliverable_main(argv, "Build the per-machine MSI with wixl.",
                                         release_info.DIST_DIR / release_info.msi_name(), build_msi, "msi")


if __name__ == "__main__":
    sys.exit(main())
