"""The running QApplication, typed: Qt's ``instance()`` may be None and is typed as a QCoreApplication."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication


def qapp() -> QApplication:
    """The application object; every widget exists inside one (RuntimeError if there is none)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        raise RuntimeError("no QApplication")
    return app
