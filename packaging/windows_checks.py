"""Checks of the frozen Windows program, started under Wine and compared with the Linux core.

Each check returns what it measured and raises CheckFailed with the program's own words when
the program does not start, crashes, or computes different numbers. Standard library only.
"""

from __future__ import annotations

import json
import math
import struct
import subprocess
import time
from pathlib import Path

import release_info
from wine import Wine

REL_TOL = 1e-9  # numbers are computed by the same numpy code, only the platform differs
ABS_TOL = 1e-9  # a billionth of a pound or a person: so a zero may come back as 1e-13
SUBSYSTEMS = {2: "windowed", 3: "console"}
FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"),)
# The document both platforms compute: the app's own default, written by the Linux core.
DEFAULT_DOCUMENT_SCRIPT = (
    "import json, sys\n"
    "from rtv_desktop import core\n"
    "make = getattr(core, 'default_document', None) or core.default_scenario\n"
    "json.dump(make().to_dict(), sys.stdout)\n"
)


class CheckFailed(RuntimeError):
    """The Windows program did not do what the release promises."""


def numeric_mismatches(expected, actual, path: str = "") -> list[str]:
    """Where two JSON values differ: keys and lengths exactly, numbers to REL_TOL, the rest exactly."""
    where = path or "(top)"
    if isinstance(expected, dict) and isinstance(actual, dict):
        found = [f"{where}: key {key!r} missing" for key in expected if key not in actual]
        found += [f"{where}: unexpected key {key!r}" for key in actual if key not in expected]
        for key in expected.keys() & actual.keys():
            found += numeric_mismatches(expected[key], actual[key], f"{path}.{key}" if path else str(key))
        return sorted(found)
    if isinstance(expected, list) and isinstance(actual, list):
        if len(expected) != len(actual):
            return [f"{where}: {len(actual)} items instead of {len(expected)}"]
        return [m for i, (e, a) in enumerate(zip(expected, actual)) for m in numeric_mismatches(e, a, f"{path}[{i}]")]
    if _is_number(expected) and _is_number(actual):
        if math.isnan(expected) and math.isnan(actual):
            return []
        if math.isclose(expected, actual, rel_tol=REL_TOL, abs_tol=ABS_TOL):
            return []
        return [f"{where}: {actual!r} instead of {expected!r}"]
    return [] if expected == actual and type(expected) is type(actual) else [f"{where}: {actual!r} instead of {expected!r}"]


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def pe_subsystem(data: bytes) -> int:
    """The Windows subsystem a program asks for: 2 windowed (GUI), 3 console."""
    if data[:2] != b"MZ":
        raise ValueError("not a Windows program (no MZ header)")
    pe_offset = struct.unpack_from("<I", data, 0x3C)[0]
    if data[pe_offset:pe_offset + 4] != b"PE\0\0":
        raise ValueError("not a Windows program (no PE header)")
    optional_header = pe_offset + 24  # signature (4) + COFF file header (20)
    return struct.unpack_from("<H", data, optional_header + 68)[0]  # same offset in PE32 and PE32+


def font_dir() -> Path:
    """Fonts for offscreen Qt under Wine, which finds none by itself."""
    for folder in FONT_DIRS:
        if any(folder.glob("*.ttf")):
            return folder
    raise CheckFailed("no fonts for offscreen Qt: apt-get install fonts-dejavu-core")


def program_env(wine: Wine, home: Path) -> dict[str, str]:
    """What a Windows program of the app gets: offscreen Qt with fonts, its own files in ``home``."""
    return {"QT_QPA_PLATFORM": "offscreen", "QT_QPA_FONTDIR": wine.path(font_dir()), "RTV_DESKTOP_HOME": wine.path(home)}


def linux_json(args: list[str], what: str) -> dict:
    """Run ``uv run ...`` in the source checkout (the Linux core) and read its JSON."""
    done = subprocess.run(["uv", "run", "--quiet", *args], cwd=release_info.ROOT, capture_output=True, text=True,
                          check=False, timeout=600)
    if done.returncode != 0:
        raise CheckFailed(f"{what} on Linux failed (exit {done.returncode}):\n{done.stderr[-3000:]}")
    return json.loads(done.stdout)


def write_default_document(path: Path) -> Path:
    path.write_text(json.dumps(linux_json(["python", "-c", DEFAULT_DOCUMENT_SCRIPT], "writing the default document")),
                    encoding="utf-8")
    return path


def check_subsystems(app_dir: Path) -> dict[str, str]:
    """The app is windowed (no console flashes up); its -cli twin is a console program."""
    wanted = {f"{release_info.EXE_NAME}.exe": 2, f"{release_info.EXE_NAME}-cli.exe": 3}
    found = {name: pe_subsystem((app_dir / name).read_bytes()) for name in wanted}
    wrong = [f"{name} is {SUBSYSTEMS.get(got, got)}, not {SUBSYSTEMS[wanted[name]]}"
             for name, got in found.items() if got != wanted[name]]
    if wrong:
        raise CheckFailed("; ".join(wrong))
    return {name: SUBSYSTEMS[got] for name, got in found.items()}


def start(wine: Wine, program: Path | str, args: list[str], env: dict[str, str], what: str,
          expect_exit: int = 0) -> tuple[subprocess.CompletedProcess, float]:
    """Start the program under Wine; return its output and the seconds it took."""
    program = program if isinstance(program, str) else wine.path(program)
    started = time.perf_counter()
    done = wine.run([program, *args], env=env, timeout=600)
    seconds = time.perf_counter() - started
    if done.returncode != expect_exit:
        raise CheckFailed(f"{what}: exit {done.returncode}, expected {expect_exit}:\n"
                          f"{(done.stdout + done.stderr).strip()[-4000:]}")
    return done, seconds


def check_version(wine: Wine, cli: Path | str, env: dict[str, str]) -> str:
    done, _ = start(wine, cli, ["--version"], env, "--version")
    expected = f"RtV Desktop {release_info.version()}"
    if done.stdout.strip() != expected:
        raise CheckFailed(f"--version printed {done.stdout.strip()!r}, not {expected!r}")
    return expected


def self_test(wine: Wine, cli: Path | str, env: dict[str, str], expected_npv_fiscal: float) -> tuple[dict, float]:
    """``--self-test``: the window offscreen, the default scenario on the worker, a workbook saved."""
    done, seconds = start(wine, cli, ["--self-test"], env, "--self-test")
    report = _json(done.stdout, "--self-test")
    if report.get("ok") is not True:
        raise CheckFailed(f"--self-test reported a failure: {report}")
    mismatch = numeric_mismatches(expected_npv_fiscal, report.get("npv_fiscal"), "npv_fiscal")
    if mismatch:
        raise CheckFailed(f"--self-test computed other numbers than the Linux core: {mismatch}")
    return report, seconds


def headless_run(wine: Wine, cli: Path | str, document: Path, env: dict[str, str], expected: dict,
                 extra: list[str] = ()) -> tuple[dict, float]:
    """``run DOCUMENT``: the printed JSON must equal the Linux core's, leaf by leaf."""
    done, seconds = start(wine, cli, ["run", wine.path(document), *extra], env, "headless run")
    result = _json(done.stdout, "headless run")
    mismatches = numeric_mismatches(expected, result)
    if mismatches:
        raise CheckFailed("the Windows program's numbers differ from the Linux core's:\n  " + "\n  ".join(mismatches[:40]))
    return result, seconds


def check_bad_input(wine: Wine, cli: Path | str, missing: Path, env: dict[str, str]) -> None:
    """A missing file: exit 2 and a one-line message, never a traceback."""
    done, _ = start(wine, cli, ["run", wine.path(missing)], env, "run of a missing file", expect_exit=2)
    if "Traceback" in done.stderr or not done.stderr.strip():
        raise CheckFailed(f"a missing file gave no clear message:\n{done.stderr[-2000:]}")


def _json(text: str, what: str) -> dict:
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        raise CheckFailed(f"{what} printed no JSON:\n{text[-2000:]}") from None
