"""A plausible first year of monitoring for a document, built from its own forecast.

Each option's first four quarters: starters at 80% of the forecast, completers at 70%, spend at
90%; the first intervention's third quarter left blank (not yet known). Outcomes of option 1's
first intervention: life satisfaction 6.2 (SD 2.0, n 150) before and 6.9 (SD 1.9, n 120) after;
its first service, 300 contacts in 100 person-years before and 240 in 100 after for the
participants, 280 and 266 for a comparison group (rate ratios 0.80 and 0.95).
"""

from __future__ import annotations

from dataclasses import replace

from rtv_desktop.core.monitoring import Figures, OutcomeRecord, forecast_activity, with_actuals

SOURCE = "first year.xlsx"
FIRST_YEAR = 4  # quarters


def first_year_rows(doc):
    """{(option, quarter, intervention_id): Figures} for the first year, one quarter left blank."""
    forecast = forecast_activity(doc)
    quarters = list(dict.fromkeys(row.quarter for row in forecast))[:FIRST_YEAR]
    first_iv = doc.options[0].interventions[0].id
    actual = {}
    for row in forecast:
        if row.quarter not in quarters:
            continue
        if row.option == 0 and row.intervention_id == first_iv and row.quarter == quarters[2]:
            continue  # the provider's return for this quarter is late
        f = row.forecast
        actual[(row.option, row.quarter, row.intervention_id)] = Figures(
            round(f.starters * 0.8), round(f.completers * 0.7), round(f.spend * 0.9, 2))
    return forecast, actual


def first_year_outcomes(doc, service_id: str):
    iv = doc.options[0].interventions[0].id
    outcome = f"service:{service_id}"
    return (OutcomeRecord(0, iv, "life_satisfaction", "participants", 6.2, 2.0, 150, 6.9, 1.9, 120),
            OutcomeRecord(0, iv, outcome, "participants", before_contacts=300, before_person_years=100,
                          after_contacts=240, after_person_years=100),
            OutcomeRecord(0, iv, outcome, "comparison", before_contacts=280, before_person_years=100,
                          after_contacts=266, after_person_years=100))


def first_service(doc) -> str:
    """The first service the first intervention of option 1 has an effect on."""
    return doc.options[0].interventions[0].effect[0][0]


def with_first_year(doc):
    """``doc`` with a first year of actuals and outcomes in ``doc.actuals``."""
    forecast, actual = first_year_rows(doc)
    actuals = with_actuals(forecast, actual, first_year_outcomes(doc, first_service(doc)), SOURCE)
    return replace(doc, actuals=actuals)
