"""Interface language: Simplified Chinese (the source strings) or English (a Qt translation).

Qt's own words in its standard dialogs and buttons (the save dialog's 保存/取消, 文件名称) come from Qt's
``qtbase_zh_CN.qm`` while the interface is Chinese: without it a citizen saw an English file dialog."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

from dongli_desktop.core.paths import resources_dir
from dongli_desktop.ui.logs import LOG

LANGUAGES = ("zh_CN", "en")


QT_CHINESE = "qtbase_zh_CN"  # Qt's own translation of its dialogs and standard buttons


class _State:
    lang = "zh_CN"
    translator: QTranslator | None = None
    qt: QTranslator | None = None


_state = _State()


def translation_file(lang: str) -> Path:
    return resources_dir() / "translations" / f"dongli_{lang}.qm"


def set_language(lang: str) -> str:
    """Install the translator for ``lang``; falls back to Chinese if the file cannot be loaded."""
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("set_language needs a running application")
    for old in (_state.translator, _state.qt):
        if old is not None:
            app.removeTranslator(old)
            old.deleteLater()  # removed is not deleted: a kiosk switched language for weeks
    _state.translator = _state.qt = None
    if lang == "en":
        translator = QTranslator(app)
        if translator.load(str(translation_file(lang))):
            app.installTranslator(translator)
            _state.translator = translator
        else:
            LOG.error("cannot load %s; staying in Chinese", translation_file(lang))
            lang = "zh_CN"
    if lang != "en":  # after the English attempt: a failed one falls back to Chinese, with Qt's Chinese too
        _state.qt = _qt_chinese(app)
    _state.lang = lang
    return lang


def _qt_chinese(app: QCoreApplication) -> QTranslator | None:
    """Qt's Chinese for its own dialogs, installed; None (logged) where the build left it out."""
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not translator.load(QT_CHINESE, folder):
        LOG.warning("Qt's own Chinese (%s.qm) is not in %s: its standard dialogs stay in English", QT_CHINESE, folder)
        return None
    app.installTranslator(translator)
    return translator


def language() -> str:
    return _state.lang


def english() -> bool:
    return _state.lang == "en"
