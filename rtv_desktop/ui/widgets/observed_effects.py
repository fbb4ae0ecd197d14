"""The effects observed locally (MODEL.md section 12), one card each, with "Use as local evidence".

Object names: ``monitoring.effects`` (the list), ``monitoring.effect.<n>`` (a card),
``monitoring.effect.<n>.use`` (its button). ``useRequested(effect)`` asks the page to accept one.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...core.monitoring_words import effect_line
from ...core.model import SHORT_DESIGN_LABELS
from ...core.monitoring import local_entry_id

NO_EFFECTS = ("No effects observed yet for this option: fill in the Outcomes sheet (life satisfaction, or use of "
              "services before and after) and import the workbook again.")
CARD_STYLE = ("QFrame#effect_card { background: white; border: 1px solid #D8DDE0; border-left: 4px solid #00A499; "
              "border-radius: 4px; } QLabel { border: none; background: transparent; }")


def effect_title(effect, intervention_name: str, services: dict[str, str]) -> str:
    """"Peer support, effect on GP appointment: 20% (95% interval 9% to 30%)"."""
    return effect_line(intervention_name, effect.outcome, effect.value, effect.low, effect.high, services)


def effect_detail(effect) -> str:
    """Design, grade, people and how it was worked out, in one line."""
    design = SHORT_DESIGN_LABELS.get(effect.design, effect.design)
    method = effect.method[:1].upper() + effect.method[1:]
    return f"{design.capitalize()}, evidence grade {effect.grade}, {effect.n:,} people. {method}."


class EffectCard(QFrame):
    """One observed effect: what it is, how it was worked out and the button that uses it."""

    def __init__(self, number: int, effect, title: str, in_use: bool, parent=None):
        super().__init__(parent)
        self.effect = effect
        self.setObjectName("effect_card")
        self.title = QLabel(f"<b>{title}</b>")
        self.title.setObjectName(f"monitoring.effect.{number}")
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail = QLabel(effect_detail(effect))
        self.detail.setObjectName(f"monitoring.effect.{number}.method")
        self.detail.setWordWrap(True)
        self.detail.setStyleSheet("color: #425563; font-size: 9pt;")
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.use = QPushButton("In use as local evidence" if in_use else "Use as local evidence")
        self.use.setObjectName(f"monitoring.effect.{number}.use")
        self.use.setEnabled(not in_use)
        self.use.setAccessibleName(f"Use as local evidence: {title}")
        self.use.setToolTip("The intervention's figure becomes this local one, with its interval, design and grade "
                            "(Edit > Undo restores the figure it had)" if not in_use else
                            "The intervention already uses this local figure")
        words = QVBoxLayout()
        words.setSpacing(2)
        words.addWidget(self.title)
        words.addWidget(self.detail)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addLayout(words, 1)
        layout.addWidget(self.use, 0, Qt.AlignmentFlag.AlignVCenter)


class EffectsList(QWidget):
    """The cards of one option's observed effects; ``useRequested(effect)`` from a card's button."""

    useRequested = Signal(object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("monitoring.effects")
        self.setAccessibleName("Effects observed locally")
        self.setStyleSheet(CARD_STYLE)
        self.cards: list[EffectCard] = []
        self.empty = QLabel(NO_EFFECTS)
        self.empty.setWordWrap(True)
        self.empty.setProperty("role", "note")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(6)
        self._layout.addWidget(self.empty)

    def show_effects(self, effects, option, services: dict[str, str]) -> None:
        """Cards for ``effects`` of ``option`` (its interventions name them and say which are in use;
        ``services``: id -> name)."""
        for card in self.cards:
            self._layout.removeWidget(card)
            card.deleteLater()
        self.cards = []
        names = {iv.id: iv.name for iv in option.interventions}
        used = {iv.id: dict(iv.evidence) for iv in option.interventions}
        for number, effect in enumerate(effects):
            name = names.get(effect.intervention_id, effect.intervention_id)
            in_use = used.get(effect.intervention_id, {}).get(effect.outcome) == local_entry_id(effect.intervention_id, effect.outcome)
            card = EffectCard(number, effect, effect_title(effect, name, services), in_use, self)
            card.use.clicked.connect(lambda _=False, e=effect: self.useRequested.emit(e))
            self._layout.addWidget(card)
            self.cards.append(card)
        self.empty.setVisible(not self.cards)
