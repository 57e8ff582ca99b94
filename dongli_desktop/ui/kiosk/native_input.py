"""Every touch, click and key press the X server delivers counts as activity, also those Qt drops.

While a modal dialog is open, Qt throws away presses on the windows it blocks before any event filter
sees them: a visitor tapping around a dialog looked idle and the kiosk reset under their finger. A
native event filter sees the X events themselves (core and XInput 2: Qt reads pointer and touch through
XInput 2), before Qt decides where they go.
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable

from PySide6.QtCore import QAbstractNativeEventFilter, QByteArray

XCB_EVENT = b"xcb_generic_event_t"
CORE_INPUT = {2, 4, 5}  # KeyPress, ButtonPress, ButtonRelease
GE_GENERIC = 35  # an extension's event; XInput 2 sends its input this way
XI_INPUT = {2, 4, 5, 18, 20}  # XI_KeyPress, XI_ButtonPress, XI_ButtonRelease, XI_TouchBegin, XI_TouchEnd
EVENT_TYPE_OFFSET = 8  # xcb_ge_generic_event_t: response_type, extension, sequence (2), length (4), event_type


def is_input(address: int) -> bool:
    """Whether the xcb event at ``address`` is a press, release or touch (a person at the screen)."""
    if not address:
        return False
    kind = ctypes.c_uint8.from_address(address).value & 0x7F
    if kind in CORE_INPUT:
        return True
    if kind == GE_GENERIC:
        return ctypes.c_uint16.from_address(address + EVENT_TYPE_OFFSET).value in XI_INPUT
    return False


class NativeInput(QAbstractNativeEventFilter):
    """Calls ``on_input`` for every X input event; never keeps an event from Qt."""

    def __init__(self, on_input: Callable[[], None]) -> None:
        super().__init__()
        self.on_input = on_input

    def nativeEventFilter(self, event_type: QByteArray | bytes | bytearray | memoryview, message: int  # noqa: N802
                          ) -> tuple[bool, int]:
        kind = event_type.data() if isinstance(event_type, QByteArray) else bytes(event_type)
        if kind == XCB_EVENT and is_input(int(message)):
            self.on_input()
        return False, 0
