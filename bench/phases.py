"""Where the first frame's time goes: ``python bench/phases.py [--reps N] [--compare DIR]``.

Each start is marked in-process, wall clock and CPU time since the interpreter began: the app's imports, the
main window built, the overview built, the first paint; the bare floor (bench/floor_bare.py's window) at its
first paint. Starts are interleaved (floor, this tree, and ``--compare DIR``, another checkout of the app, e.g.
the starting commit extracted with ``git archive``); medians are printed. CPU time is steadier than the wall
clock on a loaded machine, which is why both are given.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
T0 = time.perf_counter()
MARKS: list[tuple[str, float, float]] = []


def mark(name: str) -> None:
    MARKS.append((name, (time.perf_counter() - T0) * 1000, time.process_time() * 1000))


def report() -> None:
    print("phases " + json.dumps(MARKS), flush=True)


def child_floor() -> None:
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    class Probe(QObject):
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
            if event.type() == QEvent.Type.Paint:
                mark("first paint")
                report()
                QApplication.exit(0)
            return False

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setCentralWidget(QLabel("东丽区"))
    probe = Probe()
    app.installEventFilter(probe)
    window.resize(1280, 800)
    window.show()
    app.exec()


def child_app(settings: str) -> None:
    sys.path.insert(0, os.getcwd())
    import dongli_desktop.ui.app as app
    from dongli_desktop.cli import build_parser

    mark("imports")
    from dongli_desktop.ui import first_frame, main_window

    original_init = main_window.MainWindow.__init__
    original_show_page = main_window.MainWindow.show_page

    def init(self: main_window.MainWindow, *args: object, **kwargs: object) -> None:
        original_init(self, *args, **kwargs)  # type: ignore[arg-type]
        mark("main window")

    def show_page(self: main_window.MainWindow, name: str, *args: object, **kwargs: object) -> object:
        result = original_show_page(self, name, *args, **kwargs)  # type: ignore[arg-type]
        if not any(m[0] == "overview" for m in MARKS):
            mark("overview")
        return result

    def first_paint(self: first_frame.FirstFrameQuit) -> None:
        mark("first paint")
        report()
        first_frame.running_app().exit(0)

    main_window.MainWindow.__init__ = init  # type: ignore[method-assign]
    main_window.MainWindow.show_page = show_page  # type: ignore[method-assign, assignment]
    first_frame.FirstFrameQuit.first_paint = first_paint  # type: ignore[method-assign]
    app.run(build_parser().parse_args(["--settings", settings, "--quit-on-first-frame"]))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reps", type=int, default=15)
    parser.add_argument("--compare", type=Path, help="another checkout of the app to time beside this one")
    args = parser.parse_args()
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # byte code as a shipped app has it (bench/run.py: compiled_env)
    trees = {"this": ROOT, **({"compare": args.compare.resolve()} if args.compare else {})}
    for tree in trees.values():
        subprocess.run([sys.executable, "-m", "compileall", "-q", "dongli_desktop"], cwd=tree, env=env, check=True,
                       stdout=subprocess.DEVNULL)
    settings = str(Path(os.environ.get("TMPDIR", "/tmp")) / f"dongli-phases-{os.getpid()}.ini")
    found: dict[str, dict[str, list[tuple[float, float]]]] = defaultdict(lambda: defaultdict(list))
    for _ in range(args.reps):
        runs = [("floor", ["floor"], ROOT)] + [(name, ["app", settings], tree) for name, tree in trees.items()]
        for name, child, cwd in runs:
            out = subprocess.run([sys.executable, str(Path(__file__).resolve()), *child], cwd=cwd,
                                 env=dict(env, PYTHONPATH=str(cwd)), capture_output=True, text=True, timeout=120,
                                 check=True).stdout
            line = next(text for text in out.splitlines() if text.startswith("phases "))
            for key, wall, cpu in json.loads(line[len("phases "):]):
                found[name][key].append((wall, cpu))
    print(f"load {os.getloadavg()[0]:.2f}, {args.reps} interleaved starts each; median wall / CPU ms since the "
          "interpreter began")
    for name, marks in found.items():
        print(f"{name:8} " + "  ".join(f"{key} {statistics.median(w for w, _ in v):.0f}/"
                                       f"{statistics.median(c for _, c in v):.0f}" for key, v in marks.items()))
    return 0


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "floor":
        child_floor()
    elif len(sys.argv) > 2 and sys.argv[1] == "app":
        child_app(sys.argv[2])
    else:
        sys.exit(main())
