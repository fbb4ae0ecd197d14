"""Reports of a few documents, built once per module (charts need the test QApplication)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import replace

import pytest

from rtv_desktop.core import Option, Story, default_document


def three_options():
    """Current service (two interventions), social prescribing alone, and the full mix; the first is the comparator."""
    doc = default_document()
    mix = doc.options[0].interventions
    social = tuple(iv for iv in mix if iv.approach == "social_prescribing")
    options = (Option("Current service", mix[:2]), Option("Social prescribing only", social), Option("Full mix", mix))
    return replace(doc, name="Three options", author="A. Commissioner", options=options, comparator=0)


def with_fields(obj, **values):
    """``obj`` with ``values`` set (the decision text, the start year, the inflation rate)."""
    return replace(obj, **values)


DECISION = "The board is asked to approve Full mix for two years from April 2027."


def two_options(name="Community support for Greater Manchester"):
    """The full mix against social prescribing and peer support, with a decision, a start year and inflation."""
    doc = default_document()
    mix = doc.options[0].interventions
    some = tuple(iv for iv in mix if iv.approach in ("social_prescribing", "peer_support"))
    settings = with_fields(doc.settings, start_year="2027/28", inflation_rate=0.02,
                           inflation_source="OBR CPI forecast, March 2026")
    doc = replace(doc, name=name, author="A. Commissioner", settings=settings,
                  options=(Option("Full mix", mix), Option("Social prescribing and peer support", some)))
    return with_fields(doc, decision=DECISION)


def pdf_pages(path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def docx_body(path):
    """(words in the body, explicit page breaks) of a Word file."""
    import docx  # noqa: PLC0415
    from docx.oxml.ns import qn  # noqa: PLC0415

    body = docx.Document(str(path)).element.body
    words = sum(len((node.text or "").split()) for node in body.iter(qn("w:t")))
    breaks = sum(1 for node in body.iter(qn("w:br")) if node.get(qn("w:type")) == "page")
    return words, breaks


def with_stories(doc):
    peer = next(iv for iv in doc.options[0].interventions if iv.approach == "peer_support")
    stories = (Story("Back at the allotment", "I had not left the house for a year.\nNow I run the Tuesday group.",
                     "A member of the peer support group", True, peer.id),
               Story("Not for print", "A story told without consent.", "Someone", False, peer.id),
               Story("What the whole package meant", "We found each other.", "A carer", True, ""))
    return replace(doc, stories=stories)


def normalised(text: str) -> str:
    """Extracted text with every run of white space one space, and word joiners gone."""
    return " ".join(text.replace("\u2060", "").split())


def pdf_text(path) -> str:
    return normalised(subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                                     check=True).stdout)


def pdf_image_count(path) -> int:
    listing = subprocess.run(["pdfimages", "-list", str(path)], capture_output=True, text=True, check=True).stdout
    return sum(1 for line in listing.splitlines()[2:] if re.match(r"\s*\d+\s+\d+\s+image", line))


def docx_text(path) -> str:
    import docx  # noqa: PLC0415

    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return normalised(" ".join(parts))


# Skipped on a machine without poppler-utils, except on Linux CI, which installs it (.ci/run): there
# a missing tool fails the tests instead of hiding them.
needs_poppler = pytest.mark.skipif(
    (shutil.which("pdftotext") is None or shutil.which("pdfimages") is None)
    and not (os.environ.get("CI") and sys.platform == "linux"),
    reason="needs poppler-utils (pdftotext, pdfimages)")
