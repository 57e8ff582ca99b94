"""Refresh the translation files (developer tool): extract strings, then compile .qm.

    python tools/translations.py          # lupdate + lrelease for every resources/translations/*.ts

New strings arrive in the .ts as unfinished; translate them there (Qt Linguist or an editor), or list them in
``resources/translations/pending/*.tsv`` (one ``context<TAB>source<TAB>translation`` per line): the tool fills
every unfinished message that a pending line names, then the pending files can be deleted.
A test fails while any interface string is untranslated.

Strings that lupdate files under no context come from a ``tr()`` it could not attribute to a class (for
example a module-level wrapper around ``QCoreApplication.translate("Ctx", text)``): at run time they are
looked up under ``Ctx`` and are never found, so they would stay Chinese. The tool names them and exits 1;
write ``QCoreApplication.translate("Ctx", "…")`` at each call, or use ``self.tr`` in a class, instead.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
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


def without_context(ts: Path) -> list[str]:
    """``file:line source`` of every message lupdate put under an empty context name."""
    found = []
    for context in ET.parse(ts).getroot().iter("context"):
        if (context.findtext("name") or "").strip():
            continue
        for message in context.iter("message"):
            where = message.find("location")
            place = f"{where.get('filename', '?')}:{where.get('line', '?')}" if where is not None else "?"
            found.append(f"{place.removeprefix('../../')} {message.findtext('source')}")
    return found


def pending() -> dict[tuple[str, str], str]:
    """(context, source) → translation from ``resources/translations/pending/*.tsv``."""
    found: dict[tuple[str, str], str] = {}
    for tsv in sorted((ROOT / "resources" / "translations" / "pending").glob("*.tsv")):
        for number, line in enumerate(tsv.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            fields = line.split("\t")
            if len(fields) != 3:
                raise SystemExit(f"{tsv.name}:{number}: expected context<TAB>source<TAB>translation")
            context, source, translation = (f.replace("\\n", "\n") for f in fields)
            found[(context, source)] = translation
    return found


def fill(ts: Path, translations: dict[tuple[str, str], str]) -> int:
    """Fill unfinished messages of ``ts`` named in ``translations``; return how many were filled."""
    tree = ET.parse(ts)
    filled = 0
    for context in tree.getroot().iter("context"):
        name = (context.findtext("name") or "").strip()
        for message in context.iter("message"):
            node = message.find("translation")
            key = (name, message.findtext("source") or "")
            if node is not None and node.get("type") == "unfinished" and key in translations:
                node.text = translations[key]
                del node.attrib["type"]
                filled += 1
    if filled:
        body = ET.tostring(tree.getroot(), encoding="unicode")
        ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")
    return filled


def main() -> int:
    problems = []
    waiting = pending()
    for ts in sorted((ROOT / "resources" / "translations").glob("*.ts")):
        subprocess.run([tool("pyside6-lupdate"), *sources(), "-ts", str(ts), "-no-obsolete"], cwd=ROOT, check=True)
        if waiting and fill(ts, waiting):
            subprocess.run([tool("pyside6-lupdate"), *sources(), "-ts", str(ts), "-no-obsolete"], cwd=ROOT,
                           check=True)
        subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))], cwd=ROOT, check=True)
        problems += without_context(ts)
    if problems:
        print("These strings have no translation context, so the app will not find their translations:",
              *problems, sep="\n  ", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
