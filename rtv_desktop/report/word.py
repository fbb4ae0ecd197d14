"""The report as a Word file: the accessible version, and the one to paste into a business case.

Real heading styles (a navigation pane and a screen reader's list of headings), alt text on
every chart, tables as tables with a header row that repeats on each page, the document's
title and language set, internal links to headings as bookmarks, page numbers in the footer.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

from docx import Document as new_docx
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from .model import Bullets, Figure, Heading, PageBreak, Paragraph, Quote, Report, Table, spans

TEXT_WIDTH_CM = 16.0
BLUE, DARK_BLUE, GREY = RGBColor(0x00, 0x5E, 0xB8), RGBColor(0x00, 0x30, 0x87), RGBColor(0x42, 0x55, 0x63)
LANGUAGE = "en-GB"


def write_docx(report: Report, path: Path) -> None:
    doc = new_docx()
    _set_up(doc, report)
    _title_page(doc, report)
    for block in report.blocks:
        _add_block(doc, block)
    doc.save(str(path))


def bookmark_name(anchor: str) -> str:
    """A Word bookmark name for an anchor: a letter first, letters, digits and _ only, at most 40."""
    name = re.sub(r"[^A-Za-z0-9_]", "_", anchor)
    return ("h_" + name)[:40]


def _set_up(doc, report: Report) -> None:
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(2.0)
    section.top_margin, section.bottom_margin = Cm(1.8), Cm(2.0)
    props = doc.core_properties
    props.title, props.subject = report.title, report.subtitle
    props.author = dict(report.title_lines).get("Author", "").strip("-") or "RtV Desktop"
    props.language = LANGUAGE
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = "Arial", Pt(10)
    rpr = normal.element.get_or_add_rPr()
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), LANGUAGE)
    rpr.append(lang)
    for level, size in ((1, 16), (2, 13), (3, 11)):
        style = doc.styles[f"Heading {level}"]
        style.font.name, style.font.size = "Arial", Pt(size)
        style.font.color.rgb = BLUE if level == 1 else DARK_BLUE
    _footer(doc.sections[0], report.footer)


def _footer(section, text: str) -> None:
    paragraph = section.footer.paragraphs[0]
    paragraph.text = ""
    run = paragraph.add_run(f"{text}    Page ")
    run.font.size, run.font.color.rgb = Pt(8), GREY
    _field(paragraph, "PAGE")
    tail = paragraph.add_run(" of ")
    tail.font.size, tail.font.color.rgb = Pt(8), GREY
    _field(paragraph, "NUMPAGES")


def _field(paragraph, code: str) -> None:
    run = paragraph.add_run()
    run.font.size = Pt(8)
    for kind, text in (("begin", None), (None, code), ("separate", None), (None, "1"), ("end", None)):
        if kind is not None:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        elif text == code:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = f" {code} "
        else:
            element = OxmlElement("w:t")
            element.text = text
        run._r.append(element)


def _title_page(doc, report: Report) -> None:
    """The title at the head of the first page (a board paper has no page to spare for a cover)."""
    kicker = doc.add_paragraph()
    run = kicker.add_run(report.kind)
    run.bold, run.font.color.rgb = True, BLUE
    doc.add_heading(report.title, level=0)
    subtitle = doc.add_paragraph(report.subtitle)
    subtitle.runs[0].font.size, subtitle.runs[0].font.color.rgb = Pt(12), GREY
    table = doc.add_table(rows=0, cols=2)
    for label, value in report.title_lines:
        cells = table.add_row().cells
        cells[0].text = label
        cells[1].paragraphs[0].add_run(value).bold = True
        for cell in cells:
            for run in cell.paragraphs[0].runs:
                run.font.size = Pt(8.5)
    doc.add_paragraph()


def _add_block(doc, block) -> None:
    if isinstance(block, Heading):
        paragraph = doc.add_heading("", level=min(block.level, 3))
        _runs(paragraph, block.text)
        if block.anchor:
            _bookmark(paragraph, bookmark_name(block.anchor))
    elif isinstance(block, Paragraph):
        _paragraph(doc, block)
    elif isinstance(block, Bullets):
        for item in block.items:
            _runs(doc.add_paragraph(style="List Bullet"), item)
    elif isinstance(block, Table):
        _table(doc, block)
    elif isinstance(block, Figure):
        _figure(doc, block)
    elif isinstance(block, Quote):
        title = doc.add_paragraph()
        title.add_run(block.title).bold = True
        title.paragraph_format.keep_with_next = True
        for line in block.text.splitlines():
            if line.strip():
                doc.add_paragraph(line.strip(), style="Quote")
        if block.teller:
            _small(doc.add_paragraph(), block.teller)
    elif isinstance(block, PageBreak):
        doc.add_page_break()
    else:
        raise TypeError(f"no Word form for {type(block).__name__}")


def _paragraph(doc, block: Paragraph) -> None:
    paragraph = doc.add_paragraph()
    _runs(paragraph, block.text)
    for run in paragraph.runs:
        if block.style == "lead":
            run.font.size = Pt(11)
        elif block.style in ("note", "caption"):
            run.font.size, run.font.color.rgb = Pt(8.5), GREY
        elif block.style == "warning":
            run.bold = True


def _small(paragraph, text: str) -> None:
    run = paragraph.add_run(text)
    run.font.size, run.font.color.rgb = Pt(8.5), GREY


def _runs(paragraph, text: str) -> None:
    for span in spans(text):
        if span.link:
            _hyperlink(paragraph, span.text, bookmark_name(span.link))
            continue
        run = paragraph.add_run(span.text)
        run.bold = span.bold or None
        if span.code:
            run.font.name = "Consolas"


def _hyperlink(paragraph, text: str, bookmark: str) -> None:
    link = OxmlElement("w:hyperlink")
    link.set(qn("w:anchor"), bookmark)
    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), "Hyperlink")
    colour = OxmlElement("w:color")
    colour.set(qn("w:val"), "005EB8")
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    rpr.extend([style, colour, underline])
    words = OxmlElement("w:t")
    words.set(qn("xml:space"), "preserve")
    words.text = text
    run.extend([rpr, words])
    link.append(run)
    paragraph._p.append(link)


_bookmark_ids = iter(range(1, 1_000_000))


def _bookmark(paragraph, name: str) -> None:
    mark = str(next(_bookmark_ids))
    start, end = OxmlElement("w:bookmarkStart"), OxmlElement("w:bookmarkEnd")
    start.set(qn("w:id"), mark)
    start.set(qn("w:name"), name)
    end.set(qn("w:id"), mark)
    paragraph._p.insert(0, start)
    paragraph._p.append(end)


def _table(doc, table: Table) -> None:
    grid = doc.add_table(rows=1, cols=len(table.headers))
    grid.style = doc.styles["Table Grid"]
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    header = grid.rows[0]
    _repeat_header(header)
    for k, text in enumerate(table.headers):
        _cell(header.cells[k], text, bold=True, right=k in table.numeric)
        _shade(header.cells[k], "E8EDEE")
    for row in table.rows:
        cells = grid.add_row().cells
        for k, text in enumerate(row):
            _cell(cells[k], text, right=k in table.numeric)
    if table.widths:
        total = sum(table.widths)
        for k, share in enumerate(table.widths):
            for cell in grid.columns[k].cells:
                cell.width = Cm(TEXT_WIDTH_CM * share / total)
    if table.caption:
        _small(doc.add_paragraph(), "")
        _runs(doc.paragraphs[-1], table.caption)
        for run in doc.paragraphs[-1].runs:
            run.font.size, run.font.color.rgb = Pt(8.5), GREY
    else:
        doc.add_paragraph()


def _cell(cell, text: str, bold: bool = False, right: bool = False) -> None:
    paragraph = cell.paragraphs[0]
    _runs(paragraph, text)
    for run in paragraph.runs:
        run.font.size = Pt(8.5)
        if bold:
            run.bold = True
    if right:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _repeat_header(row) -> None:
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _shade(cell, colour: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), colour)
    cell._tc.get_or_add_tcPr().append(shading)


def _figure(doc, figure: Figure) -> None:
    doc.add_picture(io.BytesIO(figure.png), width=Cm(TEXT_WIDTH_CM))
    shape = doc.inline_shapes[-1]
    properties = shape._inline.docPr
    properties.set("descr", figure.alt)
    properties.set("title", figure.name)
    if figure.caption:
        _small(doc.add_paragraph(), figure.caption)
