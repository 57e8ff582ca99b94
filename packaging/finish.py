"""After PyInstaller: strip what can be stripped safely, drop build-machine library paths, report the size.

Every ELF file is stripped of unneeded symbols except the libraries auditwheel vendored into a wheel's
``<name>.libs`` folder (numpy's OpenBLAS and gfortran: patchelf already rewrote them, and stripping
them again breaks their load commands). A RUNPATH
or RPATH that names a folder of the build machine (e.g. a pyenv prefix under /root) is removed: on the
target it would make the loader search a path someone else may own. Paths relative to the library
($ORIGIN) and Debian's own library folders stay.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

SYSTEM_PREFIXES = ("$ORIGIN", "/usr/lib/", "/lib/")


def size_mb(folder: Path) -> float:
    """Bytes on disk, counting each file once (PyInstaller links some libraries)."""
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6


def elf_files(folder: Path) -> list[Path]:
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as fh:
                if fh.read(4) == b"\x7fELF":
                    found.append(path)
    return found


def clean_runpath(patchelf: str, lib: Path) -> str | None:
    """Remove a RUNPATH/RPATH entry outside the bundle and the system; return what was removed."""
    current = subprocess.run([patchelf, "--print-rpath", str(lib)], capture_output=True, text=True, check=False)
    if current.returncode != 0 or not current.stdout.strip():
        return None
    entries = current.stdout.strip().split(":")
    kept = [e for e in entries if e.startswith(SYSTEM_PREFIXES)]
    if kept == entries:
        return None
    if kept:
        subprocess.run([patchelf, "--set-rpath", ":".join(kept), str(lib)], check=True)
    else:
        subprocess.run([patchelf, "--remove-rpath", str(lib)], check=True)
    return ":".join(e for e in entries if e not in kept)


def main() -> int:
    folder = Path(sys.argv[1])
    before = size_mb(folder)
    if not sys.platform.startswith("linux"):
        print(f"bundle {folder}: {before:.1f} MB (not stripped: not Linux)")
        return 0
    strip, patchelf = shutil.which("strip"), shutil.which("patchelf")
    if strip is None or patchelf is None:
        print("finish: strip (binutils) and patchelf are needed: run tools/system-deps.sh", file=sys.stderr)
        return 1
    removed: set[str] = set()
    for lib in elf_files(folder):
        if lib.parent.name.endswith(".libs"):
            continue
        subprocess.run([strip, "--strip-unneeded", str(lib)], check=False)
        gone = clean_runpath(patchelf, lib)
        if gone:
            removed.add(gone)
    after = size_mb(folder)
    if removed:
        print(f"removed build-machine library paths: {', '.join(sorted(removed))}")
    print(f"bundle {folder}: {after:.1f} MB ({before:.1f} MB before stripping)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
