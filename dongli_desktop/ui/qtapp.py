"""Typed access to what Qt declares Optional but the app always has: the running QApplication (Qt types
``instance()`` as an optional QCoreApplication) and a widget's own layout."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QLayout, QWidget


def qapp() -> QApplication:
    """The application object; every widget exists inside one (RuntimeError if there is none)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        raise RuntimeError("no QApplication")
    return app


def layout_of(widget: QWidget) -> QLayout:
    """The layout ``widget`` was built with (RuntimeError if it has none: a programming error)."""
    layout = widget.layout()
    if layout is None:
        raise RuntimeError(f"{type(widget).__name__} has no layout")
    return layout
