"""Run Windows programs from Linux under Wine: the prefix, its paths and its environment.

What Wine 8 (Debian 12) needs, learnt the hard way:
- A Windows program's stdout must be a pipe, never a file: its child processes otherwise die
  with "init_sys_streams: OSError: [WinError 6] Invalid handle". ``run`` always pipes.
- Wine hides Linux variables named ``QT_*`` from Windows programs; ``WINEQT_*`` reaches them
  as ``QT_*``. ``windows_env`` renames them.
- Without Mono and Gecko (turned off here), nothing asks to download anything.
- No display is needed: everything runs headless (Qt offscreen, installers silent).
Standard library only.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath

BASE_ENV = {"WINEARCH": "win64", "WINEDEBUG": "-all", "WINEDLLOVERRIDES": "mscoree,mshtml="}
# Variables a Linux desktop session may carry that would let Wine open windows or talk to one.
_HEADLESS_DROP = ("DISPLAY", "WAYLAND_DISPLAY")
DEFAULT_TIMEOUT = 900


class WineError(RuntimeError):
    """Wine is missing, or a Windows program failed in a way the caller cannot use."""


def windows_env(variables: dict[str, str]) -> dict[str, str]:
    """The Linux-side names that give a Windows program these variables (``QT_*`` -> ``WINEQT_*``)."""
    return {f"WINE{name}" if name.startswith("QT_") else name: value for name, value in variables.items()}


def windows_path(path: Path | str, drive_c: Path) -> str:
    r"""The Windows spelling of a Linux path: ``C:\...`` inside the prefix's drive_c, else ``Z:\...``."""
    path = PurePosixPath(os.path.abspath(path))
    drive_c = PurePosixPath(os.path.abspath(drive_c))
    if path == drive_c or drive_c in path.parents:
        return str(PureWindowsPath("C:\\", *path.relative_to(drive_c).parts))
    return str(PureWindowsPath("Z:\\", *path.parts[1:]))


def linux_path(path: str, drive_c: Path) -> Path:
    r"""The Linux path of ``C:\...`` (inside the prefix) or ``Z:\...`` (the Linux root)."""
    windows = PureWindowsPath(path)
    drive = windows.drive.upper()
    if drive == "C:":
        return drive_c.joinpath(*windows.parts[1:])
    if drive == "Z:":
        return Path("/").joinpath(*windows.parts[1:])
    raise WineError(f"{path} is on neither C: (the Wine prefix) nor Z: (the Linux root)")


@dataclass(frozen=True)
class Wine:
    """One 64-bit Wine prefix (a private Windows: its C: drive and registry)."""

    prefix: Path

    @property
    def drive_c(self) -> Path:
        return self.prefix / "drive_c"

    def env(self, extra: dict[str, str] | None = None) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if k not in _HEADLESS_DROP}
        return {**env, **BASE_ENV, "WINEPREFIX": str(self.prefix), **windows_env(extra or {})}

    def path(self, linux: Path | str) -> str:
        return windows_path(linux, self.drive_c)

    def run(self, args: list[str], *, env: dict[str, str] | None = None, timeout: float = DEFAULT_TIMEOUT,
            cwd: Path | None = None) -> subprocess.CompletedProcess:
        """Run a Windows program; stdout and stderr come back as text (pipes, never files).

        A program still running after ``timeout`` seconds is ended with every other program of
        the prefix (a hung one would otherwise block every later ``wait``).
        """
        try:
            return subprocess.run([_tool("wine"), *args], env=self.env(env), cwd=cwd, stdin=subprocess.DEVNULL,
                                  capture_output=True, text=True, encoding="utf-8", errors="replace",
                                  timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            self.stop()
            raise WineError(f"{args[0]} did not finish within {timeout:.0f} s; ended it") from None

    def check(self, args: list[str], what: str, **kwargs) -> subprocess.CompletedProcess:
        """``run``, raising WineError with the program's own output when it exits non-zero."""
        done = self.run(args, **kwargs)
        if done.returncode != 0:
            raise WineError(f"{what} failed (exit {done.returncode}):\n{_tail(done)}")
        return done

    def wait(self) -> None:
        """Wait until every Windows program of this prefix has ended (installers fork and return)."""
        try:
            subprocess.run([_tool("wineserver"), "-w"], env=self.env(), check=False, timeout=DEFAULT_TIMEOUT)
        except subprocess.TimeoutExpired:
            self.stop()
            raise WineError(f"Windows programs were still running after {DEFAULT_TIMEOUT} s; ended them") from None

    def stop(self) -> None:
        subprocess.run([_tool("wineserver"), "-k"], env=self.env(), check=False, capture_output=True, timeout=60)

    def boot(self) -> float:
        """Create the prefix (or bring it up to date); return the seconds it took."""
        started = time.perf_counter()
        self.prefix.parent.mkdir(parents=True, exist_ok=True)
        self.check(["wineboot", "--init"], "wineboot (creating the Wine prefix)")
        self.wait()
        if not (self.drive_c / "windows" / "system32").is_dir():
            raise WineError(f"wineboot did not create a Windows folder in {self.prefix}")
        return time.perf_counter() - started

    def shell_folder(self, variable: str) -> Path:
        """A Windows folder variable (``LOCALAPPDATA``, ``TEMP``) as a Linux path."""
        done = self.check(["cmd", "/c", f"echo %{variable}%"], f"reading %{variable}%")
        return linux_path(done.stdout.strip().splitlines()[-1].strip(), self.drive_c)


def _tool(name: str) -> str:
    found = shutil.which(name)
    if not found:
        raise WineError(f"{name} is missing. Install Wine with `apt-get install wine wine64`.")
    return found


def _tail(done: subprocess.CompletedProcess, chars: int = 4000) -> str:
    return ((done.stdout or "") + (done.stderr or "")).strip()[-chars:]
