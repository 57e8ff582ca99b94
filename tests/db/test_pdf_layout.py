"""PDF layouts district sites publish (issue 18, publisher persona): paragraphs set apart only by vertical
space or only by a first-line indent, pages with running headers and page numbers ("- 3 -", "第 3 页", "3").

The test lays the fictional report ``tests/fixtures/pdf/layout_report.txt`` out itself, line by line at
known positions (as word processors export: one text line per output line, wrapped by width), and checks
that the PDF builds to the same paragraphs, figures and sections as the text, with offsets into the text
extracted, and that a problem on a page is reported by page.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from db.build import BuildError, build
from db.formats import extract, pdf_lines
from tests.conftest import ROOT
from tests.db.test_formats import FONT, contents, spans, truetype

LAYOUT_REPORT = ROOT / "tests" / "fixtures" / "pdf" / "layout_report.txt"
PARAGRAPHS = [ln.strip() for ln in LAYOUT_REPORT.read_text(encoding="utf-8").split("\n") if ln.strip()]
SIZE = 16.0  # font size (pt)
WIDTH = 20 * SIZE  # text column: twenty full-width characters
MARGIN = 72.0
PITCH = 1.5 * SIZE  # line pitch inside a paragraph
PAGE_NUMBERS = {"dash": "- {n} -", "chinese": "第 {n} 页", "bare": "{n}", "emdash": "— {n} —"}
BARE_REPORT = ROOT / "tests" / "fixtures" / "pdf" / "bare_parts_layout_report.txt"
BARE_PARAGRAPHS = [ln.strip() for ln in BARE_REPORT.read_text(encoding="utf-8").split("\n") if ln.strip()]


@dataclass(frozen=True)
class Layout:
    """How paragraphs are set apart, and what furniture each page carries."""

    gap: float = 0.0  # extra vertical space between paragraphs
    indent: float = 0.0  # first-line indent
    page_number: str | None = None  # a key of PAGE_NUMBERS, printed at the foot of every page
    header: str | None = None  # a running header on every page after the first
    lines_per_page: int = 60
    flush_headings: bool = False  # only paragraphs ending in 。 are indented: headings and front matter are not
    header_on_first: bool = False  # the running header is on the first page too
    number_on_top: bool = False  # the page number stands at the top of the page (under the header)


def wrap(pdf, text: str, width: float) -> list[str]:
    """Greedy wrapping by measured width, character by character (as CJK text wraps)."""
    lines, current = [], ""
    for ch in text:
        if current and pdf.get_string_width(current + ch) > width:
            lines.append(current)
            current = ch
        else:
            current += ch
    return [*lines, current]


def render(paragraphs: list[str], layout: Layout, font: Path, out: Path) -> Path:
    """Lay the paragraphs out at explicit positions; returns the PDF written to ``out``."""
    from fpdf import FPDF

    height = MARGIN * 2 + layout.lines_per_page * (PITCH + layout.gap)
    pdf = FPDF(unit="pt", format=(WIDTH + 2 * MARGIN, height))
    pdf.set_auto_page_break(False)
    pdf.add_font("noto", fname=str(font))
    pdf.set_font("noto", size=SIZE)
    state = {"y": height, "page": 0}

    def new_page() -> None:
        pdf.add_page()
        state["page"] += 1
        state["y"] = MARGIN + SIZE
        pdf.set_font_size(SIZE * 0.75)
        if layout.header and (state["page"] > 1 or layout.header_on_first):
            top = MARGIN - 2 * SIZE if layout.number_on_top else MARGIN - SIZE
            pdf.text(MARGIN + (WIDTH - pdf.get_string_width(layout.header)) / 2, top, layout.header)
        if layout.page_number:
            number = PAGE_NUMBERS[layout.page_number].format(n=state["page"])
            top = MARGIN - SIZE if layout.number_on_top else height - MARGIN + 2 * SIZE
            pdf.text(MARGIN + (WIDTH - pdf.get_string_width(number)) / 2, top, number)
        pdf.set_font_size(SIZE)

    for paragraph in paragraphs:
        indent = 0.0 if layout.flush_headings and not paragraph.endswith("。") else layout.indent
        first = wrap(pdf, paragraph, WIDTH - indent)[0]
        lines = [first, *(wrap(pdf, paragraph[len(first):], WIDTH) if len(first) < len(paragraph) else [])]
        for i, line in enumerate(lines):
            if state["y"] > height - MARGIN:
                new_page()
            pdf.text(MARGIN + (indent if i == 0 else 0), state["y"], line)
            state["y"] += PITCH
        state["y"] += layout.gap
    pdf.output(str(out))
    return out


@pytest.fixture(scope="module")
def font(tmp_path_factory) -> Path:
    return truetype(FONT, tmp_path_factory.mktemp("font") / "noto.ttf")


@pytest.fixture(scope="module")
def text_build(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("text") / "text.db"
    build(LAYOUT_REPORT, None, out)
    return out




LAYOUTS = {
    "spacing": Layout(gap=0.6 * SIZE),
    "indent": Layout(indent=2 * SIZE),
    "spacing-pages-dash": Layout(gap=0.6 * SIZE, page_number="dash", header="东丽区2021年政府工作报告",
                                 lines_per_page=14),
    "indent-pages-chinese": Layout(indent=2 * SIZE, page_number="chinese", header="东丽区2021年政府工作报告",
                                   lines_per_page=13),
    "spacing-pages-bare": Layout(gap=0.6 * SIZE, page_number="bare", lines_per_page=11),
}


def test_the_fixture_is_a_hard_case(font, tmp_path):
    """Most paragraphs end on a full line, so only the space or the indent says where they end."""
    lines = pdf_lines(render(PARAGRAPHS, LAYOUTS["spacing"], font, tmp_path / "x.pdf"))
    right = max(ln.x1 for ln in lines)
    ends = [ln for ln in lines if any(p.endswith(ln.text.strip()) for p in PARAGRAPHS)]
    assert sum(ln.x1 >= right - 1.5 * SIZE for ln in ends) >= 10  # within the last character: a full line


@pytest.mark.parametrize("name", sorted(LAYOUTS))
def test_a_pdf_layout_builds_like_the_text(name, font, text_build, tmp_path):
    pdf = render(PARAGRAPHS, LAYOUTS[name], font, tmp_path / f"{name}.pdf")
    out = tmp_path / f"{name}.db"
    build(pdf, None, out)
    assert contents(out) == contents(text_build)
    extracted = extract(pdf).text
    assert all(extracted[start:end] == text for text, start, end in spans(out))  # provenance into the extract
    for furniture in ("东丽区2021年政府工作报告\n", "- 2 -", "第 2 页", "\n2\n"):
        assert furniture not in extracted


def test_a_problem_in_a_pdf_is_reported_by_page(font, tmp_path):
    broken = [p.replace("（二）着力改善生态环境", "（三）着力改善生态环境") for p in PARAGRAPHS]
    pdf = render(broken, Layout(gap=0.6 * SIZE, page_number="dash", lines_per_page=14), font, tmp_path / "b.pdf")
    extracted = extract(pdf)
    line = extracted.text.split("\n").index("（三）着力改善生态环境") + 1
    pages = {ln.page for ln in pdf_lines(pdf) if ln.text.strip() == "（三）着力改善生态环境"}
    assert len(pages) == 1 and pages != {0}  # the heading is on a later page, not the first
    with pytest.raises(BuildError) as info:
        build(pdf, None, tmp_path / "b.db")
    message = str(info.value)
    assert f"page {pages.pop() + 1} (line {line} of the text extracted from the PDF): subsection （三） out of order" \
        in message
    assert "python -m db.formats --numbered b.pdf" in message


def test_the_extracted_text_is_printed_with_line_numbers_and_pages(font, tmp_path, capsys):
    from db.formats import main

    pdf = render(PARAGRAPHS, LAYOUTS["spacing-pages-dash"], font, tmp_path / "r.pdf")
    assert main(["--numbered", str(pdf)]) == 0
    printed = capsys.readouterr().out.split("\n")
    extracted = extract(pdf)
    lines = extracted.text.split("\n")[:-1]
    assert len(printed) - 1 == len(lines) and extracted.pages is not None
    assert all(row == f"{n:5} p{extracted.pages[n - 1]}\t{text}" for n, (row, text) in
               enumerate(zip(printed, lines, strict=False), start=1))
    assert max(extracted.pages) >= 3  # the layout runs over several pages


FLUSH = Layout(indent=2 * SIZE, flush_headings=True)  # indented paragraphs, headings flush left, no gaps


def _ends_full(lines, paragraph: str, right: float) -> bool:
    """Whether ``paragraph``'s last line reaches the right margin (so only the next line can end it)."""
    return any(paragraph.endswith(ln.text.strip()) and ln.x1 >= right - 1.5 * SIZE for ln in lines)


def test_a_bare_part_heading_after_a_full_line_stays_a_heading(font, tmp_path):
    """2020年工作回顾 / 2021年工作安排 flush left after a paragraph that ends on a full line: no gap, no indent
    sets them apart, and the joiner ran them into the paragraph before (issue 18)."""
    pdf = render(BARE_PARAGRAPHS, FLUSH, font, tmp_path / "bare.pdf")
    lines = pdf_lines(pdf)
    right = max(ln.x1 for ln in lines)
    for heading in ("2020年工作回顾", "2021年工作安排", "二、城乡面貌明显改善"):
        before = BARE_PARAGRAPHS[BARE_PARAGRAPHS.index(heading) - 1]
        assert _ends_full(lines, before, right), before  # the hard case: nothing but the words says it
    text_db, pdf_db = tmp_path / "text.db", tmp_path / "pdf.db"
    build(BARE_REPORT, None, text_db)
    build(pdf, None, pdf_db)
    assert contents(pdf_db) == contents(text_db)
    assert [ln for ln in extract(pdf).text.split("\n") if ln] == BARE_PARAGRAPHS


def _first_on_a_page(paragraphs: list[str], heading: str, layout: Layout, font: Path, out: Path) -> Path:
    """The PDF of ``paragraphs`` laid out with as many lines a page as puts ``heading`` first on a later page."""
    from dataclasses import replace

    for per_page in range(6, 30):
        pdf = render(paragraphs, replace(layout, lines_per_page=per_page), font, out)
        lines = pdf_lines(pdf)
        at = next(i for i, ln in enumerate(lines) if ln.text.strip() == heading)
        if at > 0 and lines[at - 1].page != lines[at].page:
            return pdf
    raise AssertionError(f"no page length puts {heading} first on a page")


@pytest.mark.parametrize(("paragraphs", "heading"), [(BARE_PARAGRAPHS, "2021年工作安排"),
                                                     (PARAGRAPHS, "二、2021年主要工作安排")])
def test_a_part_heading_at_the_top_of_a_page_stays_a_heading(font, tmp_path, paragraphs, heading):
    source = tmp_path / "report.txt"
    source.write_text("\n".join(paragraphs) + "\n", encoding="utf-8")
    pdf = _first_on_a_page(paragraphs, heading, FLUSH, font, tmp_path / "top.pdf")
    text_db, pdf_db = tmp_path / "text.db", tmp_path / "pdf.db"
    build(source, None, text_db)
    build(pdf, None, pdf_db)
    assert contents(pdf_db) == contents(text_db)


def test_a_running_header_on_every_page_is_no_title(font, tmp_path):
    """样例区人民政府工作报告 and — N — at the top of every page, the first included: both are left out, and the
    title is the report's own 政府工作报告 (issue 18: the header was kept on page 1 and read as the title)."""
    from db.source import parse_report

    layout = Layout(gap=0.6 * SIZE, header="样例区人民政府工作报告", header_on_first=True, page_number="emdash",
                    number_on_top=True, lines_per_page=12)
    pdf = render(BARE_PARAGRAPHS, layout, font, tmp_path / "headed.pdf")
    text = extract(pdf).text
    assert "样例区人民政府工作报告" not in text and "—" not in text.replace("——2021", "")
    assert [ln for ln in text.split("\n") if ln] == BARE_PARAGRAPHS
    assert parse_report(text, []).front.title == "政府工作报告"
    text_db, pdf_db = tmp_path / "text.db", tmp_path / "pdf.db"
    build(BARE_REPORT, None, text_db)
    build(pdf, None, pdf_db)
    assert contents(pdf_db) == contents(text_db)
