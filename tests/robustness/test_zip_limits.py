"""Workbooks that would unpack to far too much are refused from the zip directory alone."""

from __future__ import annotations

import time
import zipfile

import openpyxl
import pytest

from rtv_desktop.io import InputFileError
from rtv_desktop.io import limits
from rtv_desktop.io.limits import check_zip_limits


def refused(path) -> str:
    with pytest.raises(InputFileError) as info:
        check_zip_limits(path)
    return info.value.report()


def zeros_member(path, name: str, size: int) -> None:
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive, archive.open(name, "w") as member:
        chunk = bytes(1024 * 1024)
        for _ in range(size // len(chunk)):
            member.write(chunk)


def test_an_ordinary_workbook_passes(tmp_path):
    path = tmp_path / "ok.xlsx"
    book = openpyxl.Workbook()
    book.active["A1"] = "Reach"
    book.save(path)
    check_zip_limits(path)


def test_highly_compressed_member_is_refused_fast(tmp_path):
    path = tmp_path / "bomb.xlsx"
    zeros_member(path, "xl/worksheets/sheet1.xml", 4 * 1024 * 1024)
    start = time.perf_counter()
    report = refused(path)
    assert time.perf_counter() - start < 1.0
    assert "compressed" in report and "to 1" in report and "template" in report


def test_total_unpacked_size_is_capped(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_WORKBOOK_UNPACKED_BYTES", 3 * 1024 * 1024)
    monkeypatch.setattr(limits, "MAX_COMPRESSION_RATIO", 10**9)
    path = tmp_path / "big.xlsx"
    zeros_member(path, "a.xml", 2 * 1024 * 1024)
    zeros_member(path, "b.xml", 2 * 1024 * 1024)
    assert "unpack to" in refused(path)


def test_too_many_members_is_refused(tmp_path):
    path = tmp_path / "many.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        for index in range(limits.MAX_WORKBOOK_MEMBERS + 1):
            archive.writestr(f"part{index}.xml", b"")
    assert "parts" in refused(path)


@pytest.mark.parametrize("content", [b"just some text", b"PK\x03\x04" + bytes(100)], ids=["text", "broken-zip"])
def test_not_a_zip_is_refused(tmp_path, content):
    path = tmp_path / "fake.xlsx"
    path.write_bytes(content)
    assert "not an Excel workbook" in refused(path)


def test_truncated_workbook_is_refused(tmp_path):
    path = tmp_path / "cut.xlsx"
    openpyxl.Workbook().save(path)
    path.write_bytes(path.read_bytes()[:-200])
    assert "not an Excel workbook" in refused(path)


def test_missing_empty_folder_and_oversized_files_are_refused(tmp_path):
    assert "does not exist" in refused(tmp_path / "missing.xlsx")
    assert "folder" in refused(tmp_path)
    empty = tmp_path / "empty.xlsx"
    empty.write_bytes(b"")
    assert "empty" in refused(empty)
    big = tmp_path / "big.xlsx"
    with open(big, "wb") as handle:
        handle.truncate(limits.MAX_WORKBOOK_BYTES + 1)
    assert "larger than 20 MB" in refused(big)
