"""Fonts whose text pdfminer.six cannot read by itself: an embedded encoding CMap.

A Type0 font's ``/Encoding`` may be a CMap stream embedded in the PDF instead of a predefined name (fpdf2 does
this for CFF/OpenType fonts such as Noto Sans CJK, as do some office tools). pdfminer.six looks the stream's
``/CMapName`` up among its predefined CMaps, finds nothing and decodes every string to no characters at all,
so a text PDF looked like a scan. Here the embedded ``begincidchar`` / ``begincidrange`` entries are read into
the font's code → CID map, and its ToUnicode map (keyed by character code, as the PDF specification says) is
re-keyed by CID, which is how pdfminer looks characters up.
"""

from __future__ import annotations

import re
from typing import Any

from pdfminer.cmapdb import CMap, FileCMap, FileUnicodeMap
from pdfminer.pdffont import PDFCIDFont, PDFFont
from pdfminer.pdfinterp import PDFResourceManager
from pdfminer.pdftypes import PDFStream, resolve1

BLOCK_RE = re.compile(rb"begincid(char|range)(.*?)endcid\1", re.S)
CHAR_RE = re.compile(rb"<([0-9A-Fa-f]+)>\s*(\d+)")
RANGE_RE = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(\d+)")


def embedded_code2cid(data: bytes) -> dict[bytes, int]:
    """The character code → CID entries of an embedded CMap stream."""
    found: dict[bytes, int] = {}
    for kind, body in BLOCK_RE.findall(data):
        if kind == b"char":
            for code, cid in CHAR_RE.findall(body):
                found[bytes.fromhex(code.decode())] = int(cid)
            continue
        for lo, hi, cid in RANGE_RE.findall(body):
            start, end, width = int(lo, 16), int(hi, 16), len(lo) // 2
            for i in range(end - start + 1):
                found[(start + i).to_bytes(width, "big")] = int(cid) + i
    return found


def repair(font: PDFFont, spec: Any) -> None:
    """Give a CID font whose encoding is an embedded CMap stream pdfminer left empty its codes and text."""
    if not isinstance(font, PDFCIDFont) or type(font.cmap) is not CMap:  # a predefined or identity CMap
        return
    encoding = resolve1(spec.get("Encoding")) if isinstance(spec, dict) else None
    if not isinstance(encoding, PDFStream):
        return
    code2cid = embedded_code2cid(encoding.get_data())
    if not code2cid:
        return
    cmap = FileCMap()
    for code, cid in code2cid.items():
        cmap.add_code2cid(code.decode("latin-1"), cid)
    font.cmap = cmap
    if isinstance(font.unicode_map, FileUnicodeMap):
        by_code = font.unicode_map.cid2unichr
        by_cid = FileUnicodeMap()
        for code, cid in code2cid.items():
            if (text := by_code.get(int.from_bytes(code, "big"))) is not None:
                by_cid.cid2unichr[cid] = text
        font.unicode_map = by_cid


class ResourceManager(PDFResourceManager):
    """pdfminer's resource manager, with fonts of an embedded encoding CMap repaired."""

    def get_font(self, objid: object, spec: Any) -> PDFFont:
        font = super().get_font(objid, spec)
        repair(font, spec)
        return font
