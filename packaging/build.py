"""Build the one-folder app into dist/rtv-desktop/ and start it to prove it works.

    python packaging/build.py [--clean] [--reuse] [--no-check] [--dist-dir DIR] [--work-dir DIR]

PyInstaller builds for the machine it runs on (Windows builds need Windows). It reports
"Build complete" even when the app package was missing, so the result is always started:
``--version`` (imports the valuation core and file readers) and, when the app has it,
``--self-test`` (opens the window offscreen and runs a scenario). Exit code 0 means both passed.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import release_info

SPEC = release_info.PACKAGING_DIR / "rtv-desktop.spec"
WORK_DIR = release_info.BUILD_DIR / "pyinstaller"
LOCK_FILE = release_info.BUILD_DIR / "frozen-build.lock"
# What the one-folder build is made from: a build older than any of these is stale.
BUILD_INPUTS = ("rtv_desktop", "resources", "pyproject.toml", *(f"packaging/{name}" for name in (
    "rtv-desktop.spec", "launcher.py", "bundle_filter.py", "release_info.py", "version_resource.py")))


def pyinstaller_command() -> list[str]:
    """This interpreter if it has PyInstaller (and the app's dependencies), else uv's venv."""
    if importlib.util.find_spec("PyInstaller") and importlib.util.find_spec("PySide6"):
        return [sys.executable, "-m", "PyInstaller"]
    uv = shutil.which("uv")
    if not uv:
        raise SystemExit("build: PyInstaller is not installed. Run `uv sync --extra packaging` or `pip install .[packaging]`.")
    return [uv, "run", "--extra", "packaging", "python", "-m", "PyInstaller"]


def frozen_program(app_dir: Path = release_info.APP_DIST_DIR) -> Path:
    """The program that prints to a console: ``rtv-desktop-cli.exe`` on Windows."""
    if sys.platform == "win32":
        return app_dir / f"{release_info.EXE_NAME}-cli.exe"
    return app_dir / release_info.EXE_NAME


def app_has_self_test() -> bool:
    return "--self-test" in (release_info.ROOT / "rtv_desktop" / "app.py").read_text(encoding="utf-8")


def isolated_env(home: Path) -> dict[str, str]:
    """No screen needed, and logs/settings go to a throwaway folder, not the builder's."""
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "RTV_DESKTOP_HOME": str(home)}


def run_pyinstaller(clean: bool, dist_dir: Path = release_info.DIST_DIR, work_dir: Path = WORK_DIR) -> float:
    """Run PyInstaller on the spec into ``dist_dir``/rtv-desktop; return the seconds it took."""
    command = pyinstaller_command() + [
        "--noconfirm", "--log-level", "WARN",
        "--distpath", str(dist_dir), "--workpath", str(work_dir), str(SPEC),
    ]
    if clean:
        command.insert(-1, "--clean")
    started = time.perf_counter()
    subprocess.run(command, check=True, cwd=release_info.ROOT)
    return time.perf_counter() - started


def check_frozen_app(program: Path) -> list[str]:
    """Start the frozen program; return the problems found (empty when it works)."""
    if not program.is_file():
        return [f"{program} was not built"]
    checks = [["--version"]] + ([["--self-test"]] if app_has_self_test() else [])
    problems = []
    with tempfile.TemporaryDirectory(prefix="rtv-build-check-") as home:
        for args in checks:
            done = subprocess.run([str(program), *args], env=isolated_env(Path(home)), check=False, capture_output=True,
                                  text=True, timeout=300)
            if done.returncode != 0:
                problems.append(f"`{program.name} {' '.join(args)}` exited {done.returncode}:\n{done.stderr[-3000:]}")
            else:
                print(f"build: `{program.name} {' '.join(args)}` -> {done.stdout.strip()[-200:]}")
    return problems


def newest_input_time() -> float:
    """Modification time of the newest file the build is made from."""
    latest = 0.0
    for name in BUILD_INPUTS:
        path = release_info.ROOT / name
        for file in [path] if path.is_file() else path.rglob("*"):
            if file.is_file() and "__pycache__" not in file.parts:
                latest = max(latest, file.stat().st_mtime)
    return latest


def build_is_fresh(program: Path | None = None) -> bool:
    """Whether dist/ already holds a build newer than every source file."""
    program = program or frozen_program()
    return program.is_file() and program.stat().st_mtime > newest_input_time()


@contextlib.contextmanager
def build_lock():
    """One build at a time on this machine (two would overwrite each other in dist/)."""
    try:
        import fcntl
    except ImportError:  # Windows: builds there run one per CI job
        yield
        return
    LOCK_FILE.parent.mkdir(parents=True, exist_ok=True)
    with LOCK_FILE.open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def ensure_built(clean: bool = False, reuse: bool = True, dist_dir: Path = release_info.DIST_DIR,
                 work_dir: Path = WORK_DIR) -> float | None:
    """Build unless a fresh build exists (when ``reuse``); return seconds spent, None if reused."""
    with build_lock():
        if reuse and build_is_fresh(frozen_program(dist_dir / release_info.EXE_NAME)):
            return None
        return run_pyinstaller(clean, dist_dir, work_dir)


def folder_size_mib(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 2**20


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clean", action="store_true", help="discard PyInstaller's cache first")
    parser.add_argument("--no-check", action="store_true", help="do not start the built program")
    parser.add_argument("--reuse", action="store_true", help="keep dist/ if it is newer than every source file")
    parser.add_argument("--dist-dir", type=Path, default=release_info.DIST_DIR, help="where rtv-desktop/ goes (dist/)")
    parser.add_argument("--work-dir", type=Path, default=WORK_DIR, help="PyInstaller's work folder")
    args = parser.parse_args(argv)
    seconds = ensure_built(args.clean, reuse=args.reuse, dist_dir=args.dist_dir, work_dir=args.work_dir)
    app_dir = args.dist_dir / release_info.EXE_NAME
    how = "reused (newer than every source file)" if seconds is None else f"built in {seconds:.0f} s"
    print(f"build: {app_dir} {how}, {folder_size_mib(app_dir):.1f} MiB")
    problems = [] if args.no_check else check_frozen_app(frozen_program(app_dir))
    for problem in problems:
        print(f"build: FAILED: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
