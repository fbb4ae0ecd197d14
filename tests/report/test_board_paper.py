"""The board paper of a two-option document, read back from the PDF and the Word file: at most six
pages, its own title, the author, a recommendation and the decision asked, plain words only; the
technical annex adds pages and names no intervention that no option contains."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from rtv_desktop.core import compare, default_document, simulate
from rtv_desktop.core.outputs import REPORT_OPTIONS, format_output
from rtv_desktop.core.text import document_title, format_money
from rtv_desktop.report import build_report, write_report
from rtv_desktop.report.board_years import financial_year
from rtv_desktop.report.words import probability

from .conftest import (DECISION, docx_body, docx_text, needs_poppler, pdf_pages, pdf_text, two_options,
                       with_fields)

pytestmark = needs_poppler

BOARD_PAGES = 6
# Six A4 pages at 10 pt hold about 500 words each of running text; tables hold fewer. A body
# within this budget and with no page break in it cannot run past six pages in Word either.
WORD_BUDGET = 2_400
NOT_ON_THE_BOARD_PAGES = ("seed", "EVPI", "Iman", "PV of", "correlation")


def _written(report, folder, name):
    pdf, word = folder / f"{name}.pdf", folder / f"{name}.docx"
    write_report(report, pdf)
    write_report(report, word)
    return pdf, word


@pytest.fixture(scope="module")
def board(qapp, tmp_path_factory):
    doc = two_options()
    folder = tmp_path_factory.mktemp("board")
    paper = _written(build_report(doc, "gm.json", iterations=400, seed=5), folder, "paper")
    annex = _written(build_report(doc, "gm.json", iterations=400, seed=5, annex=True), folder, "annex")
    return doc, paper, annex


def test_the_board_paper_is_at_most_six_pages_in_pdf_and_word(board):
    _doc, (pdf, word), _annex = board
    assert pdf_pages(pdf) <= BOARD_PAGES
    words, breaks = docx_body(word)
    assert breaks == 0 and 300 < words <= WORD_BUDGET, (words, breaks)


def test_the_board_paper_has_its_title_author_recommendation_and_decision(board):
    doc, (pdf, word), _annex = board
    for text in (pdf_text(pdf), docx_text(word)):
        assert text.startswith("Board paper Community support for Greater Manchester")
        assert "Author A. Commissioner" in text
        assert "We recommend Full mix." in text
        assert f"The decision asked: {DECISION}" in text
    import docx  # noqa: PLC0415

    assert docx.Document(str(word)).core_properties.author == "A. Commissioner"


@pytest.mark.parametrize("word", NOT_ON_THE_BOARD_PAGES)
def test_the_board_paper_has_no_words_of_method(board, word):
    _doc, (pdf, docx_path), _annex = board
    for text in (pdf_text(pdf), docx_text(docx_path)):
        assert word.lower() not in text.lower()


def test_the_options_table_has_the_window_figures_and_the_chance_each_is_best(board):
    doc, (pdf, word), _annex = board
    c = compare(doc)
    sim = simulate(doc, iterations=400, seed=5)
    for text in (pdf_text(pdf), docx_text(word)):
        for k, option in enumerate(doc.options):
            figures = " ".join(format_output(key, c.options[k].summary[key], compact=True)
                               for key in REPORT_OPTIONS[:5])  # the social return wraps in the PDF
            assert figures in text, (option.name, figures)
            assert probability(sim.prob_best_social[k]) in text
    headers = docx_text(word)  # the PDF wraps the headers over two lines
    assert "Option Cost Savings Net fiscal value Net social value Without wellbeing Social return Chance best" in headers


def test_what_it_costs_whom_by_financial_year_in_todays_prices_and_in_cash(board):
    doc, (pdf, word), _annex = board
    r = compare(doc).options[0]
    nhs = r.party_flows["nhs"]["pays"]
    # Cash: today's (2024/25) prices uprated at 2% a year, three years to 2027/28.
    cash = nhs[0] * 1.02 ** 3
    assert f"NHS (ICB and NHS providers) pays {format_money(nhs[0], True)}" in docx_text(word)
    for text in (pdf_text(pdf), docx_text(word)):
        assert "2027/28 2028/29 2029/30 2030/31 2031/32 Total" in text
        assert format_money(nhs[0], True) in text
        assert "uprated by 2.0% a year from 2024/25 prices (source: OBR CPI forecast, March 2026)" in text
        assert format_money(cash, True) in text


def test_what_the_case_rests_on_and_the_main_risks_in_words(board):
    doc, (pdf, word), _annex = board
    r = compare(doc).options[0].summary
    sim = simulate(doc, iterations=400, seed=5).options[0].summary["npv_social"]
    for text in (pdf_text(pdf), docx_text(word)):
        assert "of the social value rests on evidence that is emerging, weak or untested" in text
        assert f"Without any wellbeing value, net social value would be " \
               f"{format_money(r['npv_social_excl_wellbeing'], True)}" in text
        assert "Wellbeing gains needed to break even: " in text
        assert "A WELLBY is one point of life satisfaction" in text
        assert text.count("WELLBY is one point") == 1 and "present value" in text
        assert f"between {format_money(sim['p5'], True)} and {format_money(sim['p95'], True)}" in text
        assert "The figures depend most on" in text and "The effects counted come from" in text


def test_the_annex_adds_pages_and_the_detail_the_board_pages_leave_out(board):
    doc, (pdf, word), (annex_pdf, annex_word) = board
    assert pdf_pages(annex_pdf) > pdf_pages(pdf)
    for text in (pdf_text(annex_pdf), docx_text(annex_word)):
        assert "Technical annex" in text and "400 draws, seed 5" in text
        assert "The interventions' assumptions" in text and "SHA-256" in text
        assert "Probability Share of draws" in text  # the chances have their own column


def test_the_annex_names_no_intervention_that_no_option_contains(qapp, tmp_path):
    doc = default_document()
    mix = doc.options[0].interventions
    inside = ("social_prescribing", "peer_support")
    options = (replace(doc.options[0], name="Both", interventions=tuple(iv for iv in mix if iv.approach in inside)),
               replace(doc.options[0], name="Social prescribing alone",
                       interventions=tuple(iv for iv in mix if iv.approach == "social_prescribing")))
    doc = replace(doc, options=options)
    outside = [iv.name for iv in mix if iv.approach not in inside]
    assert len(outside) == 4
    pdf, word = _written(build_report(doc, simulation=False, annex=True), tmp_path, "annex")
    for text in (pdf_text(pdf), docx_text(word)):
        assert "Peer support (in Both)" in text and "Social prescribing (in Both and Social prescribing alone)" in text
        for name in outside:
            assert name not in text, name


def test_an_unnamed_document_is_titled_from_its_area_and_options(qapp, tmp_path):
    doc = two_options(name="")
    title = "Example area, England average: Full mix and Social prescribing and peer support"
    assert document_title(doc) == title
    pdf, word = _written(build_report(doc, simulation=False), tmp_path, "unnamed")
    for text in (pdf_text(pdf), docx_text(word)):
        assert text.startswith(f"Board paper {title}")
        assert "Example: six approaches" not in text
        assert "No simulation was run for this paper" in text


def test_without_a_decision_text_the_board_is_asked_to_note_the_preferred_option(qapp):
    doc = replace(default_document(), name="Plan")
    report = build_report(doc, simulation=False)
    assert "The decision asked: the board is asked to note the appraisal of Six approaches." in report.text()
    # A new document's first delivery year is the next financial year, and the years are labelled from it.
    assert doc.settings.start_year in report.text()


@pytest.mark.parametrize("start, offset, label", [("2026/27", 0, "2026/27"), ("2026/27", 1, "2027/28"),
                                                  ("2099/00", 1, "2100/01"), (None, 2, "Year 3"), ("", 0, "Year 1")])
def test_financial_years_are_labelled_from_the_start_year(start, offset, label):
    assert financial_year(start, offset) == label


def test_the_board_paper_of_ten_years_adds_up_the_later_years(qapp):
    settings = with_fields(replace(default_document().settings, horizon_years=10), start_year="2027/28")
    doc = replace(two_options(), settings=settings)
    text = build_report(doc, simulation=False).text()
    assert re.search(r"\| 2032/33 to 2036/37 \| Total", text)
