"""Headless commands: ``rtv-desktop run | template | check | areas | evidence | monitor`` (``report`` is the
app's).

Exit codes: 0 success, 2 bad input (a clear message on stderr, never a traceback),
1 unexpected failure (logged with its traceback).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from pathlib import Path
from typing import Sequence

from . import __version__, messages
from .core import APPROACH_LABELS, Comparison, InvalidScenario, SimulationResults, compare, entries_for, simulate
from .core.text import evpi_text
from .io import InputFileError, Problem, SaveError, load_document, save_document
from .io.files import JSON_SUFFIXES, OTHER_SPREADSHEET_SUFFIXES, WORKBOOK_SUFFIXES, same_file
from .logs import configure_logging

EXIT_OK, EXIT_FAILURE, EXIT_BAD_INPUT = 0, 1, 2
COMMANDS = ("run", "template", "check", "report", "areas", "evidence", "monitor")
log = logging.getLogger(__name__)


class _Parser(argparse.ArgumentParser):
    """argparse that exits 2 with a one-line message (its default), never a traceback."""

    def error(self, message: str):
        self.print_usage(sys.stderr)
        print(f"rtv-desktop: {message}", file=sys.stderr)
        raise SystemExit(EXIT_BAD_INPUT)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="rtv-desktop", description="Value person- and community-centred approaches (offline).")
    parser.add_argument("--version", action="version", version=f"RtV Desktop {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    p_run = sub.add_parser("run", help="value a scenario (.json or .xlsx) and print the summary as JSON")
    p_run.add_argument("input", help="scenario file (.json) or RtV workbook (.xlsx)")
    p_run.add_argument("--out", help="also write the scenario and its results to this workbook (.xlsx)")
    p_run.add_argument("--iterations", type=_positive_int, help="also run a Monte Carlo simulation of N draws")
    p_run.add_argument("--seed", type=_non_negative_int, help="random seed of the simulation")
    p_template = sub.add_parser("template", help="write the default scenario as an RtV workbook (.xlsx)")
    p_template.add_argument("output", help="workbook to write (.xlsx)")
    p_check = sub.add_parser("check", help="list every problem in a workbook (.xlsx) or scenario (.json)")
    p_check.add_argument("input", help="RtV workbook (.xlsx) or scenario file (.json)")
    p_report = sub.add_parser("report", help="write the board paper of a document (at most 6 pages) as PDF "
                                             "(print) or Word (.docx, the accessible version)")
    p_report.add_argument("input", help="scenario file (.json) or RtV workbook (.xlsx)")
    p_report.add_argument("output", help="report to write: .pdf or .docx")
    p_report.add_argument("--iterations", type=_positive_int,
                          help="draws in the report's simulation (default: the document's setting)")
    p_report.add_argument("--seed", type=_non_negative_int, help="seed of the simulation (default: the document's)")
    p_report.add_argument("--no-simulation", action="store_true", help="leave the simulation out of the report")
    p_report.add_argument("--annex", action="store_true",
                          help="append the technical annex (methods, every assumption of the options, uncertainty "
                               "detail, reproducibility) to the board paper")
    p_areas = sub.add_parser("areas", help="value the document's options for every bundled area")
    areas_sub = p_areas.add_subparsers(dest="areas_command", required=True)
    p_areas_run = areas_sub.add_parser("run", help="every ICB or upper-tier council, then England")
    p_areas_run.add_argument("input", help="scenario file (.json) or RtV workbook (.xlsx)")
    p_areas_run.add_argument("--level", choices=("icb", "utla"), required=True,
                             help="icb: the 42 ICBs; utla: the 153 upper-tier local authorities")
    p_areas_run.add_argument("--out", help="write the table to this .csv (sources in a .txt beside it) or .xlsx; "
                                           "without it the CSV goes to standard output")
    p_areas_run.add_argument("--iterations", type=_positive_int, help="also simulate N draws for every area")
    p_areas_run.add_argument("--seed", type=_non_negative_int, help="random seed of the simulation")
    p_evidence = sub.add_parser("evidence", help="print the evidence library's entries as JSON")
    p_evidence.add_argument("--approach", choices=tuple(a for a in APPROACH_LABELS if a != "custom"),
                            help="only the entries for this approach")
    p_evidence.add_argument("--outcome", help="only the entries for this outcome: service:<id> (e.g. service:nel), "
                                              "wellbeing, qaly, completion, reach, cost_per_starter, cost or "
                                              "wellbeing_scale")
    p_monitor = sub.add_parser(
        "monitor", help="benefits realisation: 'monitor template DOC.json OUT.xlsx [--start 2026/27]' writes the "
                        "monitoring workbook; 'monitor DOC.json ACTUALS.xlsx' prints forecast against actual, the "
                        "observed effects and the re-forecast as JSON")
    p_monitor.add_argument("files", nargs="+", metavar="FILE",
                           help="'template DOC OUT.xlsx', or 'DOC ACTUALS.xlsx' (DOC: scenario .json or RtV workbook)")
    p_monitor.add_argument("--start", help="financial year of the first quarter, e.g. 2026/27 (default: the "
                                           "document's first delivery year)")
    return parser


def _positive_int(text: str) -> int:
    value = _non_negative_int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {text}")
    return value


def _non_negative_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number, not '{text}'") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, not {text}")
    return value


def main(argv: Sequence[str] | None = None, handlers: dict | None = None) -> int:
    """Run one headless command and return its exit code.

    ``handlers`` adds commands whose code lives above this layer: ``report`` draws charts with
    Qt, so :func:`rtv_desktop.app.main` passes its handler in.
    """
    args = build_parser().parse_args(argv)
    handler = {"run": cmd_run, "template": cmd_template, "check": cmd_check, "areas": cmd_areas,
               "evidence": cmd_evidence, "monitor": cmd_monitor,
               "report": _report_needs_the_app, **(handlers or {})}[args.command]
    try:
        return handler(args)
    except (InputFileError, InvalidScenario, SaveError) as exc:
        print(f"rtv-desktop: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        # The reader of our output went away (e.g. `| head`): nothing more to say.
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - keeps Python's exit-time flush quiet
        return EXIT_OK
    except Exception:  # noqa: BLE001 - every unexpected failure is logged, never a bare traceback
        log_path = configure_logging()
        log.exception("unexpected failure in 'rtv-desktop %s'", args.command)
        print(f"rtv-desktop: {messages.unexpected_error(str(log_path))}", file=sys.stderr)
        return EXIT_FAILURE


def cmd_evidence(args) -> int:
    """Print the library's entries (every field of MODEL.md 10e) as a JSON list."""
    found = entries_for(args.approach, args.outcome)
    json.dump([e.to_json() for e in found], sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
    if not found:
        print("rtv-desktop: no entries match", file=sys.stderr)
    return EXIT_OK


def cmd_monitor(args) -> int:
    """``monitor template DOC OUT.xlsx [--start YYYY/YY]`` writes the monitoring workbook;
    ``monitor DOC ACTUALS.xlsx`` prints the forecast against actual, observed effects and the
    re-forecast (``core.monitoring.monitoring_summary``) as JSON."""
    from .core.monitoring import monitoring_summary  # noqa: PLC0415
    from .io.monitoring import read_actuals, write_template  # noqa: PLC0415 (openpyxl is slow to import)

    files = list(args.files)
    if files[0] == "template":
        if len(files) != 3:
            raise InputFileError("monitor", [], "Write the monitoring workbook with "
                                                "'rtv-desktop monitor template DOC.json OUT.xlsx [--start 2026/27]'")
        _require_workbook_suffix(files[2])
        if same_file(Path(files[2]), Path(files[1])):
            raise SaveError(messages.will_not_save_over_read_workbook(Path(files[2])))
        document = load_document(files[1])
        try:
            written = write_template(document, files[2], args.start)
        except ValueError as exc:
            raise InputFileError(files[2], [], f"--start: {exc}") from None
        print(f"Wrote {written}")
        return EXIT_OK
    if len(files) != 2 or args.start:
        raise InputFileError("monitor", [], "Read the actuals with 'rtv-desktop monitor DOC.json ACTUALS.xlsx' "
                                            "(--start belongs to 'monitor template')")
    document = load_document(files[0])
    actuals = read_actuals(document, files[1])
    json.dump(monitoring_summary(document, actuals), sys.stdout, indent=2)
    sys.stdout.write("\n")
    return EXIT_OK


def _report_needs_the_app(args) -> int:
    raise InputFileError(args.input, [], "The report is written by the rtv-desktop program (rtv_desktop.app), "
                                         "which draws its charts: run 'rtv-desktop report IN OUT'")


def window_argument_problem(argv: Sequence[str]) -> str | None:
    """Why ``rtv-desktop ARGS`` (not a command) cannot open the window on a file, or None if it can.

    Only ``rtv-desktop`` alone or ``rtv-desktop FILE`` (an existing scenario or workbook) opens
    the window; anything else answers on stderr without one.
    """
    if not argv:
        return None
    path = Path(argv[0])
    if len(argv) > 1 and path.is_file():
        return f"the window opens one file at a time: 'rtv-desktop {argv[0]}'"
    if len(argv) > 1 or (not path.suffix and not path.exists()):
        return messages.unknown_command(argv[0], COMMANDS)
    if not path.exists():
        return messages.not_found(path)
    if path.is_dir():
        return f"'{path}': {messages.is_a_folder_problem()}"
    suffix = path.suffix.lower()
    if suffix in OTHER_SPREADSHEET_SUFFIXES:
        return messages.other_spreadsheet(path)
    if suffix == ".csv":
        return messages.area_table_opened(path)
    if suffix not in WORKBOOK_SUFFIXES | JSON_SUFFIXES:
        return messages.unknown_file_type(path)
    return None


def run_json(comparison: Comparison, simulation: SimulationResults | None = None) -> dict:
    """What ``run`` prints: the first option's summary at the top (as version 1 printed it), then
    every option with its increments against the comparator and who pays and benefits."""
    first = comparison.options[0]
    out = {
        "summary": first.summary,
        "by_party": first.by_party,
        "options": [{"name": option.name, "summary": r.summary, "increments": inc, "by_party": r.by_party}
                    for option, r, inc in zip(comparison.document.options, comparison.options,
                                              comparison.increments)],
        "comparator": comparison.comparator,
        "preferred": comparison.preferred,
    }
    if simulation is not None:
        out["simulation"] = simulation_json(simulation)
    return out


def simulation_json(sim: SimulationResults) -> dict:
    """The first option's simulation summary at the top, then every option's, and the comparison."""
    return {
        "iterations": sim.iterations,
        "seed": sim.seed,
        "correlation": sim.correlation,
        "distributions": sim.distributions,
        "drawn": list(sim.drawn),
        "fixed": list(sim.fixed),
        **sim.summary,
        "cost_per_qaly": sim.options[0].cost_per_qaly,
        "options": [{"name": option.name, "summary": option.summary, "cost_per_qaly": option.cost_per_qaly}
                    for option in sim.options],
        "prob_best_social": list(sim.prob_best_social),
        "prob_best_fiscal": list(sim.prob_best_fiscal),
        "prob_best_do_nothing": sim.prob_best_do_nothing,
        "evpi_social": sim.evpi_social,
        "evpi_fiscal": sim.evpi_fiscal,
        "evpi_nmb": sim.evpi_nmb,
        "evpi_social_per_person": sim.evpi_social_per_person,
        "evpi_said": evpi_text(sim),
    }


def cmd_run(args) -> int:
    document = load_document(args.input)
    comparison = compare(document)
    simulation = None
    if args.iterations or args.seed is not None:
        simulation = simulate(document, iterations=args.iterations, seed=args.seed)
    if args.out:
        if _is_workbook(args.input) and same_file(Path(args.out), Path(args.input)):
            raise SaveError(messages.will_not_save_over_read_workbook(Path(args.out)))
        save_document(document, args.out, results=comparison, simulation=simulation)
    json.dump(run_json(comparison, simulation), sys.stdout, indent=2)
    sys.stdout.write("\n")
    return EXIT_OK


def _is_workbook(path: str) -> bool:
    return Path(path).suffix.lower() in WORKBOOK_SUFFIXES


def _require_workbook_suffix(path: str) -> None:
    if not _is_workbook(path):
        raise InputFileError(path, [Problem("", "must be an Excel workbook name ending in .xlsx")],
                             f"Cannot write '{path}'")


def cmd_template(args) -> int:
    """Write the default scenario as a workbook to fill in."""
    from .core import Document, default_scenario  # noqa: PLC0415
    from .io.workbook.write import write_workbook  # noqa: PLC0415

    _require_workbook_suffix(args.output)
    write_workbook(Document.from_scenario(default_scenario()), args.output)
    print(f"Wrote {args.output}")
    return EXIT_OK


def cmd_check(args) -> int:
    """Print every problem (sheet and cell) and exit 2, or "No problems found" and exit 0.

    A workbook's own failing checks and formula errors (as the spreadsheet last worked them
    out) are problems too: the file would go into a pack saying so.
    """
    warnings, spreadsheet = [], []
    if _is_workbook(args.input):
        from .io.workbook.read.reader import read_workbook  # noqa: PLC0415

        try:
            imported = read_workbook(args.input)
        except InputFileError as exc:
            print(exc.summary + (":" if exc.problems else ""), file=sys.stderr)
            for problem in exc.problems:
                print(f"  {problem}", file=sys.stderr)
            return EXIT_BAD_INPUT
        spreadsheet = imported.spreadsheet
        warnings = [w for w in imported.warnings if w not in spreadsheet]
    else:
        load_document(args.input)
    for warning in warnings:
        print(f"Warning: {warning}")
    if spreadsheet:
        print(f"The workbook itself reports {len(spreadsheet)} problem(s), as last worked out in the spreadsheet:",
              file=sys.stderr)
        for problem in spreadsheet:
            print(f"  {problem}", file=sys.stderr)
        return EXIT_BAD_INPUT
    print("No problems found" if not warnings else
          f"No problems that stop it opening; {len(warnings)} warning(s) above")
    return EXIT_OK


def cmd_areas(args) -> int:
    """``areas run``: every option for every bundled area at one level, as a CSV or workbook."""
    from .io.areas.run import ATTRIBUTION, csv_text, run_all_areas, write_area_table  # noqa: PLC0415

    document = load_document(args.input)
    table = run_all_areas(document, args.level, args.iterations, args.seed)
    if args.out:
        for path in write_area_table(table, args.out):
            print(f"Wrote {path}")
        return EXIT_OK
    sys.stdout.write(csv_text(table))
    print(ATTRIBUTION.strip(), file=sys.stderr)
    return EXIT_OK
