"""Tooltips that say where the guide explains a figure or setting, and F1 to open it there.

Widgets are found by object name (``kpi.<key>``, ``headline.<key>``, ``settings.<field>``), so
the pages that make them need not know about the guide. The link is added when the tooltip
is shown, to whatever tip the widget has at that moment.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QApplication, QToolTip, QWidget

from ...core.outputs import NPV_CASHABLE, NPV_FISCAL, NPV_SOCIAL, label
from ...io.guides import GUIDES, METHOD, USER_GUIDE, headings, guide_markdown

TOPIC = "help_topic"  # widget property: "guide#anchor"

# Headline figures: the user guide explains each card under a heading of the card's title.
FIGURE_TOPICS = {
    **{key: label(key).lower().replace(" ", "-") for key in (NPV_FISCAL, NPV_SOCIAL, NPV_CASHABLE)},
    "starters": "people-reached-and-completers", "completers": "people-reached-and-completers",
    "bcr_fiscal": "fiscal-return-and-social-return", "bcr_social": "fiscal-return-and-social-return",
    "payback_year": "payback",
}


def topic_for(name: str) -> str | None:
    """``"guide#anchor"`` for a widget's object name, or None."""
    head, _, key = name.partition(".")
    if head in ("kpi", "headline") and key in FIGURE_TOPICS:
        return f"{USER_GUIDE}#{FIGURE_TOPICS[key]}"
    if head == "settings" and key:
        return f"{USER_GUIDE}#settings"
    return None


def section_title(topic: str) -> str:
    guide, _, anchor = topic.partition("#")
    for _level, text, found in headings(guide_markdown(guide)):
        if found == anchor:
            return text
    return GUIDES.get(guide, guide)


def link_text(topic: str) -> str:
    guide, _, _anchor = topic.partition("#")
    menu = "User guide" if guide == USER_GUIDE else GUIDES[METHOD]
    return f"More in Help > {menu}: \u201c{section_title(topic)}\u201d (press F1)"


class HelpLinks(QObject):
    """Adds the guide link to tooltips of known widgets and finds the topic for F1."""

    def __init__(self, root: QWidget, open_topic):
        super().__init__(root)
        self.root, self.open_topic = root, open_topic
        self.attach()

    def attach(self) -> int:
        """Mark every known widget under the root; returns how many were marked."""
        marked = 0
        for widget in self.root.findChildren(QWidget):
            topic = topic_for(widget.objectName())
            if topic and widget.property(TOPIC) != topic:
                widget.setProperty(TOPIC, topic)
                widget.installEventFilter(self)
                marked += 1
        return marked

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.ToolTip and isinstance(watched, QWidget):
            topic = watched.property(TOPIC)
            parent = watched.parentWidget()
            tip = watched.toolTip() or (parent.toolTip() if parent is not None else "")
            text = f"{tip}\n\n{link_text(topic)}" if tip else link_text(topic)
            QToolTip.showText(event.globalPos(), text, watched)
            return True
        return False

    def topic_here(self) -> str | None:
        """The topic of the widget under the mouse, else of the one with focus (walking up to its parents)."""
        for widget in (QApplication.widgetAt(QCursor.pos()), QApplication.focusWidget()):
            while widget is not None:
                topic = widget.property(TOPIC)
                if topic:
                    return topic
                widget = widget.parentWidget()
        return None

    def open_here(self) -> None:
        topic = self.topic_here() or USER_GUIDE
        guide, _, anchor = topic.partition("#")
        self.open_topic(guide, anchor)
