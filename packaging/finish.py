"""After PyInstaller: trim ICU's data, strip what can be stripped safely, drop build-machine library paths.

Every ELF file is stripped of unneeded symbols except the libraries auditwheel vendored into a wheel's
``<name>.libs`` folder (numpy's OpenBLAS and gfortran: patchelf already rewrote them, and stripping
them again breaks their load commands). A RUNPATH
or RPATH that names a folder of the build machine (e.g. a pyenv prefix under /root) is removed: on the
target it would make the loader search a path someone else may own. Paths relative to the library
($ORIGIN) and Debian's own library folders stay.

ICU's data library (``libicudata``, 32 MB, linked by QtCore) is rebuilt with only what a Chinese/English
app can reach: every break iterator and dictionary (line and word breaking), normalisation, character
properties, the root, Chinese and English locale data and collation, time zones; the other 800 locales,
the legacy code-page converters and transliterators go (≈ 24 MB). ICU's own ``icupkg`` (icu-devtools) edits
the data package; ``gcc`` wraps it back into a library exporting the same symbol under the same soname.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

SYSTEM_PREFIXES = ("$ORIGIN", "/usr/lib/", "/lib/")
# ICU data items kept besides the top-level core files (properties, normalisation, zones, likely subtags…).
ICU_LOCALES = re.compile(r"^(root|zh|zh_Hans|zh_Hans_CN|zh_CN|en|en_US|en_001|en_GB|res_index|pool)\.res$")
ICU_CONVERTERS = ("gb18030.cnv",)  # UTF-8/16/32 and Latin-1 are built into ICU's code, not data


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


def icu_item_kept(item: str) -> bool:
    """Whether an ICU data item (``icupkg -l`` name) stays in the trimmed data."""
    if item.startswith("brkitr/"):
        return True  # line/word/sentence rules and the CJK, Thai, Lao, Khmer, Burmese dictionaries
    if "/" in item:
        tree, name = item.split("/", 1)
        if tree == "translit":
            return False
        return (tree == "coll" and name == "ucadata.icu") or bool(ICU_LOCALES.match(name))
    if item.endswith(".cnv"):
        return item in ICU_CONVERTERS
    if item.endswith(".res") and re.match(r"^[a-z]{2,3}[_.]", item):
        return bool(ICU_LOCALES.match(item))  # a locale's own data (af.res, zh_TW.res …)
    return True


def icu_data(lib: Path) -> tuple[str, bytes]:
    """The data symbol's name (``icudt73_dat``) and bytes in an ICU data library."""
    symbols = subprocess.run(["nm", "-D", "-S", "--defined-only", str(lib)], capture_output=True, text=True,
                             check=True).stdout
    found = [line.split() for line in symbols.splitlines() if re.search(r"\bicudt\d+_dat$", line)]
    if len(found) != 1:
        raise ValueError(f"{lib.name}: no single icudt*_dat symbol")
    address, size, _, name = found[0]
    sections = subprocess.run(["readelf", "-S", "-W", str(lib)], capture_output=True, text=True, check=True).stdout
    for line in sections.splitlines():
        fields = line.replace("[ ", "[").split()
        if len(fields) > 5 and fields[1] == ".rodata":
            start, offset = int(fields[3], 16), int(fields[4], 16)
            at = int(address, 16) - start + offset
            return name, lib.read_bytes()[at:at + int(size, 16)]
    raise ValueError(f"{lib.name}: no .rodata section")


def trim_icu(lib: Path) -> tuple[int, int] | None:
    """Replace ``lib`` by a library holding only the ICU data the app uses; (old, new) bytes, or None.

    None when icupkg or gcc is missing (the bundle keeps the full data and still works).
    """
    icupkg, gcc = shutil.which("icupkg"), shutil.which("gcc")
    if icupkg is None or gcc is None:
        print("finish: icupkg (icu-devtools) or gcc missing: ICU data left whole", file=sys.stderr)
        return None
    symbol, data = icu_data(lib)
    package = symbol[: -len("_dat")] + ("l" if sys.byteorder == "little" else "b")  # icudt73l
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        (work / "in").mkdir()
        (work / "out").mkdir()
        (work / "in" / f"{package}.dat").write_bytes(data)
        items = subprocess.run([icupkg, "-l", str(work / "in" / f"{package}.dat")], capture_output=True,
                               text=True, check=True).stdout.split()
        dropped = [item for item in items if not icu_item_kept(item)]
        (work / "drop.txt").write_text("\n".join(dropped) + "\n", encoding="ascii")
        subprocess.run([icupkg, "-r", str(work / "drop.txt"), str(work / "in" / f"{package}.dat"),
                        str(work / "out" / f"{package}.dat")], check=True, capture_output=True)
        (work / "data.S").write_text(
            f'\t.section .note.GNU-stack,"",%progbits\n\t.section .rodata\n\t.balign 16\n\t.globl {symbol}\n'
            f'\t.type {symbol},%object\n{symbol}:\n\t.incbin "{work / "out" / f"{package}.dat"}"\n'
            f"\t.size {symbol}, .-{symbol}\n", encoding="ascii")
        built = work / lib.name
        subprocess.run([gcc, "-shared", "-nostdlib", f"-Wl,-soname,{lib.name}", "-o", str(built),
                        str(work / "data.S")], check=True)
        before = lib.stat().st_size
        shutil.copyfile(built, lib)
    return before, lib.stat().st_size


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
    for icu in sorted(p for p in folder.rglob("libicudata.so*") if p.is_file() and not p.is_symlink()):
        sizes = trim_icu(icu)
        if sizes:
            print(f"ICU data {icu.name}: {sizes[0] / 1e6:.1f} MB -> {sizes[1] / 1e6:.1f} MB")
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
