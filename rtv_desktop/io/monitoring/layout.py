"""Where things are in the monitoring workbook: sheet names, headers (exactly as ARCHITECTURE v3)
and what each column means, in the words the Guide sheet and the reader's messages use."""

from __future__ import annotations

GUIDE, ACTIVITY, OUTCOMES = "Guide", "Activity", "Outcomes"
ACTIVITY_HEADERS = ("option", "quarter", "intervention_id", "intervention", "forecast_starters", "starters",
                    "forecast_completers", "completers", "forecast_spend", "spend")
OUTCOME_HEADERS = ("option", "intervention_id", "outcome", "group", "before_mean", "before_sd", "before_n",
                   "after_mean", "after_sd", "after_n", "before_contacts", "before_person_years", "after_contacts",
                   "after_person_years")
WELLBEING_COLUMNS = OUTCOME_HEADERS[4:10]
SERVICE_COLUMNS = OUTCOME_HEADERS[10:]
HEADER_ROW = 4  # title, explanation, a blank line, then the headers
START_NAME = "monitoring_start_year"  # defined name of the Guide cell holding the first quarter's year
START_CELL = "B4"
MAX_HEADER_ROW = 12  # the reader looks this far down for the header row (a line inserted above is fine)

# (meaning, where such a figure usually comes from); the reader names a column by its meaning.
COLUMN_WORDS: dict[str, tuple[str, str]] = {
    "option": ("The option's number, as listed on this sheet (read-only).", ""),
    "quarter": ("The financial quarter, 'YYYY/YY Qn': Q1 is April to June, Q4 January to March (read-only).", ""),
    "intervention_id": ("The intervention's id in the document (read-only).", ""),
    "intervention": ("The intervention's name (read-only).", ""),
    "forecast_starters": ("Starters the business case forecast for the quarter: the model's yearly starters over "
                          "four quarters (grey, read-only).", ""),
    "starters": ("People who started in the quarter (first session attended, or first contact after "
                 "referral).", "The provider's quarterly return: 'new referrals accepted' or 'new starters'; for "
                 "social prescribing, link-worker caseload data (e.g. the SNOMED code for referral to a social "
                 "prescribing service)."),
    "forecast_completers": ("Completers the business case forecast: the model's yearly completers over four quarters "
                            "(grey, read-only).", ""),
    "completers": ("People who completed in the quarter, as the service defines completion (e.g. attended most "
                   "sessions or a planned discharge).", "The provider's quarterly return: 'completed' or 'planned "
                   "discharges'."),
    "forecast_spend": ("Spend the business case forecast, in cash: the model's yearly cost over four quarters, the "
                       "set-up cost in the first quarter (grey, read-only).", ""),
    "spend": ("Money spent on the intervention in the quarter, £ cash (delivery, coordination, venues; set-up in "
              "the quarter it was paid).", "Contract payments to the provider and the budget holder's ledger (the "
              "finance team's monthly budget report)."),
    "outcome": ("'life_satisfaction' (ONS, 0-10) or 'service:<id>' (use of that service) (read-only).", ""),
    "group": ("'participants', or 'comparison' for a comparison group of similar people not taking part "
              "(read-only).", ""),
    "before_mean": ("Mean ONS life satisfaction (0-10) before starting.", "The service's own questionnaires: ONS4 "
                    "'Overall, how satisfied are you with your life nowadays?' at the first and last session."),
    "before_sd": ("Standard deviation of life satisfaction before.", "Worked out from the same answers (STDEV in "
                  "Excel)."),
    "before_n": ("People who answered before.", "The same questionnaires."),
    "after_mean": ("Mean ONS life satisfaction (0-10) after.", "The follow-up questionnaire."),
    "after_sd": ("Standard deviation of life satisfaction after.", "Worked out from the same answers."),
    "after_n": ("People who answered after.", "The follow-up questionnaire."),
    "before_contacts": ("Contacts with the service in the period before (count).", "GP practice systems (EMIS, "
                        "SystmOne) searches, or SUS/ECDS hospital data via the ICB's business intelligence team."),
    "before_person_years": ("Person-years observed before: people x years each was observed.", "The same extract "
                            "(e.g. 120 people for 6 months each = 60 person-years)."),
    "after_contacts": ("Contacts with the service in the period after (count).", "The same source as before, for "
                       "the same people."),
    "after_person_years": ("Person-years observed after.", "The same extract."),
}
