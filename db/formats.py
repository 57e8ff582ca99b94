"""The report's text from the formats district sites publish: .txt, a saved .html/.htm page, .docx, text .pdf.

The result is plain text, one paragraph or heading per line, which the parser reads exactly as it reads a
.txt source; the database's offsets refer to this extracted text. Libraries (build-time only):

* HTML: selectolax (the Lexbor engine: fast, tolerant of the broken markup of real pages, no lxml). The
  report is the smallest element holding the salutation 各位代表 and most of the page's text; navigation,
  scripts and footers outside it are left out, and so are nav/header/footer/aside elements inside it.
* .docx: python-docx (paragraphs and tables in document order), with Word's automatic list numbering (which
  python-docx leaves out) rendered from numbering.xml by db/docx_numbering.py.
* PDF: pdfminer.six (layout analysis with positions, CJK CMaps included; fonts with an embedded encoding
  CMap, as fpdf2 writes for CFF/OpenType CJK fonts, are read with db/pdf_fonts.py). A PDF whose fonts carry
  no Unicode mapping is refused as such, not as a scan. Page numbers and running
  headers/footers are left out; lines are joined into paragraphs by geometry: a paragraph ends at a short
  line, a gap wider than the line pitch (the smallest recurring pitch, not the median), or before an
  indented line. Each line of the text keeps its PDF page, so a refusal names the page.
* .txt: UTF-8 (a byte-order mark dropped). Decided for GBK and UTF-16 (issue 18): read them, because a
  wrong guess cannot pass: the file must then hold the salutation 各位代表, and the builder logs the encoding
  it used with the file's name. Other bytes (Big5, damaged UTF-8) are refused naming the file, the line and
  how to convert (iconv).

Every format's text then has its look-alike characters read as the standard ones (db/lookalikes.py): Kangxi and
CJK radicals that PDF and office tools write for ideographs, ⸺ for ——.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from db.lookalikes import LookalikeError, Replaced, standard_characters

TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + (".docx", ".pdf")
OLD_OFFICE_SUFFIXES = (".doc", ".wps")  # Word 97–2003 and WPS's own format: converted to .docx first
SKIP_TAGS = {"script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "select",
             "button", "template", "svg", "head", "title", "meta", "link"}
BLOCK_TAGS = {"p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
              "tr", "table", "tbody", "thead", "blockquote", "pre", "center", "dd", "dt", "dl", "body", "td", "th"}
CHARSET_RE = re.compile(rb"""charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", re.I)
SALUTATION = "各位代表"


class FormatError(ValueError):
    """The file cannot be read as a report in its format; the message is meant for a person."""


@dataclass(frozen=True)
class Extracted:
    """The report's text, the encoding a .txt was read in when it was not UTF-8 (for the log), for a PDF
    the page (1-based) each line of the text came from, and the look-alike characters read as standard ones."""

    text: str
    encoding: str | None = None
    pages: tuple[int, ...] | None = None
    replaced: tuple[Replaced, ...] = ()  # look-alike characters read as standard ones (db/lookalikes.py)

    def where(self, line: int) -> str:
        """Where line ``line`` of the text is, in words a publisher can follow in the file they gave."""
        if self.pages is not None and 1 <= line <= len(self.pages):
            return f"page {self.pages[line - 1]} (line {line} of the text extracted from the PDF)"
        return f"line {line} of the text extracted from the file"


def extract(path: Path) -> Extracted:
    """The report's text from ``path``, by its suffix, with look-alike characters (radicals for ideographs, ⸺
    for ——) read as the standard ones; raises FormatError (or OSError) naming the problem."""
    if path.stat().st_size == 0:
        raise FormatError(f"{path.name}: the file is empty (0 bytes); save the report into it again, or give "
                          "the file that holds the report")
    found = extract_as_given(path)
    if not found.text.strip():
        raise FormatError(f"{path.name}: no text was found in the file; check that it is the report (a saved "
                          "page or document with the report's text in it)")
    try:
        text, replaced = standard_characters(found.text)
    except LookalikeError as exc:
        where = found.where(exc.line) if found.pages is not None else f"line {exc.line}"
        raise FormatError(f"{path.name}: {where}: {exc.message}") from exc
    return replace(found, text=text, replaced=tuple(replaced))


def extract_as_given(path: Path) -> Extracted:
    """The report's text from ``path`` by its suffix, characters as the file gives them."""
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        text, encoding = decode_text(path.read_bytes(), path.name)
        return Extracted(text, encoding)
    if suffix in HTML_SUFFIXES:
        try:
            return Extracted(html_text(path.read_bytes()))
        except FormatError as exc:
            raise FormatError(f"{path.name}: {exc}") from exc
    if suffix == ".docx":
        return Extracted(docx_text(path))
    if suffix == ".pdf":
        text, pages = pdf_text_pages(path)
        return Extracted(text, pages=pages)
    if suffix in OLD_OFFICE_SUFFIXES:
        raise FormatError(f"{path.name}: an old Word/WPS file ({suffix}) is not read; convert it to .docx first: "
                          "open it in Word or WPS and choose 文件 → 另存为 → Word 文档 (*.docx), or run "
                          f"libreoffice --headless --convert-to docx {path.name}; then give the .docx")
    raise FormatError(f"{path.name}: unknown format '{suffix}'; give the report as {', '.join(SUFFIXES)}")


def extract_text(path: Path) -> str:
    """The report's text from ``path`` (see :func:`extract`)."""
    return extract(path).text


def source_problem(path: Path, extracted: Extracted, line: int, message: str) -> str:
    """A parser complaint about ``line`` of the text, placed where the publisher can find it: the line of a
    .txt; for the other formats the page (PDF) and the line of the extracted text, which
    ``python -m db.formats --numbered FILE`` prints."""
    if path.suffix.lower() in TEXT_SUFFIXES:
        return f"{path}: source line {line}: {message}"
    return (f"{path}: {extracted.where(line)}: {message} (python -m db.formats --numbered {path.name} prints the "
            "extracted text with its line numbers)")


def decode_text(data: bytes, name: str = "the file") -> tuple[str, str | None]:
    """A .txt report's text and, when it was not UTF-8, the encoding it was read in.

    Read: UTF-8 (a byte-order mark dropped); UTF-16 with a byte-order mark; and, only when the result holds
    the salutation 各位代表 (so a wrong guess cannot pass as a report), UTF-16 without a mark or GB18030
    (which covers GBK and GB2312). Anything else is refused naming the file and how to convert it.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "UTF-16"
        except UnicodeDecodeError as exc:
            raise FormatError(f"{name}: starts with a UTF-16 byte-order mark but is not UTF-16 text; save it as "
                              "UTF-8") from exc
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        first_bad = line
    guesses = ["utf-16-le", "utf-16-be"] if data.count(b"\x00") * 4 >= len(data) else ["gb18030"]
    for encoding in guesses:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if SALUTATION in text:
            return text, "UTF-16" if encoding.startswith("utf-16") else "GB18030"
    raise FormatError(f"{name}: source line {first_bad}: not valid UTF-8, and not a report in GB18030/GBK or UTF-16 "
                      "either (no 各位代表 when read so); save it as UTF-8, e.g. "
                      f"iconv -f BIG5 -t UTF-8 {name} > report.txt for a Big5 file (the encoding your editor "
                      "shows in place of BIG5)")


# -- HTML ---------------------------------------------------------------------------------------------------
def decode_html(data: bytes) -> str:
    """An HTML page's text: its declared charset (GB2312/GBK read as GB18030), else UTF-8, else GB18030."""
    declared = CHARSET_RE.search(data[:4096])
    names = [declared.group(1).decode("ascii").lower()] if declared else []
    names = ["gb18030" if n in ("gb2312", "gbk", "gb18030") else n for n in names] + ["utf-8", "gb18030"]
    for name in names:
        try:
            return data.decode("utf-8-sig" if name in ("utf-8", "utf8") else name)
        except (UnicodeDecodeError, LookupError):
            continue
    raise FormatError("the page is neither UTF-8 nor GB18030 text")


def check_body_tables(container: Any) -> None:
    """Refuse a table in the report's body (after the salutation); a layout table holding the salutation (the
    whole article set in a table) is the page's frame, not a table of the report."""
    full = container.text(separator="\n")
    salutation = full.find(SALUTATION)
    if salutation < 0:
        return
    number = 0
    for table in container.css("table"):
        number += 1
        inside = table.text(separator="\n")
        if SALUTATION in inside or not inside.strip():
            continue
        at = full.find(inside)
        if at > salutation:
            row = table.css_first("tr")
            first = " | ".join(c.text().strip() for c in row.css("td, th")) if row is not None else ""
            before = full[:at].rstrip().rsplit("\n", 1)[-1].strip()
            raise FormatError(table_refusal("the page", number, first, before).removeprefix("the page: "))


def html_text(data: bytes) -> str:
    """The report inside a saved government page, one block per line."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(decode_html(data))
    body = tree.body
    if body is None:
        raise FormatError("the page has no body")
    check_pagination(body)
    for tag in SKIP_TAGS:
        for node in body.css(tag):
            node.decompose()
    container = report_container(body)
    check_body_tables(container)
    parts: list[str] = []
    _walk(container, parts)
    lines = [re.sub(r"[ \t\r\f\v]+$", "", ln) for ln in "".join(parts).split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")
    return text + "\n"


# A pager: a line made only of page links and counts (第1页 共3页 下一页 尾页, [1] [2] [3], 1 2 下一页).
PAGER_TOKEN = r"(?:第\d+页|共\d+页|\[\d+\]|\d+|上一页|下一页|上页|下页|前页|后页|首页|尾页|末页|…+|\.{3}|[/／|])"
PAGER_LINE_RE = re.compile(rf"^{PAGER_TOKEN}(?:[\s\u3000\u00a0]*{PAGER_TOKEN})*$")
NEXT_PAGE_RE = re.compile(r"下一?页|后页")


def pager(line: str) -> tuple[int | None, int | None] | None:
    """(this page, pages in all) when ``line`` is a pager that says the text goes on over other pages (either
    may be unknown: None), else None. A lone note marker [1] or a page number is no pager."""
    line = line.strip(" \t\u3000\u00a0")
    if not line or not PAGER_LINE_RE.match(line):
        return None
    current = re.search(r"第(\d+)页", line)
    total = re.search(r"共(\d+)页", line)
    numbers = sorted({int(n) for n in re.findall(r"(?<![第共\d])\[?(\d+)\]?(?![\d页])", line)})
    links = len(numbers) >= 2 and numbers == list(range(1, len(numbers) + 1))
    if total is not None and int(total.group(1)) >= 2:
        return int(current.group(1)) if current else None, int(total.group(1))
    if NEXT_PAGE_RE.search(line):
        return int(current.group(1)) if current else None, None
    if links and "…" not in line and "..." not in line:
        return None, numbers[-1]
    return None


def check_pagination(body: Any) -> None:
    """Refuse a page that holds one page of a report the site splits over several (第1页 共3页, 下一页, [1] [2]
    [3] page links): the rest of the report is on the other pages."""
    parts: list[str] = []
    _walk(body, parts)
    for line in "".join(parts).split("\n"):
        if (found := pager(line)) is None:
            continue
        current, total = found
        if current is not None and total is not None:
            which = f"page {current} of {total}"
        elif total is not None:
            which = f"one of {total} pages"
        else:
            which = "one of several pages"
        raise FormatError(f"the page is {which} of a report the site splits over pages ('{line.strip()}'), so it "
                          "holds only part of the report; save the other pages too and put their text into one "
                          "file in order (a .txt), or open the site's 全文/单页阅读 view if it has one, or give "
                          "the report as .docx or .pdf")


def report_container(body: Any) -> Any:
    """The smallest element holding the salutation's paragraph and at least 60 % of the page's text (else
    the body)."""
    total = len(body.text(separator=""))
    holder = next((n for n in body.traverse() if n.tag != "-text" and SALUTATION in n.text(deep=False)), None)
    node = holder
    if node is not None and len(node.text(separator="").strip()) < 30:  # the salutation's own paragraph
        node = node.parent
    while node is not None and node.tag != "body":
        if len(node.text(separator="")) >= 0.6 * total:
            return node
        node = node.parent
    return body


def _walk(node: Any, out: list[str]) -> None:
    for child in node.iter(include_text=True):
        tag = child.tag
        if tag == "-text":
            out.append(child.text(deep=False).replace("\n", " "))
        elif tag == "br":
            out.append("\n")
        elif tag in SKIP_TAGS:
            continue
        elif tag in BLOCK_TAGS:
            out.append("\n")
            _walk(child, out)
            out.append("\n")
        else:
            _walk(child, out)


# -- DOCX ---------------------------------------------------------------------------------------------------
def table_refusal(name: str, number: int, first_row: str, before: str) -> str:
    """The refusal of a table in the report's body: which one, where, and what to do."""
    where = f" after the paragraph “{before[:30]}{'…' if len(before) > 30 else ''}”" if before else ""
    return (f"{name}: table {number} (first row “{first_row[:40]}”){where}: tables in the report's body are not "
            "read (the app cannot show a table as the report sets it); rewrite the table as sentences or delete "
            "it, then give the file again")


def docx_text(path: Path) -> str:
    """Paragraphs (and table cells) of a .docx in document order, one per line, a blank line between; a
    paragraph Word numbers automatically (一、, （一）) begins with its number (db/docx_numbering.py)."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    from db.docx_numbering import Numbering

    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises several types for a damaged or foreign file
        raise FormatError(f"{path.name}: not a readable .docx ({exc})") from exc
    numbering = Numbering.of(document)
    lines: list[str] = []
    tables = 0
    in_body = False
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            lines.append(numbering.label(block) + block.text)
            in_body = in_body or block.text.strip().startswith(SALUTATION)
        elif isinstance(block, Table):
            tables += 1
            rows = [" | ".join(cell.text.strip() for cell in row.cells) for row in block.rows]
            if in_body:
                raise FormatError(table_refusal(path.name, tables, rows[0] if rows else "",
                                                next((ln for ln in reversed(lines) if ln.strip()), "")))
            lines.extend(rows)  # a table above the salutation: the page's own header (文件名称 | …)
    return "\n\n".join(ln for ln in lines if ln.strip()) + "\n"


# -- PDF ----------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class PdfLine:
    page: int
    x0: float
    x1: float
    top: float
    height: float
    text: str


def pdf_lines(path: Path) -> list[PdfLine]:
    """Every text line of a PDF with its position, in reading order (page, then top to bottom)."""
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LAParams, LTPage, LTTextContainer, LTTextLine
    from pdfminer.pdfinterp import PDFPageInterpreter
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFSyntaxError

    from db.pdf_fonts import ResourceManager

    lines: list[PdfLine] = []
    manager = ResourceManager(caching=True)
    device = PDFPageAggregator(manager, laparams=LAParams(line_margin=0.2))
    interpreter = PDFPageInterpreter(manager, device)
    pages: list[LTPage] = []
    try:
        with path.open("rb") as handle:
            for pdf_page in PDFPage.get_pages(handle):
                interpreter.process_page(pdf_page)
                pages.append(device.get_result())
    except PDFSyntaxError as exc:
        raise FormatError(f"{path.name}: not a readable PDF ({exc})") from exc
    for number, page in enumerate(pages):
        found: list[PdfLine] = []
        for box in page:
            if not isinstance(box, LTTextContainer):
                continue
            for line in box:
                if isinstance(line, LTTextLine) and (text := line.get_text().rstrip("\n")).strip():
                    found.append(PdfLine(number, line.x0, line.x1, page.height - line.y1, line.height, text))
        lines += sorted(found, key=lambda ln: (round(ln.top, 1), ln.x0))
    unmapped = sum(len(m) for ln in lines for m in UNMAPPED_RE.findall(ln.text))
    if lines and unmapped * 2 > sum(len(ln.text) for ln in lines):
        raise FormatError(f"{path.name}: the PDF's fonts carry no Unicode mapping (no ToUnicode map), so its "
                          "characters cannot be read back as text; export the PDF again with fonts embedded as "
                          "Unicode (e.g. \"PDF/A\" or \"tagged PDF\" in the word processor), or give the "
                          "report as text, .html or .docx")
    if not lines:
        raise FormatError(f"{path.name}: the PDF has no text layer (a scan?); give the report as text, .docx or "
                          "a text PDF")
    return lines


UNMAPPED_RE = re.compile(r"\(cid:\d+\)")  # pdfminer's text for a character its font maps to no Unicode
PAGE_NUMBER_RE = re.compile(r"^[-—–－_·•]*(?:第?\d{1,4}页?|\d{1,4}[/／]\d{1,4}|第\d{1,4}页[,，]?共\d{1,4}页|"
                            r"page\d{1,4}(?:of\d{1,4})?)[-—–－_·•]*$", re.I)
CN = "一二三四五六七八九十"
HEADING_START_RE = re.compile(rf"^(?:[（(][{CN}]+[）)]|[{CN}]+、|第[{CN}]+部分)")
ANY_YEAR = 9999  # a line break is decided without the report's year: any year's 工作情况 reads as a part
FURNITURE_DEPTH = 2  # how many lines at the top and the foot of a page may be header, footer or page number


def _furniture_key(text: str) -> str:
    """A header's or footer's text with its numbers blanked (they repeat with the page number changed)."""
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def is_page_number(text: str) -> bool:
    """``- 3 -``, ``第 3 页``, ``3``, ``3/12``, ``第3页 共12页``, ``Page 3``."""
    return PAGE_NUMBER_RE.match(re.sub(r"\s+", "", text)) is not None


def drop_furniture(lines: list[PdfLine]) -> list[PdfLine]:
    """The lines without page numbers and running headers/footers: at the top or foot of a page, a page
    number, or a line that stands (numbers aside) at the top or foot of at least two pages and two fifths of
    them. The first page keeps a repeated line (its title), though not a page number, unless it stands where
    the running line stands on the other pages (same place, same size): then it is the header there too."""
    pages: dict[int, list[PdfLine]] = {}
    for ln in lines:
        pages.setdefault(ln.page, []).append(ln)
    counts: dict[str, int] = {}
    places: dict[str, list[PdfLine]] = {}  # where each edge line stands on the pages after the first
    for number, page_lines in pages.items():
        edge = page_lines[:FURNITURE_DEPTH] + page_lines[-FURNITURE_DEPTH:]
        for key in {_furniture_key(ln.text) for ln in edge}:
            counts[key] = counts.get(key, 0) + 1
        for ln in edge if number > 0 else []:
            places.setdefault(_furniture_key(ln.text), []).append(ln)
    # a line of punctuation only (a wrapped 。 at the foot of two pages) is the end of a sentence, not furniture
    running = {k for k, n in counts.items() if n >= 2 and n * 5 >= 2 * len(pages) and re.search(r"\w", k)}

    def as_elsewhere(ln: PdfLine) -> bool:
        """The first page's line stands where (and is as big as) the running line on the other pages."""
        return any(abs(ln.top - o.top) <= 0.5 * o.height and abs(ln.height - o.height) <= 0.2 * o.height
                   for o in places.get(_furniture_key(ln.text), []))

    kept: list[PdfLine] = []
    for number, page_lines in pages.items():
        def furniture(ln: PdfLine, page: int = number) -> bool:
            if is_page_number(ln.text):
                return True
            return _furniture_key(ln.text) in running and (page > 0 or as_elsewhere(ln))

        first, last = 0, len(page_lines)
        while first < min(FURNITURE_DEPTH, last) and furniture(page_lines[first]):
            first += 1
        while last > max(first, len(page_lines) - FURNITURE_DEPTH) and furniture(page_lines[last - 1]):
            last -= 1
        kept += page_lines[first:last]
    return kept


def line_pitch(lines: list[PdfLine], char: float) -> float:
    """The distance from one line to the next inside a paragraph: the smallest pitch that recurs (at least
    twice and a tenth of the time). Not the median: where most paragraphs are one or two lines apart by a
    gap, most pitches are paragraph pitches."""
    pitches = sorted(b.top - a.top for a, b in zip(lines, lines[1:], strict=False)
                     if a.page == b.page and b.top - a.top > 0.5 * char)
    if not pitches:
        return char * 1.5
    need = max(2, len(pitches) // 10)
    for p in pitches:
        if sum(p <= q <= p + 0.15 * char for q in pitches) >= need:
            return p
    return pitches[0]


def pdf_text(path: Path) -> str:
    """A text PDF's paragraphs: wrapped lines joined (no space between CJK lines), one paragraph per line."""
    return pdf_text_pages(path)[0]


def pdf_text_pages(path: Path) -> tuple[str, tuple[int, ...]]:
    """A text PDF's paragraphs, one per line with a blank line between, and the page (1-based) of each line.

    Page numbers and running headers/footers are left out. A paragraph ends at a line that stops short of
    the right margin, before a gap wider than the line pitch, or before an indented line (margins per page:
    printed copies mirror them).
    """
    lines = drop_furniture(pdf_lines(path))
    if not lines:
        raise FormatError(f"{path.name}: the PDF holds only page numbers and headers")
    char = statistics.median(ln.height for ln in lines)
    pitch = line_pitch(lines, char)
    margins: dict[int, tuple[float, float]] = {}
    everywhere = (min(ln.x0 for ln in lines), max(ln.x1 for ln in lines))
    for page in {ln.page for ln in lines}:
        on_page = [ln for ln in lines if ln.page == page]
        margins[page] = ((min(ln.x0 for ln in on_page), max(ln.x1 for ln in on_page)) if len(on_page) >= 4
                         else everywhere)
    paragraphs: list[tuple[str, int]] = []
    current, page = "", lines[0].page
    for prev, line in zip([None, *lines[:-1]], lines, strict=True):
        if prev is not None and _ends_paragraph(prev, line, margins, char, pitch):
            paragraphs.append((current, page))
            current = ""
        if not current:
            page = line.page
        current += line.text.strip() if current else line.text.rstrip()
    paragraphs.append((current, page))
    kept = [(text, page) for text, page in paragraphs if text.strip()]
    text = "\n\n".join(t for t, _ in kept) + "\n"
    pages: list[int] = []
    for i, (_, page) in enumerate(kept):
        pages += [page + 1] if i == 0 else [pages[-1], page + 1]
    return text, tuple([*pages, pages[-1]])


def _ends_paragraph(prev: PdfLine, line: PdfLine, margins: dict[int, tuple[float, float]], char: float,
                    pitch: float) -> bool:
    """Whether ``prev`` ends its paragraph: a short line, a gap wider than the line pitch, or an indented next
    line."""
    if prev.x1 < margins[prev.page][1] - 1.5 * char:
        return True
    if line.page == prev.page and line.top - prev.top > pitch + 0.35 * char:
        return True
    if prev.text.rstrip()[-1:] in "。！？；：" and _reads_as_heading(line, margins, char):
        return True  # a heading set flush left, or at the top of a page, after a sentence's end starts anew
    return line.x0 > margins[line.page][0] + 1.5 * char


def _reads_as_heading(line: PdfLine, margins: dict[int, tuple[float, float]], char: float) -> bool:
    """A numbered heading (一、 （一） 第一部分), or a short line that is a whole bare part heading (2019年工作回顾,
    “十四五”时期奋斗目标): not the rest of a sentence."""
    from db.source import bare_part_title
    from db.textview import normalise

    text = line.text.strip()
    if HEADING_START_RE.match(text):
        return True
    short = line.x1 < margins[line.page][1] - 1.5 * char
    return short and bare_part_title(normalise(text), ANY_YEAR)


def main(argv: list[str] | None = None) -> int:
    """``python -m db.formats FILE``: print the text the builder reads from FILE (line numbers refer to it)."""
    import argparse
    import sys

    parser = argparse.ArgumentParser(prog="python -m db.formats",
                                     description="Print the text the builder extracts from a report file.")
    parser.add_argument("file", type=Path)
    parser.add_argument("--numbered", action="store_true", help="number the lines (and give each one's PDF page)")
    args = parser.parse_args(argv)
    try:
        found = extract(args.file)
    except (FormatError, OSError) as exc:
        print(f"cannot read {args.file}: {exc}", file=sys.stderr)
        return 1
    if not args.numbered:
        sys.stdout.write(found.text)
        return 0
    for number, line in enumerate(found.text.split("\n")[:-1], start=1):
        page = f" p{found.pages[number - 1]}" if found.pages else ""
        sys.stdout.write(f"{number:5}{page}\t{line}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
