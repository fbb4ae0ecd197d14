"""pyqtgraph charts of the results, each named ``chart.<name>`` and exportable."""

from .areas import RankedAreasChart
from .base import ChartPanel
from .decision import AcceptabilityChart, ProbBestChart
from .evidence import ValueByGradeChart
from .export import copy_to_clipboard, export_csv, export_png, export_svg, render_image
from .options import OptionsChart, OptionsCumulativeChart
from .parties import WhoPaysChart
from .savings import CumulativeChart, SavingsByServiceChart
from .uncertainty import FanChart, HistogramChart, TornadoChart
from .value import ByInterventionChart, IcebergChart

__all__ = [
    "AcceptabilityChart", "ByInterventionChart", "ChartPanel", "CumulativeChart", "FanChart", "HistogramChart",
    "IcebergChart", "OptionsChart", "OptionsCumulativeChart", "ProbBestChart", "RankedAreasChart",
    "SavingsByServiceChart", "TornadoChart", "ValueByGradeChart", "WhoPaysChart", "copy_to_clipboard", "export_csv",
    "export_png", "export_svg", "render_image",
]
