"""What the one-folder build keeps of Qt: enough to draw, chart, export SVG and run offscreen."""

from __future__ import annotations

import pytest

from .conftest import load

bundle_filter = load("bundle_filter")

PLUGINS = "_internal/PySide6/Qt/plugins"


@pytest.mark.parametrize("dest", [
    f"{PLUGINS}/platforms/libqoffscreen.so",  # --self-test
    f"{PLUGINS}/platforms/libqxcb.so",  # Linux screens
    "PySide6/plugins/platforms/qwindows.dll",  # Windows screens (wheel layout on Windows)
    f"{PLUGINS}/imageformats/libqsvg.so",
    f"{PLUGINS}/iconengines/libqsvgicon.so",
    "PySide6/plugins/styles/qmodernwindowsstyle.dll",
    "PySide6/Qt/lib/libQt6Svg.so.6",
    "PySide6/Qt/lib/libQt6OpenGL.so.6",  # pyqtgraph needs QtOpenGL
    "resources/defaults/area.toml",
    "numpy.libs/libscipy_openblas64_-32a4b2a6.so",
])
def test_keeps_what_the_app_uses(dest):
    assert bundle_filter.keep_file(dest)


@pytest.mark.parametrize("dest", [
    f"{PLUGINS}/platforms/libqwayland.so",
    f"{PLUGINS}/platforms/libqeglfs.so",
    f"{PLUGINS}/platformthemes/libqgtk3.so",
    f"{PLUGINS}/tls/libqopensslbackend.so",
    f"{PLUGINS}/wayland-shell-integration/libxdg-shell.so",
    f"{PLUGINS}/egldeviceintegrations/libqeglfs-kms-integration.so",
    f"{PLUGINS}/imageformats/libqpdf.so",
    "PySide6\\plugins\\networkinformation\\qnetworklistmanager.dll",
    "PySide6/Qt/translations/qtbase_de.qm",
    "PySide6/translations/qtbase_fr.qm",
    "libgtk-3.so.0",
    "libcairo.so.2",
    "libpangocairo-1.0.so.0",
    "libwayland-client.so.0",
    "PySide6/Qt/lib/libQt6EglFSDeviceIntegration.so.6",
])
def test_drops_what_only_adds_size(dest):
    assert not bundle_filter.keep_file(dest)


def test_plugin_names_match_across_platforms():
    assert bundle_filter.plugin_name("libqxcb.so") == "qxcb"
    assert bundle_filter.plugin_name("qwindows.dll") == "qwindows"
    assert bundle_filter.plugin_name("libqcocoa.dylib") == "qcocoa"


def test_optional_qt_modules_stay_when_the_app_starts_using_them():
    excluded = bundle_filter.qt_modules_to_exclude("from PySide6.QtPrintSupport import QPrinter\n")
    assert "PySide6.QtPrintSupport" not in excluded
    assert "PySide6.QtNetwork" in excluded and "PySide6.QtQuick" in excluded
    assert "PySide6.QtQuickWidgets" in bundle_filter.qt_modules_to_exclude("import PySide6.QtQuick\n")


def test_modules_pyqtgraph_needs_are_never_excluded():
    excluded = set(bundle_filter.EXCLUDED_MODULES) | set(bundle_filter.qt_modules_to_exclude(""))
    assert not excluded & {"PySide6.QtOpenGL", "PySide6.QtOpenGLWidgets", "PySide6.QtSvg", "pydoc", "unittest"}
