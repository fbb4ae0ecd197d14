"""Build the report model from a document, and write it as PDF or Word, atomically."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..core import Document, SimulationResults
from ..core.text import document_title
from ..io.atomic import atomic_write
from ..io.errors import SaveError
from . import appendix, board, sections, summary
from .figures import ReportFigures, gather
from .model import Heading, PageBreak, Paragraph, Report

SUFFIXES = {".pdf": "PDF", ".docx": "Word"}


def build_report(document: Document, file_name: str = "", simulation: bool | SimulationResults = True,
                 iterations: int | None = None, seed: int | None = None, today: dt.date | None = None,
                 annex: bool = False) -> Report:
    """The board paper of ``document``, with the technical annex after it when ``annex`` (see
    :func:`.figures.gather` for ``simulation``)."""
    return report_from_figures(gather(document, file_name, simulation, iterations, seed, today), annex)


def report_from_figures(f: ReportFigures, annex: bool = False) -> Report:
    s = f.results.scenario
    blocks = [*board.board_paper(f), *(technical_annex(f) if annex else ())]
    title = document_title(f.document)
    subtitle = (f"{f.option_name}, compared with {len(f.document.options) - 1} other option"
                f"{'s' if len(f.document.options) > 2 else ''}" if f.several else f.option_name)
    lines = (("Author", f.document.author.strip() or "-"), ("Date", _date(f.created)),
             ("Area", s.area.area_name or "-"), ("Prices", s.settings.price_year),
             ("Document", f.file_name or "not saved to a file"))
    footer = f"{title}, {s.area.area_name}" if s.area.area_name and s.area.area_name not in title else title
    kind = "Board paper with technical annex" if annex else "Board paper"
    return Report(title, subtitle, lines, tuple(blocks), footer=footer, kind=kind)


def technical_annex(f: ReportFigures) -> list:
    """Methods, every assumption of the options' interventions, uncertainty detail, evidence, reproducibility."""
    return [
        PageBreak(),
        Heading("Technical annex", 1, "annex"),
        Paragraph("The detail behind the board paper, for finance and analysts: every figure, the simulation, the "
                  "evidence behind each figure, the assumptions of the interventions the options contain, and how "
                  "the figures were calculated."),
        Paragraph(summary.rests_on_detail(f)),
        Paragraph(summary.uncertainty_detail(f)),
        *summary.headline_table(f),
        *sections.options_compared(f),
        *sections.value_sections(f),
        *sections.who_pays(f),
        *sections.uncertainty(f),
        *sections.evidence(f),
        PageBreak(),
        *appendix.assumptions(f),
        *appendix.caveats(f),
        *appendix.reproducibility(f),
        *appendix.methods_appendix(f),
    ]


def _date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def report_format(path) -> str:
    """``"PDF"`` or ``"Word"`` from the file name; ``ValueError`` naming the suffixes otherwise."""
    suffix = Path(path).suffix.lower()
    if suffix not in SUFFIXES:
        raise ValueError(f"'{Path(path).name}' must end in .pdf (for print) or .docx (Word, the accessible version)")
    return SUFFIXES[suffix]


def write_report(report: Report, path) -> Path:
    """Write ``report`` to ``path`` (.pdf or .docx) atomically: a failure leaves no partial file.

    Raises
    ------
    SaveError
        The folder does not exist or cannot be written, or the suffix is neither .pdf nor .docx.
    """
    path = Path(path)
    try:
        kind = report_format(path)
    except ValueError as exc:
        raise SaveError(f"Could not write the report: {exc}.") from None
    if kind == "PDF":
        from .pdf import write_pdf  # noqa: PLC0415

        return atomic_write(path, lambda temp: write_pdf(report, temp), keep_backup=False)
    from .word import write_docx  # noqa: PLC0415

    return atomic_write(path, lambda temp: write_docx(report, temp), keep_backup=False)
