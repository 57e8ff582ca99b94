"""Longest GUI-thread stall while the read-aloud engine starts (not a test: a measurement).

Each run is a fresh process with a window and a 5 ms QTimer; it starts the engine the way the app
does and records the longest gap between two ticks until the engine is ready (or failed), and how long
that took. ``before`` is the previous speech.py (from git, engine created on the GUI thread); ``after``
is the current one (engine created in a worker thread). Runs alternate, with a pause so that an
autospawned speech-dispatcher exits between them (its idle timeout) and every run pays its start.

    python bench/speech_start.py [--engine speechd] [--runs 3] [--before-rev HEAD~1]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BEFORE_REV = "949dc03"  # the last commit with the engine created on the GUI thread


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engine", default="speechd")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pause", type=float, default=8.0, help="seconds between runs (speechd idle timeout 5 s)")
    parser.add_argument("--before-rev", default=BEFORE_REV)
    parser.add_argument("--child", choices=("before", "after"))
    args = parser.parse_args()
    old_source = subprocess.run(["git", "show", f"{args.before_rev}:dongli_desktop/ui/speech.py"], cwd=ROOT,
                                check=True, capture_output=True, text=True).stdout
    if args.child:
        print(json.dumps(child(args.child, args.engine, old_source)))
        return
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    rows: list[dict[str, float | str]] = []
    for run in range(args.runs):
        for variant in ("before", "after"):
            if rows:
                time.sleep(args.pause)
            out = subprocess.run([sys.executable, __file__, "--child", variant, "--engine", args.engine,
                                  "--before-rev", args.before_rev], cwd=ROOT, env=env, check=True,
                                 capture_output=True, text=True, timeout=120).stdout
            row = json.loads(out.strip().splitlines()[-1])
            row["run"] = run
            rows.append(row)
            print(f"run {run} {variant:6}  longest GUI stall {row['max_stall_ms']:7.1f} ms   "
                  f"engine ready after {row.get('ready_ms', float('nan')):7.1f} ms  ok={row.get('ok')}", flush=True)
    for variant in ("before", "after"):
        stalls = sorted(float(r["max_stall_ms"]) for r in rows if r["variant"] == variant)
        print(f"{variant:6}: longest stall median {stalls[len(stalls) // 2]:.1f} ms, worst {stalls[-1]:.1f} ms")


if __name__ == "__main__":
    main()
