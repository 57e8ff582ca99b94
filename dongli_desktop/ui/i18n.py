"""Interface language: Simplified Chinese (the source strings) or English (a Qt translation)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

from dongli_desktop.core.paths import resources_dir
from dongli_desktop.ui.logs import LOG

LANGUAGES = ("zh_CN", "en")


class _State:
    lang = "zh_CN"
    translator: QTranslator | None = None


_state = _State()


def translation_file(lang: str) -> Path:
    return resources_dir() / "translations" / f"dongli_{lang}.qm"


def set_language(lang: str) -> str:
    """Install the translator for ``lang``; falls back to Chinese if the file cannot be loaded."""
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("set_language needs a running application")
    old = _state.translator
    if old is not None:
        app.removeTranslator(old)
        _state.translator = None
    if lang == "en":
        translator = QTranslator(app)
        if translator.load(str(translation_file(lang))):
            app.installTranslator(translator)
            _state.translator = translator
        else:
            LOG.error("cannot load %s; staying in Chinese", translation_file(lang))
            lang = "zh_CN"
    _state.lang = lang
    return lang


def language() -> str:
    return _state.lang


def english() -> bool:
    return _state.lang == "en"
