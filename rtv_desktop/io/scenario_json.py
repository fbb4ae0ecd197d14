"""Scenario files (``.json``): the documented ``Document.to_dict`` form (version 1 still reads).

Reading refuses, with a message naming the place and what to do, anything that is not a
scenario: empty, truncated, binary or non-UTF-8 files, files over 20 MB, absurd nesting,
NaN, infinity and numbers too large for the model, broken text, wrong types and missing
fields. Nothing but :class:`InputFileError` escapes :func:`read_scenario_json`.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from .. import messages
from ..core import Document, Scenario, describe_field, described, errors, read_document, validate_document
from ..core.serialize import FORMAT_NAME, FORMAT_VERSION
from .atomic import atomic_write_bytes
from .errors import InputFileError, Problem, SaveError
from .limits import MAX_JSON_BYTES, MAX_JSON_VALUES, number_problem, read_capped_bytes

__all__ = ["MAX_JSON_BYTES", "decode_scenario_bytes", "document_from_data", "document_json_text",
           "field_problems", "parse_json_text", "read_document_json", "read_scenario_json", "scenario_from_data",
           "scenario_from_json_text", "scenario_json_text", "value_problems", "write_scenario_json"]

# Enough to show every real problem; a file with thousands is not a scenario anyway.
MAX_PROBLEMS = 100
_SURROGATE = re.compile("[\ud800-\udfff]")
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def field_problems(issues) -> list[Problem]:
    """Turn core ``Issue``s into located ``Problem``s, worded with the field's label."""
    return [Problem("", issue.text, issue.field) for issue in issues]


def read_document_json(path) -> Document:
    """Read a document file (version 1 or 2); raises ``InputFileError`` with every problem."""
    path = Path(path)
    raw = read_capped_bytes(path, MAX_JSON_BYTES)
    return document_from_data(parse_json_text(decode_scenario_bytes(raw, path), path), path)


def read_scenario_json(path) -> Scenario:
    """The first option of a document file as a scenario (see :func:`read_document_json`)."""
    return read_document_json(path).scenario(0)


def decode_scenario_bytes(raw: bytes, path) -> str:
    """UTF-8 text (a leading byte-order mark is allowed); binary and other encodings refused."""
    if raw.startswith(_UTF16_BOMS) or b"\x00" in raw:
        problem = messages.not_utf8_problem(0) if raw.startswith(_UTF16_BOMS) else messages.binary_file_problem()
        raise _refuse(path, [Problem("", problem)])
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _refuse(path, [Problem("", messages.not_utf8_problem(exc.start))]) from None


def scenario_from_json_text(text: str, path="scenario") -> Scenario:
    """Parse and validate a scenario; raises ``InputFileError`` listing every problem."""
    return document_from_data(parse_json_text(text, path), path).scenario(0)


def scenario_from_data(data, path="scenario", check_ranges: bool = True) -> Scenario:
    return document_from_data(data, path, check_ranges).scenario(0)


def document_from_data(data, path="scenario", check_ranges: bool = True) -> Document:
    """A document from parsed JSON; ``InputFileError`` listing every problem at once.

    Problems of type and structure and out-of-range values are found in one pass (values
    that could not be read stand in as placeholders and are not range-checked again).
    ``check_ranges=False`` skips the range checks: an automatic save may hold a value the
    user was still correcting. Unusable values in ``data`` (NaN, huge numbers, broken text)
    are replaced in place while it is checked.
    """
    if not _looks_like_scenario(data):
        raise _refuse(path, [Problem("", messages.not_a_scenario_problem())])
    problems = value_problems(data, neutralise=True)
    if len(problems) >= MAX_PROBLEMS or any(not p.field for p in problems):
        raise InputFileError(path, problems[:MAX_PROBLEMS], f"'{path}' has values RtV Desktop cannot use")
    problems += _version_problems(data)
    doc, issues = read_document(data)
    unread = {p.field for p in problems} | {i.field for i in issues}
    issues = described(issues, doc)
    if check_ranges:
        issues += [i for i in errors(validate_document(doc)) if not _near(i.field, unread)]
    problems += [p for p in field_problems(issues) if p.field not in {q.field for q in problems}]
    if problems:
        raise InputFileError(path, problems[:MAX_PROBLEMS], f"'{path}' has {len(problems)} problem(s) to fix")
    return doc


def _near(field: str, unread: set[str]) -> bool:
    """True when ``field`` is, or lies inside or around, a value that could not be read."""
    return any(field == u or field.startswith(u + ".") or u.startswith(field + ".") for u in unread)


def _looks_like_scenario(data) -> bool:
    """Ours by its format tag, or (hand-written) by having an area or interventions."""
    if not isinstance(data, dict) or data.get("format", FORMAT_NAME) != FORMAT_NAME:
        return False
    return "format" in data or "area" in data or "interventions" in data or "options" in data


# What can be left at the end of a file cut inside a number or a true/false/null.
_CUT_TAIL = re.compile(r"[-+.\deE]*|t(?:r(?:ue?)?)?|f(?:a(?:l(?:se?)?)?)?|n(?:u(?:ll?)?)?")


def _cut_short(text: str, exc: json.JSONDecodeError) -> bool:
    """True when the error is the end of a cut file, not a mistake inside it."""
    return exc.msg.startswith("Unterminated string") or bool(_CUT_TAIL.fullmatch(text[exc.pos:].rstrip()))


def parse_json_text(text: str, path="scenario"):
    """JSON values of ``text``; NaN and infinities are kept for :func:`value_problems` to locate."""
    try:
        return json.loads(text)  # NaN and Infinity become floats; value_problems names their field
    except json.JSONDecodeError as exc:
        truncated = _cut_short(text, exc)
        problem = messages.truncated_json_problem() if truncated else messages.invalid_json_problem(exc.msg)
        raise _refuse(path, [Problem(f"line {exc.lineno}, column {exc.colno}", problem)]) from None
    except RecursionError:
        raise _refuse(path, [Problem("", messages.too_deep_problem())]) from None
    except ValueError:  # an integer of thousands of digits (Python refuses to convert it)
        raise _refuse(path, [Problem("", messages.number_too_long_problem())]) from None
    except MemoryError:
        raise _refuse(path, [Problem("", messages.too_big_problem(MAX_JSON_BYTES))]) from None


def value_problems(data, neutralise: bool = False) -> list[Problem]:
    """Unusable numbers and broken text anywhere in ``data``, each with its scenario path.

    Iterative, so any nesting the JSON parser accepted is walked without recursion; it
    stops after :data:`MAX_PROBLEMS` problems, and refuses outright a file holding more
    values than any scenario could (so a 20 MB list is answered in a fraction of a second).
    With ``neutralise``, each unusable value is replaced (0.0 or "") so that the rest of
    ``data`` can still be checked for other problems.
    """
    problems: list[Problem] = []
    stack: list[tuple[str, object, object, object]] = [("", data, None, None)]
    seen = 1
    while stack and len(problems) < MAX_PROBLEMS:
        path, value, parent, key = stack.pop()
        if isinstance(value, (dict, list)):
            seen += len(value)  # counted before any child is looked at, so a huge list costs nothing
            if seen > MAX_JSON_VALUES:
                return [Problem("", messages.too_many_values_problem(MAX_JSON_VALUES))]
            stack.extend(reversed(_children(path, value)))  # reversed, so problems come in the file's order
            if isinstance(value, dict):
                problems += [_at(_child_path(path, k), messages.bad_text_problem())
                             for k in value if _SURROGATE.search(k)]
            continue
        problem = (messages.bad_text_problem() if isinstance(value, str) and _SURROGATE.search(value)
                   else number_problem(value))
        if problem:
            problems.append(_at(path, problem))
            if neutralise and parent is not None:
                parent[key] = "" if isinstance(value, str) else 0.0
    return problems


def _children(path: str, value) -> list[tuple[str, object, object, object]]:
    if isinstance(value, dict):
        return [(_child_path(path, k), item, value, k) for k, item in value.items()]
    return [(f"{path}[{k}]", item, value, k) for k, item in enumerate(value)]


def _child_path(path: str, key: str) -> str:
    return f"{path}.{_shown(key)}" if path else _shown(key)


def _shown(key: str) -> str:
    """A key as it can be printed (a broken character shown as its escape)."""
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", key)


def _version_problems(data: dict) -> list[Problem]:
    version = data.get("version", FORMAT_VERSION)
    if isinstance(version, int) and not isinstance(version, bool) and 1 <= version <= FORMAT_VERSION:
        return []
    return [_at("version", f"is {version!r}; this RtV Desktop reads scenario files of version "
                           f"{FORMAT_VERSION}. Install the newer RtV Desktop that saved this file.")]


def _at(path: str, message: str) -> Problem:
    return Problem(describe_field(path), message, path)


def _refuse(path, problems: list[Problem]) -> InputFileError:
    return InputFileError(path, problems, messages.cannot_open_summary(path))


def document_json_text(doc: Document) -> str:
    """The file's text; ``ValueError`` naming the field if a value cannot be stored.

    A scenario is saved as a document of one option: ``Document.from_scenario(s)``.
    """
    data = doc.to_dict()
    problems = value_problems(data)
    if problems:
        raise ValueError(f"{problems[0].where} {problems[0].message}")
    return json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def scenario_json_text(s: Scenario) -> str:
    """A scenario's file text: a document of one option."""
    return document_json_text(Document.from_scenario(s))


def write_scenario_json(doc: Document, path) -> Path:
    """Write a document atomically (old file kept as .bak).

    Raises
    ------
    SaveError
        If it holds a value that cannot be stored, or the file cannot be written; the
        previous file is unchanged either way.
    """
    try:
        data = document_json_text(doc).encode("utf-8")
    except UnicodeEncodeError as exc:
        raise SaveError(messages.cannot_store_value(path, messages.bad_text_problem())) from exc
    except (ValueError, TypeError) as exc:
        raise SaveError(messages.cannot_store_value(path, exc)) from exc
    return atomic_write_bytes(path, data)
