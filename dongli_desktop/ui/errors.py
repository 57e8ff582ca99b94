"""Turn errors into one clear Chinese message; one crash handler for everything unexpected."""

from __future__ import annotations

import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication, Qt
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


class CrashHandler:
    """``sys.excepthook``: log the traceback, show one dialog, then quit with EXIT_CRASH."""

    def __init__(self) -> None:
        self.crashed = False

    def __call__(self, kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        LOG.critical("unexpected error\n%s", "".join(traceback.format_exception(kind, value, tb)))
        if self.crashed:
            return
        self.crashed = True
        self.report()
        app = QApplication.instance()
        if app is not None:
            app.exit(EXIT_CRASH)

    @staticmethod
    def report() -> None:
        """The one message a person sees: a dialog, or one stderr line without a window system."""
        show_error(QCoreApplication.translate("Errors", "程序出错"),
                   QCoreApplication.translate("Errors", "程序遇到意外问题，需要重新启动。问题已记录在日志中。"))

    def install(self) -> None:
        sys.excepthook = self
