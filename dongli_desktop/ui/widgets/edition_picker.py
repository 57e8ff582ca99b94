"""A compact, touch-friendly drop-down of the report editions the app holds, newest first.

Wiring (for the main window; nothing here is connected yet)::

    picker = EditionPicker(catalogue, current=edition_shown, simple=look.large)
    picker.editionChosen.connect(window.open_edition)   # receives the chosen core.editions.Edition
    picker.set_current(edition)                         # follow a switch made elsewhere (emits nothing)
    picker.set_editions(new_catalogue, current)         # after a content update

``catalogue`` is a :class:`dongli_desktop.core.editions.Catalogue` (already newest first) or any sequence
of :class:`Edition` (sorted here the way the catalogue sorts). Every visible word comes from the editions'
``Document`` (full title, district, years) through ``tr()`` patterns: nothing about a year is written here.
With fewer than two editions there is nothing to choose: the control is hidden (the page's title names the one).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from dongli_desktop.core.editions import Catalogue, Edition, needs_region, newest_of_its_district
from dongli_desktop.ui.widgets.common import ElidingComboBox
from dongli_desktop.ui.widgets.plain import tooltip

ROW_HEIGHT = 44  # px: the smallest touch target
LARGE_ROW_HEIGHT = 60  # px in 大字模式


def newest_first(editions: Catalogue | Sequence[Edition]) -> tuple[Edition, ...]:
    """The editions in the order the picker lists them (a catalogue's own order is already that)."""
    if isinstance(editions, Catalogue):
        return editions.editions
    return tuple(sorted(editions, key=lambda e: (e.sort_key, e.document.district), reverse=True))


class _TallRows(QStyledItemDelegate):
    """Rows of the drop-down list at least one finger high."""

    def __init__(self, height: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.height = height

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(hint.width(), max(hint.height(), self.height))


class EditionPicker(ElidingComboBox):
    """Signals:
        editionChosen(Edition): the reader picked an edition other than the one shown (not emitted by
            :meth:`set_current` or :meth:`set_editions`).
    """

    editionChosen = Signal(object)
    MIN_EM = 8  # the narrowest it gets, in line heights (about as many characters)

    def __init__(self, editions: Catalogue | Sequence[Edition], current: Edition | None = None,
                 simple: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)  # elides a title too long for the box; a passing wheel scrolls the page
        self.setObjectName("editionPicker")
        self.row_height = LARGE_ROW_HEIGHT if simple else ROW_HEIGHT
        self.setMinimumHeight(self.row_height)
        self.setItemDelegate(_TallRows(self.row_height, self))
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.setAccessibleName(self.tr("选择报告"))  # screen readers read a combo box's current text as its name
        self.editions: tuple[Edition, ...] = ()
        self._shown: Edition | None = None
        self.activated.connect(self._activated)
        self.set_editions(editions, current)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        """Wide enough for its title where there is room (sizeHint), but it may narrow (the text elides,
        the full title stays in the accessible text and tooltip) rather than push a page past its view."""
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), self.MIN_EM * self.fontMetrics().height()), hint.height())

    def _update_tip(self) -> None:
        """The tooltip stays the edition's description (set with the edition), not the cut title."""

    def label(self, edition: Edition) -> str:
        """What a row says: the report's own full title, with its city when the district's name is one several
        cities use, marked when it is the newest of its district's editions held."""
        title = edition.document.full_title
        if needs_region(edition, self.editions):
            title = self.tr("{region}{title}").format(region=edition.region, title=title)
        if newest_of_its_district(edition, self.editions):
            return self.tr("{title}（最新）").format(title=title)
        return title

    def description(self, edition: Edition) -> str:
        """A sentence for screen readers and the tooltip, from the edition's facts."""
        doc = edition.document
        text = self.tr("{title}，{meeting}所作").format(title=doc.full_title, meeting=doc.meeting or doc.delivered_on)
        if doc.planned_year is not None:
            text += self.tr("；含{year}年的工作安排").format(year=doc.planned_year)
        return text

    def set_editions(self, editions: Catalogue | Sequence[Edition], current: Edition | None = None) -> None:
        """List ``editions`` newest first and show ``current`` (or the newest); emits nothing."""
        self.editions = newest_first(editions)
        self.blockSignals(True)
        self.clear()
        for edition in self.editions:
            self.addItem(self.label(edition))
            row = self.count() - 1
            self.setItemData(row, tooltip(self.description(edition)), Qt.ItemDataRole.ToolTipRole)
            self.setItemData(row, self.label(edition), Qt.ItemDataRole.AccessibleTextRole)
            self.setItemData(row, self.description(edition), Qt.ItemDataRole.AccessibleDescriptionRole)
        self.blockSignals(False)
        if len(self.editions) < 2:  # nothing to choose: no greyed box under the title that names it already, which
            self.hide()  # a kiosk visitor tapped in vain (stays hidden when a page's layout takes it)
            self.setEnabled(False)
        else:
            self.setEnabled(True)
            if self.isHidden() and self.parentWidget() is not None:  # a second edition arrived
                self.show()
            self.setAccessibleDescription(self.tr("选择要看的报告：共{n}份，最新的在最上面").format(n=len(self.editions)))
        self.set_current(current if current in self.editions else (self.editions[0] if self.editions else None))

    def set_current(self, edition: Edition | None) -> None:
        """Show ``edition`` as the chosen one without emitting :attr:`editionChosen`."""
        if edition is None or edition not in self.editions:
            return
        self._shown = edition
        self.blockSignals(True)
        self.setCurrentIndex(self.editions.index(edition))
        self.blockSignals(False)
        self.setToolTip(tooltip(self.description(edition)))

    def current_edition(self) -> Edition | None:
        return self._shown

    def choose(self, row: int) -> None:
        """Pick the edition in ``row`` as a reader would (emits when it changes what is shown)."""
        self.setCurrentIndex(row)
        self._activated(row)

    def _activated(self, row: int) -> None:
        if not 0 <= row < len(self.editions):
            return
        edition = self.editions[row]
        if edition != self._shown:
            self._shown = edition
            self.setToolTip(tooltip(self.description(edition)))
            self.editionChosen.emit(edition)
