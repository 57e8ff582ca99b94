"""Guards against a Qt binding that breaks long unattended runs.

PySide6 6.12.0 on Python 3.11 drops a reference to ``True`` on every Python-side
``Signal.emit()``; after a few thousand emits (pyqtgraph emits on every repaint) the
interpreter aborts with "deallocating True". This test fails on such a binding.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class Emitter(QObject):
    plain = Signal()
    carrying = Signal(object)


def test_emitting_signals_keeps_reference_counts(qapp):
    emitter = Emitter()
    received = []
    emitter.plain.connect(lambda: received.append(1))
    emitter.carrying.connect(received.append)
    before = (sys.getrefcount(True), sys.getrefcount(None))
    for _ in range(500):
        emitter.plain.emit()
        emitter.carrying.emit(2)
    after = (sys.getrefcount(True), sys.getrefcount(None))
    assert len(received) == 1000
    assert after[0] >= before[0] - 5 and after[1] >= before[1] - 5
