"""What every page offers the main window and the kiosk: one protocol instead of duck typing."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QPushButton, QWidget

from dongli_desktop.ui.widgets.common import layout_focus_order

PageState = dict[str, Any]


class Page(QWidget):
    """A page of the main window.

    ``charts_built`` is False while a page still draws its charts after the first frame; the window
    reports itself ready only when the current page's is True.
    """

    charts_built: bool = True

    def apply_scale(self, scale: float) -> None:
        """The text size changed; re-lay out what does not follow the application font by itself."""

    def go_back(self) -> bool:
        """Press the page's 返回 if it shows one (Alt+Left, Esc, a mouse's back button); False when it does not."""
        return False

    def _press_if_shown(self, button: QPushButton) -> bool:
        if not button.isVisibleTo(self):
            return False
        button.click()
        return True

    def reset(self) -> None:
        """Back to how a new visitor finds the page (kiosk idle reset)."""

    def save_state(self) -> PageState:
        """What a reader typed or chose here, to survive a rebuild (language, 大字模式, theme)."""
        return {}

    def restore_state(self, state: PageState) -> None:
        """Put back what :meth:`save_state` returned (from a page of the same kind)."""

    def focus_target(self) -> QWidget | None:
        """Where the keyboard focus goes when this page opens from inside another one (a search result, a
        查看原文 link): its first shown control in reading order (pages with a text give the text)."""
        # never a drop-down: focused, it takes the wheel, and a reader scrolling past would switch the edition
        return next((w for w in layout_focus_order(self)
                     if w.isVisibleTo(self) and w.isEnabled() and not isinstance(w, QComboBox)), None)

    def keep_place(self, state: PageState) -> None:
        """After a text-size change: bring back the place in the text that :meth:`save_state`, called before
        the change, recorded (a relayout must not send the reader back to the top)."""

    def add_header(self, widget: QWidget) -> None:
        """Show ``widget`` (the window's edition picker) below the page's title; only pages with a header
        slot accept one."""
        raise TypeError(f"{type(self).__name__} has no header slot")
