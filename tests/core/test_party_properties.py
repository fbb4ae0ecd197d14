"""Who pays and who benefits adds up (MODEL.md section 9): for every option and every draw, the
parties' savings are the total savings and their payments the total cost."""

from dataclasses import replace

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rtv_desktop.core import FUNDERS, Option, compare, default_document, service_catalogue
from rtv_desktop.core import engine
from rtv_desktop.core.params import draws_at, fixed_inputs, stream, uncertain_inputs
from rtv_desktop.core.simulation import union_of_options
from rtv_desktop.core.uncertainty import pert

SHARES = st.lists(st.integers(0, 10), min_size=len(FUNDERS), max_size=len(FUNDERS)).filter(any)


@st.composite
def documents(draw):
    """The default mix split into options, with random funding splits and services' organisations."""
    doc = default_document()
    home_care = next(s for s in service_catalogue() if s.party == "council")
    home_care = replace(home_care, baseline=(0.5, 1.0, 1.5, 2.0, 0.5))
    services = tuple(replace(s, party=draw(st.sampled_from(FUNDERS))) for s in doc.services) + (home_care,)
    ivs = []
    for iv in doc.options[0].interventions:
        weights = draw(SHARES)
        funding = tuple((p, w / sum(weights)) for p, w in zip(FUNDERS, weights) if w)
        effect = iv.effect + ((home_care.id, iv.effect[0][1]),) if iv.effect else iv.effect
        ivs.append(replace(iv, funding=funding, effect=effect))
    cut = draw(st.integers(1, len(ivs) - 1))
    options = (Option("All", tuple(ivs)), Option("First part", tuple(ivs[:cut])), Option("Rest", tuple(ivs[cut:])))
    return replace(doc, services=services, options=options)


@settings(max_examples=25, deadline=None)
@given(documents())
def test_parties_add_up_to_the_totals_in_every_option(doc):
    for results in compare(doc).options:
        rows = results.by_party
        assert sum(r["saves"] for r in rows) == pytest.approx(results.summary["pv_saving"], abs=1e-6)
        assert sum(r["saves_cashable"] for r in rows) == pytest.approx(results.summary["pv_cashable"], abs=1e-6)
        assert sum(r["pays"] for r in rows) == pytest.approx(results.summary["pv_cost"], rel=1e-12)
        flows = results.party_flows
        np.testing.assert_allclose(sum(f["pays"] for f in flows.values()), results.cost.sum(axis=0))
        np.testing.assert_allclose(sum(f["saves"] for f in flows.values()), results.saving.sum(axis=(0, 2)),
                                   atol=1e-6)


@settings(max_examples=10, deadline=None)
@given(documents(), st.integers(0, 2**31))
def test_parties_add_up_to_the_totals_in_every_draw(doc, seed):
    union = union_of_options(doc)
    fixed = fixed_inputs(union.scenario)
    draws = draws_at(union.scenario, 300)
    for item in uncertain_inputs(union.scenario):
        if not item.value.is_fixed:
            v = item.value
            draws[item.array][(slice(None), *item.index)] = pert(stream(seed, item.key), v.low, v.central, v.high, 300)
    out = engine.evaluate_options(fixed, draws, union.membership, parties=True)
    np.testing.assert_allclose(out["saving_by_party"].sum(axis=-1), out["pv_saving"], rtol=1e-9, atol=1e-6)
    np.testing.assert_allclose(out["cashable_by_party"].sum(axis=-1), out["pv_cashable"], rtol=1e-9, atol=1e-6)
    np.testing.assert_allclose(out["pays_by_party"].sum(axis=-1), out["pv_cost"], rtol=1e-12)


@settings(max_examples=15, deadline=None)
@given(documents(), st.sampled_from(("benefit", "cost", "excluded")))
def test_parties_nets_add_up_to_net_social_value_in_every_treatment(doc, treatment):
    doc = replace(doc, settings=replace(doc.settings, volunteer_time=treatment))
    for results in compare(doc).options:
        rows = results.by_party
        assert sum(r["net"] for r in rows) == pytest.approx(results.summary["npv_social"], rel=1e-9, abs=1e-6)
        funders = [r for r in rows if r["party"] in FUNDERS]
        assert sum(r["pays"] for r in funders) == pytest.approx(results.summary["pv_cost"], rel=1e-12)
