"""The shipped guides (``docs/user-guide.md``, ``docs/method.md``) as text, for Help and the report.

The method guide ends with the table of every shipped default, its source and price year,
generated here from :func:`rtv_desktop.core.default_sources`, so the app, the report and the
data can never disagree. Section anchors follow GitHub's rule (:func:`slug`), so a link
``method.md#uncertainty`` works in the app, in the report and on a code host alike.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..core import (APPROACH_LABELS, GROUP_LABELS, Area, Intervention, Settings, default_sources, service_catalogue,
                    specs)
from ..resources import docs_dir

USER_GUIDE, METHOD = "user-guide", "method"
GUIDES = {USER_GUIDE: "User guide", METHOD: "How the figures are calculated"}
_NOT_SLUG = re.compile(r"[^\w\- ]", re.UNICODE)


def slug(heading: str) -> str:
    """A heading's anchor as GitHub makes it: lower case, punctuation dropped, spaces to hyphens."""
    text = heading.strip().lower().replace("`", "")
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # a link in a heading keeps its words
    return _NOT_SLUG.sub("", text).replace(" ", "-")


@lru_cache(maxsize=4)
def guide_markdown(name: str, approaches=None) -> str:
    """The text of a shipped guide; the method guide with its generated defaults table (of the
    approaches named in ``approaches`` only, when given: a report lists what its options use)."""
    if name not in GUIDES:
        raise ValueError(f"no guide named {name!r}: one of {', '.join(GUIDES)}")
    text = (docs_dir() / f"{name}.md").read_text(encoding="utf-8")
    if name == METHOD:
        text = text.rstrip() + "\n\n" + defaults_table_markdown(approaches) + "\n"
    return text


def headings(markdown: str) -> list[tuple[int, str, str]]:
    """``(level, text, anchor)`` of every heading, in order (code blocks skipped)."""
    out, fenced = [], False
    for line in markdown.splitlines():
        if line.startswith("```"):
            fenced = not fenced
        match = None if fenced else re.match(r"^(#{1,6})\s+(.*?)\s*#*\s*$", line)
        if match:
            out.append((len(match.group(1)), match.group(2), slug(match.group(2))))
    return out


def anchors(name: str) -> set[str]:
    return {anchor for _level, _text, anchor in headings(guide_markdown(name))}


def defaults_table_markdown(approaches=None) -> str:
    """Every shipped default with its value, source and price year, as a Markdown table; with
    ``approaches``, the defaults of other approaches are left out."""
    lines = ["| Default | Value | Source | Price year |", "|---|---|---|---|"]
    for source in default_sources():
        if approaches is not None and not _of_approaches(source.path, approaches):
            continue
        flag = " **(assumption)**" if source.assumption else ""
        lines.append(f"| {_cell(source_label(source.path))} | {_cell(source.value)} | {_cell(source.source)}{flag} | "
                     f"{_cell(source.price_year) or '-'} |")
    return "\n".join(lines)


def _of_approaches(path: str, approaches) -> bool:
    """Whether a default's ``path`` concerns every approach, or one of ``approaches``."""
    parts = path.split(".")
    return parts[0] != "approach" or len(parts) < 2 or parts[1] == "common" or parts[1] in approaches


def _cell(text: str) -> str:
    return str(text).replace("|", "/").replace("\n", " ").strip()


def source_label(path: str) -> str:
    """A shipped default's path in the words of the screen ("Peer support: Reach per year")."""
    parts = path.split(".")
    head, rest = parts[0], parts[1:]
    labels = {cls: dict((name, spec.label) for name, spec in specs(cls)) for cls in (Area, Settings, Intervention)}
    services = {svc.id: svc.name for svc in service_catalogue()}
    if head == "area" and rest:
        return labels[Area].get(rest[0], rest[0])
    if head == "settings" and rest:
        return labels[Settings].get(rest[0], rest[0])
    if head == "services" and len(rest) == 2:
        field = {"unit_cost": "Unit cost", "cashable_share": "Cashable share"}.get(rest[1], rest[1])
        return f"{services.get(rest[0], rest[0])}: {field}"
    if head == "baseline_use" and len(rest) == 2:
        return f"Baseline use of {services.get(rest[1], rest[1])}, {GROUP_LABELS.get(rest[0], rest[0])}"
    if head == "approach" and rest:
        if rest[0] == "common":
            return "Every approach"
        name = APPROACH_LABELS.get(rest[0], rest[0])
        return f"{name}: {labels[Intervention].get(rest[1], rest[1])}" if len(rest) > 1 else name
    return path
