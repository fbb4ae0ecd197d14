"""Documents of several options for the comparison, value and all-areas tests."""

from __future__ import annotations

from dataclasses import replace

from rtv_desktop.core import Option, Uncertain, default_document, service_catalogue


def _presets():
    doc = default_document()
    return doc, {iv.id: iv for iv in doc.options[0].interventions}


def three_options(comparator=None):
    """Social prescribing only, the full mix, and peer support with groups (groups part-funded by the
    council and the voluntary sector, and cutting council home care)."""
    doc, ivs = _presets()
    home = replace({s.id: s for s in service_catalogue()}["home_care"], baseline=(0.0, 2.0, 3.0, 6.0, 0.0))
    groups = replace(ivs["group_activities"], funding=(("nhs", 0.5), ("council", 0.3), ("vcse", 0.2)),
                     effect=(("home_care", Uncertain(0.05, 0.0, 0.1)),))
    full = tuple(groups if iv.id == "group_activities" else iv for iv in ivs.values())
    options = (Option("Social prescribing only", (ivs["social_prescribing"],)),
               Option("Full mix", full),
               Option("Peer support and groups", (ivs["peer_support"], groups)))
    return replace(doc, services=doc.services + (home,), options=options, comparator=comparator)


def nothing_wins():
    """Two options with no wellbeing or volunteering value: each costs more than it saves."""
    doc, ivs = _presets()

    def bare(iv):
        return replace(iv, wellbeing_gain=Uncertain.fixed(0.0), volunteer_hours=0.0)

    options = (Option("Coaching", (bare(ivs["health_coaching"]),)),
               Option("Prescribing", (bare(ivs["social_prescribing"]),)))
    return replace(doc, options=options, comparator=None)


def dominant():
    """One option that saves more than it costs and gains QALYs."""
    doc, ivs = _presets()
    cheap = replace(ivs["social_prescribing"], cost_per_starter=Uncertain.fixed(1.0), fixed_cost=0.0, setup_cost=0.0,
                    qaly_gain=Uncertain.fixed(0.01), effect=(("nel", Uncertain.fixed(0.3)),))
    return replace(doc, options=(Option("Cheap and effective", (cheap,)),), comparator=None)
