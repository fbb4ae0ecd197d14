"""The monitoring workbook (MODEL.md section 12): a template to fill in from providers' quarterly
returns, and the reader of the filled-in actuals.

``write_template(doc, path, start_year=None)`` writes sheets Guide, Activity and Outcomes;
``read_actuals(doc, path)`` reads them back as :class:`rtv_desktop.core.monitoring.Actuals`.
"""

from .layout import ACTIVITY_HEADERS, OUTCOME_HEADERS
from .read import read_actuals
from .write import write_template

__all__ = ["ACTIVITY_HEADERS", "OUTCOME_HEADERS", "read_actuals", "write_template"]
