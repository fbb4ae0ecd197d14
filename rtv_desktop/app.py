"""The composition root: command-line dispatch, logging, crash reporting, the window.

``rtv-desktop`` with no arguments opens the window on the embedded default scenario;
``rtv-desktop FILE`` opens a scenario or workbook; a command (``run``, ``template``,
``check``, ``areas``) or an option goes to :mod:`rtv_desktop.cli`; ``report`` draws the
board report offscreen (:mod:`rtv_desktop.report`); ``--self-test`` opens the window
offscreen, computes the default scenario on the worker, saves it to a temporary folder
and prints timings as JSON.
"""

from __future__ import annotations

import json
import logging
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

from . import __version__, cli, messages, paths
from .logs import configure_logging

_IMPORTED_AT = time.perf_counter()  # close to process start: ``python -m rtv_desktop`` imports us first
log = logging.getLogger("rtv_desktop")
SELF_TEST_TIMEOUT_MS = 60_000


def install_crash_handler() -> None:
    """Unexpected errors are logged and shown in a dialog naming the log file, never a silent exit."""

    def report(exc_type, exc, tb) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        log.critical("unexpected error", exc_info=(exc_type, exc, tb))
        from PySide6.QtWidgets import QApplication, QMessageBox  # noqa: PLC0415

        if QApplication.instance() is not None:
            QMessageBox.critical(None, "RtV Desktop", messages.unexpected_error(str(paths.log_file())))
        else:
            print(messages.unexpected_error(str(paths.log_file())), file=sys.stderr)

    sys.excepthook = report
    threading.excepthook = lambda args: report(args.exc_type, args.exc_value, args.exc_traceback)


def application():
    """The ``QApplication`` (created once, with the UK number format and the NHS style)."""
    from PySide6.QtCore import QLocale  # noqa: PLC0415
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    app = QApplication.instance()
    if app is None:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
        app = QApplication(sys.argv[:1])
        app.setApplicationName("RtV Desktop")
        app.setApplicationVersion(__version__)
        app.setOrganizationName("RtV Desktop")
    return app


def preferences():
    """Window state and recent files (never scenarios), in the user's data folder."""
    from PySide6.QtCore import QSettings  # noqa: PLC0415

    return QSettings(str(paths.user_data_dir() / "preferences.ini"), QSettings.Format.IniFormat)


def create_window(scenario=None, settings=None):
    """Build the wired main window on ``scenario``, a document or a scenario (then a document of
    one option); default: the embedded example.

    A ``QApplication`` must exist. The event loop is not entered and the window is not
    shown. ``settings`` (a ``QSettings``) defaults to the user's preferences file.
    """
    from PySide6.QtCore import QLocale  # noqa: PLC0415
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    from .core import as_document  # noqa: PLC0415
    from .report import window as report_window  # noqa: PLC0415
    from .runner import ComputeRunner  # noqa: PLC0415
    from .session import Session  # noqa: PLC0415
    from .ui.main_window import MainWindow  # noqa: PLC0415
    from .ui.style import apply_style  # noqa: PLC0415

    app = QApplication.instance()
    if app is None:
        raise RuntimeError("create_window needs a QApplication: call rtv_desktop.app.application() first")
    if not app.property("rtv_styled"):
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
        apply_style(app)
        app.setProperty("rtv_styled", True)
    session, runner = Session(as_document(scenario) if scenario is not None else None), ComputeRunner()
    window = MainWindow(session, runner, settings if settings is not None else preferences())
    session.setParent(window)
    runner.setParent(window)
    report_window.attach(window)
    return window


def run_window(path: str | None = None) -> int:
    """Open the window (optionally on a file) and run the event loop.

    Work autosaved by a run that crashed is offered first; a clean exit removes this run's
    autosaves.
    """
    from .io import autosave  # noqa: PLC0415
    from .ui.controllers.autosave import recover_documents  # noqa: PLC0415

    configure_logging()
    install_crash_handler()
    app = application()
    autosave.mark_session_started()
    window = create_window()
    restored = recover_documents(window.session, lambda text: _ask_restore(window, text))
    if path and not restored:
        window.documents.open_path(path, confirm=False)
    window.show()
    log.info("RtV Desktop %s started", __version__)
    code = app.exec()
    autosave.mark_clean_exit()
    return code


def _ask_restore(parent, text: str) -> bool:
    from PySide6.QtWidgets import QMessageBox  # noqa: PLC0415

    buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Discard
    answer = QMessageBox.question(parent, "Restore unsaved work?", text, buttons, QMessageBox.StandardButton.Yes)
    return answer == QMessageBox.StandardButton.Yes


def self_test() -> int:
    """Open the window offscreen, compute on the worker, save a file; print timings as JSON."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    configure_logging()
    from PySide6.QtCore import QEventLoop, QSettings, QTimer  # noqa: PLC0415

    app = application()
    started = time.perf_counter()
    folder = Path(tempfile.mkdtemp(prefix="rtv-self-test-"))
    # A throwaway preferences file: the offscreen window must not change the user's layout.
    window = create_window(settings=QSettings(str(folder / "preferences.ini"), QSettings.Format.IniFormat))
    window.documents.ask_save_changes = lambda: "discard"
    window.show()
    loop = QEventLoop()
    window.compute.firstResults.connect(loop.quit)
    QTimer.singleShot(SELF_TEST_TIMEOUT_MS, loop.quit)
    if window.session.results is None:
        loop.exec()
    results = window.session.results
    first_results = time.perf_counter()
    charts = _until_charts_drawn(window, app) if results is not None else first_results
    report = {"ok": results is not None, "version": __version__,
              "seconds_to_first_results_since_start": round(first_results - _IMPORTED_AT, 3),
              "seconds_to_first_results_since_window": round(first_results - started, 3),
              "seconds_to_charts_since_start": round(charts - _IMPORTED_AT, 3)}
    if results is not None:
        report.update(_self_test_save(window, folder))
    window.close()
    app.processEvents()
    print(json.dumps(report, indent=2))
    return cli.EXIT_OK if report["ok"] else cli.EXIT_FAILURE


def _until_charts_drawn(window, app) -> float:
    """When the open tab's charts exist: they are made just after the first figures."""
    tab = window.results_page.tabs.currentWidget()
    deadline = time.perf_counter() + SELF_TEST_TIMEOUT_MS / 1000
    while tab.content is None and time.perf_counter() < deadline:
        app.processEvents()
    return time.perf_counter()


def _self_test_save(window, folder: Path) -> dict:
    from .io import save_document  # noqa: PLC0415

    target = folder / "self-test.xlsx"
    session = window.session
    try:
        save_document(session.document, target, results=session.comparison)
    except Exception as exc:  # noqa: BLE001 - the self-test reports every failure
        log.exception("self-test save failed")
        return {"ok": False, "error": f"could not save {target}: {exc}"}
    return {"file": str(target), "file_bytes": target.stat().st_size,
            "npv_fiscal": session.results.summary["npv_fiscal"]}


def report_command(argv) -> int:
    """``rtv-desktop report ...``: charts are drawn by Qt offscreen, and no window opens."""
    if sys.platform != "win32":  # Windows draws with its own fonts through its own platform, unshown
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    if not {"-h", "--help"} & set(argv[1:]):
        application()  # the charts need a QApplication; --help needs none
    from .report.command import cmd_report  # noqa: PLC0415

    return cli.main(argv, {"report": cmd_report})


def main(argv=None) -> None:
    """Entry point of ``rtv-desktop``."""
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv and argv[0] == "--self-test":
        sys.exit(self_test())
    if argv and argv[0] == "report":
        sys.exit(report_command(argv))
    if argv and (argv[0] in cli.COMMANDS or argv[0].startswith("-")):
        sys.exit(cli.main(argv))
    problem = cli.window_argument_problem(argv)
    if problem is not None:  # an unknown command or a missing file: answer, never open a window
        print(f"rtv-desktop: {problem}", file=sys.stderr)
        sys.exit(cli.EXIT_BAD_INPUT)
    sys.exit(run_window(argv[0] if argv else None))
