"""Turn errors into one clear Chinese message; one crash handler for everything unexpected."""

from __future__ import annotations

import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from dongli_desktop.core.errors import DatabaseError
from dongli_desktop.ui.logs import LOG

EXIT_DATABASE = 2
EXIT_FONT = 3
EXIT_CRASH = 70


def database_message(error: DatabaseError) -> str:
    """What a resident or staff member reads when the report database cannot be used."""
    reasons = {
        "missing": QCoreApplication.translate("Errors", "找不到报告数据文件。"),
        "unreadable": QCoreApplication.translate("Errors", "没有权限读取报告数据文件。"),
        "corrupt": QCoreApplication.translate("Errors", "报告数据文件已损坏或不完整。"),
        "version": QCoreApplication.translate("Errors", "报告数据文件的版本与本程序不符。"),
    }
    reason = reasons.get(error.kind, QCoreApplication.translate("Errors", "报告数据文件无法使用。"))
    return (reason + "\n\n" + QCoreApplication.translate("Errors", "请联系工作人员重新安装本程序或更新内容。") + "\n"
            + QCoreApplication.translate("Errors", "文件：{path}").format(path=error.path))


def show_error(title: str, message: str) -> None:
    """A modal message box; in offscreen test runs it is logged instead of blocking."""
    LOG.error("%s: %s", title, message.replace("\n", " "))
    app = QApplication.instance()
    if app is None or QApplication.platformName() in ("offscreen", "minimal"):
        print(f"{title}: {message}", file=sys.stderr)
        return
    box = QMessageBox(QMessageBox.Icon.Critical, title, message)
    box.setTextFormat(Qt.TextFormat.PlainText)  # a path or detail is never read as markup
    box.exec()


def show_notice(title: str, message: str) -> None:
    """A message box that does not block: opened from the event loop (never inside the paint or resize handler
    that failed), plain text, over the active window. Offscreen, one stderr line instead."""
    LOG.error("%s: %s", title, message.replace("\n", " "))
    app = QApplication.instance()
    if app is None or QApplication.platformName() in ("offscreen", "minimal"):
        print(f"{title}: {message}", file=sys.stderr)
        return

    def open_box() -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok,
                          QApplication.activeWindow())
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    QTimer.singleShot(0, open_box)


class CrashHandler:
    """``sys.excepthook`` inside the event loop: log the traceback, show one plain message, keep running.

    An error in page code (a chart's layout during a resize, a slot) must not end the app: under systemd a
    kiosk that exits 70 is restarted into the same page and the same error until it gives up (a dark screen).
    The reader sees one message, never a traceback; later errors are only logged. Errors before the event loop
    are ``__main__.main``'s: one line or dialog, then exit 70."""

    def __init__(self) -> None:
        self.crashed = False

    def __call__(self, kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        LOG.critical("unexpected error\n%s", "".join(traceback.format_exception(kind, value, tb)))
        if issubclass(kind, (KeyboardInterrupt, SystemExit)):
            app = QApplication.instance()
            if app is not None:
                app.exit(EXIT_CRASH)
            return
        if self.crashed:
            return
        self.crashed = True
        text = QCoreApplication.translate(
            "Errors", "这部分内容暂时无法正常显示，其他内容仍可浏览。问题已记录在日志中。")
        show_notice(QCoreApplication.translate("Errors", "显示出错"), text)

    @staticmethod
    def report() -> None:
        """The one message a person sees before exit 70: a dialog, or one stderr line without a window system."""
        show_error(QCoreApplication.translate("Errors", "程序出错"),
                   QCoreApplication.translate("Errors", "程序遇到意外问题，需要重新启动。问题已记录在日志中。"))

    def install(self) -> None:
        sys.excepthook = self
