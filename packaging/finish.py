"""After PyInstaller: strip what can be stripped safely, then report the bundle's size.

Only libpython and Qt's own libraries are stripped; numpy's OpenBLAS breaks when stripped.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path


def size_mb(folder: Path) -> float:
    """Bytes on disk, counting each file once (PyInstaller links some libraries)."""
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6


def main() -> int:
    folder = Path(sys.argv[1])
    before = size_mb(folder)
    strip = shutil.which("strip")
    if strip and sys.platform.startswith("linux"):
        for lib in folder.rglob("*.so*"):
            name = lib.name
            if name.startswith(("libpython", "libQt6", "libicu")) and not lib.is_symlink():
                subprocess.run([strip, "--strip-unneeded", str(lib)], check=False)
    after = size_mb(folder)
    print(f"bundle {folder}: {after:.1f} MB ({before:.1f} MB before stripping)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
