"""The report's text from the formats district sites publish: .txt, a saved .html/.htm page, .docx, text .pdf.

The result is plain text, one paragraph or heading per line, which the parser reads exactly as it reads a
.txt source; the database's offsets refer to this extracted text. Libraries (build-time only):

* HTML: selectolax (the Lexbor engine: fast, tolerant of the broken markup of real pages, no lxml). The
  report is the smallest element holding the salutation 各位代表 and most of the page's text; navigation,
  scripts and footers outside it are left out, and so are nav/header/footer/aside elements inside it.
* .docx: python-docx (paragraphs and tables in document order).
* PDF: pdfminer.six (layout analysis with positions, CJK CMaps included). Lines are joined into paragraphs
  by geometry: a paragraph ends at a short line, a larger gap, or before an indented line.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass
from pathlib import Path
from typing import Any

TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + (".docx", ".pdf")
SKIP_TAGS = {"script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "select",
             "button", "template", "svg", "head", "title", "meta", "link"}
BLOCK_TAGS = {"p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
              "tr", "table", "tbody", "thead", "blockquote", "pre", "center", "dd", "dt", "dl", "body", "td", "th"}
CHARSET_RE = re.compile(rb"""charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", re.I)
SALUTATION = "各位代表"


class FormatError(ValueError):
    """The file cannot be read as a report in its format; the message is meant for a person."""


def extract_text(path: Path) -> str:
    """The report's text from ``path``, by its suffix; raises FormatError (or OSError) naming the problem."""
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return decode_text(path.read_bytes())
    if suffix in HTML_SUFFIXES:
        return html_text(path.read_bytes())
    if suffix == ".docx":
        return docx_text(path)
    if suffix == ".pdf":
        return pdf_text(path)
    raise FormatError(f"{path.name}: unknown format '{suffix}'; give the report as {', '.join(SUFFIXES)}")


def decode_text(data: bytes) -> str:
    """UTF-8 text; a file that is not UTF-8 names the line."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise FormatError(f"source line {line}: not valid UTF-8 (is it GBK?); save the file as UTF-8") from exc


# -- HTML ---------------------------------------------------------------------------------------------------
def decode_html(data: bytes) -> str:
    """An HTML page's text: its declared charset (GB2312/GBK read as GB18030), else UTF-8, else GB18030."""
    declared = CHARSET_RE.search(data[:4096])
    names = [declared.group(1).decode("ascii").lower()] if declared else []
    names = ["gb18030" if n in ("gb2312", "gbk", "gb18030") else n for n in names] + ["utf-8", "gb18030"]
    for name in names:
        try:
            return data.decode(name)
        except (UnicodeDecodeError, LookupError):
            continue
    raise FormatError("the page is neither UTF-8 nor GB18030 text")


def html_text(data: bytes) -> str:
    """The report inside a saved government page, one block per line."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(decode_html(data))
    body = tree.body
    if body is None:
        raise FormatError("the page has no body")
    for tag in SKIP_TAGS:
        for node in body.css(tag):
            node.decompose()
    container = report_container(body)
    parts: list[str] = []
    _walk(container, parts)
    lines = [re.sub(r"[ \t\r\f\v]+$", "", ln) for ln in "".join(parts).split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")
    return text + "\n"


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
def docx_text(path: Path) -> str:
    """Paragraphs (and table cells) of a .docx in document order, one per line, a blank line between."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises several types for a damaged or foreign file
        raise FormatError(f"{path.name}: not a readable .docx ({exc})") from exc
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            lines.append(block.text)
        elif isinstance(block, Table):
            for row in block.rows:
                lines.append(" | ".join(cell.text for cell in row.cells))
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
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTTextContainer, LTTextLine
    from pdfminer.pdfparser import PDFSyntaxError

    lines: list[PdfLine] = []
    try:
        pages = list(extract_pages(str(path), laparams=LAParams(line_margin=0.2)))
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
    if not lines:
        raise FormatError(f"{path.name}: the PDF has no text layer (a scan?); give the report as text, .docx or "
                          "a text PDF")
    return lines


def pdf_text(path: Path) -> str:
    """A text PDF's paragraphs: wrapped lines joined (no space between CJK lines), one paragraph per line."""
    lines = pdf_lines(path)
    left = min(ln.x0 for ln in lines)
    right = max(ln.x1 for ln in lines)
    char = statistics.median(ln.height for ln in lines)
    pitches = [b.top - a.top for a, b in zip(lines, lines[1:], strict=False) if a.page == b.page and b.top > a.top]
    pitch = statistics.median(pitches) if pitches else char * 1.5
    paragraphs: list[str] = []
    current = ""
    for prev, line in zip([None, *lines[:-1]], lines, strict=True):
        if prev is not None and _ends_paragraph(prev, line, left, right, char, pitch):
            paragraphs.append(current)
            current = ""
        current += line.text.strip() if current else line.text.rstrip()
    paragraphs.append(current)
    return "\n\n".join(p for p in paragraphs if p.strip()) + "\n"


def _ends_paragraph(prev: PdfLine, line: PdfLine, left: float, right: float, char: float, pitch: float) -> bool:
    """Whether ``prev`` ends its paragraph: a short line, a wider gap, or an indented next line."""
    if prev.x1 < right - 1.5 * char:
        return True
    if line.page == prev.page and line.top - prev.top > 1.3 * pitch:
        return True
    return line.x0 > left + 1.5 * char
