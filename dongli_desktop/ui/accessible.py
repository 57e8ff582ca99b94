"""What assistive technology is told about the page navigation: page tabs in a page tab list.

The navigation's buttons are checkable push buttons, which Qt reports as check boxes; a screen reader
then says "check box, checked" instead of naming a page. A small accessibility factory reports the
navigation as a page tab list and each of its buttons as a page tab, selected when its page is shown
(one at a time), not checked.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleInterface, QAccessibleStateChangeEvent
from PySide6.QtWidgets import QAbstractButton, QAccessibleWidget, QWidget

PAGE_TAB = "pageTab"  # dynamic property marking a navigation button
PAGE_TAB_LIST = "pageTabList"  # dynamic property marking the navigation bar

_installed = False


class PageTab(QAccessibleWidget):
    """A navigation button as a page tab: selectable, selected while its page shows."""

    def __init__(self, button: QAbstractButton) -> None:
        super().__init__(button, QAccessible.Role.PageTab)
        self.button = button

    def state(self) -> QAccessible.State:
        state = super().state()
        state.checkable = False
        state.checked = False
        state.selectable = True
        state.selected = self.button.isChecked()
        return state

    def actionNames(self) -> list[str]:  # noqa: N802 (Qt's name)
        return [QAccessibleWidget.pressAction()]

    def doAction(self, name: str) -> None:  # noqa: N802 (Qt's name)
        if name == QAccessibleWidget.pressAction():
            self.button.click()


def _factory(key: str, obj: QObject) -> QAccessibleInterface | None:
    if isinstance(obj, QAbstractButton) and obj.property(PAGE_TAB):
        return PageTab(obj)
    if isinstance(obj, QWidget) and obj.property(PAGE_TAB_LIST):
        return QAccessibleWidget(obj, QAccessible.Role.PageTabList)
    return None


def install() -> None:
    """Register the factory (once per process)."""
    global _installed
    if not _installed:
        QAccessible.installFactory(_factory)
        _installed = True


def mark_page_tab(button: QAbstractButton) -> None:
    """Report ``button`` as a page tab; its selection change is announced when it is (un)checked."""
    button.setProperty(PAGE_TAB, True)
    button.toggled.connect(lambda *_: _announce_selection(button))


def _announce_selection(button: QAbstractButton) -> None:
    changed = QAccessible.State()
    changed.selected = True
    QAccessible.updateAccessibility(QAccessibleStateChangeEvent(button, changed))
