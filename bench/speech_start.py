"""Longest GUI-thread stall while the read-aloud engine starts (not a test: a measurement).

Each run is a fresh process with a window and a 5 ms QTimer; it starts the engine the way the app
does and records the longest gap between two ticks until the engine is ready (or failed), and how long
that took. ``before`` is the previous speech.py (from git, engine created on the GUI thread); ``after``
is the current one (engine created in a worker thread). Runs alternate, with a pause so that an
autospawned speech-dispatcher exits between them (its idle timeout) and every run pays its start.

``--app`` measures the whole app instead: the real main window on the bundled database, from the
window's "ready" (overview drawn, the moment a visitor may tap) for APP_WATCH_S; ``before`` runs the
tree of ``--before-rev`` (extracted with ``git archive`` to a temporary folder).

    python bench/speech_start.py [--app] [--engine speechd] [--runs 3] [--before-rev REV]
"""

from __future__ import annotations

import argparse
import io
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BEFORE_REV = "949dc03"  # the last commit with the engine created on the GUI thread
APP_WATCH_S = 4.0  # speechd starts in 1.2-2.8 s here


def child(variant: str, engine: str, old_source: str) -> dict[str, float | str]:
    """Run in the measuring process: start the engine, return the longest stall and the start time."""
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication([])
    label = QLabel("朗读")
    label.show()
    clock = QElapsedTimer()
    clock.start()
    gaps = {"last": 0.0, "max": 0.0}
    result: dict[str, float | str] = {"variant": variant}

    def tick() -> None:
        now = clock.nsecsElapsed() / 1e6
        gaps["max"] = max(gaps["max"], now - gaps["last"])
        gaps["last"] = now

    timer = QTimer(interval=5)
    timer.timeout.connect(tick)
    timer.start()

    def finish(ok: bool) -> None:
        result["ready_ms"] = clock.nsecsElapsed() / 1e6
        result["ok"] = "yes" if ok else "no"
        QTimer.singleShot(50, app.quit)  # a few more ticks after the engine is there

    def start() -> None:
        if variant == "before":
            namespace: dict[str, object] = {"__name__": "old_speech"}
            exec(compile(old_source, "old_speech.py", "exec"), namespace)  # noqa: S102  # our own file from git
            old = namespace["Speaker"](engine)  # type: ignore[operator]
            finish(old.available)  # type: ignore[attr-defined]
        else:
            from dongli_desktop.ui import speech

            new = speech.Speaker(engine)
            if not new.available:
                finish(False)
                return
            new.stateChanged.connect(lambda *_: finish(new.is_ready))
            result["keep"] = str(id(new))
            app.setProperty("speaker", new)  # keep it alive  # type: ignore[arg-type]
            child.keep = new  # type: ignore[attr-defined]

    QTimer.singleShot(100, start)  # the window is up and ticking first
    QTimer.singleShot(30_000, app.quit)
    app.exec()
    if getattr(child, "keep", None) is not None:
        child.keep.shutdown()  # type: ignore[attr-defined]
    result["max_stall_ms"] = gaps["max"]
    result.pop("keep", None)
    return result


def app_child(root: Path, engine: str) -> dict[str, float | str]:
    """Run in the measuring process: the real window from ``root``; longest stall after "ready"."""
    os.environ["DONGLI_TTS_ENGINE"] = engine  # how checkouts before issue 22 were told the engine
    sys.path.insert(0, str(root))
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from dongli_desktop.ui import speech

    speech.PREFERRED_ENGINES = (engine,)  # the engine the app tries (the product reads no environment hook)

    from dongli_desktop.cli import build_parser
    from dongli_desktop.ui.app import create_window

    app = QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        options = build_parser().parse_args(["--settings", f"{tmp}/s.ini", "--size", "1280x800"])
        window, code = create_window(options)
        assert window is not None, code
        clock = QElapsedTimer()
        gaps = {"last": 0.0, "max": 0.0}
        result: dict[str, float | str] = {}

        def tick() -> None:
            now = clock.nsecsElapsed() / 1e6
            gaps["max"] = max(gaps["max"], now - gaps["last"])
            gaps["last"] = now

        def ready() -> None:
            clock.start()
            timer.start()
            QTimer.singleShot(int(APP_WATCH_S * 1000), app.quit)

        timer = QTimer(interval=5)
        timer.timeout.connect(tick)
        window.ready.connect(ready)
        window.show_page("overview")  # as the app's main() does
        window.show_placed()
        QTimer.singleShot(60_000, app.quit)
        app.exec()
        card = window.page("overview").cards[0]  # type: ignore[attr-defined]  # the OverviewPage
        result["ok"] = "yes" if card.speak_button.isVisibleTo(window) else "no"
        from dongli_desktop.ui import speech

        result["speech_module"] = speech.__file__ or ""
        result["max_stall_ms"] = gaps["max"]
        window.close()
    from dongli_desktop.ui import speech

    if hasattr(speech, "reset_speaker"):
        speech.reset_speaker()  # stops the engine's thread in the new code
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engine", default="speechd")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pause", type=float, default=8.0, help="seconds between runs (speechd idle timeout 5 s)")
    parser.add_argument("--before-rev", default=BEFORE_REV)
    parser.add_argument("--child", choices=("before", "after"))
    parser.add_argument("--app", action="store_true", help="the real window, stalls after it is ready")
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child and args.app:
        print(json.dumps(app_child(args.root, args.engine) | {"variant": args.child}))
        return
    old_source = subprocess.run(["git", "show", f"{args.before_rev}:dongli_desktop/ui/speech.py"], cwd=ROOT,
                                check=True, capture_output=True, text=True).stdout
    if args.child:
        print(json.dumps(child(args.child, args.engine, old_source)))
        return
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    rows: list[dict[str, float | str]] = []
    before_root = Path(tempfile.mkdtemp(prefix="speech-before-"))
    if args.app:  # the previous tree, to run its app (the bundled database and fonts come with it)
        archive = subprocess.run(["git", "archive", "--format=tar", args.before_rev], cwd=ROOT, check=True,
                                 capture_output=True).stdout
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(before_root, filter="data")
    for run in range(args.runs):
        for variant in ("before", "after"):
            if rows:
                time.sleep(args.pause)
            extra = ["--app", "--root", str(before_root if variant == "before" else ROOT)] if args.app else []
            out = subprocess.run([sys.executable, __file__, "--child", variant, "--engine", args.engine,
                                  "--before-rev", args.before_rev, *extra], cwd=ROOT, env=env, check=True,
                                 capture_output=True, text=True, timeout=120).stdout
            row = json.loads(out.strip().splitlines()[-1])
            row["run"] = run
            rows.append(row)
            where = f"from {row['speech_module']}" if args.app else f"engine ready after {row['ready_ms']:7.1f} ms"
            print(f"run {run} {variant:6}  longest GUI stall {row['max_stall_ms']:7.1f} ms   {where}  "
                  f"read-aloud offered={row.get('ok')}", flush=True)
    shutil.rmtree(before_root, ignore_errors=True)
    for variant in ("before", "after"):
        stalls = sorted(float(r["max_stall_ms"]) for r in rows if r["variant"] == variant)
        print(f"{variant:6}: longest stall median {stalls[len(stalls) // 2]:.1f} ms, worst {stalls[-1]:.1f} ms")


if __name__ == "__main__":
    main()
