"""``rtv-desktop report IN OUT.pdf|OUT.docx [--iterations N] [--seed S] [--no-simulation] [--annex]``.

The board paper (at most six pages); ``--annex`` appends the technical annex.

Bad input exits 2 with one line on stderr (an output name that is not .pdf or .docx, a
folder that does not exist, a document that cannot be read or valued) before anything is
computed where it can; the report is written atomically, so a failure leaves no file.
"""

from __future__ import annotations

import sys
from pathlib import Path

from ..cli import EXIT_BAD_INPUT, EXIT_OK
from ..core import InvalidScenario, describe_field
from ..io import InputFileError, load_document
from ..messages import not_found
from .build import build_report, report_format, write_report


def cmd_report(args) -> int:
    problem = output_problem(args.output)
    if problem is None and not Path(args.input).is_file():
        problem = not_found(Path(args.input)) if not Path(args.input).exists() else \
            f"'{args.input}' is not a file: choose a scenario file (.json) or an RtV workbook (.xlsx)."
    if problem is not None:
        return _bad(problem)
    try:
        document = load_document(args.input)
    except InputFileError as exc:
        details = "; ".join(str(p) for p in exc.problems)
        return _bad(f"{exc.summary}: {details}" if details else exc.summary)
    try:
        report = build_report(document, Path(args.input).name, simulation=not args.no_simulation,
                              iterations=args.iterations, seed=args.seed, annex=getattr(args, "annex", False))
    except InvalidScenario as exc:
        issues = [f"{i.subject or describe_field(i.field, document)}: {i.message}" for i in exc.issues]
        return _bad(f"'{args.input}' cannot be valued ({len(issues)} problem(s)): " + "; ".join(issues))
    written = write_report(report, args.output)
    print(f"Wrote {written}")
    return EXIT_OK


def output_problem(output) -> str | None:
    """Why the report cannot be written to ``output``, or None."""
    path = Path(output)
    try:
        report_format(path)
    except ValueError as exc:
        return f"{exc}."
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        return f"Cannot write '{path}': the folder '{folder}' does not exist. Choose another folder."
    if path.is_dir():
        return f"Cannot write '{path}': it is a folder. Give a file name ending in .pdf or .docx."
    return None


def _bad(message: str) -> int:
    print(f"rtv-desktop: {' '.join(message.split())}", file=sys.stderr)
    return EXIT_BAD_INPUT
