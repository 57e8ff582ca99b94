"""Small building blocks shared by the pages."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QFrame, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from dongli_desktop.ui.widgets.flow import FlowWidget


def make_label(text: str, name: str | None = None, wrap: bool = True, rich: bool = False) -> QLabel:
    label = QLabel(text)
    if name:
        label.setObjectName(name)
    label.setWordWrap(wrap)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    return label


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
    if not body.objectName():
        body.setObjectName("pageBody")
    area.setWidget(body)
    return area


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

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        layout = self.layout()
        if layout is not None and layout.hasHeightForWidth():
            needed = layout.totalHeightForWidth(self.width())
            if needed != self.minimumHeight():
                self.setMinimumHeight(needed)
