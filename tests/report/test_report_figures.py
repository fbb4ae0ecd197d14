"""The report's figures, read back from the PDF (pdftotext) and the Word file (python-docx), are the
figures of run()/compare()/simulate() written as the window writes them. The detail is in the
technical annex, so these reports carry it (the board paper alone: test_board_paper.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from rtv_desktop.core import blank_document, compare, default_document, run, simulate
from rtv_desktop.report import build_report, write_report
from rtv_desktop.report.model import Figure
from rtv_desktop.report.words import money, probability
from rtv_desktop.core.text import format_money, format_percent
from rtv_desktop.core.cost_effectiveness import ceac_leader, ceac_sentence, plane_summary
from rtv_desktop.core.outputs import CARDS, format_output, said

from .conftest import docx_text, needs_poppler, pdf_image_count, pdf_text, three_options, with_stories

pytestmark = needs_poppler


def _written(report, folder, name):
    pdf, word = folder / f"{name}.pdf", folder / f"{name}.docx"
    write_report(report, pdf)
    write_report(report, word)
    return pdf, word, pdf_text(pdf), docx_text(word)


@pytest.fixture(scope="module")
def default_report(qapp, tmp_path_factory):
    doc = with_stories(default_document())
    report = build_report(doc, "example.json", iterations=500, seed=7, today=dt.date(2026, 12, 1), annex=True)
    return (doc, report, *_written(report, tmp_path_factory.mktemp("default"), "default"))


@pytest.fixture(scope="module")
def options_report(qapp, tmp_path_factory):
    doc = three_options()
    report = build_report(doc, "three.json", iterations=400, seed=3, annex=True)
    return (doc, report, *_written(report, tmp_path_factory.mktemp("options"), "options"))


def test_headline_figures_are_the_window_cards(default_report):
    doc, _report, _pdf, _word, pdf, word = default_report
    r = compare(doc).options[0]
    horizon = doc.settings.horizon_years
    for key in CARDS:
        if key == "payback_year":
            continue  # "Not within 5 years": checked below
        shown = format_output(key, r.summary[key], compact=True, horizon_years=horizon)
        assert shown in pdf and shown in word, (key, shown)
    assert "Not within 5 years" in pdf and "Not within 5 years" in word
    for key in ("pv_cost", "pv_saving", "pv_cashable", "pv_wellbeing", "pv_volunteer", "pv_social"):
        words, value = said(key, r.summary[key])  # savings below zero: "Extra cost to services", £ positive
        exact = format_money(value)
        assert exact in pdf and exact in word, (key, exact)
        assert words in pdf and words in word, (key, words)
    share = format_percent(r.summary["share_social_weak_evidence"])
    assert f"{share} of the social value rests on evidence that is emerging, weak or untested" in pdf


def test_the_summary_says_savings_do_not_cover_the_cost_and_what_the_case_rests_on(default_report):
    doc, _report, _pdf, _word, pdf, word = default_report
    r = compare(doc).options[0].summary
    assert r["npv_fiscal"] < 0 < r["npv_social"]  # the shipped example: savings fall short
    for text in (pdf, word):
        assert "NHS savings do not cover the cost" in text
        assert f"saves {format_money(r['pv_saving'], True)} in services" in text
        assert "saves -" not in text and "saves \u2212" not in text
        assert f"Without any wellbeing value, net social value would be " \
               f"{format_money(r['npv_social_excl_wellbeing'], True)}" in text
        assert f"wellbeing worth {format_money(r['pv_wellbeing'], True)}" in text
        assert "Volunteer time is counted as a benefit" in text
        assert "correlation of 50% between interventions" in text


def test_every_intervention_and_party_has_its_row(default_report):
    doc, _report, _pdf, _word, pdf, word = default_report
    r = compare(doc).options[0]
    for i, iv in enumerate(r.scenario.interventions):
        row = f"{iv.name} {round(r.starters[i]):,} {format_money(r.by_intervention['pv_cost'][i])}"
        assert row in pdf and row in word
    nhs = r.party("nhs")
    assert f"NHS (ICB and NHS providers) {format_money(nhs['pays'])}" in pdf


def test_simulation_figures_seed_and_iterations(default_report):
    doc, _report, _pdf, _word, pdf, word = default_report
    sim = simulate(doc, iterations=500, seed=7)
    social = sim.summary["npv_social"]
    # The central-value figure comes first since version 3, beside the simulated mean (MODEL.md 11a).
    central = run(doc.scenario(0)).summary["npv_social"]
    row = (f"Net social value {format_money(central)} {format_money(social['mean'])} {format_money(social['p5'])} "
           f"{format_money(social['p50'])}")
    for text in (pdf, word):
        assert row in text
        assert "500 draws, seed 7" in text
        assert "SHA-256" in text


def test_every_chart_is_in_both_files_with_alt_text(default_report):
    import docx  # noqa: PLC0415

    _doc, report, pdf_path, word_path, _pdf, _word = default_report
    figures = [b for b in report.blocks if isinstance(b, Figure)]
    assert {f.name for f in figures} == {"iceberg", "cumulative", "by_intervention", "who_pays", "histogram", "fan",
                                         "ceac", "plane", "tornado", "value_by_grade"}
    assert pdf_image_count(pdf_path) == len(figures)
    shapes = docx.Document(str(word_path)).inline_shapes
    assert len(shapes) == len(figures)
    assert [s._inline.docPr.get("descr") for s in shapes] == [f.alt for f in figures]
    assert all(len(f.alt) > 40 for f in figures)


def test_word_file_is_accessible_headings_tables_title(default_report):
    import docx  # noqa: PLC0415
    from docx.oxml.ns import qn  # noqa: PLC0415

    _doc, report, _pdf, word_path, _p, _w = default_report
    document = docx.Document(str(word_path))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[:6] == ["Recommendation and decision", "The options", "What it costs and saves whom, year by year",
                            "What the case rests on", "The main risks", "Technical annex"]
    assert headings.index("Headline figures") < headings.index("The value iceberg")
    assert len(headings) == len(report.headings())
    assert document.core_properties.title == report.title
    first_rows = [t.rows[0]._tr for t in document.tables if len(t.rows) > 1]
    assert first_rows and all(tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None for tr in first_rows[1:])


def test_stories_print_only_with_consent_beside_their_intervention(default_report):
    doc, _report, _pdf, _word, pdf, word = default_report
    for text in (pdf, word):
        assert "I had not left the house for a year." in text
        assert "About Peer support" in text
        assert "We found each other." in text and "About the package as a whole" in text
        assert "A story told without consent" not in text and "Not for print" not in text
        assert "1 story was left out" in text


def test_three_options_with_a_simulation(options_report):
    doc, report, _pdf_path, _word_path, pdf, word = options_report
    c = compare(doc)
    sim = simulate(doc, iterations=400, seed=3)
    assert c.preferred is not None
    preferred = doc.options[c.preferred].name
    for text in (pdf, word):
        assert "Options compared" in text
        assert f"The preferred option is {preferred}" in text
        for k, option in enumerate(doc.options):
            s = c.options[k].summary
            assert f"{option.name} {format_money(s['pv_cost'], True)} {format_money(s['pv_saving'], True)}" in text
            best = probability(sim.prob_best_social[k])
            if k == doc.comparator:  # its chance of being best is listed too, so the column adds up
                assert f"(comparator) - - - - {best}" in word and "(comparator)" in pdf  # the PDF wraps the name
            else:
                inc = c.increments[k]
                assert f"{option.name} {format_money(inc['inc_pv_cost'])} {format_money(inc['inc_npv_social'])}" in text
                assert best in text
        # Only self-management education has a QALY gain: the full mix adds none to the current service.
        assert c.increments[2]["inc_qalys"] == 0 and "no QALY difference" in text
        # Said as what it is (MODEL.md 11d): about, on what, for whom, over what horizon, which inputs.
        assert (f"worth about {format_money(sim.evpi_social, True)} on net social value, for the whole area over "
                "5 years, counting only the inputs the simulation draws") in text
        assert "at most £" not in text and "The simulation draws" in text
    assert dict(report.title_lines)["Author"] == "A. Commissioner"
    charts = {f.name: f for f in report.figures()}
    assert {"options", "prob_best"} <= set(charts)
    assert f"{preferred}: fiscal {money(c.options[c.preferred].summary['npv_fiscal'])}" in charts["options"].alt
    assert f"{doc.options[1].name} {probability(sim.prob_best_social[1])}" in charts["prob_best"].alt


def test_the_uncertainty_detail_has_the_ceac_and_the_plane_with_their_sentences(options_report):
    doc, report, _pdf_path, _word_path, pdf, word = options_report
    sim = simulate(doc, iterations=400, seed=3)
    sentence = ceac_sentence(sim)
    assert sentence.startswith("At £20,000 per QALY, ") and sentence.endswith(" of draws.")
    name, share = ceac_leader(sim, doc.settings.qaly_threshold)
    assert f"{name} is the most cost-effective in {format_percent(share)}" in sentence
    against = doc.options[doc.comparator].name
    social = next(k for k, o in enumerate(doc.options) if o.name == "Social prescribing only")
    worth = plane_summary(*sim.plane(social), doc.settings.qaly_threshold)["cost_effective"]
    for text in (pdf, word):
        assert sentence in text
        assert f"Against {against}, Social prescribing only " in text
        assert f"cost-effective at £20,000 per QALY in {format_percent(worth)} of draws" in text
        assert "£20,000 (this document)" in text  # the curve's table marks the document's threshold
    charts = {f.name: f for f in report.figures()}
    assert sentence in charts["ceac"].alt and f"against {against}" in charts["plane"].alt
    headings = [h.text for h in report.headings(2)]
    assert headings.index("Cost-effectiveness: the acceptability curve and the plane") < headings.index(
        "What matters most")  # in the uncertainty detail


def test_report_of_the_empty_scenario(qapp, tmp_path):
    report = build_report(blank_document(), "", simulation=True, annex=True)
    pdf, word = tmp_path / "empty.pdf", tmp_path / "empty.docx"
    write_report(report, pdf)
    write_report(report, word)
    for text in (pdf_text(pdf), docx_text(word)):
        assert "The option has no interventions yet" in text
        assert "not saved to a file" in text
    assert pdf_image_count(pdf) == len(report.figures())
