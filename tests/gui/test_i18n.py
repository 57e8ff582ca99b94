"""The interface in English, switchable at run time; every interface string is translated."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtWidgets import QAbstractButton, QLabel

from dongli_desktop.cli import PAGES
from tests.conftest import ROOT

TS = ROOT / "resources" / "translations" / "dongli_en.ts"
CJK = re.compile(r"[\u4e00-\u9fff]")
BIN = Path(sys.executable).parent


def messages(path: Path) -> dict[str, tuple[str | None, str | None]]:
    root = ET.parse(path).getroot()
    return {m.findtext("source"): (m.findtext("translation"), m.find("translation").get("type"))
            for m in root.iter("message")}


def test_every_message_is_translated():
    entries = messages(TS)
    assert len(entries) > 150
    untranslated = [s for s, (text, kind) in entries.items() if not text or kind == "unfinished"]
    assert untranslated == []
    assert not any(CJK.search(text) for text, _ in entries.values() if text != "中文")


def test_no_interface_string_is_missing_from_the_translation(tmp_path):
    fresh = tmp_path / "fresh.ts"
    shutil.copy(TS, fresh)
    sources = sorted(str(p) for p in (ROOT / "dongli_desktop").rglob("*.py"))
    subprocess.run([str(BIN / "pyside6-lupdate"), *sources, "-ts", str(fresh), "-no-obsolete"], check=True,
                   capture_output=True)
    assert set(messages(fresh)) == set(messages(TS))


def test_compiled_translation_is_current(tmp_path):
    out = tmp_path / "en.qm"
    subprocess.run([str(BIN / "pyside6-lrelease"), str(TS), "-qm", str(out)], check=True, capture_output=True)
    assert out.read_bytes() == TS.with_suffix(".qm").read_bytes()


def chrome_texts(window) -> list[str]:
    texts = [b.text() for b in window.nav_buttons.values()]
    texts += [w.text() for w in (window.smaller, window.larger, window.large_button, window.contrast_button,
                                 window.about_button, window.app_title, window.scale_label)]
    page = window.stack.currentWidget()
    texts += [label.text() for label in page.findChildren(QLabel)
              if label.objectName() in ("pageTitle", "sectionTitle")]
    return texts


def test_switch_to_english_and_back_without_restart(window, qtbot):
    window.show_page("livelihood")
    qtbot.mouseClick(window.language_button, __import__("PySide6.QtCore", fromlist=["Qt"]).Qt.MouseButton.LeftButton)
    assert window.look.lang == "en"
    assert window.current_page_name() == "livelihood"
    for name in PAGES:
        window.show_page(name)
        report_words = {"东丽区2020年政府工作报告"}  # the document's own title, shown as data
        leftovers = [t for t in chrome_texts(window) if CJK.search(t) and t not in report_words]
        assert leftovers == [], name
    assert window.nav_buttons["review"].text() == "2019 review"
    livelihood = window.page("livelihood")
    assert livelihood.topic_chips.buttons["elderly"].text() == "Elderly care"
    card = window.page("overview").cards[0]
    assert card.title.text() == "GDP growth" and card.links[0].text() == "Show source"
    window.set_look(lang="zh_CN")
    assert window.nav_buttons["review"].text() == "2019 工作回顾"
    assert window.page("overview").cards[0].title.text() == "地区生产总值增长"


def test_english_at_start(qtbot, tmp_path):
    from dongli_desktop.ui.app import create_window
    from tests.gui.conftest import make_options

    window, code = create_window(make_options(tmp_path, "--lang", "en"))
    qtbot.addWidget(window)
    window.show_page("glossary")
    assert window.nav_buttons["glossary"].text() == "Glossary"
    intro = " ".join(label.text() for label in window.page("glossary").findChildren(QLabel))
    assert "original Chinese" in intro
    window.set_look(lang="zh_CN")
    for button in window.findChildren(QAbstractButton):
        assert button.text() != "Show source"


def test_english_sentences_joined_in_one_label_keep_their_space(qtbot, tmp_path):
    """Usability pass 4: the overview's step note read "…not in this report.Some targets…" in English (two
    translated sentences joined as Chinese joins them, with no space)."""
    from dongli_desktop.ui.app import create_window
    from tests.gui.conftest import make_options

    window, code = create_window(make_options(tmp_path, "--lang", "en"))
    qtbot.addWidget(window)
    window.show_page("overview")
    note = window.page("overview").step_note.text()
    assert "Some targets" in note and "report. Some targets" in note
    window.set_look(lang="zh_CN")
    note = window.page("overview").step_note.text()
    assert "。有的目标" in note  # Chinese joins its sentences without a space
