"""Writing the report: atomic (a failure leaves no file), clear errors, and the command's exit codes."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from rtv_desktop.core import default_document
from rtv_desktop.io import write_scenario_json
from rtv_desktop.io.errors import SaveError
from rtv_desktop.report import build, build_report, write_report
from rtv_desktop.report.model import Heading, Paragraph, Report

from .conftest import docx_text, needs_poppler, pdf_pages, pdf_text


def _small_report() -> Report:
    return Report("Title", "Subtitle", (("Area", "Somewhere"),), (Heading("Executive summary", 1, "summary"),
                                                                 Paragraph("Figures **here**.")), footer="Foot")


@pytest.mark.parametrize("name", ["report.pdf", "report.docx"])
def test_missing_folder_is_a_clear_error_and_leaves_nothing(qapp, tmp_path, name):
    target = tmp_path / "missing" / name
    with pytest.raises(SaveError, match="the folder does not exist"):
        write_report(_small_report(), target)
    assert not target.parent.exists()


def test_unknown_suffix_is_refused(qapp, tmp_path):
    with pytest.raises(SaveError, match=r"must end in \.pdf .* or \.docx"):
        write_report(_small_report(), tmp_path / "report.txt")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", ["report.pdf", "report.docx"])
def test_a_failure_while_writing_leaves_the_old_file_and_no_partial_one(qapp, tmp_path, monkeypatch, name):
    target = tmp_path / name
    target.write_bytes(b"the report of last month")

    def half_then_fail(report, temp):
        temp.write_bytes(b"%PDF-1.4 half a report")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("rtv_desktop.report.pdf.write_pdf", half_then_fail)
    monkeypatch.setattr("rtv_desktop.report.word.write_docx", half_then_fail)
    with pytest.raises(SaveError, match="disk is full"):
        write_report(_small_report(), target)
    assert target.read_bytes() == b"the report of last month"
    assert [p.name for p in tmp_path.iterdir()] == [name]


def _command(args, cwd):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "rtv_desktop", "report", *args], capture_output=True, text=True,
                          timeout=180, cwd=cwd, env=env)


@needs_poppler
def test_command_writes_both_forms_with_the_seed_asked_for(tmp_path):
    scenario = tmp_path / "mine.json"
    write_scenario_json(default_document(), scenario)
    done = _command([str(scenario), "board.pdf", "--iterations", "300", "--seed", "11", "--annex"], tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "Wrote board.pdf"  # the path as given
    text = pdf_text(tmp_path / "board.pdf")
    assert "300 draws, seed 11" in text and "mine.json" in text  # the seed is in the annex
    assert text.startswith("Board paper with technical annex")
    assert pdf_pages(tmp_path / "board.pdf") > 6
    done = _command(["--no-simulation", str(scenario), "board.docx"], tmp_path)  # options may come first
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "board.docx").stat().st_size > 10_000
    paper = docx_text(tmp_path / "board.docx")
    assert paper.startswith("Board paper ") and "seed" not in paper and "Technical annex" not in paper


@pytest.mark.parametrize("args, expected", [
    (["{doc}", "board.txt"], "must end in .pdf (for print) or .docx"),
    (["{doc}", "no folder/board.pdf"], "the folder 'no folder' does not exist"),
    (["missing.json", "board.pdf"], "'missing.json' does not exist"),
    (["{bad}", "board.pdf"], "is not valid JSON"),
])
def test_command_bad_input_exits_2_with_one_line_and_writes_nothing(tmp_path, args, expected):
    doc, bad = tmp_path / "mine.json", tmp_path / "broken.json"
    write_scenario_json(default_document(), doc)
    bad.write_text("{ not json", encoding="utf-8")
    before = set(tmp_path.iterdir())
    done = _command([a.format(doc=doc, bad=bad) for a in args], tmp_path)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and expected in lines[0], done.stderr
    assert set(tmp_path.iterdir()) == before


def test_report_format_names_both_kinds():
    assert build.report_format("a.PDF") == "PDF" and build.report_format("b.docx") == "Word"
    with pytest.raises(ValueError):
        build.report_format("c.doc")


def test_every_link_in_the_report_names_a_heading_of_the_report(qapp):
    from rtv_desktop.report.model import Bullets, Table, spans

    report = build_report(default_document(), simulation=False, annex=True)
    targets = {h.anchor for h in report.headings() if h.anchor}
    texts = [b.text for b in report.blocks if isinstance(b, (Heading, Paragraph))]
    texts += [item for b in report.blocks if isinstance(b, Bullets) for item in b.items]
    texts += [cell for b in report.blocks if isinstance(b, Table) for row in (b.headers, *b.rows) for cell in row]
    links = {span.link for text in texts for span in spans(text) if span.link}
    assert links and links <= targets, links - targets
    assert "No simulation was run for this report" in report.text()
    assert "No simulation was run for this paper" in report.text()  # said on the board's pages too


def test_the_report_command_takes_annex():
    from rtv_desktop.cli import build_parser  # noqa: PLC0415

    parser = build_parser()
    assert parser.parse_args(["report", "in.json", "out.pdf", "--annex"]).annex is True
    assert parser.parse_args(["report", "in.json", "out.pdf"]).annex is False
