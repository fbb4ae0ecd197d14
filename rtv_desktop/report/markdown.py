"""The Markdown of the shipped guides as report blocks (the methods appendix).

Only what the guides use: headings, paragraphs, bullet lists, tables, ``**bold**``,
``*italics*`` (kept as plain words), ``code`` and links (their words).
"""

from __future__ import annotations

import re

from ..io.guides import slug
from .model import Block, Bullets, Heading, Paragraph, Table

_LINK = re.compile(r"\[([^\]]+)\]\(([^)]+)\)")
_ITALIC = re.compile(r"(?<![*\w])\*(?!\*)([^*\n]+?)\*(?![*\w])")


def inline(text: str) -> str:
    """Guide Markdown as report text: links keep their words, italics their letters."""
    return _ITALIC.sub(r"\1", _LINK.sub(r"\1", text)).replace("\\|", "|")


def blocks_from_markdown(markdown: str, top_level: int = 2, anchor_prefix: str = "") -> list[Block]:
    """Report blocks of ``markdown``; its ``#`` headings become level ``top_level``."""
    out: list[Block] = []
    lines = markdown.splitlines()
    k = 0
    while k < len(lines):
        line = lines[k]
        if not line.strip() or line.startswith("```"):
            k += 1
            continue
        heading = re.match(r"^(#{1,6})\s+(.*?)\s*$", line)
        if heading:
            level = min(6, len(heading.group(1)) - 1 + top_level)
            out.append(Heading(inline(heading.group(2)), level, anchor_prefix + slug(heading.group(2))))
            k += 1
        elif line.lstrip().startswith("|"):
            k = _table(lines, k, out)
        elif re.match(r"^\s*[-*]\s+", line):
            k = _bullets(lines, k, out)
        else:
            k = _paragraph(lines, k, out)
    return out


def _is_break(line: str) -> bool:
    return (not line.strip() or line.startswith(("#", "```")) or line.lstrip().startswith("|")
            or bool(re.match(r"^\s*[-*]\s+", line)))


def _paragraph(lines: list[str], k: int, out: list[Block]) -> int:
    words = []
    while k < len(lines) and not (_is_break(lines[k]) and words):
        words.append(lines[k].strip())
        k += 1
    out.append(Paragraph(inline(" ".join(words))))
    return k


def _bullets(lines: list[str], k: int, out: list[Block]) -> int:
    items: list[str] = []
    while k < len(lines):
        line = lines[k]
        start = re.match(r"^\s*[-*]\s+(.*)$", line)
        if start:
            items.append(start.group(1).strip())
        elif line.startswith("  ") and line.strip() and items:
            items[-1] += " " + line.strip()
        else:
            break
        k += 1
    out.append(Bullets(tuple(inline(item) for item in items)))
    return k


def _cells(line: str) -> list[str]:
    line = line.strip().strip("|")
    return [inline(cell.strip()) for cell in re.split(r"(?<!\\)\|", line)]


def _table(lines: list[str], k: int, out: list[Block]) -> int:
    rows = []
    while k < len(lines) and lines[k].lstrip().startswith("|"):
        if not re.match(r"^\s*\|?\s*:?-{2,}", lines[k]):
            rows.append(_cells(lines[k]))
        k += 1
    width = len(rows[0])
    body = tuple(tuple((row + [""] * width)[:width]) for row in rows[1:])
    out.append(Table(tuple(rows[0]), body))
    return k
