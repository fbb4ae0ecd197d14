"""Which collected files the one-folder build keeps: pure functions, used by the spec.

The app draws widgets and pyqtgraph charts, exports SVG/PNG, and runs offscreen for its
self-test. Everything Qt ships beyond that (Wayland, EGL, GTK platform themes, TLS, QML,
translations) only adds size, start-up time and files for antivirus to scan.
"""

from __future__ import annotations

import re
from pathlib import PurePath

# Plugin folder -> plugin names kept (None keeps the whole folder). Folders absent are dropped.
KEPT_PLUGINS: dict[str, frozenset[str] | None] = {
    # offscreen: --self-test and tests; xcb/windows/cocoa: real screens; minimal: diagnostics.
    "platforms": frozenset({"qoffscreen", "qxcb", "qwindows", "qcocoa", "qminimal"}),
    "imageformats": frozenset({"qsvg", "qico", "qjpeg", "qgif"}),
    "iconengines": None,  # SVG icons
    "styles": None,  # the native Windows look (qmodernwindowsstyle)
    "xcbglintegrations": None,  # OpenGL on X11, which pyqtgraph may use
    "platforminputcontexts": None,  # typing accents and non-Latin text on Linux
    "printsupport": None,  # only collected if the app prints
}

# Python modules the app never imports; keeping them out also keeps their native libraries out.
EXCLUDED_MODULES = (
    "tkinter", "_tkinter", "matplotlib", "scipy", "IPython", "jedi", "notebook",
    "PyQt5", "PyQt6", "PySide2", "pytest", "_pytest", "pytestqt", "hypothesis",
    "importlinter", "grimp", "setuptools", "pip", "docutils", "sphinx", "lib2to3",
)

# Qt bindings excluded unless the app's own source names them (checked at build time).
OPTIONAL_QT_MODULES = (
    "QtNetwork", "QtQml", "QtQuick", "QtQuickWidgets", "QtQuickControls2", "QtQuickTest",
    "QtDesigner", "QtHelp", "QtUiTools", "QtSql", "QtXml", "QtDBus", "QtConcurrent",
    "QtPrintSupport",
)

# Host libraries pulled in only by GTK/Wayland plugins that are dropped above (Linux).
_UNWANTED_HOST_LIBS = re.compile(
    r"^lib(gtk-3|gdk-3|gdk_pixbuf-2\.0|cairo|cairo-gobject|pango\w*-1\.0|atk-1\.0|atk-bridge-2\.0|atspi"
    r"|epoxy|wayland-(client|cursor|egl|server)|Qt6Wayland\w*|Qt6EglFS\w*)\.so"
)


def plugin_name(filename: str) -> str:
    """``libqxcb.so`` -> ``qxcb``; ``qwindows.dll`` -> ``qwindows``."""
    stem = filename.split(".", 1)[0]
    return stem.removeprefix("lib")


def _qt_relative(dest: str) -> tuple[str, ...] | None:
    """The parts of ``dest`` below ``PySide6/Qt`` (or ``PySide6`` on Windows), or None."""
    parts = PurePath(dest.replace("\\", "/")).parts
    if "PySide6" not in parts:
        return None
    rest = parts[parts.index("PySide6") + 1 :]
    return rest[1:] if rest[:1] == ("Qt",) else rest


def keep_file(dest: str) -> bool:
    """Whether a file bound for ``dest`` inside the bundle is worth shipping."""
    name = PurePath(dest.replace("\\", "/")).name
    if _UNWANTED_HOST_LIBS.match(name):
        return False
    rest = _qt_relative(dest)
    if not rest:
        return True
    if rest[0] == "translations":
        return False  # the interface is English only
    if rest[0] != "plugins" or len(rest) < 3:
        return True
    folder = rest[1]
    if folder not in KEPT_PLUGINS:
        return False
    allowed = KEPT_PLUGINS[folder]
    return allowed is None or plugin_name(rest[-1]) in allowed


def qt_modules_to_exclude(app_source: str) -> list[str]:
    """``PySide6.<module>`` names to exclude: the optional ones the app source never mentions."""
    return [f"PySide6.{m}" for m in OPTIONAL_QT_MODULES if not re.search(rf"\b{m}\b", app_source)]
