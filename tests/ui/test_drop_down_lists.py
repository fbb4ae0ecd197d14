"""Drop-down lists draw the highlighted option as a visible highlight with its text, not a blank box."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QComboBox

from rtv_desktop.ui.style import NHS_BLUE


@pytest.mark.parametrize("name", ["interventions.selected.approach", "interventions.selected.target_group",
                                  "chart.histogram.metric"])
def test_the_highlighted_option_is_blue_with_white_text(shared_window, name):
    window = shared_window
    window.show()
    window.results_page.chart("histogram")  # its tab builds its charts when first shown
    combo = window.findChild(QComboBox, name)
    combo.showPopup()
    view = combo.view()
    index = view.model().index(1, 0)
    view.setCurrentIndex(index)
    for _ in range(10):
        QApplication.processEvents()
    image = view.viewport().grab().toImage()
    rect = view.visualRect(index)
    colours = [image.pixelColor(x, y) for x in range(rect.left(), min(rect.right(), image.width()))
               for y in range(rect.top() + 2, rect.bottom() - 1)]
    blue = sum(c == QColor(NHS_BLUE) for c in colours)
    white_text = sum(c.lightness() > 230 for c in colours)
    assert blue > len(colours) // 2  # the highlight fills the row
    assert white_text > 20  # and the option's text is drawn on it
    combo.hidePopup()
