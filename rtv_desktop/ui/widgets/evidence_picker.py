"""The studies behind an intervention's figures: pick an entry of the evidence library, read its
card, use its figure; and what each outcome rests on now (MODEL.md 10e).

Object names: ``interventions.selected.evidence.entries`` (the entries for the approach),
``.card`` (the study card), ``.use`` (set the figure from the entry) and ``.status`` (what each
figure rests on, and the local figures whose design and grade need saying). An entry recorded
locally after go-live (the Monitoring page) is listed first and its card says
:data:`LOCAL_HEADING`.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...core import DESIGN_LABELS, Intervention, entries_for, entry
from ...core.declare import show
from ...core.library import LOCAL_PREFIX, EvidenceEntry, counts, figure_kind, figure_of, outcome_kind, outcome_words
from ...core.model import SHORT_DESIGN_LABELS

NAME = "interventions.selected.evidence."
LOCAL_HEADING = "Local evidence (from monitoring)"


def figure_text(found: EvidenceEntry) -> str:
    """The entry's figure in the model's units: "-13.6% (-24.5% to 0%), 95% CI"."""
    if not found.sets_figure:
        return "no figure in the model's units (it informs only)"
    kind = figure_kind(found.outcome)
    return (f"{show(kind, found.value)} ({show(kind, found.low)} to {show(kind, found.high)}), "
            f"{found.interval}")


def study_card(found: EvidenceEntry, services: dict[str, str]) -> str:
    """The entry as rich text: what was studied, how, what it found and how it becomes the figure."""
    rows = [("Figure", f"{outcome_words(found.outcome, services)}: {figure_text(found)}"),
            ("Design", f"{DESIGN_LABELS[found.design]}, evidence grade {found.grade}"),
            ("Population", found.population), ("Setting", found.setting),
            ("People", f"{found.n:,}" if isinstance(found.n, int) else str(found.n)),
            ("Follow-up", f"{found.follow_up_months:g} months" if isinstance(found.follow_up_months, (int, float))
             else str(found.follow_up_months)),
            ("As published", found.measure), ("Conversion", found.conversion), ("Notes", found.notes)]
    body = "".join(f"<tr><td><b>{escape(k)}</b></td><td>{escape(v)}</td></tr>" for k, v in rows)
    if found.is_local:  # measured here, not published: no link to follow
        return (f"<p><b>{LOCAL_HEADING}</b><br>{escape(found.citation)}</p>"
                f"<table cellspacing=\"2\">{body}</table>")
    return (f"<p><b>{escape(found.citation)}</b><br><a href=\"{escape(found.link)}\">{escape(found.link)}</a></p>"
            f"<table cellspacing=\"2\">{body}</table>")


def rests_on(iv: Intervention, services: dict[str, str], doc=None) -> list[str]:
    """A line per outcome with a figure: the entry it comes from (local evidence from monitoring
    when it is one of ``doc``'s local entries), or that it is a local figure or judgement with the
    design and grade it carries."""
    lines = []
    outcomes = [f"service:{sid}" for sid, _ in iv.effect] + ["wellbeing", "qaly"]
    for outcome in (o for o in outcomes if counts(figure_of(iv, o))):
        kind = outcome_kind(outcome)
        carried = f"{SHORT_DESIGN_LABELS[iv.design_of(kind)]}, grade {iv.grade_of(kind)}"
        cited = iv.evidence_for(outcome)
        found = entry(cited, doc) if cited else None
        source = (f"{LOCAL_HEADING[:1].lower()}{LOCAL_HEADING[1:]}" if found is not None and found.is_local
                  else f"from {cited}" if cited else "a local figure or judgement")
        lines.append(f"{outcome_words(outcome, services)}: {source} ({carried})")
    return lines


class EvidencePicker(QWidget):
    """Entries of the library for the intervention's approach; ``chosen(entry_id)`` to use one."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.services: dict[str, str] = {}
        self.document = None  # the open document: its local entries are listed with the library's
        self.entries = QComboBox()
        self.entries.setObjectName(NAME + "entries")
        self.entries.setAccessibleName("Studies in the evidence library for this approach")
        self.entries.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.entries.setMinimumContentsLength(20)
        self.entries.currentIndexChanged.connect(self._show_card)
        self.use = QPushButton("Use this study's figure")
        self.use.setObjectName(NAME + "use")
        self.use.clicked.connect(self._use)
        self.card = QLabel()
        self.card.setObjectName(NAME + "card")
        self.card.setWordWrap(True)
        self.card.setOpenExternalLinks(False)  # offline: the link is there to copy, not to open
        self.status = QLabel()
        self.status.setObjectName(NAME + "status")
        self.status.setWordWrap(True)
        self.status.setProperty("role", "note")
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.entries, 1)
        top.addWidget(self.use)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.status)
        layout.addLayout(top)
        layout.addWidget(self.card)

    def show_for(self, iv: Intervention, services: dict[str, str], typed_over: list[str] = (), doc=None) -> None:
        """The entries for ``iv``'s approach (``doc``'s local entries for it first), and what its
        figures rest on; ``typed_over`` are the outcomes just typed over a study's figure (their
        design and grade are now the user's to say)."""
        self.services, self.document = services, doc
        current = self.entries.currentData()
        listed = {self.entries.itemData(k) for k in range(self.entries.count())}
        self.entries.blockSignals(True)
        self.entries.clear()
        for found in entries_for(iv.approach, doc=doc):
            if found.is_local and not found.id.startswith(f"{LOCAL_PREFIX}{iv.id}-"):
                continue  # measured on another intervention
            where = "Local evidence" if found.is_local else found.citation.split('.')[0]
            label = (f"{outcome_words(found.outcome, services)}: {where} "
                     f"({SHORT_DESIGN_LABELS[found.design]}, grade {found.grade})")
            self.entries.addItem(label, found.id)
        cited_new = [eid for _o, eid in iv.evidence if eid.startswith(LOCAL_PREFIX) and eid not in listed]
        if cited_new and self.entries.findData(cited_new[0]) >= 0:  # just accepted on the Monitoring page: show it
            current = cited_new[0]
        if current is not None and self.entries.findData(current) >= 0:
            self.entries.setCurrentIndex(self.entries.findData(current))
        self.entries.blockSignals(False)
        lines = rests_on(iv, services, doc)
        warnings = [f"\u26a0 {outcome_words(o, services)} is now your own figure: say how it was measured and "
                    "how strong it is (its evidence design and grade above)." for o in typed_over]
        empty = "No study in the library for this approach yet." if self.entries.count() == 0 else ""
        self.status.setText("\n".join(warnings + lines + ([empty] if empty else [])) or
                            "Nothing counted yet: no effect, wellbeing or QALY gain.")
        self._show_card()

    def _selected(self) -> EvidenceEntry | None:
        entry_id = self.entries.currentData()
        return entry(entry_id, self.document) if entry_id else None

    def _show_card(self, *_args) -> None:
        found = self._selected()
        self.card.setText(study_card(found, self.services) if found else "")
        usable = found is not None and found.sets_figure and (
            not found.outcome.startswith("service:") or found.outcome[len("service:"):] in self.services)
        self.use.setEnabled(usable)
        if found is not None and found.sets_figure and not usable:
            self.use.setToolTip(f"Add the service '{found.outcome[len('service:'):]}' on the Assumptions page first")
        else:
            self.use.setToolTip("Set the figure, its interval, design and grade from this study")

    def _use(self) -> None:
        found = self._selected()
        if found is not None and found.sets_figure:
            self.chosen.emit(found.id)
