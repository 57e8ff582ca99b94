"""The edition picker: fixture editions listed newest first, chosen by a reader, finger-sized."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QStyleOptionViewItem

from dongli_desktop.core.editions import list_editions
from dongli_desktop.ui.widgets import edition_picker as picker_module
from dongli_desktop.ui.widgets.edition_picker import (
    LARGE_ROW_HEIGHT,
    ROW_HEIGHT,
    EditionPicker,
)
from tests.conftest import SHIPPED_DB


@pytest.fixture()
def catalogue(dongli_2021_db, three_parts_db, unnumbered_db):
    return list_editions([dongli_2021_db, unnumbered_db, three_parts_db], bundled=SHIPPED_DB)


def make_picker(qtbot, editions, **kwargs) -> EditionPicker:
    picker = EditionPicker(editions, **kwargs)
    qtbot.addWidget(picker)
    picker.show()
    qtbot.waitExposed(picker)
    return picker


def texts(picker: EditionPicker) -> list[str]:
    return [picker.itemText(i) for i in range(picker.count())]


def test_fixture_editions_are_listed_newest_first(qtbot, catalogue):
    picker = make_picker(qtbot, catalogue)
    # "latest" only among one district's editions: 样例区 2022 is another district's, not a newer 东丽区 report
    assert texts(picker) == ["样例区2022年政府工作报告", "示例区2021年政府工作报告",
                             "东丽区2021年政府工作报告（最新）", "东丽区2020年政府工作报告"]
    assert picker.current_edition() == catalogue.latest and picker.currentIndex() == 0


def test_a_plain_sequence_is_sorted_like_the_catalogue(qtbot, catalogue):
    shuffled = [catalogue.editions[i] for i in (3, 1, 0, 2)]
    picker = make_picker(qtbot, shuffled)
    assert picker.editions == catalogue.editions


def test_choosing_emits_the_edition_once(qtbot, catalogue):
    bundled = catalogue.find("东丽区", 2020)
    picker = make_picker(qtbot, catalogue)
    chosen = []
    picker.editionChosen.connect(chosen.append)
    picker.set_current(bundled)  # following a switch made elsewhere: no signal
    assert picker.currentText() == "东丽区2020年政府工作报告" and chosen == []
    picker.choose(picker.editions.index(bundled))  # the same one again: nothing changes
    assert chosen == []
    with qtbot.waitSignal(picker.editionChosen) as signal:
        picker.choose(2)
    assert signal.args[0] == catalogue.find("东丽区", 2021) and picker.current_edition() == signal.args[0]


def test_chosen_by_keyboard_like_a_reader(qtbot, catalogue):
    picker = make_picker(qtbot, catalogue)
    picker.setFocus()
    with qtbot.waitSignal(picker.editionChosen) as signal:
        qtbot.keyClick(picker, Qt.Key.Key_Down)
    assert signal.args[0] == catalogue.editions[1]


def test_one_edition_offers_no_picker(qtbot, tmp_path):
    """Kiosk visitor's pass, 5 December: with one report the picker was a greyed box with a ▾ under the page's
    title, naming that title again; a tap or a long press opened nothing. With one edition it is not shown."""
    from tests.gui.conftest import open_window

    catalogue = list_editions([], bundled=SHIPPED_DB)
    picker = EditionPicker(catalogue)
    qtbot.addWidget(picker)
    assert texts(picker) == ["东丽区2020年政府工作报告"] and picker.isHidden()
    window = open_window(qtbot, tmp_path)
    for page in ("overview", "tracker"):
        window.show_page(page)
        shown = [p for p in window.page(page).findChildren(EditionPicker) if p.isVisibleTo(window)]
        assert shown == [], page


def test_accessible_names_and_descriptions_come_from_the_content(qtbot, catalogue):
    picker = make_picker(qtbot, catalogue)
    assert picker.accessibleName() == "选择报告"
    assert picker.accessibleDescription() == "选择要看的报告：共4份，最新的在最上面"
    row = picker.editions.index(catalogue.find("东丽区", 2021))
    assert picker.itemData(row, Qt.ItemDataRole.AccessibleTextRole) == "东丽区2021年政府工作报告（最新）"
    description = picker.itemData(row, Qt.ItemDataRole.AccessibleDescriptionRole)
    assert description.startswith("东丽区2021年政府工作报告，2021年1月8日在") and "含2021年的工作安排" in description


@pytest.mark.parametrize(("simple", "height"), [(False, ROW_HEIGHT), (True, LARGE_ROW_HEIGHT)])
def test_finger_sized(qtbot, catalogue, simple, height):
    picker = make_picker(qtbot, catalogue, simple=simple)
    assert picker.height() >= height >= 44
    delegate = picker.view().itemDelegate()
    option = QStyleOptionViewItem()
    option.initFrom(picker.view())
    for row in range(picker.count()):
        index = picker.model().index(row, 0, QModelIndex())
        assert delegate.sizeHint(option, index).height() >= height


def test_a_content_update_refreshes_the_list_without_a_signal(qtbot, catalogue, dongli_2021_db):
    picker = make_picker(qtbot, list_editions([dongli_2021_db], bundled=SHIPPED_DB))
    chosen = []
    picker.editionChosen.connect(chosen.append)
    picker.set_editions(catalogue, catalogue.find("东丽区", 2021))
    assert picker.count() == 4 and picker.currentText() == "东丽区2021年政府工作报告（最新）" and chosen == []


def test_no_year_or_district_is_written_into_the_picker():
    code = Path(picker_module.__file__).read_text(encoding="utf-8")
    assert not re.search(r"(19|20)\d\d", code) and "东丽" not in code and "政府工作报告" not in code


def test_another_district_s_newer_report_is_not_marked_latest_above_dongli(qtbot, three_parts_db):
    """Persona (issue 18): 示例区 2021 was marked （最新） above 东丽区 2020, as if it replaced it."""
    picker = make_picker(qtbot, list_editions([three_parts_db], bundled=SHIPPED_DB))
    assert texts(picker) == ["示例区2021年政府工作报告", "东丽区2020年政府工作报告"]


def test_an_ambiguous_district_name_shows_its_city(qtbot, tmp_path):
    """市中区 is a district of several cities: the row says which (济南市, stored as the edition's region);
    a district name that is unambiguous stays as its title gives it."""
    from db.build import build
    from tests.conftest import THREE_PARTS

    text = THREE_PARTS.read_text(encoding="utf-8")
    text = text.replace("《示例区2021年政府工作报告》", "《市中区2021年政府工作报告》")
    source = tmp_path / "shizhong.txt"
    source.write_text(text.replace("在示例区第三届", "在济南市市中区第三届"), encoding="utf-8")
    build(source, None, tmp_path / "shizhong.db")
    catalogue = list_editions([tmp_path / "shizhong.db"], bundled=SHIPPED_DB)
    assert catalogue.find("市中区", 2021).region == "济南市"
    picker = make_picker(qtbot, catalogue)
    assert texts(picker) == ["济南市市中区2021年政府工作报告", "东丽区2020年政府工作报告"]


def test_a_title_too_long_for_the_box_ends_in_an_ellipsis(qtbot, catalogue):
    """At 1024×768 大字模式 200 % the box showed "东丽区2021年政府工作报告" with its （最新） cut off and no mark that
    anything was missing. The drawn title now ends in … when it does not fit; it is whole when it does."""
    picker = make_picker(qtbot, catalogue)
    full = picker.currentText()
    picker.setMinimumWidth(0)
    picker.setFixedWidth(picker.fontMetrics().horizontalAdvance(full) // 2)
    qtbot.waitUntil(lambda: picker.width() < picker.fontMetrics().horizontalAdvance(full))
    narrow = picker.shown_text()
    assert narrow.endswith("…") and full.startswith(narrow[:-1]), narrow
    assert not picker.grab().isNull()  # the box paints with the elided title
    picker.setFixedWidth(picker.fontMetrics().horizontalAdvance(full) * 2)
    qtbot.waitUntil(lambda: picker.shown_text() == full)
