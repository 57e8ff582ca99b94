"""Kiosk: Qt's themed icons (a message box's error icon) come from the system's folders only.

Qt's generic theme searches ``~/.icons`` and ``$XDG_DATA_HOME/icons`` first; both belong to the kiosk user,
whose shell could plant a picture there (shown in the error box) or a giant ``index.theme`` (red-team pass 4).
"""

from __future__ import annotations

from PySide6.QtGui import QIcon

SYSTEM_ICON_PATHS = ("/usr/local/share/icons", "/usr/share/icons", ":/icons")


def use_system_icon_themes() -> list[str]:
    """Replace Qt's icon theme search path by the system's folders (call once QApplication exists)."""
    paths = list(SYSTEM_ICON_PATHS)
    QIcon.setThemeSearchPaths(paths)
    return paths
