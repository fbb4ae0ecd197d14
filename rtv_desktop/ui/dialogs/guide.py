"""Help > User guide and Help > How the figures are calculated: the shipped guides, offline.

The text is ``docs/user-guide.md`` and ``docs/method.md`` (with the generated table of every
shipped default), rendered by Qt. Links inside the guides move between sections and guides;
links to the web are never opened (the app starts no network activity).
"""

from __future__ import annotations

from PySide6.QtCore import QSize, QUrl
from PySide6.QtGui import QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

from ...io.guides import GUIDES, METHOD, USER_GUIDE, guide_markdown, slug
from ..screen import fit_to_screen, keep_on_screen

GUIDE_SIZE = QSize(820, 680)  # on a screen with room for it; less on a small one
WEB_LINK_NOTE = "Links to the web are not opened from RtV Desktop. The address is: {url}"


def guide_document(name: str) -> QTextDocument:
    """A guide as a Qt text document whose headings carry their anchors (see :func:`slug`)."""
    doc = QTextDocument()
    doc.setMarkdown(guide_markdown(name), QTextDocument.MarkdownFeature.MarkdownDialectGitHub)
    block = doc.begin()
    while block.isValid():
        if block.blockFormat().headingLevel() > 0:
            cursor = QTextCursor(block)
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
            fmt = QTextCharFormat()
            fmt.setAnchor(True)
            fmt.setAnchorNames([slug(block.text())])
            cursor.mergeCharFormat(fmt)
        block = block.next()
    return doc


class GuideDialog(QDialog):
    """One window for both guides; :meth:`show_section` opens a guide at a heading."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("dialog.guide")
        self._fitted = True
        self.guide = ""
        self.browser = QTextBrowser()
        self.browser.setObjectName("guide.text")
        self.browser.setOpenLinks(False)
        self.browser.setOpenExternalLinks(False)
        self.browser.anchorClicked.connect(self.follow)
        self.note = QLabel()
        self.note.setObjectName("guide.note")
        self.note.setWordWrap(True)
        self.note.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        fit_to_screen(self, GUIDE_SIZE)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self._fitted:  # its title bar is known now: keep that on the screen too
            self._fitted = False
            keep_on_screen(self)

    def show_section(self, guide: str = USER_GUIDE, anchor: str = "") -> None:
        if guide != self.guide:
            self.guide = guide
            self.browser.setDocument(guide_document(guide))
            self.browser.document().setParent(self.browser)
            self.setWindowTitle(f"{GUIDES[guide]} - RtV Desktop")
        self.note.hide()
        if anchor:
            self.browser.scrollToAnchor(anchor)
        else:
            self.browser.verticalScrollBar().setValue(0)

    def follow(self, url: QUrl) -> None:
        """A link in the guide: another section or the other guide; a web address is only shown."""
        target = url.toString()
        if url.scheme() in ("http", "https", "mailto", "ftp"):
            self.note.setText(WEB_LINK_NOTE.format(url=target))
            self.note.show()
            return
        path, _, anchor = target.partition("#")
        name = path.rsplit("/", 1)[-1].removesuffix(".md") or self.guide
        self.show_section(name if name in GUIDES else self.guide, anchor)


__all__ = ["GuideDialog", "METHOD", "USER_GUIDE", "guide_document"]
