"""Small scenarios for hand-worked tests: one service, one intervention, round numbers."""

from dataclasses import replace

from rtv_desktop.core import Area, Intervention, Scenario, Service, Settings, Uncertain

OPTIMISM_BIAS_BY_GRADE = (0.0, 0.05, 0.10, 0.15, 0.25, 0.40)


def service(sid="gp", cost=50.0, cashable=0.2, baseline=(4.0, 4.0, 4.0, 4.0, 4.0)):
    return Service(id=sid, name=sid.upper(), unit_cost=Uncertain.fixed(cost), cashable_share=cashable,
                   baseline=tuple(baseline))


def intervention(**fields):
    base = Intervention(
        name="Test intervention",
        approach="custom",
        target_group="all_adults",
        reach=Uncertain.fixed(0.1),
        completion=Uncertain.fixed(0.5),
        cost_per_starter=Uncertain.fixed(100.0),
        fixed_cost=1000.0,
        setup_cost=500.0,
        effect=(("gp", Uncertain.fixed(0.1)),),
        effect_years=2,
        drop_off=Uncertain.fixed(0.5),
        deadweight=Uncertain.fixed(0.2),
        attribution=1.0,
        evidence_grade=1,
        wellbeing_gain=Uncertain.fixed(0.1),
        volunteer_hours=2.0,
    )
    if "evidence_grade" in fields:  # one grade for every outcome unless a test grades them apart
        fields.setdefault("wellbeing_grade", fields["evidence_grade"])
        fields.setdefault("qaly_grade", fields["evidence_grade"])
    return replace(base, **fields)


def scenario(interventions=None, services=None, area=None, **settings):
    base_settings = dict(horizon_years=3, discount_rate=0.1, health_discount_rate=0.0,
                         wellby_value=Uncertain.fixed(10_000.0), volunteer_hour_value=10.0,
                         optimism_bias=OPTIMISM_BIAS_BY_GRADE, iterations=1000, seed=7, price_year="2024/25")
    base_settings.update(settings)
    return Scenario(
        name="Hand-worked",
        area=area or Area(area_name="Test", area_code="", population=1000.0, adult_share=1.0, over65_share=0.2,
                          ltc_share=0.5,
                          multimorbid_share=0.25),
        settings=Settings(**base_settings),
        services=tuple(services or (service(),)),
        interventions=tuple(interventions if interventions is not None else (intervention(),)),
    )
