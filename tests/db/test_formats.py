"""Input formats: the shipped report rendered by the test itself to HTML, .docx and PDF builds to the same
paragraphs and figures as the text, with offsets into the text extracted (db/formats.py)."""

from __future__ import annotations

import html
import sqlite3
from pathlib import Path

import pytest

from db.build import BuildError, build, main
from db.formats import FormatError, extract_text
from tests.conftest import ANNOTATIONS, ROOT, SOURCE

FONT = ROOT / "resources" / "fonts" / "NotoSansSC-Regular.subset.otf"
LINES = [ln.strip() for ln in SOURCE.read_text(encoding="utf-8").split("\n") if ln.strip()]


def truetype(otf: Path, out: Path) -> Path:
    """The bundled CFF font as TrueType outlines (fpdf2 writes a clean ToUnicode map for TrueType fonts)."""
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import TTFont, newTable

    font = TTFont(str(otf))
    order = font.getGlyphOrder()
    glyphs = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder, glyf.glyphs = order, {}
    for name in order:
        pen = TTGlyphPen(glyphs)
        glyphs[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
        glyf[name] = pen.glyph()
    font["glyf"], font["loca"] = glyf, newTable("loca")
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for attr in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                 "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, attr, 1 if attr == "maxZones" else 0)
    font["post"].formatType = 3.0
    for table in ("CFF ", "VORG"):
        if table in font:
            del font[table]
    font.sfntVersion = "\x00\x01\x00\x00"
    font["head"].glyphDataFormat = 0
    font.save(str(out))
    return out


def render_html(path: Path) -> Path:
    body = "\n".join(f"<p>{html.escape(ln)}</p>" for ln in LINES)
    path.write_text(
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>东丽区人民政府</title>"
        "<script>var nav = '各位代表';</script><style>p{margin:0}</style></head><body>"
        "<header><a href='/'>首页</a> <a href='/zwgk'>政务公开</a></header>"
        "<nav><ul><li>机构设置</li><li>政策文件</li><li>互动交流</li></ul></nav>"
        "<div class='crumb'>当前位置：首页 &gt; 政务公开 &gt; 政府工作报告</div>"
        f"<div class='main'><div class='article' id='zoom'>\n{body}\n</div>"
        "<div class='share'>分享到：微信 微博</div></div>"
        "<footer><p>主办单位：示例网站（测试用虚构页脚）</p><p>网站标识码 0000000000</p></footer>"
        "</body></html>",
        encoding="utf-8",
    )
    return path


def render_docx(path: Path) -> Path:
    import docx

    document = docx.Document()
    for ln in LINES:
        document.add_paragraph(ln)
    document.save(str(path))
    return path


def render_pdf(path: Path, font: Path, indented: bool = False) -> Path:
    """Paragraphs apart by a gap, or (``indented``, as word processors export) by a first-line indent only."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_font("noto", fname=str(font))
    pdf.set_font("noto", size=10.5)
    pdf.add_page()
    for ln in LINES:
        pdf.multi_cell(0, 6, f"\u3000\u3000{ln}" if indented else ln, align="L", new_x="LMARGIN", new_y="NEXT")
        if not indented:
            pdf.ln(4)
    pdf.output(str(path))
    return path


@pytest.fixture(scope="module")
def renderings(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("formats")
    font = truetype(FONT, folder / "noto.ttf")
    return {"html": render_html(folder / "report.html"), "docx": render_docx(folder / "report.docx"),
            "pdf": render_pdf(folder / "report.pdf", font),
            "indented-pdf": render_pdf(folder / "indented.pdf", font, indented=True),
            # the CFF (OpenType) font as it is: fpdf2 embeds it with an encoding CMap of its own (issue 18)
            "otf-pdf": render_pdf(folder / "otf.pdf", FONT)}


def contents(db: Path) -> dict[str, list[tuple]]:
    """What a build holds, for comparing the builds of one report from different formats."""
    conn = sqlite3.connect(db)
    try:
        return {
            "paragraphs": conn.execute("SELECT p.text, p.lead, s.title, s.key FROM paragraphs p "
                                       "JOIN sections s ON s.id = p.section_id ORDER BY p.id").fetchall(),
            "figures": conn.execute("SELECT text, value, unit, qualifier FROM figures ORDER BY id").fetchall(),
            "glossary": conn.execute("SELECT number, term, definition FROM glossary ORDER BY id").fetchall(),
            "indicators": conn.execute("SELECT key, year, quote FROM indicators ORDER BY id").fetchall(),
            "document": conn.execute("SELECT district, year, speaker, delivered_on, meeting FROM documents").fetchall(),
            "parts": conn.execute("SELECT key, year_from, year_to FROM parts ORDER BY ordinal").fetchall(),
        }
    finally:
        conn.close()


def spans(db: Path) -> list[tuple[str, int, int]]:
    """Every (text, start, end) the build says it took from the source, to check against the extracted text."""
    conn = sqlite3.connect(db)
    try:
        return (conn.execute("SELECT text, source_start, source_end FROM paragraphs").fetchall()
                + conn.execute("SELECT text, source_start, source_end FROM figures").fetchall()
                + conn.execute("SELECT quote, source_start, source_end FROM indicators").fetchall())
    finally:
        conn.close()


@pytest.mark.parametrize("kind", ["html", "docx", "pdf", "indented-pdf", "otf-pdf"])
def test_rendered_report_builds_like_the_text(kind, renderings, fresh_db, tmp_path):
    out = tmp_path / f"{kind}.db"
    build(renderings[kind], ANNOTATIONS, out)
    assert contents(out) == contents(fresh_db)
    extracted = extract_text(renderings[kind])
    assert all(extracted[start:end] == text for text, start, end in spans(out))  # provenance into the extract


def test_html_leaves_navigation_scripts_and_footer_out(renderings):
    text = extract_text(renderings["html"])
    for furniture in ("机构设置", "互动交流", "var nav", "主办单位", "网站标识码", "分享到"):
        assert furniture not in text
    assert text.split("\n")[0] == LINES[0]


def test_gbk_page_is_read_by_its_declared_charset(tmp_path):
    page = tmp_path / "gbk.html"
    page.write_bytes("<html><head><meta charset='gb2312'></head><body><div><p>各位代表：</p><p>东丽区</p></div>"
                     "</body></html>".encode("gb18030"))
    assert extract_text(page) == "各位代表：\n\n东丽区\n"


def test_unknown_format_and_scanned_pdf_are_refused_with_a_message(tmp_path):
    odd = tmp_path / "report.rtf"
    odd.write_text("{\\rtf1}", encoding="ascii")
    with pytest.raises(BuildError, match=r"unknown format '\.rtf'.*\.docx"):
        build(odd, None, tmp_path / "x.db")
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(10, 10, 50, 50)  # an image-like page: no text layer
    pdf.output(str(tmp_path / "scan.pdf"))
    assert main(["--source", str(tmp_path / "scan.pdf"), "--no-annotations", "--output", str(tmp_path / "y.db")]) == 1
    assert not (tmp_path / "y.db").exists()


def test_a_pdf_whose_fonts_map_no_text_is_refused_as_such_not_as_a_scan(renderings, tmp_path):
    """Without its ToUnicode maps the text cannot be recovered: the message says why and what to do."""
    data = renderings["otf-pdf"].read_bytes()
    assert b"/ToUnicode" in data
    unmapped = tmp_path / "unmapped.pdf"
    unmapped.write_bytes(data.replace(b"/ToUnicode", b"/ToUnicodX"))  # same length: the xref stays valid
    with pytest.raises(FormatError) as refused:
        extract_text(unmapped)
    message = str(refused.value)
    assert "no Unicode mapping" in message and "scan" not in message
    assert ".docx" in message  # what to do


def test_a_page_with_br_line_breaks_reads_like_its_text(tmp_path):
    """A corpus report (completed with fictional lines) saved as one <div> of <br>-separated lines with CRLF."""
    from db.source import parse_report
    from tests.db.corpus_expectations import EXPECTED, Accepted
    from tests.db.test_corpus import CORPUS, completed

    name = "genre/2025_xinjiang_yuli.txt"
    expected = EXPECTED[name]
    assert isinstance(expected, Accepted)
    text = completed((CORPUS / name).read_text(encoding="utf-8"), expected)
    lines = "<br>\r\n".join(html.escape(ln) for ln in text.split("\n"))
    page = tmp_path / "page.htm"
    page.write_text(f"<html><body><nav>首页 | 政务公开</nav><div id='zoom'>{lines}</div>"
                    "<div class='footer'>版权所有（测试用虚构页脚）</div></body></html>", encoding="utf-8")
    from_page, from_text = parse_report(extract_text(page), []), parse_report(text, [])
    assert from_page.front == from_text.front
    assert [p.text for s in from_page.sections for p in s.paragraphs] == [
        p.text for s in from_text.sections for p in s.paragraphs]


@pytest.mark.parametrize("suffix", [".doc", ".DOC", ".wps"])
def test_an_old_word_file_is_refused_with_how_to_convert_it(tmp_path, suffix):
    """A .doc (Word 97–2003) or WPS file: the refusal says how to turn it into a .docx (issue 18)."""
    old = tmp_path / f"报告{suffix}"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))  # an OLE2 header: what a .doc starts with
    with pytest.raises(BuildError) as refused:
        build(old, None, tmp_path / "x.db")
    message = str(refused.value)
    assert "另存为" in message and ".docx" in message  # in Word or WPS: save as .docx
    assert f"libreoffice --headless --convert-to docx 报告{suffix}" in message  # or on a command line
    assert not (tmp_path / "x.db").exists()
