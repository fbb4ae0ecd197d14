"""Build the real Windows app under Wine, start it, and install and uninstall its installers.

    python3 packaging/windows_under_wine.py [--out dist/windows] [--cache DIR] [--skip-tests]

Needs Wine 8 (``apt-get install wine wine64``), wixl and msitools, nsis, fonts-dejavu-core
and uv; everything else comes from the package registries, pinned. In order:

1. resolve the Windows packages (packaging/windows/stack.toml) into OUT/windows-requirements.txt;
2. a 64-bit Wine prefix with Windows CPython and exactly those packages (cached);
3. the Qt-free tests (tests/core, tests/io) under that Windows Python;
4. the one-folder app, built under Wine by packaging/build.py with the project's spec;
5. the frozen program: windowed and console flags, ``--version``, ``--self-test``, a headless
   ``run`` of the default document equal to the Linux core's (OUT/run.json), the workbook it
   wrote read back on Linux with the same numbers, and bad input exiting 2;
6. the MSI (packaging/msi.py) and the per-user installer (packaging/nsis.py), each installed
   silently, its installed program self-tested, uninstalled, and nothing left behind.

OUT ends up holding rtv-desktop/ (the one-folder app), the .msi, the -user-setup.exe,
run.json, windows-requirements.txt and report.json (timings and sizes, also printed).
Exit code 0 only when every check passed. The cache (``~/.cache/rtv-desktop-windows``, or
``$RTV_WINDOWS_CACHE``) keeps the downloads and the Wine prefix for the next run.
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import msi
import nsis
import release_info
import windows_checks
import windows_stack
import wine_installers
import wine_python
from windows_checks import CheckFailed
from wine import Wine, WineError

DEFAULT_OUT = release_info.DIST_DIR / "windows"
WORK_DIR = release_info.BUILD_DIR / "windows"
# Every core and io test, slow ones too, in one process under Wine: the fast tier's options
# (pyproject addopts: -n auto and the marker filter) are replaced.
TEST_COMMAND = ["-m", "pytest", "tests/core", "tests/io", "-o", "addopts=-ra --strict-markers", "-p", "no:cacheprovider",
                "-q"]
FAILURES = (CheckFailed, WineError, subprocess.SubprocessError, OSError)


def default_cache() -> Path:
    return Path(os.environ.get("RTV_WINDOWS_CACHE") or Path.home() / ".cache" / "rtv-desktop-windows")


class Stop(Exception):
    """A step failed that later steps depend on."""


class Report:
    """Timings, sizes and problems of one run, printed as it goes and saved as report.json."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self.steps: list[str] = []
        self.sizes_mib: dict[str, float] = {}
        self.problems: list[str] = []
        self.notes: list[str] = []

    @contextlib.contextmanager
    def step(self, name: str, fatal: bool = True):
        print(f"windows: {name} ...", flush=True)
        self.steps.append(name)
        started = time.perf_counter()
        try:
            yield
        except FAILURES as exc:
            self.problems.append(f"{name}: {exc}")
            print(f"windows: FAILED: {name}: {exc}", file=sys.stderr, flush=True)
            if fatal:
                raise Stop from exc
        finally:
            self.seconds[name] = round(time.perf_counter() - started, 1)
            print(f"windows: {name}: {self.seconds[name]:.1f} s", flush=True)

    def size(self, name: str, path: Path) -> None:
        size = wine_installers.folder_size_mib(path) if path.is_dir() else path.stat().st_size / 2**20
        self.sizes_mib[name] = round(size, 1)

    def summary(self) -> str:
        lines = ["", "Windows build under Wine: timings"]
        lines += [f"  {seconds:7.1f} s  {name}" for name, seconds in self.seconds.items()]
        lines += ["Sizes"] + [f"  {mib:7.1f} MiB  {name}" for name, mib in self.sizes_mib.items()]
        lines += [f"Note: {note}" for note in self.notes]
        lines += [f"FAILED: {problem}" for problem in self.problems] or ["All Windows checks passed."]
        failed = len(self.problems)
        lines.append(f"windows: {len(self.steps) - failed} passed, {failed} failed")
        return "\n".join(lines)

    def save(self, path: Path) -> None:
        data = {"seconds": self.seconds, "sizes_mib": self.sizes_mib, "notes": self.notes, "problems": self.problems}
        path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")


def fresh_prefix(wine: Wine) -> Wine:
    """The cached prefix, unless an earlier run stopped mid-install (then a new one)."""
    if wine_installers.prefix_was_left_mid_check(wine):
        print("windows: the cached Wine prefix was left mid-install: starting a new one", flush=True)
        wine.stop()
        shutil.rmtree(wine.prefix)
    if not (wine.drive_c / "windows" / "system32").is_dir():
        wine.boot()
    return wine


def run_tests(python: wine_python.WindowsPython) -> None:
    done = python.run(TEST_COMMAND, cwd=release_info.ROOT, timeout=1800)
    print(done.stdout[-1500:].rstrip(), flush=True)
    if done.returncode != 0:
        raise CheckFailed(f"tests/core and tests/io fail under Windows Python (exit {done.returncode}):\n"
                          f"{(done.stdout + done.stderr)[-6000:]}")


def build_app(python: wine_python.WindowsPython, out: Path) -> Path:
    """packaging/build.py under Wine: the project's spec, PyInstaller for Windows, into OUT/rtv-desktop."""
    args = ["--no-check", "--dist-dir", python.wine.path(out), "--work-dir", python.wine.path(WORK_DIR / "pyinstaller")]
    done = python.run(python.script(release_info.PACKAGING_DIR / "build.py", args), cwd=release_info.ROOT, timeout=3600)
    app_dir = out / release_info.EXE_NAME
    if done.returncode != 0 or not (app_dir / f"{release_info.EXE_NAME}-cli.exe").is_file():
        raise CheckFailed(f"PyInstaller under Wine failed (exit {done.returncode}):\n{(done.stdout + done.stderr)[-6000:]}")
    return app_dir


def check_frozen_app(wine: Wine, app_dir: Path, out: Path, report: Report) -> float:
    """Start the one-folder program; return the Linux core's npv_fiscal for the installed checks."""
    WORK_DIR.mkdir(parents=True, exist_ok=True)
    document = windows_checks.write_default_document(WORK_DIR / "default-document.json")
    expected = windows_checks.linux_json(["rtv-desktop", "run", str(document)], "rtv-desktop run")
    npv_fiscal = expected["summary"]["npv_fiscal"]
    home = wine.shell_folder("TEMP") / "rtv-desktop-check-home"
    env = windows_checks.program_env(wine, home)
    cli = app_dir / f"{release_info.EXE_NAME}-cli.exe"
    with report.step("programs: windowed app and console twin, --version"):
        windows_checks.check_subsystems(app_dir)
        windows_checks.check_version(wine, cli, env)
    with report.step("frozen --self-test"):
        windows_checks.self_test(wine, cli, env, npv_fiscal)
    with report.step("the windowed program (the shortcut's target) starts: --self-test"):
        windows_checks.start(wine, app_dir / f"{release_info.EXE_NAME}.exe", ["--self-test"], env, "windowed --self-test")
    workbook = WORK_DIR / "written-on-windows.xlsx"
    workbook.unlink(missing_ok=True)  # overwriting needs CopyFile2, which Wine lacks
    with report.step("frozen headless run equals the Linux core"):
        result, _ = windows_checks.headless_run(wine, cli, document, env, expected, ["--out", wine.path(workbook)])
        (out / "run.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    with report.step("workbook written on Windows reads back on Linux"):
        read_back = windows_checks.linux_json(["rtv-desktop", "run", str(workbook)], "rtv-desktop run of the workbook")
        mismatches = windows_checks.numeric_mismatches(expected, read_back)
        if mismatches:
            raise CheckFailed("\n  ".join(["numbers differ:", *mismatches[:40]]))
    with report.step("bad input exits 2 with a message"):
        windows_checks.check_bad_input(wine, cli, WORK_DIR / "no-such-scenario.json", env)
    shutil.rmtree(home, ignore_errors=True)
    return npv_fiscal


def check_installers(wine: Wine, app_dir: Path, out: Path, npv_fiscal: float, report: Report) -> None:
    version = release_info.version()
    home = wine.shell_folder("TEMP") / "rtv-desktop-check-home"
    with report.step("build the MSI (wixl)"):
        msi_file = msi.build_msi(app_dir, out / release_info.msi_name(version), version, work_dir=WORK_DIR / "msi")
        report.size("MSI", msi_file)
    with report.step("build the per-user installer (makensis)"):
        setup = nsis.build_user_installer(app_dir, out / release_info.user_installer_name(version), version)
        report.size("per-user installer", setup)
    for installer in (wine_installers.msi_installer(wine, msi_file), wine_installers.user_installer(wine, setup)):
        with report.step(f"{installer.label}: install, self-test, uninstall, nothing left"):
            measured = wine_installers.check_installer(wine, installer, home, npv_fiscal)
            report.sizes_mib[f"installed by the {installer.label}"] = measured.pop("installed_mib")
            for name, seconds in measured.items():
                report.seconds[f"{installer.label}: {name.removesuffix('_seconds').replace('_', '-')}"] = seconds


def run_all(args: argparse.Namespace, report: Report) -> None:
    out = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    stack = windows_stack.load_stack()
    lock = out / "windows-requirements.txt"
    with report.step("resolve the Windows packages"):
        locked = windows_stack.locked_versions(windows_stack.resolve(stack, lock))
        report.notes += [f"not pinned for Windows yet: {line} (pin it in packaging/windows/stack.toml)"
                         for line in windows_stack.unpinned(locked, stack)]
    with report.step("Wine prefix"):
        wine = fresh_prefix(Wine(args.cache / "prefix"))
    with report.step("Windows Python and the pinned packages"):
        python, timings = wine_python.prepare(wine, stack, lock, args.cache)
        report.seconds.update({name: round(seconds, 1) for name, seconds in timings.items()})
    if not args.skip_tests:
        with report.step("tests/core and tests/io under Windows Python", fatal=False):
            run_tests(python)
    with report.step("build the one-folder app (PyInstaller under Wine)"):
        app_dir = build_app(python, out)
        report.size("one-folder app", app_dir)
    npv_fiscal = check_frozen_app(wine, app_dir, out, report)
    check_installers(wine, app_dir, out, npv_fiscal, report)


@contextlib.contextmanager
def cache_lock(cache: Path):
    """One run at a time per cache: two would install into the same Wine prefix."""
    cache.mkdir(parents=True, exist_ok=True)
    with (cache / "lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where the results go (dist/windows)")
    parser.add_argument("--cache", type=Path, default=default_cache(), help="downloads and the Wine prefix")
    parser.add_argument("--skip-tests", action="store_true", help="do not run tests/core and tests/io under Wine")
    args = parser.parse_args(argv)
    report = Report()
    started = time.perf_counter()
    with cache_lock(args.cache):
        with contextlib.suppress(Stop):
            run_all(args, report)
    report.seconds["total"] = round(time.perf_counter() - started, 1)
    args.out.mkdir(parents=True, exist_ok=True)
    report.save(args.out / "report.json")
    print(report.summary(), flush=True)
    return 1 if report.problems else 0


if __name__ == "__main__":
    sys.exit(main())
