"""Refresh the translation files (developer tool): extract strings, then compile .qm.

    python tools/translations.py          # lupdate + lrelease for every resources/translations/*.ts

New strings arrive in the .ts as unfinished; translate them there (Qt Linguist or an editor).
A test fails while any interface string is untranslated.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def tool(name: str) -> str:
    found = shutil.which(name, path=str(BIN)) or shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found (it comes with PySide6)")
    return found


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "dongli_desktop").rglob("*.py"))


def main() -> int:
    for ts in sorted((ROOT / "resources" / "translations").glob("*.ts")):
        subprocess.run([tool("pyside6-lupdate"), *sources(), "-ts", str(ts), "-no-obsolete"], cwd=ROOT, check=True)
        subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))], cwd=ROOT, check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
