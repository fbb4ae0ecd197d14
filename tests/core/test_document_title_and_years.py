"""Financial years, the cash view of today's prices, and a document's title (hand-worked cases)."""

import datetime as dt
from dataclasses import replace

import pytest

from rtv_desktop.core import Option, Settings, blank_document, default_document, validate_document
from rtv_desktop.core.text import cash_value, document_title, financial_year
from rtv_desktop.core.years import years_after
from rtv_desktop.core.years import financial_year_problem, next_financial_year


@pytest.mark.parametrize("start, t, expected", [("2027/28", 0, "2027/28"), ("2027/28", 1, "2028/29"),
                                                ("2026/27", 4, "2030/31"), ("1999/00", 1, "2000/01"),
                                                ("2098/99", 1, "2099/00")])
def test_financial_years_count_on_from_the_start_year(start, t, expected):
    assert financial_year(start, t) == expected


@pytest.mark.parametrize("text, words", [("2026", "written YYYY/YY, such as 2026/27; it is '2026'"),
                                         ("2026-27", "written YYYY/YY"), ("26/27", "written YYYY/YY"),
                                         ("2026/28", "two consecutive years, such as 2026/27 (April 2026 to "
                                                     "March 2027); it is '2026/28'"),
                                         ("", "written YYYY/YY")])
def test_a_start_year_that_is_not_a_financial_year_says_how_to_write_one(text, words):
    assert words in financial_year_problem(text)
    with pytest.raises(ValueError, match="The start year must be"):
        financial_year(text, 1)


def test_a_start_year_with_spaces_round_it_is_still_a_financial_year():
    assert financial_year_problem(" 2026/27 ") is None and financial_year(" 2026/27 ", 2) == "2028/29"


@pytest.mark.parametrize("today, expected", [(dt.date(2026, 12, 7), "2027/28"), (dt.date(2027, 3, 31), "2027/28"),
                                             (dt.date(2027, 4, 1), "2028/29"), (dt.date(2026, 1, 15), "2026/27")])
def test_the_next_financial_year_starts_in_april(today, expected):
    assert next_financial_year(today) == expected


def test_a_new_document_starts_in_the_next_financial_year_with_no_inflation():
    for settings in (default_document().settings, blank_document().settings, Settings()):
        assert settings.start_year == next_financial_year()
        assert (settings.inflation_rate, settings.inflation_source) == (0.0, "")


def test_cash_uprates_today_s_prices_from_the_price_year():
    assert cash_value(1000.0, 0.02, 0) == 1000.0  # a first delivery year in the price year itself
    assert cash_value(1000.0, 0.02, 1) == pytest.approx(1020.0)
    assert cash_value(1000.0, 0.02, 2) == pytest.approx(1040.4)  # 1000 x 1.02 x 1.02
    assert cash_value(-500.0, 0.03, 3) == pytest.approx(-546.3635)
    assert cash_value(1000.0, 0.0, 4) == 1000.0
    # Prices of 2024/25, delivery from 2027/28: three years of inflation before the first year.
    assert years_after("2024/25", "2027/28") == 3 and years_after("2027/28", "2024/25") == 0
    assert cash_value(1000.0, 0.02, 1, lag=3) == pytest.approx(1000 * 1.02 ** 4)


def test_a_start_year_is_validated_with_the_document():
    doc = default_document()
    bad = replace(doc, settings=replace(doc.settings, start_year="2027-28"))
    assert [p.field for p in validate_document(bad) if p.severity == "error"] == ["settings.start_year"]
    assert not [p for p in validate_document(doc) if p.field == "settings.start_year"]


def _greater_manchester(doc, name=""):
    return replace(doc, name=name, area=replace(doc.area, area_name="Greater Manchester"))


def test_the_untouched_example_keeps_its_name():
    doc = default_document()
    assert document_title(doc) == "Example: six approaches, England-average area"


def test_an_unnamed_document_is_titled_from_its_area_and_options():
    doc = _greater_manchester(default_document())
    doc = replace(doc, options=(Option("Social prescribing"), Option("Peer support")))
    assert document_title(doc) == "Greater Manchester: Social prescribing and Peer support"
    three = replace(doc, options=doc.options + (Option("Both"),))
    assert document_title(three) == "Greater Manchester: options compared"
    assert document_title(replace(doc, options=doc.options[:1])) == "Greater Manchester: Social prescribing"


def test_the_example_s_name_gives_way_once_the_area_or_options_are_the_user_s_own():
    example = default_document()
    moved = _greater_manchester(example, example.name)
    assert document_title(moved) == "Greater Manchester: Six approaches"
    renamed = replace(example, options=(replace(example.options[0], name="Our package"),))
    assert document_title(renamed) == "Example area, England average: Our package"


def test_a_typed_name_is_the_title_whatever_the_area():
    doc = _greater_manchester(default_document(), "  Peer support business case  ")
    assert document_title(doc) == "Peer support business case"


def test_file_new_and_a_file_without_a_name_are_titled_from_their_contents():
    assert document_title(blank_document()) == "Example area, England average: Option 1"
    doc = replace(blank_document(), name="Untitled scenario", area=replace(blank_document().area, area_name=""))
    assert document_title(doc) == "Option 1"
    assert document_title(replace(doc, options=())) == "Untitled document"
