"""Render resources/icons/rtv-desktop.svg to the PNG and ICO files committed beside it.

Run once after editing the SVG: ``uv run python packaging/render_icons.py``. The build uses
the committed files, so it never depends on rendering. The ICO holds PNG-compressed images
(supported by Windows Vista and later), one per size Windows asks for.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ICON_DIR = Path(__file__).resolve().parent.parent / "resources" / "icons"
SVG = ICON_DIR / "rtv-desktop.svg"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
PNG_SIZE = 256


def render_png(svg: Path, size: int) -> bytes:
    """Return the SVG drawn on a transparent ``size`` x ``size`` square, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """Pack PNG images into an ICO file: header, one directory entry per image, then the data."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, blobs = [], []
    for size, png in sorted(pngs.items()):
        side = 0 if size >= 256 else size  # 0 means 256 in an ICO directory
        entries.append(struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset))
        blobs.append(png)
        offset += len(png)
    return header + b"".join(entries) + b"".join(blobs)


def render_all(svg: Path = SVG, out_dir: Path = ICON_DIR) -> list[Path]:
    """Write ``rtv-desktop.png`` (256 px) and ``rtv-desktop.ico`` next to the SVG."""
    from PySide6.QtGui import QGuiApplication

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # painting text and SVG needs one
    pngs = {size: render_png(svg, size) for size in ICO_SIZES}
    png_path, ico_path = out_dir / "rtv-desktop.png", out_dir / "rtv-desktop.ico"
    png_path.write_bytes(pngs[PNG_SIZE])
    ico_path.write_bytes(ico_bytes(pngs))
    return [png_path, ico_path]


if __name__ == "__main__":
    for path in render_all():
        print(f"wrote {path} ({path.stat().st_size} bytes)")
