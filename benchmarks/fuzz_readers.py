"""A bounded fuzz campaign over the file readers; prints JSON figures.

    uv run python benchmarks/fuzz_readers.py [--cases 2000] [--seed 1]

For the scenario JSON reader and the workbook reader it reads damaged
copies of a valid file (truncated, bytes flipped, bytes spliced in, values replaced by
wrong types and extreme numbers, fields removed) and hostile files near the size caps
(20 MB of nesting, digits, list items). It reports the number of cases, crashes (must be
0: see ``tests/robustness/oracle.py``) and the longest time any single file took (target:
under 5 s). Crashing inputs are saved under ``tests/robustness/crashers/new/`` for review.
"""

from __future__ import annotations

import argparse
import gc
import io
import json
import random
import re
import sys
import tempfile
import time
import traceback
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rtv_desktop.core import Document, default_scenario  # noqa: E402
from rtv_desktop.io import load_scenario  # noqa: E402
from rtv_desktop.io.limits import MAX_JSON_BYTES, MAX_WORKBOOK_UNPACKED_BYTES  # noqa: E402
from rtv_desktop.io.scenario_json import scenario_json_text  # noqa: E402
from rtv_desktop.io.workbook.write import write_workbook  # noqa: E402
from tests.robustness import oracle  # noqa: E402

NEAR_CAP = MAX_JSON_BYTES - 1024


def json_mutants(rng: random.Random, count: int):
    """(label, bytes) pairs: damaged copies of a valid scenario file."""
    text = scenario_json_text(default_scenario())
    data, raw = json.loads(text), text.encode()
    paths = oracle.leaf_paths(data)
    values = [None, True, "text", [], {}, -1, 0.5, *oracle.EXTREME_NUMBERS]
    makers = [
        lambda: ("truncated", oracle.truncate(raw, rng.randrange(len(raw)))),
        lambda: ("flipped", oracle.flip(raw, [(rng.randrange(len(raw)), rng.randrange(256))
                                              for _ in range(rng.randint(1, 8))])),
        lambda: ("spliced", oracle.splice(raw, rng.randrange(len(raw)), rng.randbytes(rng.randint(0, 16)),
                                          rng.randint(0, 64))),
        lambda: ("value", json.dumps(oracle.replaced(data, rng.choice(paths), rng.choice(values))).encode()),
        lambda: ("removed", json.dumps(oracle.removed(data, rng.choice(paths[1:]))).encode()),
        lambda: ("random", rng.randbytes(rng.randint(0, 512))),
    ]
    for _ in range(count):
        yield rng.choice(makers)()


def json_hostile():
    """(label, bytes) pairs: files built to be slow or to exhaust memory, just under the cap."""
    scenario = json.loads(scenario_json_text(default_scenario()))
    head = json.dumps({**scenario, "notes": "@@"}).encode()
    fill = NEAR_CAP - len(head)
    yield "over-cap", b" " * (MAX_JSON_BYTES + 1)
    yield "deep-nesting", b"[" * NEAR_CAP
    yield "huge-digits", b"1" * NEAR_CAP
    yield "huge-fraction", b"0." + b"1" * NEAR_CAP
    yield "list-of-ints", b"[" + b"1," * (NEAR_CAP // 2 - 1) + b"1]"
    yield "notes-list-of-ints", head.replace(b'"@@"', b"[" + b"1," * (fill // 2 - 1) + b"1]")
    yield "notes-list-of-nan", head.replace(b'"@@"', b"[" + b"NaN," * (fill // 4 - 1) + b"NaN]")
    yield "notes-long-text", head.replace(b'"@@"', b'"' + b"a" * fill + b'"')
    yield "many-keys", b"{" + b",".join(b'"k%d":0' % k for k in range(NEAR_CAP // 12)) + b"}"
    yield "escapes", head.replace(b'"@@"', b'"' + b"\\ud800" * (fill // 6) + b'"')


def workbook_mutants(rng: random.Random, count: int, template: bytes):
    """(label, bytes) pairs: damaged copies of an RtV workbook, plus zip bombs."""
    makers = [
        lambda: ("truncated", oracle.truncate(template, rng.randrange(len(template)))),
        lambda: ("flipped", oracle.flip(template, [(rng.randrange(len(template)), rng.randrange(256))
                                                   for _ in range(rng.randint(1, 8))])),
        lambda: ("member-junk", _replace_member(template, rng, rng.randbytes(rng.randint(0, 256)))),
        lambda: ("member-cut", _replace_member(template, rng, None)),
    ]
    for _ in range(count):
        yield rng.choice(makers)()
    yield "zip-bomb", _zip_of_zeros(NEAR_CAP * 10)
    yield "big-pasted-sheet", _with_big_sheet(template, rng)
    yield from hidden_record_cases(template)


def _with_big_sheet(template: bytes, rng: random.Random) -> bytes:
    """The template plus a sheet of random numbers, unpacking to just under the size cap."""
    import openpyxl  # noqa: PLC0415

    book = openpyxl.load_workbook(io.BytesIO(template))
    sheet = book.create_sheet("Pasted data")
    for _ in range(int(MAX_WORKBOOK_UNPACKED_BYTES * 0.9) // (20 * 48)):  # ~48 bytes of XML a cell
        sheet.append([rng.random() for _ in range(20)])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def hidden_record_cases(template: bytes):
    """The hidden sheet's copy of the exported scenario replaced by hostile JSON."""
    import openpyxl  # noqa: PLC0415

    scenario = json.loads(scenario_json_text(default_scenario()))
    scenario["area"]["population"] = "@@"
    texts = {"hidden-huge-int": json.dumps(scenario).replace('"@@"', "1" + "0" * 400),
             "hidden-deep": "[" * 30_000, "hidden-nan": json.dumps(scenario).replace('"@@"', "NaN"),
             "hidden-not-json": "{", "hidden-list": "[1, 2]"}
    for label, text in texts.items():
        book = openpyxl.load_workbook(io.BytesIO(template))
        sheet = book["_rtv"]
        rows = {str(sheet.cell(r, 1).value): r for r in range(1, 8)}
        sheet.cell(rows["json_chunks"], 2).value = 1
        sheet.cell(8, 1).value = text
        sheet.cell(8, 1).data_type = "s"
        out = io.BytesIO()
        book.save(out)
        yield label, out.getvalue()


def _replace_member(template: bytes, rng: random.Random, junk: bytes | None) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(template))
    names = source.namelist()
    victim = rng.choice(names)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in names:
            body = source.read(name)
            if name == victim:
                body = junk if junk is not None else body[: rng.randrange(len(body) + 1)]
            target.writestr(name, body)
    return out.getvalue()


def _zip_of_zeros(size: int) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive, archive.open("xl/workbook.xml", "w") as m:
        chunk = bytes(1024 * 1024)
        for _ in range(size // len(chunk)):
            m.write(chunk)
    return out.getvalue()


def campaign(cases, suffix: str, folder: Path, check_leaks: bool = False) -> dict:
    """Read every case from a file; count outcomes and crashes, time each file.

    With ``check_leaks`` a file left open by the reader counts as a crash (older objects
    are frozen so the garbage collection after each case stays cheap).
    """
    counts = {oracle.ACCEPTED: 0, oracle.REFUSED: 0}
    crashes, slowest = [], (0.0, "")
    path = folder / f"case{suffix}"
    gc.freeze()
    for label, data in cases:
        path.write_bytes(data)
        start = time.perf_counter()
        try:
            counts[oracle.answer(load_scenario, path, check_leaks=check_leaks)] += 1
        except Exception as exc:  # noqa: BLE001 - every crash is recorded, not raised
            saved = oracle.save_crasher(data, suffix, always=True)
            frame = traceback.extract_tb(exc.__traceback__)[-1]
            crashes.append({"kind": label, "error": f"{type(exc).__name__}: {exc}".splitlines()[0][:160],
                            "raised_in": f"{Path(frame.filename).name}:{frame.lineno}", "saved": saved.name})
        elapsed = time.perf_counter() - start
        slowest = max(slowest, (elapsed, label))
    gc.unfreeze()
    return {"cases": sum(counts.values()) + len(crashes), **counts, "crashes": len(crashes),
            "max_seconds_per_file": round(slowest[0], 3), "slowest_kind": slowest[1],
            "crash_kinds": crash_kinds(crashes)}


def crash_kinds(crashes: list[dict]) -> list[dict]:
    """Crashes grouped by error (file names stripped), with a count and one saved example."""
    groups: dict[str, dict] = {}
    for crash in crashes:
        key = re.sub(r"'[^']*'", "'...'", crash["error"]) + " @ " + crash["raised_in"]
        group = groups.setdefault(key, {"error": key, "count": 0, "example": crash["saved"], "kinds": set()})
        group["count"] += 1
        group["kinds"].add(crash["kind"])
    return [{**g, "kinds": sorted(g["kinds"])} for g in groups.values()]


def template_workbook(folder: Path) -> bytes:
    return write_workbook(Document.from_scenario(default_scenario()), folder / "template.xlsx").read_bytes()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=2000, help="damaged copies per reader")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        report = {"seed": args.seed,
                  "json": campaign([*json_mutants(rng, args.cases), *json_hostile()], ".json", folder)}
        template = template_workbook(folder)
        report["workbook"] = campaign(workbook_mutants(rng, args.cases, template), ".xlsx", folder,
                                      check_leaks=True)
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
