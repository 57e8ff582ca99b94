"""Layout invariants of a live window: clipped, overlapping or squeezed text, lines shown, rows.

Test and tooling code, not part of the product: used by the widget tests (tests/gui/layout_checks.py), by
the layout report a real-session test asks for (``tools/probes/layout_report.py``, installed by
``tools/run_app.py --layout-report``) and by ``make screenshots``' audit.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QLabel,
    QScrollArea,
    QTextEdit,
    QWidget,
)

SLACK = 1


def clipped(root: QWidget) -> list[str]:
    """Every visible label or button under ``root`` whose geometry is smaller than its text needs."""
    problems = []
    window_right = root.window().width()
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, (QLabel, QAbstractButton)) or not widget.isVisibleTo(root.window()):
            continue
        if widget.width() <= 0:
            continue
        name = f"{type(widget).__name__}({widget.objectName()!r}, {getattr(widget, 'text', lambda: '')()[:20]!r})"
        if _wraps(widget):
            need_w, need_h = widget.minimumSizeHint().width(), widget.heightForWidth(widget.width())
        else:
            hint = widget.sizeHint()
            need_w, need_h = hint.width(), hint.height()
        if need_h > widget.height() + SLACK or (need_w > widget.width() + SLACK and not _wraps(widget)):
            problems.append(f"{name}: needs {need_w}x{need_h}, has {widget.width()}x{widget.height()}")
        left = widget.mapTo(root.window(), widget.rect().topLeft()).x()
        scroller = _scroll_parent(widget)
        if scroller is None and left + widget.width() > window_right + SLACK:
            problems.append(f"{name}: runs past the window's right edge")
    for area in root.findChildren(QScrollArea):
        if not area.isVisibleTo(root.window()) or area.widget() is None:
            continue
        if area.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff:
            content, viewport = area.widget().width(), area.viewport().width()
            if content > viewport + SLACK:
                problems.append(f"{area.widget().objectName()!r}: content {content}px wider than its view {viewport}px")
    return problems


SQUEEZE_CHARS = 8  # a wrapped label narrower than this many characters of its font is squeezed ...
SQUEEZE_LINES = 3  # ... when its text takes at least this many lines ...
SQUEEZE_ROOM = 2.0  # ... while the widget holding it is at least this many times as wide


def squeezed(root: QWidget) -> list[str]:
    """Visible word-wrapped labels under ``root`` squeezed into a narrow column (a few characters a line,
    many lines) while the widget around them has the room to let them read in longer lines."""
    problems = []
    window = root.window()
    for label in root.findChildren(QLabel):
        if not (label.wordWrap() and label.isVisibleTo(window) and label.width() > 0 and label.text()):
            continue
        metrics = label.fontMetrics()
        em = max(1, metrics.horizontalAdvance("中"))
        lines = label.height() / max(1, metrics.lineSpacing())
        holder = label.parentWidget()
        while holder is not None and holder.width() <= label.width() * 1.2 and holder is not window:
            holder = holder.parentWidget()  # the first widget wider than the label's own box
        room = holder.width() if holder is not None else label.width()
        if (label.width() < SQUEEZE_CHARS * em and lines >= SQUEEZE_LINES
                and room >= SQUEEZE_ROOM * label.width()):
            problems.append(f"{_name(label)}: {label.width() // em} characters a line over {lines:.0f} lines, "
                            f"in {room}px")
    return problems


def _wraps(widget: QWidget) -> bool:
    """Text that wraps: a word-wrapped label, or a control whose height follows its width."""
    return (isinstance(widget, QLabel) and widget.wordWrap()) or (
        isinstance(widget, QAbstractButton) and widget.hasHeightForWidth())


def _scroll_parent(widget: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            return parent
        parent = parent.parentWidget()
    return None


def overlapping(root: QWidget) -> list[str]:
    """Visible labels and buttons under ``root`` whose rectangles overlap (siblings drawn over each other)."""
    window = root.window()
    shown = [w for w in root.findChildren(QWidget)
             if isinstance(w, (QLabel, QAbstractButton)) and w.isVisibleTo(window) and w.width() > 0]
    boxes = [(w, _visible_rect(w)) for w in shown]
    problems = []
    for i, (a, ra) in enumerate(boxes):
        for b, rb in boxes[i + 1:]:
            if a.isAncestorOf(b) or b.isAncestorOf(a):
                continue
            common = ra.intersected(rb)
            if common.width() > SLACK and common.height() > SLACK:
                problems.append(f"{_name(a)} overlaps {_name(b)}")
    return problems


def visible_lines(view: QTextEdit) -> float:
    """How many lines of body text a text view shows at once, from the laid-out document's line pitch."""
    doc = view.document()
    pitch = 0.0
    block = doc.begin()
    while block.isValid():
        layout = block.layout()
        if layout is not None and layout.lineCount() >= 2:
            pitch = layout.lineAt(1).y() - layout.lineAt(0).y()
            break
        block = block.next()
    if pitch <= 0:
        pitch = view.fontMetrics().lineSpacing()
    return view.viewport().height() / pitch


def one_row(widgets: list[QWidget]) -> bool:
    """The visible widgets share one row (their vertical extents all overlap)."""
    window = widgets[0].window() if widgets else None
    spans = [(w.mapTo(window, w.rect().topLeft()).y(), w.height()) for w in widgets if w.isVisibleTo(window)]
    top = max(y for y, _ in spans)
    bottom = min(y + h for y, h in spans)
    return top < bottom


def _visible_rect(widget: QWidget):
    """The part of ``widget`` on screen, in window coordinates: cut to every scroll view it sits in."""
    window = widget.window()
    rect = widget.rect().translated(widget.mapTo(window, widget.rect().topLeft()))
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent.parentWidget(), QAbstractScrollArea) and parent is parent.parentWidget().viewport():
            rect = rect.intersected(parent.rect().translated(parent.mapTo(window, parent.rect().topLeft())))
        parent = parent.parentWidget()
    return rect


def _name(widget: QWidget) -> str:
    return f"{type(widget).__name__}({getattr(widget, 'text', lambda: '')()[:20]!r})"


MIN_READING_LINES = 8  # the reading pane of review and plan
LIVELIHOOD_MIN_CHARS = (20, 22)  # items, chart: side by side only when both are this wide (pages/livelihood.py)
TOOLBAR_SHARE = 0.15  # of the screen's height, at most, for the top bar


def facts_problems(facts: dict, dialogs_only: bool = False) -> list[str]:
    """What is wrong in one page's layout facts (``layout_report.facts``), for a person reading it: text
    cut or drawn over, sideways scrolling, a window off the screen, a top bar of two rows, a navigation that
    scrolls, too few lines to read, columns too narrow to read."""
    if dialogs_only:  # the window's own facts then count the dialog's labels over its page
        return _dialog_problems(facts)
    problems = [f"clipped: {p}" for p in facts.get("clipped", [])]
    problems += [f"overlapping: {p}" for p in facts.get("overlapping", [])]
    problems += [f"sideways: {p}" for p in facts.get("sideways", [])]
    problems += [f"squeezed: {p}" for p in facts.get("squeezed", [])]
    x, y, w, h = facts["window"]
    ax, ay, aw, ah = facts["available"]
    if x < ax or y < ay or x + w > ax + aw or y + h > ay + ah:
        problems.append(f"window {facts['window']} outside the screen {facts['available']}")
    if not facts.get("toolbar_one_row", True):
        problems.append("the top bar takes two rows")
    if facts.get("toolbar_height", 0) > TOOLBAR_SHARE * ah:
        problems.append(f"the top bar is {facts['toolbar_height']} px of {ah}")
    if facts.get("nav_scrolls"):
        problems.append("the navigation scrolls")
    part = facts.get("part")
    if part and part.get("reader_visible") and part.get("reading_lines", 0) < MIN_READING_LINES:
        problems.append(f"the reading pane shows {part['reading_lines']} lines")
    livelihood = facts.get("livelihood")
    if livelihood and livelihood["side_by_side"] and (
            livelihood["items_chars"] < LIVELIHOOD_MIN_CHARS[0] or livelihood["chart_chars"] < LIVELIHOOD_MIN_CHARS[1]):
        problems.append(f"livelihood columns too narrow: {livelihood}")
    return problems + _dialog_problems(facts)


def _dialog_problems(facts: dict) -> list[str]:
    problems = []
    for dialog in facts.get("dialogs", []):
        if not dialog.get("fits", True):
            problems.append(f"dialog {dialog['title']!r} off the screen")
        problems += [f"dialog clipped: {p}" for p in dialog.get("clipped", [])]
        problems += [f"dialog overlapping: {p}" for p in dialog.get("overlapping", [])]
    return problems
