"""pyqtgraph charts of the results, each named ``chart.<name>`` and exportable."""

from .base import ChartPanel
from .export import copy_to_clipboard, export_csv, export_png, export_svg, render_image
from .savings import CumulativeChart, SavingsByServiceChart
from .uncertainty import FanChart, HistogramChart, TornadoChart
from .value import ByInterventionChart, IcebergChart

__all__ = [
    "ByInterventionChart", "ChartPanel", "CumulativeChart", "FanChart", "HistogramChart", "IcebergChart",
    "SavingsByServiceChart", "TornadoChart", "copy_to_clipboard", "export_csv", "export_png", "export_svg",
    "render_image",
]
