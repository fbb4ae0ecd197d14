"""The main window: results and input pages as tabs under an always-visible headline strip.

It composes and wires only: each page edits the session, the compute controller keeps
results in step, the document actions handle files. Object names: ``pages`` (the tab
widget of input pages), ``page.comparison``, ``page.area``, ``page.interventions``, ``page.assumptions``,
``page.areas`` (all areas), ``page.monitoring`` (forecast against actual after go-live),
``issues.list``, ``results.page``, ``headline.strip`` (labels ``headline.<summary key>``);
actions ``action.<verb>`` (``new``, ``open``, ``save``, ``save_as``, ``export``, ``undo``,
``redo``, ``rebase``, ``simulate``, ``cancel``, ``stories``, ``document_properties``, ``user_guide``,
``method``, ``about``, ``quit``; the Options menu holds ``add_option``, ``duplicate_option``, ``rename_option``,
``delete_option``, ``option_up``, ``option_down``; File > Monitoring holds ``new_monitoring_workbook`` and
``import_actuals``); the report adds ``action.report`` to
:attr:`MainWindow.file_menu` (see :mod:`rtv_desktop.report.window`).
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QTabWidget, QVBoxLayout, QWidget

from ..core import describe_field
from ..core.text import document_title
from ..runner import ComputeRunner
from ..session import Session
from .dialogs.about import AboutDialog
from .dialogs.document_properties import DocumentPropertiesDialog
from .pages.area import AreaPage
from .pages.areas import AllAreasPage
from .controllers.autosave import AutosaveController
from .pages.assumptions import AssumptionsPage
from .pages.comparison import ComparisonPage
from .controllers.compute import ComputeController
from .controllers.document_actions import DocumentActions
from .dialogs.guide import METHOD, USER_GUIDE, GuideDialog
from .controllers.help_links import HelpLinks
from .widgets.headline_strip import HeadlineStrip
from .pages.interventions import InterventionsPage
from .controllers.monitoring import MonitoringActions
from .controllers.reforecast_simulation import ReforecastSimulation
from .pages.monitoring import MonitoringPage
from .widgets.issues import IssuesList
from .pages.results import ResultsPage
from .dialogs.stories import StoriesDialog
from .screen import fit_to_screen, keep_on_screen

APP_TITLE = "RtV Desktop"
FIRST_SIZE = QSize(1280, 800)  # the first window on a large screen; smaller screens get less


class MainWindow(QMainWindow):
    """Composes the pages, results, menus and status bar around one session and runner."""

    def __init__(self, session: Session, runner: ComputeRunner, settings: QSettings, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("main_window")
        self.session, self.runner, self.settings = session, runner, settings
        self.area_page = AreaPage(session)
        self.interventions_page = InterventionsPage(session)
        self.assumptions_page = AssumptionsPage(session)
        self.results_page = ResultsPage()
        self.comparison_page = ComparisonPage(session)
        self.areas_page = AllAreasPage(session, runner)
        self.issues_list = IssuesList()
        self.headline = HeadlineStrip(session)
        self.documents = DocumentActions(session, settings, self)
        self.monitoring = MonitoringActions(session, self.documents, self)
        self.reforecast_simulation = ReforecastSimulation(self)
        self.monitoring_page = MonitoringPage(session, self.monitoring, self.reforecast_simulation)
        self.setCentralWidget(self._central())
        self.areas_page.export_folder = self.documents.export_folder
        self.areas_page.remember_export_folder = self.documents.remember_export_folder
        self.compute = ComputeController(session, runner, self.results_page, self.statusBar(), self)
        self.autosave = AutosaveController(session, self)
        self.about_dialog: AboutDialog | None = None
        self.guide_dialog: GuideDialog | None = None
        self.stories_dialog: StoriesDialog | None = None
        self.properties_dialog: DocumentPropertiesDialog | None = None
        self.help_links = HelpLinks(self, self.show_guide)
        self._build_menus()
        self._connect()
        self._restore_state()
        self._update_title()
        self._show_issues(session.issues)
        self.compute.start()

    def _central(self) -> QWidget:
        # The charts need the window's full width, so results are the first tab rather than
        # a side panel; the headline strip keeps the key figures in view on every tab.
        self.pages = QTabWidget()
        self.pages.setObjectName("pages")
        self.pages.addTab(self.results_page, "Res&ults")
        self.pages.addTab(self.comparison_page, "Compar&ison")
        self.pages.addTab(self.area_page, "&1 Area && population")
        self.pages.addTab(self.interventions_page, "&2 Intervention mix")
        self.pages.addTab(self.assumptions_page, "&3 Assumptions")
        self.pages.addTab(self.areas_page, "All area&s")  # R is the Run menu's
        self.pages.addTab(self.monitoring_page, "&Monitoring")
        for index in range(self.pages.count()):  # a page that scrolls takes focus: say which page it is
            self.pages.widget(index).setAccessibleName(self.pages.tabText(index).replace("&&", "and").replace("&", ""))
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(6)
        layout.addWidget(self.headline)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.issues_list)
        return central

    def _build_menus(self) -> None:
        docs, compute = self.documents, self.compute
        self.undo_action = self._action("undo", "&Undo", QKeySequence.StandardKey.Undo, self.session.undo)
        self.redo_action = self._action("redo", "&Redo", QKeySequence.StandardKey.Redo, self.session.redo)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        self.about_action = self._action("about", "&About RtV Desktop", None, self.show_about)
        self.stories_action = self._action("stories", "Case &stories...", None, self.show_stories)
        self.properties_action = self._action("document_properties", "Document &properties...", None,
                                              self.show_document_properties)
        self.guide_action = self._action("user_guide", "&User guide", QKeySequence.StandardKey.HelpContents,
                                         self.help_links.open_here)
        self.method_action = self._action("method", "&How the figures are calculated", None,
                                          lambda: self.show_guide(METHOD))
        self.quit_action = self._action("quit", "E&xit", QKeySequence.StandardKey.Quit, self.close)
        file_menu = self.file_menu = self.menuBar().addMenu("&File")
        file_menu.addActions([docs.new, docs.open])
        file_menu.addMenu(docs.recent_menu)
        file_menu.addSeparator()
        file_menu.addActions([docs.save, docs.save_as, docs.export])
        file_menu.addSeparator()
        monitoring_menu = file_menu.addMenu("&Monitoring")
        monitoring_menu.setObjectName("menu.monitoring")
        monitoring_menu.addActions([self.monitoring.new_workbook, self.monitoring.import_actuals])
        file_menu.addSeparator()
        file_menu.addAction(self.properties_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = self.menuBar().addMenu("&Edit")
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        edit_menu.addAction(self.stories_action)
        edit_menu.addAction(self.assumptions_page.rebase_action)
        options_menu = self.menuBar().addMenu("&Options")
        options_menu.addActions(list(self.interventions_page.options.actions_by_name.values()))
        run_menu = self.menuBar().addMenu("&Run")
        run_menu.addActions([compute.simulate, compute.cancel])
        help_menu = self.menuBar().addMenu("&Help")
        help_menu.addActions([self.guide_action, self.method_action])
        help_menu.addSeparator()
        help_menu.addAction(self.about_action)
        self.headline.add_action_button(compute.simulate, "headline.simulate")

    def _action(self, name, text, shortcut, slot) -> QAction:
        action = QAction(text, self)
        action.setObjectName(f"action.{name}")
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _connect(self) -> None:
        self.session.issuesChanged.connect(self._show_issues)
        self.session.dirtyChanged.connect(lambda _: self._update_title())
        self.session.pathChanged.connect(lambda _: self._update_title())
        self.session.documentChanged.connect(lambda _: self._update_title())
        self.session.historyChanged.connect(self._update_history_actions)
        self.documents.message.connect(lambda text: self.statusBar().showMessage(text, 5000))
        self.interventions_page.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.compute.message.connect(lambda text, ms: self.statusBar().showMessage(text, ms))
        self.autosave.message.connect(lambda text: self.statusBar().showMessage(text, 10_000))
        self.areas_page.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.monitoring.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.monitoring_page.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.issues_list.fieldRequested.connect(self.focus_field)
        self._update_history_actions()

    # -- views of the session -----------------------------------------------------------------
    def _update_title(self) -> None:
        """File (or "Untitled", saying which workbook it was read from), then the document's title."""
        session = self.session
        if session.path is not None:
            name = session.path.name
        elif session.origin is not None:
            name = f"Untitled, read from {session.origin.name}"
        else:
            name = "Untitled"
        self.setWindowTitle(f"{name}[*] - {document_title(session.document)} - {APP_TITLE}")
        self.setWindowModified(session.dirty)

    def _update_history_actions(self) -> None:
        history = self.session.history
        self.undo_action.setEnabled(history.can_undo())
        self.redo_action.setEnabled(history.can_redo())
        self.undo_action.setText(f"&Undo {_lower_first(history.undo_label())}".strip())
        self.redo_action.setText(f"&Redo {_lower_first(history.redo_label())}".strip())

    def _show_issues(self, issues) -> None:
        self.issues_list.show_issues(issues, self.describe_field)

    def describe_field(self, field: str) -> str:
        """A person's name for a document path, e.g. 'Peer support: Reach per year (low)'."""
        return describe_field(field, self.session.document, self.session.option)

    def focus_field(self, field: str) -> None:
        """Show the page and widget that edit ``field`` (another option's: that option, opened)."""
        if self.interventions_page.focus_field(field):
            self.pages.setCurrentWidget(self.interventions_page)
            return
        for page in (self.area_page, self.interventions_page, self.assumptions_page):
            name = page.name_for_field(field)
            widget = page.findChild(QWidget, name) if name else None
            if widget is not None:
                self.pages.setCurrentWidget(page)
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
                return
        if field.startswith(("services", "baseline_use", "settings")):
            self.pages.setCurrentWidget(self.assumptions_page)

    def show_guide(self, guide: str = USER_GUIDE, anchor: str = "") -> GuideDialog:
        """Help: a guide, opened at a section (``anchor``) when given."""
        if self.guide_dialog is None:
            self.guide_dialog = GuideDialog(self)
        self.guide_dialog.show_section(guide, anchor)
        self.guide_dialog.show()
        self.guide_dialog.raise_()
        return self.guide_dialog

    def show_stories(self) -> StoriesDialog:
        if self.stories_dialog is None:
            self.stories_dialog = StoriesDialog(self.session, self)
        self.stories_dialog.show()
        self.stories_dialog.raise_()
        return self.stories_dialog

    def show_document_properties(self) -> DocumentPropertiesDialog:
        """File > Document properties (modal; its fields are read from the document when it opens)."""
        self.properties_dialog = DocumentPropertiesDialog(self.session, self)
        self.properties_dialog.open()
        return self.properties_dialog

    def show_about(self) -> None:
        self.about_dialog = AboutDialog(self)
        self.about_dialog.open()

    # -- window state ----------------------------------------------------------------------------------
    def _restore_state(self) -> None:
        geometry = self.settings.value("window/geometry")
        self._fitted = not (isinstance(geometry, QByteArray) and not geometry.isEmpty())
        if self._fitted:  # a first window: as large as suits the screen, all of it on the screen
            fit_to_screen(self, FIRST_SIZE)
        else:
            self.restoreGeometry(geometry)
        self.pages.setCurrentIndex(int(self.settings.value("window/page", 0) or 0))

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self._fitted:  # its title bar is known now: keep that on the screen too
            self._fitted = False
            keep_on_screen(self)

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if not self.documents.confirm_discard():
            event.ignore()
            return
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/page", self.pages.currentIndex())
        self.settings.sync()
        self.runner.shutdown()
        self.reforecast_simulation.shutdown()
        event.accept()


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]
