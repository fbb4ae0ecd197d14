"""The report as a PDF for print: A4, the title at the head of page 1, page numbers, headings kept
with what follows them.

Drawn through Qt's own text layout (``QTextDocument``) onto a ``QPdfWriter``: no browser
engine. The document is laid out in CSS pixels (96 an inch) on pages the size of the A4
text area, then each page is painted at the writer's resolution, so text stays vector and
charts keep their full resolution. Qt's writer makes no tagged PDF: the accessible version
of the report is the Word file (:mod:`.word`).
"""

from __future__ import annotations

import html
import math
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (QFont, QFontMetricsF, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextBlockFormat,
                           QTextCursor, QTextDocument)

from .. import __version__
from .model import Bullets, Figure, Heading, PageBreak, Paragraph, Quote, Report, Table, spans

CSS_DPI = 96.0
MM = CSS_DPI / 25.4  # CSS pixels per millimetre
PAGE_MM = (210.0, 297.0)
MARGIN_MM = (20.0, 18.0, 20.0, 20.0)  # left, top, right, bottom (the footer sits in the bottom margin)
BODY_FONT = ("Arial", 10)
# A heading moves to the next page unless this much [px] of what follows fits below it.
KEEP_WITH_NEXT_PX = 110.0
MAX_PASSES = 40  # each pass moves at least one heading; a long report needs a few

STYLE = """
body { color: #212B32; }
h1 { font-size: 17pt; color: #005EB8; font-weight: 600; margin-top: 0px; margin-bottom: 8px; }
h2 { font-size: 13pt; color: #003087; font-weight: 600; margin-top: 14px; margin-bottom: 5px; }
h3 { font-size: 11pt; color: #212B32; font-weight: 600; margin-top: 10px; margin-bottom: 3px; }
p { margin-top: 0px; margin-bottom: 6px; line-height: 125%; }
p.lead { font-size: 11pt; }
p.note { font-size: 8.5pt; color: #425563; }
p.warning { background-color: #FFF4D6; }
p.caption { font-size: 8.5pt; color: #425563; margin-top: 2px; }
td, th { font-size: 8.5pt; padding: 3px; }
th { background-color: #E8EDEE; font-weight: 600; text-align: left; }
td.num, th.num { text-align: right; }
code { font-family: monospace; }
li { margin-bottom: 2px; }
"""


def report_font(points: float) -> QFont:
    """The report's font without ligatures, so copied or extracted text reads "fi", not one glyph."""
    font = QFont(BODY_FONT[0])
    if points:
        font.setPointSizeF(points)
    for tag in ("liga", "clig"):
        font.setFeature(QFont.Tag(tag), 0)
    return font


def page_geometry() -> tuple[QSizeF, QRectF]:
    """Page size and text area [CSS px]."""
    left, top, right, bottom = MARGIN_MM
    page = QSizeF(PAGE_MM[0] * MM, PAGE_MM[1] * MM)
    body = QRectF(left * MM, top * MM, page.width() - (left + right) * MM, page.height() - (top + bottom) * MM)
    return page, body


def report_html(report: Report, text_width: float) -> tuple[str, dict[str, QImage]]:
    """The report as the HTML subset ``QTextDocument`` reads, and the chart images it names."""
    images: dict[str, QImage] = {}
    parts = [_title_block(report)]
    for block in report.blocks:
        parts.append(_block_html(block, text_width, images))
    return "<html><body>" + "\n".join(parts) + "</body></html>", images


def _inline(text: str) -> str:
    out = []
    for span in spans(text):
        # A word joiner keeps "-£14.8m" on one line rather than breaking after the minus sign.
        words = html.escape(span.text).replace("-£", "-\u2060£")
        if span.bold:
            words = f"<b>{words}</b>"
        if span.code:
            words = f"<code>{words}</code>"
        if span.link:  # a link inside the printed page: shown, since paper cannot follow it
            words = f"<i>{words}</i>"
        out.append(words)
    return "".join(out)


def _title_block(report: Report) -> str:
    """The title at the head of the first page: a board paper has no page to spare for a cover."""
    lines = " &nbsp;&nbsp; ".join(f'<span style="color:#425563;">{html.escape(label)}</span> '
                                  f'<b>{html.escape(value)}</b>' for label, value in report.title_lines)
    return (f'<p style="font-size:9pt; color:#005EB8; margin-bottom:2px;"><b>{html.escape(report.kind)}</b></p>'
            f'<p style="font-size:19pt; color:#003087; font-weight:600; margin-bottom:2px;">'
            f'{html.escape(report.title)}</p>'
            f'<p style="font-size:11pt; color:#425563; margin-bottom:6px;">{html.escape(report.subtitle)}</p>'
            f'<p style="font-size:8.5pt; margin-bottom:10px;">{lines}</p>')


def _block_html(block, text_width: float, images: dict[str, QImage]) -> str:
    if isinstance(block, Heading):
        anchor = f' id="{html.escape(block.anchor)}"' if block.anchor else ""
        level = min(block.level, 3)
        return f"<h{level}{anchor}>{_inline(block.text)}</h{level}>"
    if isinstance(block, Paragraph):
        return f'<p class="{block.style}">{_inline(block.text)}</p>'
    if isinstance(block, Bullets):
        return "<ul>" + "".join(f"<li>{_inline(item)}</li>" for item in block.items) + "</ul>"
    if isinstance(block, Table):
        return _table_html(block, text_width)
    if isinstance(block, Figure):
        key = f"chart-{len(images)}-{block.name}"
        images[key] = QImage.fromData(block.png, "PNG")
        height = text_width * block.height_px / block.width_px
        caption = f'<p class="caption">{_inline(block.caption)}</p>' if block.caption else ""
        return (f'<p style="margin-top:6px; margin-bottom:4px;"><img src="{key}" width="{text_width:.0f}" '
                f'height="{height:.0f}" alt="{html.escape(block.alt)}"></p>{caption}')
    if isinstance(block, Quote):
        teller = f'<p class="note" style="margin-bottom:0px;">{html.escape(block.teller)}</p>' if block.teller else ""
        text = "".join(f"<p>{html.escape(line)}</p>" for line in block.text.splitlines() if line.strip())
        return (f'<table width="100%" cellspacing="0" cellpadding="8" style="margin-top:4px; margin-bottom:8px;">'
                f'<tr><td style="background-color:#E8F4FB; border-left: 4px solid #005EB8;">'
                f'<p style="color:#003087;"><b>{html.escape(block.title)}</b></p>{text}{teller}</td></tr></table>')
    if isinstance(block, PageBreak):
        return '<p style="page-break-after: always;"></p>'
    raise TypeError(f"no HTML for {type(block).__name__}")


def _table_html(table: Table, text_width: float) -> str:
    count = len(table.headers)
    shares = table.widths or (1.0,) * count
    total = sum(shares)
    widths = [f'{100 * share / total:.0f}%' for share in shares]

    def cell(tag: str, k: int, text: str) -> str:
        css = ' class="num"' if k in table.numeric else ""
        return f'<{tag}{css} width="{widths[k]}">{_inline(text)}</{tag}>'

    head = "<tr>" + "".join(cell("th", k, h) for k, h in enumerate(table.headers)) + "</tr>"
    body = "".join("<tr>" + "".join(cell("td", k, v) for k, v in enumerate(row)) + "</tr>" for row in table.rows)
    caption = f'<p class="caption">{_inline(table.caption)}</p>' if table.caption else ""
    return (f'<table width="100%" cellspacing="0" cellpadding="3" border="1" '
            f'style="border-collapse: collapse; border-color: #D8DDE0; margin-top:2px; margin-bottom:4px;">'
            f"<thead>{head}</thead><tbody>{body}</tbody></table>{caption}")


def layout_document(report: Report) -> QTextDocument:
    """The report laid out on A4 text areas, headings moved off the foot of pages."""
    _page, body = page_geometry()
    doc = QTextDocument()
    doc.setDefaultFont(report_font(BODY_FONT[1]))
    doc.setDefaultStyleSheet(STYLE)
    doc.setDocumentMargin(0)
    markup, images = report_html(report, body.width())
    for key, image in images.items():
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(key), image)
    doc.setHtml(markup)
    doc.setPageSize(body.size())
    keep_headings_with_next(doc, body.height())
    return doc


def keep_headings_with_next(doc: QTextDocument, page_height: float) -> int:
    """Move every heading that would end a page, and every chart that would straddle two, to the
    top of the next page; returns how many moved.

    The layout is finished before each look: Qt lays out lazily, and positions read from a
    part-done layout after an edit are not the positions it finally draws.
    """
    moved = 0
    for _ in range(MAX_PASSES):
        doc.pageCount()  # finishes the layout (an edit below lays out again from the block edited)
        block = _first_block_to_move(doc, page_height)
        if block is None:
            return moved
        cursor = QTextCursor(block)
        fmt = QTextBlockFormat(block.blockFormat())
        fmt.setPageBreakPolicy(QTextBlockFormat.PageBreakFlag.PageBreak_AlwaysBefore)
        cursor.setBlockFormat(fmt)
        moved += 1
    return moved


def _first_block_to_move(doc: QTextDocument, page_height: float):
    """The first heading whose opening lines (:data:`KEEP_WITH_NEXT_PX` of what follows) run onto
    the next page, or chart cut by a page boundary."""
    layout = doc.documentLayout()
    block = doc.begin()
    while block.isValid():
        fmt = block.blockFormat()
        if not fmt.pageBreakPolicy() & QTextBlockFormat.PageBreakFlag.PageBreak_AlwaysBefore:
            rect = layout.blockBoundingRect(block)
            page = math.floor(rect.top() / page_height)
            at_top = rect.top() - page * page_height < 2
            if not at_top and fmt.headingLevel() > 0 and _group_end_page(layout, block, rect, page_height) > page:
                return block
            if not at_top and _is_picture(block) and math.floor((rect.bottom() - 0.5) / page_height) > page:
                return block
        block = block.next()
    return None


def _is_picture(block) -> bool:
    return block.text() == "\ufffc"  # an image alone in its paragraph


def _group_end_page(layout, heading, rect: QRectF, page_height: float) -> int:
    """The page on which the heading's group ends: it, and what follows up to the next heading or
    :data:`KEEP_WITH_NEXT_PX` below it (a chart or a table's first rows)."""
    end = rect.bottom()
    block = heading.next()
    while block.isValid() and block.blockFormat().headingLevel() == 0:
        end = max(end, layout.blockBoundingRect(block).bottom())
        if end - rect.bottom() >= KEEP_WITH_NEXT_PX:
            break
        block = block.next()
    return math.floor((end - 0.5) / page_height)


def write_pdf(report: Report, path: Path) -> int:
    """Paint the report onto A4 pages at ``path``; returns the number of pages."""
    page, body = page_geometry()
    doc = layout_document(report)
    writer = QPdfWriter(str(path))
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(0, 0, 0, 0)))
    writer.setTitle(report.title)
    author = dict(report.title_lines).get("Author", "").strip("-").strip()
    if author:  # as the Word file's properties carry it
        writer.setAuthor(author)
    writer.setCreator(f"RtV Desktop {__version__}")
    scale = writer.resolution() / CSS_DPI
    pages = max(1, doc.pageCount())
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError("the PDF could not be started")
    try:
        for number in range(pages):
            if number:
                writer.newPage()
            painter.save()
            painter.scale(scale, scale)
            painter.save()
            painter.translate(body.left(), body.top() - number * body.height())
            # A line on the boundary would be drawn (clipped) on both pages and read twice by
            # text extraction: the clip stops just inside the page.
            doc.drawContents(painter, QRectF(0, number * body.height() + 0.5, body.width(), body.height() - 1))
            painter.restore()
            _footer(painter, report, page, body, number + 1, pages)
            painter.restore()
    finally:
        painter.end()
    return pages


def _footer(painter: QPainter, report: Report, page: QSizeF, body: QRectF, number: int, pages: int) -> None:
    font = report_font(0)
    font.setPixelSize(round(8 * CSS_DPI / 72))  # the painter is scaled to CSS pixels
    painter.setFont(font)
    painter.setPen(Qt.GlobalColor.darkGray)
    line = QRectF(body.left(), page.height() - MARGIN_MM[3] * MM + 6 * MM, body.width(), 6 * MM)
    numbering = f"Page {number} of {pages}"
    metrics = QFontMetricsF(font)
    # A long title is cut short with "..." rather than running into the page number.
    room = line.width() - metrics.horizontalAdvance(numbering) - 4 * MM
    footer = metrics.elidedText(report.footer, Qt.TextElideMode.ElideRight, room)
    painter.drawText(line, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, footer)
    painter.drawText(line, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, numbering)
