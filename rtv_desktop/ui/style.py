"""The window's look: NHS identity colours, calm greys, clear focus and error states."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QComboBox, QStyledItemDelegate

NHS_BLUE = "#005EB8"
NHS_DARK_BLUE = "#003087"
NHS_DARK_GREY = "#425563"
NHS_PALE_GREY = "#E8EDEE"
NHS_RED = "#D5281B"
TEXT = "#212B32"
FOCUS_YELLOW = "#FFEB3B"  # the NHS design system's focus colour: yellow with a dark edge

STYLE_SHEET = f"""
QMainWindow, QScrollArea > QWidget > QWidget {{ background: white; }}
QTabWidget#pages::pane {{ border: 1px solid #D8DDE0; border-top: 3px solid {NHS_BLUE}; }}
QTabWidget#pages > QTabBar::tab {{ padding: 6px 14px; color: {NHS_DARK_GREY}; background: {NHS_PALE_GREY};
    border: 1px solid #D8DDE0; border-bottom: none; margin-right: 2px; }}
QTabWidget#pages > QTabBar::tab:selected {{ background: {NHS_BLUE}; color: white; }}
QLabel[role="section"] {{ color: {NHS_DARK_BLUE}; font-weight: 700; font-size: 11pt; padding-top: 8px; }}
QLabel[role="note"] {{ color: {NHS_DARK_GREY}; font-size: 9pt; }}
QLabel[role="problem"] {{ color: {NHS_RED}; font-size: 9pt; font-weight: 600; }}
QLabel[role="figure"] {{ color: {TEXT}; font-weight: 600; }}
QLineEdit, QAbstractSpinBox, QComboBox, QPlainTextEdit {{ border: 1px solid #AEB7BD; border-radius: 3px;
    padding: 2px 5px; background: white; min-height: 20px; }}
QLineEdit:focus, QAbstractSpinBox:focus, QComboBox:focus, QPlainTextEdit:focus {{
    border: 2px solid {NHS_BLUE}; }}
QLineEdit:disabled, QAbstractSpinBox:disabled, QComboBox:disabled {{ background: #F4F6F7; color: #768692; }}
QComboBox QAbstractItemView {{ background: white; color: {TEXT}; border: 1px solid #AEB7BD; outline: 0;
    selection-background-color: {NHS_BLUE}; selection-color: white; }}
QComboBox QAbstractItemView::item {{ min-height: 22px; padding: 0 6px; }}
QComboBox QAbstractItemView::item:selected, QComboBox QAbstractItemView::item:hover {{
    background: {NHS_BLUE}; color: white; }}
*[invalid="error"] {{ border: 2px solid {NHS_RED}; background: #FDF1F0; }}
*[invalid="warning"] {{ border: 2px solid #FFB81C; }}
QPushButton, QToolButton#interventions\\.add, QToolButton#services\\.add {{ padding: 4px 12px;
    border: 1px solid #AEB7BD; border-radius: 3px; background: {NHS_PALE_GREY}; }}
QPushButton:hover, QToolButton:hover {{ background: #D8DDE0; }}
QPushButton:disabled {{ color: #AEB7BD; }}
QPushButton#status\\.cancel {{ padding: 1px 10px; }}
QPushButton:focus, QToolButton:focus {{ background: {FOCUS_YELLOW}; color: {TEXT}; border: 2px solid {TEXT}; }}
QTabBar::tab:focus {{ background: {FOCUS_YELLOW}; color: {TEXT}; border-bottom: 3px solid {TEXT}; }}
QTabWidget#pages > QTabBar::tab:selected:focus {{ background: {FOCUS_YELLOW}; color: {TEXT}; }}
QTableView:focus, QListWidget:focus {{ border: 2px solid {NHS_BLUE}; }}
QTableView {{ gridline-color: #D8DDE0; selection-background-color: {NHS_BLUE}; selection-color: white; }}
QHeaderView::section {{ background: {NHS_PALE_GREY}; color: {NHS_DARK_GREY}; padding: 4px;
    border: none; border-right: 1px solid #D8DDE0; font-weight: 600; }}
QListWidget#issues\\.list {{ border: 1px solid {NHS_RED}; background: #FDF1F0; }}
QProgressBar {{ border: 1px solid #AEB7BD; border-radius: 3px; text-align: center; max-height: 16px; }}
QProgressBar::chunk {{ background: {NHS_BLUE}; }}
QToolBar {{ background: white; border-bottom: 1px solid #D8DDE0; spacing: 6px; }}
QToolBar QToolButton {{ padding: 4px 10px; color: {NHS_DARK_BLUE}; }}
QStatusBar {{ background: {NHS_PALE_GREY}; color: {NHS_DARK_GREY}; }}
"""


def readable_popup(combo: QComboBox) -> QComboBox:
    """Draw the drop-down list with a styled delegate, so the style sheet's highlight applies.

    With the default delegate the style sheet's ``QComboBox`` rule paints the highlighted
    option as a white box with white text: an empty box.
    """
    combo.setItemDelegate(QStyledItemDelegate(combo))
    return combo


def apply_style(app: QApplication) -> None:
    """Fusion style (same on every platform), a light palette and the style sheet."""
    app.setStyle("Fusion")
    palette = app.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor("white"))
    palette.setColor(QPalette.ColorRole.Base, QColor("white"))
    palette.setColor(QPalette.ColorRole.AlternateBase, QColor("#F4F6F7"))
    palette.setColor(QPalette.ColorRole.Text, QColor(TEXT))
    palette.setColor(QPalette.ColorRole.WindowText, QColor(TEXT))
    palette.setColor(QPalette.ColorRole.Highlight, QColor(NHS_BLUE))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("white"))
    palette.setColor(QPalette.ColorRole.ToolTipBase, QColor("#FFFFF0"))
    palette.setColor(QPalette.ColorRole.ToolTipText, QColor(TEXT))
    app.setPalette(palette)
    font = QFont(app.font())
    font.setPointSize(max(font.pointSize(), 10))
    app.setFont(font)
    app.setStyleSheet(STYLE_SHEET)
