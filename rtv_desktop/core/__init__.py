"""The valuation core: numpy and the standard library only (no Qt, no file formats).

>>> from rtv_desktop.core import default_scenario, run
>>> run(default_scenario()).summary["npv_fiscal"]  # doctest: +SKIP
"""

from .compare import INCREMENT_KEYS, Comparison, compare, increments_against, quadrant
from .declare import KINDS, Spec, spec_of, specs
from .defaults import (
    Source,
    approach_preset,
    approach_presets,
    default_services,
    default_sources,
    service_catalogue,
    source_for,
)
from .document import Document, Option, Scenario, Story, all_interventions, as_document, fresh_id, read_document
from .export_log import ExportLog, ExportRecord
from .evidence import (GRADE_NAMES, AssumptionInUse, FigureEvidence, assumptions_in_use, figure_evidence,
                       value_by_grade, weak_evidence_note)
from .examples import blank_document, blank_scenario, default_document, default_scenario
from .issues import Issue, ScenarioFormatError, described, errors
from .labels import describe_field
from .library import EvidenceEntry, entries_for, entry, evidence_library
from .model import (
    APPROACH_LABELS,
    APPROACHES,
    DESIGN_LABELS,
    FUNDERS,
    GROUP_LABELS,
    GROUPS,
    MAX_HORIZON,
    MAX_INTERVENTIONS,
    MAX_OPTIONS,
    PARTIES,
    PARTY_LABELS,
    SHORT_PARTY_LABELS,
    VOLUNTEER_TIME_LABELS,
    Area,
    FigureSource,
    Intervention,
    Service,
    Settings,
    Uncertain,
)
from .params import UncertainInput, uncertain_inputs
from .rebase import Deflator, bundled_deflator, calendar_year, rebase
from .results import INTERVENTION_KEYS, PARTY_KEYS, SUMMARY_KEYS, InvalidScenario, Results, run
from .simulation import OptionSimulation, SimulationResults, simulate
from .uncertainty import (SIMULATED_KEYS, TORNADO_METRICS, SimulationCancelled, TornadoRow, scenarios, set_central,
                          tornado, tornados)
from .validation import validate, validate_document

__all__ = [name for name in dir() if not name.startswith("_")]
