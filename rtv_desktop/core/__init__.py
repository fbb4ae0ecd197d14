"""The valuation core: numpy and the standard library only (no Qt, no file formats).

>>> from rtv_desktop.core import default_scenario, run
>>> run(default_scenario()).summary["npv_fiscal"]  # doctest: +SKIP
"""

from .defaults import (
    Source,
    approach_preset,
    approach_presets,
    blank_scenario,
    default_scenario,
    default_services,
    default_sources,
    service_catalogue,
    source_for,
)
from .issues import Issue, ScenarioFormatError, errors
from .model import (
    APPROACH_LABELS,
    APPROACHES,
    GROUP_LABELS,
    GROUPS,
    MAX_HORIZON,
    MAX_INTERVENTIONS,
    Area,
    Intervention,
    Scenario,
    Service,
    Settings,
    Uncertain,
)
from .params import UncertainInput, uncertain_inputs
from .results import INTERVENTION_KEYS, SUMMARY_KEYS, InvalidScenario, Results, run
from .simulation import SimulationResults, simulate
from .uncertainty import SIMULATED_KEYS, SimulationCancelled, TornadoRow, scenarios, set_central, tornado
from .validation import validate

__all__ = [name for name in dir() if not name.startswith("_")]
