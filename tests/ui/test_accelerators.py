"""Alt+letter reaches one thing: the menus and the tabs (shortcuts on every page) never share a letter."""

from __future__ import annotations

import re
from collections import Counter

from PySide6.QtWidgets import QLabel


def _letter(text: str) -> str | None:
    found = re.search(r"&([^&])", text.replace("&&", ""))
    return found.group(1).lower() if found else None


def test_menus_and_tabs_each_have_their_own_letter(window):
    texts = [action.text() for action in window.menuBar().actions()]
    texts += [window.pages.tabText(i) for i in range(window.pages.count())]
    letters = Counter(_letter(text) for text in texts if _letter(text))
    assert [letter for letter, n in letters.items() if n > 1] == []


def test_the_monitoring_page_leaves_the_menus_letters_alone(window):
    menus = {_letter(action.text()) for action in window.menuBar().actions()}
    page = next(window.pages.widget(i) for i in range(window.pages.count()) if "Monitoring" in window.pages.tabText(i))
    labels = {_letter(label.text()) for label in page.findChildren(QLabel) if "<" not in label.text()}
    assert not (labels - {None}) & menus
