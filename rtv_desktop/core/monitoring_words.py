"""Observed effects written for people (the Monitoring page and the board paper say them alike).

A service effect is ``1 - rate ratio`` as a whole percent (16% = 16% fewer contacts); a
wellbeing gain is points of life satisfaction to two decimals.
"""

from __future__ import annotations

from .library import outcome_words


def effect_figure(outcome: str, value: float) -> str:
    """"16%" for a service effect, "+0.70 points" for a wellbeing gain."""
    if outcome.startswith("service:"):
        return f"{value * 100:.0f}%"
    return f"{value:+.2f} points"


def effect_line(intervention: str, outcome: str, value: float, low: float, high: float,
                services: dict[str, str]) -> str:
    """"Peer support, effect on GP appointment: 16% (95% interval -7% to 34%)"."""
    words = outcome_words(outcome, services)
    return (f"{intervention}, {words[:1].lower()}{words[1:]}: {effect_figure(outcome, value)} "
            f"(95% interval {effect_figure(outcome, low)} to {effect_figure(outcome, high)})")
