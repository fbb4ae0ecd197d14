"""Write SHA256SUMS for release files, in the format ``sha256sum --check`` reads.

    python packaging/checksums.py FILE [FILE ...] [--out SHA256SUMS]

On Windows, check a download with ``Get-FileHash -Algorithm SHA256 FILE`` (PowerShell)
or ``certutil -hashfile FILE SHA256`` and compare with the line for that file.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

CHUNK = 1 << 20


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(CHUNK), b""):
            digest.update(block)
    return digest.hexdigest()


def sums_text(paths: list[Path]) -> str:
    """One ``<hash>  <name>`` line per file (binary-safe two-space form), sorted by name."""
    return "".join(f"{sha256_of(p)}  {p.name}\n" for p in sorted(paths, key=lambda p: p.name))


def write_sums(paths: list[Path], out: Path) -> Path:
    names = [p.name for p in paths]
    if len(set(names)) != len(names):
        raise ValueError("two release files share a name; SHA256SUMS lists files by name")
    out.write_text(sums_text(paths), encoding="utf-8", newline="\n")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write SHA256SUMS for release files.")
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--out", type=Path, help="default: SHA256SUMS beside the first file")
    args = parser.parse_args(argv)
    out = args.out or args.files[0].parent / "SHA256SUMS"
    print(f"checksums: wrote {write_sums(args.files, out)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
