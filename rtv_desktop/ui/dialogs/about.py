"""Help > About: version, what the tool is for, and the licences of the shipped data."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from ... import __version__
from ...io.areas.bundled import ONS_ATTRIBUTION

TEXT_WIDTH = 560

PSSRU_CITATION = ("Unit Costs of Health and Social Care 2025 Manual. Personal Social Services Research Unit "
                  "(University of Kent) and Centre for Health Economics (University of York).")


def about_html() -> str:
    """The About text (also used by tests to check the attributions are present)."""
    return f"""
<h2 style="color:#005EB8">RtV Desktop {__version__}</h2>
<p>Values person- and community-centred approaches (self-management education, peer support,
health coaching, group activities, time banking, social prescribing) for NHS commissioners:
cashable savings, capacity released, wellbeing (WELLBY) and volunteer time. Works offline;
sends nothing anywhere.</p>
<p>All default figures are illustrative (2024/25 prices): replace them with local evidence.</p>
<h3>Data and licences</h3>
<p><b>Population tables:</b> {ONS_ATTRIBUTION}</p>
<p><b>GP and practice-nurse unit costs:</b> derived from the PSSRU/CHE Unit Costs of Health and
Social Care 2025 manual, licensed under
<a href="https://creativecommons.org/licenses/by-nc-sa/4.0/">CC BY-NC-SA 4.0</a>
(attributed; non-commercial; shared alike). Cite as: {PSSRU_CITATION}</p>
<p><b>Hospital, ambulance and mental-health unit costs:</b> NHS England National Cost Collection
2024/25, Open Government Licence v3.0.</p>
"""


class AboutDialog(QDialog):
    """A plain, non-blocking About box (``open()`` it)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("dialog.about")
        self.setWindowTitle("About RtV Desktop")
        text = QLabel(about_html())
        text.setObjectName("about.text")
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.RichText)
        # Links are shown, never opened: the app must not start network activity.
        text.setOpenExternalLinks(False)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # A word-wrapped label does not tell the dialog its height: reserve it explicitly.
        text.setMinimumHeight(text.heightForWidth(TEXT_WIDTH) + 8)
        text.setMinimumWidth(TEXT_WIDTH)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(buttons)
