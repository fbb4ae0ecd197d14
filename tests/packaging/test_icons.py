"""The committed program icon: a multi-size ICO for Windows and a PNG, rendered from the SVG."""

from __future__ import annotations

import struct

from .conftest import ROOT, load

render_icons = load("render_icons")
ICONS = ROOT / "resources" / "icons"


def ico_entries(data: bytes) -> list[tuple[int, bytes]]:
    """(size in pixels, image bytes) for each image in an ICO file."""
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind) == (0, 1)
    entries = []
    for index in range(count):
        width, _, _, _, _, _, length, offset = struct.unpack_from("<BBBBHHII", data, 6 + 16 * index)
        entries.append((width or 256, data[offset : offset + length]))
    return entries


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_ico_has_every_size_windows_asks_for():
    entries = ico_entries((ICONS / "rtv-desktop.ico").read_bytes())
    assert [size for size, _ in entries] == list(render_icons.ICO_SIZES)
    for size, image in entries:
        assert png_size(image) == (size, size)


def test_png_is_256_pixels():
    assert png_size((ICONS / "rtv-desktop.png").read_bytes()) == (256, 256)


def test_rendering_reproduces_the_committed_sizes(tmp_path, qapp):
    svg = tmp_path / "rtv-desktop.svg"
    svg.write_bytes((ICONS / "rtv-desktop.svg").read_bytes())
    png, ico = render_icons.render_all(svg, tmp_path)
    assert png_size(png.read_bytes()) == (256, 256)
    assert [size for size, _ in ico_entries(ico.read_bytes())] == list(render_icons.ICO_SIZES)
