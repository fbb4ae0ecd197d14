"""The embedded example: the shipped defaults put together as a scenario and a document."""

from __future__ import annotations

from dataclasses import replace

from .defaults import approach_presets, default_area, default_services, default_settings
from .document import Document, Option, Scenario


def default_scenario() -> Scenario:
    """The embedded example: an England-average area of 1,000,000 people, six approaches."""
    return Scenario(
        name="Example: six approaches, England-average area",
        area=default_area(),
        settings=default_settings(),
        services=default_services(),
        interventions=tuple(iv for key, iv in approach_presets().items() if key != "custom"),
        notes="Illustrative defaults (2024/25 prices): replace with local evidence.",
    )


def default_document() -> Document:
    """The default scenario as a document of one option, compared with doing nothing."""
    s = default_scenario()
    return Document.from_scenario(s, "Six approaches")


def blank_scenario() -> Scenario:
    """The default area and services with no interventions (File > New)."""
    return replace(default_scenario(), name="New scenario", interventions=(), notes="")


def blank_document() -> Document:
    s = blank_scenario()
    return replace(Document.from_scenario(s), options=(Option("Option 1"),))
