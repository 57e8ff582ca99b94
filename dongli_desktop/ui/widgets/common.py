"""Small building blocks shared by the pages."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFont, QPaintEvent, QResizeEvent, QTextLayout, QTextOption
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QButtonGroup,
    QComboBox,
    QFrame,
    QLabel,
    QLayout,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QStyle,
    QStyleOptionButton,
    QStyleOptionComboBox,
    QStylePainter,
    QVBoxLayout,
    QWidget,
)

from dongli_desktop.ui.widgets.flow import FlowWidget
from dongli_desktop.ui.widgets.plain import tooltip
from dongli_desktop.ui.widgets.wheel import wheel_scrolls_past


def make_label(text: str, name: str | None = None, wrap: bool = True, rich: bool = False) -> QLabel:
    label = QLabel(text)
    if name:
        label.setObjectName(name)
    label.setWordWrap(wrap)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    return label


def wrap_lines(text: str, font: QFont, width: int) -> list[str]:
    """``text`` in ``font`` broken into lines no wider than ``width`` px where Unicode allows (CJK anywhere)."""
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.beginLayout()
    lines = []
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(max(1, width))
        lines.append(text[line.textStart():line.textStart() + line.textLength()].rstrip())
    layout.endLayout()
    return lines or [text]


class WrapButton(QPushButton):
    """A push button whose text wraps onto more lines instead of widening the page (long entry buttons)."""

    MIN_EM = 6  # never narrower than this many characters

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.full_text = text
        self.setAccessibleName(text)
        policy = self.sizePolicy()
        policy.setHeightForWidth(True)
        policy.setHorizontalPolicy(QSizePolicy.Policy.Preferred)
        self.setSizePolicy(policy)

    def _padding(self) -> QSize:
        """What the style adds around the text (padding, border, min-height aside)."""
        option = QStyleOptionButton()
        self.initStyleOption(option)
        bare = self.fontMetrics().size(Qt.TextFlag.TextShowMnemonic, "x")
        full = self.style().sizeFromContents(QStyle.ContentsType.CT_PushButton, option, bare, self)
        return full - bare

    def _lines(self, width: int) -> list[str]:
        return wrap_lines(self.full_text, self.font(), width - self._padding().width())

    def sizeHint(self) -> QSize:
        pad = self._padding()
        return QSize(self.fontMetrics().horizontalAdvance(self.full_text) + pad.width() + 2,
                     max(self.minimumHeight(), self.fontMetrics().height() + pad.height()))

    def minimumSizeHint(self) -> QSize:
        width = self.MIN_EM * self.fontMetrics().height()
        return QSize(width, self.heightForWidth(width))

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        lines = len(self._lines(width))
        return max(self.minimumHeight(), lines * self.fontMetrics().lineSpacing() + self._padding().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        wrapped = "\n".join(self._lines(self.width()))
        if wrapped != self.text():
            self.setText(wrapped)


def link_button(text: str, description: str = "") -> QPushButton:
    """A flat, underlined button that reads as a link and is large enough for a finger."""
    button = QPushButton(text)
    button.setObjectName("link")
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    button.setAccessibleName(text)
    if description:
        button.setAccessibleDescription(description)
    return button


def card_frame() -> QFrame:
    frame = QFrame()
    frame.setObjectName("card")
    return frame


def scroll_page(body: QWidget) -> QScrollArea:
    """Wrap a page body so it can grow with the text size instead of being clipped."""
    area = QScrollArea()
    area.setObjectName("pageScroll")
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the page's controls, not to a frame with no focus shown
    if not body.objectName():
        body.setObjectName("pageBody")
    area.setWidget(body)
    return area


class PageStack(QStackedWidget):
    """The pages, one shown at a time, asking for the room of the shown page only (a stacked widget's least size
    is otherwise the largest of all its pages', the ones kept built out of sight included)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currentChanged.connect(lambda *_: self.updateGeometry())

    def minimumSizeHint(self) -> QSize:
        page = self.currentWidget()
        if page is None:
            return super().minimumSizeHint()
        return page.minimumSizeHint().expandedTo(page.minimumSize())

    def sizeHint(self) -> QSize:
        page = self.currentWidget()
        return super().sizeHint() if page is None else page.sizeHint()

    def heightForWidth(self, width: int) -> int:
        """The shown page's least height, whatever the width. A page area gives its widget the height this
        returns when the widget's layout has a height for width (a word-wrapped label, the keyboard's wrapping
        candidates): a stacked layout's is the largest *preferred* height of all its pages (their hidden ones'
        and the search page's whole list of hits included), so the kiosk's search page with its keyboard grew to
        1210 px in an 800 px window and the keyboard went below the screen's foot."""
        return self.minimumSizeHint().height()


class PageArea(QScrollArea):
    """The room the pages are shown in: a page gets the whole area, and the area scrolls only when the page's
    least size does not fit (a small screen at 200 %, 大字模式, a long 返回 row), so that the window never asks for
    more than the screen and every control stays within reach. At ordinary sizes it shows no scroll bar and
    changes nothing; each page still scrolls its own content where it has a scroll view of its own.

    The window's least size no longer grows with the shown page, nor with the pages kept built out of sight (a
    stacked widget's least size is the largest of all its pages')."""

    def __init__(self, pages: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pageArea")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the page's controls (brought into view)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setWidget(pages)

    def home(self) -> None:
        """Back to the top-left corner (another page is shown)."""
        self.verticalScrollBar().setValue(0)
        self.horizontalScrollBar().setValue(0)

    def minimumSizeHint(self) -> QSize:
        """As small as its scroll bars and their arrows: the window's least size leaves the pages out."""
        bars = self.verticalScrollBar().sizeHint()
        side = max(bars.width(), self.horizontalScrollBar().sizeHint().height())
        return QSize(3 * side, 3 * side)


class ChipGroup(FlowWidget):
    """A wrapping row of checkable chips; one may be checked at a time.

    Signals:
        chosen(str): the key of the chip that was pressed.
    """

    chosen = Signal(str)

    def __init__(self, chips: list[tuple[str, str]], exclusive: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent, spacing=10)
        self._group = QButtonGroup(self)
        self._group.setExclusive(exclusive)
        self.buttons: dict[str, QPushButton] = {}
        for key, text in chips:
            button = QPushButton(text)
            button.setObjectName("chip")
            button.setCheckable(exclusive)
            button.setAccessibleName(text)
            button.clicked.connect(lambda *_, k=key: self.chosen.emit(k))
            self._group.addButton(button)
            self.add(button)
            self.buttons[key] = button

    def set_checked(self, key: str) -> None:
        if key in self.buttons:
            self.buttons[key].setChecked(True)

    def checked(self) -> str | None:
        return next((k for k, b in self.buttons.items() if b.isChecked()), None)

class Section(QWidget):
    """A titled block of a page."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = make_label(title, "sectionTitle")
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(0, 8, 0, 8)
        self.body.addWidget(self.title)


class FittedCard(QWidget):
    """A card whose minimum height follows its width, so wrapped text is never cut off.

    Grid and box layouts size rows from size hints taken at an assumed width; when the real
    width makes text wrap onto more lines, this grows the card to what that width needs.
    """

    def framed_layout(self, margins: tuple[int, int, int, int] = (16, 14, 16, 14)) -> QVBoxLayout:
        """The card's white frame and the layout inside it."""
        frame = card_frame()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(frame)
        layout = QVBoxLayout(frame)
        layout.setContentsMargins(*margins)
        return layout

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        layout = self.layout()
        if layout is not None and layout.hasHeightForWidth():
            needed = layout.totalHeightForWidth(self.width())
            if needed != self.minimumHeight():
                self.setMinimumHeight(needed)


def install_enter_activates() -> None:
    """Enter (and the keypad's Enter) presses the focused button, as Space does, everywhere in the app.

    Qt's push button answers Enter when it is an "auto default" button, which only buttons in dialogs are by
    default; each button is made one as it takes the focus (no event filter runs for every event)."""
    app = QApplication.instance()
    if isinstance(app, QApplication) and app.property("enterActivates") is None:
        app.setProperty("enterActivates", True)
        app.focusChanged.connect(_enter_presses)


def _enter_presses(_old: QWidget | None, new: QWidget | None) -> None:
    if isinstance(new, QPushButton) and not new.autoDefault():
        new.setAutoDefault(True)


def layout_focus_order(root: QWidget) -> list[QWidget]:
    """The widgets under ``root`` that take Tab focus, in the order their layouts show them (reading order):
    a control added to a layout late (a chart drawn after the first frame, an edition picker inserted at the
    top) still comes where it is seen."""
    found: list[QWidget] = []

    def visit_widget(widget: QWidget) -> None:
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            found.append(widget)
            return
        inner = widget.widget() if isinstance(widget, QScrollArea) else None
        layout = widget.layout()
        if inner is not None:
            visit_widget(inner)
        elif isinstance(widget, QAbstractScrollArea):  # a plot's view: its viewport may take the focus
            visit_widget(widget.viewport())
        elif layout is not None:
            visit_layout(layout)

    def visit_layout(layout: QLayout) -> None:
        for index in range(layout.count()):
            item = layout.itemAt(index)
            if item is None:
                continue
            widget, inner = item.widget(), item.layout()
            if widget is not None:
                visit_widget(widget)
            elif inner is not None:
                visit_layout(inner)

    visit_widget(root)
    return found


class ElidingComboBox(QComboBox):
    """A drop-down whose shown choice ends in "…" when it is wider than the field (Qt cuts it off mid
    character); the whole text is its tooltip, and the list shows every choice whole."""

    def shown_text(self) -> str:
        """The current choice as it is drawn: whole, or cut with "…" to the field's width."""
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        field = self.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                            QStyle.SubControl.SC_ComboBoxEditField, self)
        return self.fontMetrics().elidedText(self.currentText(), Qt.TextElideMode.ElideRight, max(0, field.width()))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        option.currentText = self.shown_text()
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        wheel_scrolls_past(self)  # a passing wheel scrolls the page, never picks another choice
        self.currentTextChanged.connect(lambda *_: self._update_tip())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._update_tip()

    def _update_tip(self) -> None:
        """The whole choice as a tooltip while it is shown cut."""
        self.setToolTip(tooltip(self.currentText()) if self.shown_text() != self.currentText() else "")
