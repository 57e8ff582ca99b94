"""Application start: logging, crash handler, fonts, style, database, window."""

from __future__ import annotations

import argparse
import gc
import linecache
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

from PySide6.QtCore import QCoreApplication, Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QIcon  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from dongli_desktop import __version__  # noqa: E402
from dongli_desktop.core.constants import shown_scale  # noqa: E402
from dongli_desktop.core.errors import DatabaseError  # noqa: E402
from dongli_desktop.core.paths import resources_dir  # noqa: E402
from dongli_desktop.core.repository import Report  # noqa: E402
from dongli_desktop.ui import i18n, theme  # noqa: E402
from dongli_desktop.ui.errors import EXIT_DATABASE, EXIT_FONT, CrashHandler, database_message, show_error  # noqa: E402
from dongli_desktop.ui.logs import LOG, route_qt_messages, setup_logging  # noqa: E402
from dongli_desktop.ui.main_window import KIOSK_WINDOW_FLAGS, Look, MainWindow  # noqa: E402
from dongli_desktop.ui.settings import Preferences  # noqa: E402
from dongli_desktop.ui.style import FontError, app_font, load_fonts, stylesheet, use_own_fontconfig  # noqa: E402

if TYPE_CHECKING:
    from dongli_desktop.core.config import KioskConfig
    from dongli_desktop.core.content import Choice  # kiosk settings load only with --kiosk
    from dongli_desktop.core.content_watch import ContentWatch
    from dongli_desktop.core.editions import Catalogue
    from dongli_desktop.ui.kiosk.controller import KioskController

DEFAULT_SIZE = (1280, 800)


def application() -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setOrganizationName("Dongli")
    app.setApplicationName("dongli-desktop")
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "dongli-desktop.svg")))
    QGuiApplication.setDesktopFileName("dongli-desktop")
    return app


def kiosk_config(options: argparse.Namespace) -> KioskConfig | None:
    """The kiosk settings when ``--kiosk`` is given (loaded once; problems become safe defaults)."""
    if not options.kiosk:
        return None
    from dongli_desktop.core.config import load_config  # TOML and the PIN module stay off a desktop start

    return load_config(options.kiosk_config)


def create_window(options: argparse.Namespace, kiosk: KioskConfig | None = None) -> tuple[MainWindow | None, int]:
    """Everything but the event loop: returns the window, or None and an exit code.

    ``kiosk``: the kiosk settings already loaded by :func:`kiosk_config` (loaded here if not given).
    """
    app = application()
    try:
        family = load_fonts()
    except FontError as exc:
        LOG.error("font: %s", exc)
        show_error(QCoreApplication.translate("App", "无法启动"),
                   QCoreApplication.translate("App", "无法加载程序自带的中文字体，请重新安装本程序。"))
        return None, EXIT_FONT
    prefs = Preferences(options.settings, in_memory=bool(options.kiosk))  # kiosk: no file of the user's HOME
    kiosk = kiosk if kiosk is not None else kiosk_config(options)
    scale = options.font_scale or (kiosk.font_scale if kiosk else prefs.font_scale)
    large = options.large or (kiosk.large_mode if kiosk else prefs.large)
    theme_name = "contrast" if options.contrast else ("normal" if kiosk else prefs.theme)
    lang = i18n.set_language(options.lang or ("zh_CN" if kiosk else prefs.language))
    look = Look(scale=scale, large=large, theme=theme_name, lang=lang)
    shown = shown_scale(scale, large)  # 大字模式 tops out below 200 %: the window gives the size back when it ends
    app.setFont(app_font(family, shown, large))
    app.setStyleSheet(stylesheet(shown, kiosk=kiosk is not None, large=large, colours=theme.use(theme_name)))
    verified = None
    if options.db:
        path = options.db
    else:
        from dongli_desktop.core.content import open_chosen

        chosen = open_chosen(kiosk=kiosk is not None)  # read once and verified: its bytes are all we read
        for note in chosen.notes:
            LOG.warning("content: %s", note)
        path, verified = chosen.path, chosen
    opened: dict[Path, Report] = {}  # the editions' reports as read for the catalogue, still open
    catalogue = editions_for(path, options, verified, opened)
    try:
        if catalogue.latest is not None:
            path = catalogue.latest.path  # the newest edition opens by default (checked once, not twice)
            kept = opened.pop(Path(path), None)
            report = kept if kept is not None else catalogue.latest.open()
        elif verified is not None and verified.data is not None:
            from dongli_desktop.core.content import verified_edition

            report = verified_edition(verified).open()  # never the file name again
        else:
            report = Report.open(path)
    except DatabaseError as exc:
        LOG.error("database %s: %s (%s)", exc.kind, exc.path, exc.detail)
        show_error(QCoreApplication.translate("App", "无法打开报告数据"), database_message(exc))
        return None, EXIT_DATABASE
    finally:
        for other in opened.values():  # the editions not shown are opened again when chosen
            other.close()

    if kiosk is not None:
        window = MainWindow(report, family, scale, pages=kiosk.pages, kiosk=True, look=look, catalogue=catalogue)
    else:
        window = MainWindow(report, family, scale, look=look, on_look=prefs.remember, catalogue=catalogue)
    window.place_on_screen(options.size, DEFAULT_SIZE)
    LOG.info("started %s with %s", __version__, path)
    return window, 0


def start_page(options: argparse.Namespace, kiosk: KioskConfig | None) -> str:
    """The page shown first: ``--page``, else the kiosk's start page, else the overview."""
    return str(options.page or (kiosk.start_page if kiosk is not None else "overview"))


def first_window(options: argparse.Namespace, kiosk: KioskConfig | None = None) -> tuple[MainWindow | None, int]:
    """:func:`create_window` with its first page built. If building the first page of a chosen edition raises
    (content that passed every check but still breaks a page), the app falls back to the bundled edition,
    with a clear notice in the log, instead of failing at every start (exit 70)."""
    window, code = create_window(options, kiosk)
    if window is None or options.db:
        return window, code
    try:
        window.show_page(start_page(options, kiosk))  # builds the page (a chart's layout waits for a resize)
        return window, code
    except Exception:  # noqa: BLE001 - any failure of this edition's first page; the bundled one is next
        from dongli_desktop.core.paths import bundled_database

        failed = window.report.path
        LOG.exception("the edition %s could not show its first page: falling back to the bundled edition", failed)
        window.report.close()
        window.deleteLater()
        fallback = argparse.Namespace(**{**vars(options), "db": bundled_database()})
        window, code = create_window(fallback, kiosk)
        if window is not None:
            LOG.warning("content: showing the bundled edition because %s failed at its first page", failed)
        return window, code


def editions_for(chosen: Path, options: argparse.Namespace, verified: Choice | None = None,
                 opened: dict[Path, Report] | None = None) -> Catalogue:
    """The editions a reader can switch between: the chosen database (``--db``, or the verified installed one)
    beside the bundled one (not with ``--db``), plus every ``*.db`` in ``--editions DIR``.

    ``verified``: the installed edition as read and checked at start; it is opened from those bytes only,
    never from its file name again (someone could rename another file over it in between).
    ``opened``: where to keep each listed edition's report open (``core.editions.list_editions``)."""
    from dongli_desktop.core.content import verified_edition
    from dongli_desktop.core.editions import Catalogue, list_editions
    from dongli_desktop.core.paths import bundled_database

    bundled = None if options.db else bundled_database()
    installed = None
    paths: list[Path] = []
    if verified is not None and verified.data is not None:
        try:
            installed = verified_edition(verified)
        except DatabaseError as exc:
            LOG.warning("edition left out: %s", exc)
    elif not (bundled is not None and Path(chosen) == bundled):
        paths = [Path(chosen)]
    folder = getattr(options, "editions", None)
    if folder is not None:
        paths += sorted(Path(folder).glob("*.db"))
    catalogue = list_editions(paths, bundled=bundled, opened=opened)
    for rejected in catalogue.rejected:
        LOG.warning("edition left out: %s", rejected.reason)
    if installed is not None:  # the same rule as list_editions: a later delivery wins, an installed file a tie
        best = {e.key: e for e in catalogue.editions}
        current = best.get(installed.key)
        if current is None or installed.sort_key >= current.sort_key:
            best[installed.key] = installed
        ordered = sorted(best.values(), key=lambda e: (e.sort_key, e.document.district), reverse=True)
        catalogue = Catalogue(tuple(ordered), catalogue.rejected)
    return catalogue


def forget_module_sources() -> None:
    """Drop the source text of the imported modules from ``linecache``: PySide6 reads every module imported
    after it (to see whether it uses PySide's ``__feature__`` switches) through ``inspect.getsource``, which
    keeps the text, about 2 MB for the start's modules, there for good. A traceback reads it again if needed."""
    linecache.clearcache()


def freeze_objects() -> None:
    """Move every object alive now out of the garbage collector's walks (``gc.freeze``). At the first "ready"
    these are the window, the start page, the report and the modules, which live until the app ends, yet each full
    collection walked all ~70,000 of them (20-60 ms, a hitch while a finger scrolls); what later pages make is
    collected as before. When the event loop ends, Python's exit would otherwise walk the whole heap several times
    (0.1-0.35 s between the loop's end and the process's, bench/RESULTS.md)."""
    gc.freeze()


def follow_ready(window: MainWindow) -> None:
    """At each "ready" the sources of the modules a page imported are let go; at the first, the start's objects
    are frozen (:func:`freeze_objects`)."""
    window.ready.connect(forget_module_sources)  # the modules of a page opened later are read the same way
    window.ready.connect(freeze_objects, Qt.ConnectionType.SingleShotConnection)


def run(options: argparse.Namespace) -> int:
    if options.kiosk:
        use_own_fontconfig()  # before Qt starts fontconfig: the kiosk user's fontconfig files are never read
        from dongli_desktop.core.hardening import qt_start_environment
        from dongli_desktop.ui.kiosk.system_paths import use_system_icon_themes

        with qt_start_environment():  # Qt's start reads no configuration file of the kiosk user's
            application()
        use_system_icon_themes()
    setup_logging()
    route_qt_messages()  # Qt's warnings (absent PipeWire, speech plug-ins) go to the log, not the terminal
    CrashHandler().install()
    kiosk = kiosk_config(options)
    if kiosk is not None:  # read-aloud only through a speech server of the app's own, from root-owned files
        from dongli_desktop.ui import speech

        speech.use_private_server(kiosk.speech_config_dir)
    if kiosk is not None:
        window, code, content_watch = first_kiosk_window(options, kiosk)
    else:
        window, code = first_window(options, kiosk)
    if window is None:
        return code
    forget_module_sources()
    follow_ready(window)
    app = application()
    app.aboutToQuit.connect(freeze_objects)
    if options.screenshot:
        from dongli_desktop.ui.screenshot import render_all

        return render_all(window, options.screenshot, options.page)
    from dongli_desktop.ui.watchdog import Watchdog

    Watchdog(app).start(window.ready)  # sd_notify READY/WATCHDOG/STOPPING when NOTIFY_SOCKET is set (first, so
    # that READY=1 precedes a --quit-when-ready exit)
    if options.quit_on_first_frame:
        from dongli_desktop.ui.first_frame import FirstFrameQuit

        first_frame = FirstFrameQuit(window)  # noqa: F841 (kept alive for the run)
    if options.quit_when_ready:
        window.ready.connect(lambda: app.exit(0))
    if kiosk is not None:
        session = start_kiosk(window, options, kiosk, content_watch)  # noqa: F841 (the kiosk session, kept)
    else:
        window.show_page(options.page or "overview")
        window.show_placed()
    return app.exec()


def first_kiosk_window(options: argparse.Namespace,
                       kiosk: KioskConfig) -> tuple[MainWindow | None, int, ContentWatch]:
    """:func:`first_window` for a kiosk, with the watch on the machine's installed edition, which notes that
    edition before anything is read: an edition the updater puts in place while the content is read and the first
    page built is then a change, and the kiosk starts again to show it at its next idle moment. Noted after the
    first page, it was taken for the one shown, which stayed until the next update (red-team pass, 5 December)."""
    from dongli_desktop.core.content_watch import ContentWatch

    watch = ContentWatch()
    window, code = first_window(options, kiosk)
    return window, code, watch


def start_kiosk(window: MainWindow, options: argparse.Namespace, config: KioskConfig | None = None,
                content_watch: ContentWatch | None = None) -> KioskController:
    """Full screen, frameless, on top, locked and guarded; returns the kiosk session (its controller).
    ``content_watch``: the installed edition as noted before it was read (:func:`first_kiosk_window`)."""
    from dongli_desktop.core.config import KioskConfig
    from dongli_desktop.ui.kiosk.controller import KioskController

    config = config if config is not None else (kiosk_config(options) or KioskConfig())
    if window.windowFlags() & KIOSK_WINDOW_FLAGS != KIOSK_WINDOW_FLAGS:  # a window made for the kiosk has them
        window.setWindowFlags(window.windowFlags() | KIOSK_WINDOW_FLAGS)
    screen = QGuiApplication.primaryScreen()
    if screen is not None and not options.size:
        window.setGeometry(screen.geometry())  # without a window manager showFullScreen keeps the old size
    window.show_page(options.page or config.start_page)
    if options.size:
        window.show()
    else:
        window.showFullScreen()
    controller = KioskController(window, config, full_screen=not options.size, content_watch=content_watch)
    controller.start()
    return controller
