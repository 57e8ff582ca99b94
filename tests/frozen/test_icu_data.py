"""packaging/finish.py trims ICU's data library: what the app needs from ICU still works afterwards.

Each check runs ICU (the copy in the PySide6 wheel, which the bundle ships) in a fresh interpreter without
Qt, once against the full data library and once against the trimmed one, and compares the answers.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

PROBE = r"""
import ctypes, json, sys
uc = ctypes.CDLL(sys.argv[1])
ver = sys.argv[2]
f = lambda name: getattr(uc, f"{name}_{ver}")
text = "东丽区政府工作报告：2020年，全区地区生产总值增长6%左右。Dongli district's plan."
u16 = text.encode("utf-16-le")
arr = (ctypes.c_uint16 * (len(u16) // 2)).from_buffer_copy(u16)
out = {}
for kind, code in (("word", 1), ("line", 2), ("sentence", 3)):
    status = ctypes.c_int(0)
    f("ubrk_open").restype = ctypes.c_void_p
    it = f("ubrk_open")(code, b"zh_CN", arr, len(arr), ctypes.byref(status))
    assert status.value <= 0, (kind, status.value)
    marks, nxt = [], f("ubrk_next")
    nxt.argtypes = [ctypes.c_void_p]
    while True:
        b = nxt(it)
        if b < 0:
            break
        marks.append(b)
    f("ubrk_close").argtypes = [ctypes.c_void_p]
    f("ubrk_close")(it)
    out[kind] = marks
status = ctypes.c_int(0)
f("ucnv_open").restype = ctypes.c_void_p
out["gb18030"] = bool(f("ucnv_open")(b"gb18030", ctypes.byref(status))) and status.value <= 0
print(json.dumps(out))
"""


def wheel_icu() -> Path:
    spec = importlib.util.find_spec("PySide6")
    assert spec is not None and spec.origin is not None
    folder = Path(spec.origin).parent / "Qt" / "lib"
    assert (folder / "libicudata.so.73").is_file(), sorted(p.name for p in folder.glob("libicu*"))
    return folder


def icu_answers(folder: Path) -> dict:
    out = subprocess.run([sys.executable, "-c", PROBE, str(folder / "libicuuc.so.73"), "73"], capture_output=True,
                         text=True, timeout=60, check=True).stdout
    return json.loads(out)


@pytest.fixture(scope="module")
def trimmed(tmp_path_factory) -> Path:
    sys.path.insert(0, str(ROOT / "packaging"))
    try:
        import finish
    finally:
        sys.path.pop(0)
    folder = tmp_path_factory.mktemp("icu")
    for name in ("libicudata.so.73", "libicuuc.so.73"):
        shutil.copyfile(wheel_icu() / name, folder / name)
    sizes = finish.trim_icu(folder / "libicudata.so.73")
    assert sizes is not None, "icupkg (icu-devtools) and gcc are needed to trim ICU"
    assert sizes[1] < sizes[0] // 3
    return folder


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="finish.py trims ICU on Linux only")
def test_trimmed_icu_breaks_chinese_text_as_the_full_data_does(trimmed):
    full = icu_answers(wheel_icu())
    assert len(full["word"]) > 8  # the CJK dictionary splits the Chinese words
    assert icu_answers(trimmed) == full


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="finish.py trims ICU on Linux only")
def test_trimmed_icu_keeps_the_chinese_converter_and_drops_other_locales(trimmed):
    assert icu_answers(trimmed)["gb18030"] is True
    sys.path.insert(0, str(ROOT / "packaging"))
    try:
        import finish
    finally:
        sys.path.pop(0)
    assert finish.icu_item_kept("brkitr/cjdict.dict") and finish.icu_item_kept("zh_Hans.res")
    assert finish.icu_item_kept("coll/zh.res") and finish.icu_item_kept("uprops.icu")
    assert not finish.icu_item_kept("de.res") and not finish.icu_item_kept("coll/de.res")
    assert not finish.icu_item_kept("ibm-1390_P110-2003.cnv") and not finish.icu_item_kept("translit/root.res")
