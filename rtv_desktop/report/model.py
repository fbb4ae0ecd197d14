"""The report model: what the report says, as plain blocks that both renderers draw.

The PDF (:mod:`.pdf`) and the Word file (:mod:`.word`) are drawn from one list of blocks, so
they never disagree: every figure is written once, here, as text. Text may hold ``**bold**``
spans and ``[words](#anchor)`` links to a heading's anchor (see :func:`spans`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_SPAN = re.compile(r"\*\*(.+?)\*\*|\[([^\]]+)\]\((#[^)]*)\)|`([^`]+)`")


@dataclass(frozen=True)
class Span:
    """A run of text: plain, bold, code, or a link to the heading whose anchor is ``link``."""

    text: str
    bold: bool = False
    link: str = ""
    code: bool = False


def spans(text: str) -> list[Span]:
    """``text`` cut into runs at ``**bold**``, ``[link](#anchor)`` and ```code```."""
    out, at = [], 0
    for match in _SPAN.finditer(text):
        if match.start() > at:
            out.append(Span(text[at:match.start()]))
        bold, words, anchor, code = match.groups()
        if bold is not None:
            out.append(Span(bold, bold=True))
        elif code is not None:
            out.append(Span(code, code=True))
        else:
            out.append(Span(words, link=anchor[1:]))
        at = match.end()
    if at < len(text):
        out.append(Span(text[at:]))
    return out


def plain(text: str) -> str:
    """``text`` without its markup: what a reader sees."""
    return "".join(span.text for span in spans(text))


@dataclass(frozen=True)
class Heading:
    """A heading; ``level`` 1 starts a part of the report (a new page in print)."""

    text: str
    level: int = 1
    anchor: str = ""


@dataclass(frozen=True)
class Paragraph:
    """A paragraph; ``style`` is ``"body"``, ``"lead"`` (larger), ``"note"`` (small) or ``"warning"``."""

    text: str
    style: str = "body"


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    """A table with a header row; ``numeric`` marks the columns of figures (aligned right)."""

    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    caption: str = ""
    numeric: tuple[int, ...] = ()
    widths: tuple[float, ...] = ()  # relative column widths; empty: equal shares


@dataclass(frozen=True)
class Figure:
    """A chart drawn at print resolution, with the words a screen reader says instead."""

    name: str
    png: bytes = field(repr=False)
    width_px: int
    height_px: int
    alt: str
    caption: str = ""


@dataclass(frozen=True)
class Quote:
    """A person's own story, printed beside the figures it illustrates."""

    title: str
    text: str
    teller: str = ""


@dataclass(frozen=True)
class PageBreak:
    pass


Block = Heading | Paragraph | Bullets | Table | Figure | Quote | PageBreak


@dataclass(frozen=True)
class Report:
    """A whole report: the title page's lines, then the blocks in order."""

    title: str
    subtitle: str
    title_lines: tuple[tuple[str, str], ...]  # (label, value) on the title page
    blocks: tuple[Block, ...]
    footer: str = ""  # printed at the foot of every page with the page number
    kind: str = "Board paper"  # the words above the title

    def headings(self, level: int | None = None) -> list[Heading]:
        return [b for b in self.blocks if isinstance(b, Heading) and (level is None or b.level == level)]

    def figures(self) -> list[Figure]:
        return [b for b in self.blocks if isinstance(b, Figure)]

    def text(self) -> str:
        """Every word of the report in order (for tests and search)."""
        out = [self.kind, self.title, self.subtitle] + [f"{label}: {value}" for label, value in self.title_lines]
        for block in self.blocks:
            if isinstance(block, (Heading, Paragraph)):
                out.append(plain(block.text))
            elif isinstance(block, Bullets):
                out += [plain(item) for item in block.items]
            elif isinstance(block, Table):
                out += [" | ".join(block.headers)] + [" | ".join(map(plain, row)) for row in block.rows]
            elif isinstance(block, Quote):
                out += [block.title, block.text, block.teller]
        return "\n".join(out)
