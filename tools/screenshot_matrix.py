"""Render the screenshot matrix under Xvfb + openbox: every page and dialog, every screen and text size.

    python tools/screenshot_matrix.py OUT [--sizes 1024x768,1080x1920] [--scales 1.0,2.0]
                                          [--modes normal,large,large-contrast] [--langs zh_CN,en]

Defaults: 1024×768, 1280×800, 1366×768, 1920×1080, 1080×1920 × 100/150/200 % × normal / 大字模式 /
大字模式+高对比度 × zh/en. Each combination is one run of ``dongli-desktop --screenshot`` started through
``tools/run_app.py --whole-screen`` (whole-screen pictures, About box and a term popup included; no read-aloud)
into ``OUT/<size>/<mode>-<scale>-<lang>/``, each picture with its layout facts (``<page>.json``), which are
then audited (``tools/probes/layout_audit.facts_problems``: clipped, overlapping, sideways, off-screen, top bar,
lines).
大字模式 stops at 175 %, so its 200 % column is rendered at 175 %.
One Xvfb (on a display it picks itself, ``-displayfd``) and one openbox per screen size, both ended
before the next size; a run that fails is reported and the rest go on.
Exit code: the number of failed runs plus layout problems.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dongli_desktop.core.constants import LARGE_SCALES  # noqa: E402  # run as a script: needs ROOT on sys.path first

SIZES = ("1024x768", "1280x800", "1366x768", "1920x1080", "1080x1920")
SCALES = ("1.0", "1.5", "2.0")
MODES = {"normal": (), "large": ("--large",), "large-contrast": ("--large", "--contrast")}
LANGS = ("zh_CN", "en")
RUN_TIMEOUT = 120


def start_display(size: str, folder: Path) -> tuple[str, list[subprocess.Popen]]:
    """Xvfb on a free display (it tells us which through a pipe) and openbox on it."""
    read, write = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", f"{size}x24", "-nolisten", "tcp"],
                            pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    if not number:
        xvfb.kill()
        raise RuntimeError("Xvfb did not start")
    display = f":{number}"
    env = dict(os.environ, DISPLAY=display)
    openbox = subprocess.Popen(["openbox", "--sm-disable"], env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        probe = subprocess.run(["xprop", "-root", "_NET_SUPPORTING_WM_CHECK"], env=env, capture_output=True, text=True,
                               check=False)
        if "window id" in probe.stdout:
            break
        time.sleep(0.1)
    return display, [openbox, xvfb]


def stop(processes: list[subprocess.Popen]) -> None:
    for proc in processes:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()


def render(display: str, out: Path, scale: str, mode: str, lang: str, work: Path, size: str) -> bool:
    """One run of the app: every page and dialog of one combination, its window as large as the screen."""
    if mode != "normal":
        scale = str(min(float(scale), LARGE_SCALES[-1]))
    out.mkdir(parents=True, exist_ok=True)
    python = ROOT / ".venv" / "bin" / "python"
    argv = [str(python if python.exists() else sys.executable), "-m", "tools.run_app", "--whole-screen",
            "--tts-engine", "none", "--screenshot", str(out),
            "--settings", str(work / "settings.ini"), "--font-scale", scale, "--lang", lang, *MODES[mode]]
    # No --size: the window is placed as a person gets it (maximised on a small screen); a window of the
    # screen's size would put openbox's title bar off the screen.
    env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb", XDG_DATA_HOME=str(work / "data"),
               PYQTGRAPH_QT_LIB="PySide6")
    try:
        result = subprocess.run(argv, cwd=ROOT, env=env, capture_output=True, text=True, timeout=RUN_TIMEOUT,
                                check=False)
    except subprocess.TimeoutExpired:
        print(f"  timed out: {out}", file=sys.stderr)
        return False
    if result.returncode != 0:
        print(f"  failed ({result.returncode}): {out}\n{result.stderr[-2000:]}", file=sys.stderr)
        return False
    return True


def audit(out: Path) -> list[str]:
    """Every layout problem the rendered pages report (``<page>.json`` beside each picture)."""
    import json

    from tools.probes.layout_audit import facts_problems

    problems = []
    for path in sorted(out.rglob("*.json")):
        if ".work" in path.parts:
            continue
        try:
            facts = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            problems.append(f"{path.relative_to(out)}: unreadable ({exc})")
            continue
        dialog = path.name.startswith("dialog-")  # the page behind a dialog was audited on its own
        problems += [f"{path.relative_to(out)}: {p}" for p in facts_problems(facts, dialogs_only=dialog)]
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--sizes", default=",".join(SIZES))
    parser.add_argument("--scales", default=",".join(SCALES))
    parser.add_argument("--modes", default=",".join(MODES))
    parser.add_argument("--langs", default=",".join(LANGS))
    parser.add_argument("--no-audit", dest="audit", action="store_false",
                        help="only render; by default the layout facts beside each picture are checked too")
    args = parser.parse_args(argv)
    failures = 0
    work = args.out / ".work"
    work.mkdir(parents=True, exist_ok=True)
    for size in args.sizes.split(","):
        display, processes = start_display(size, work)
        try:
            for mode in args.modes.split(","):
                for scale in args.scales.split(","):
                    for lang in args.langs.split(","):
                        folder = args.out / size / f"{mode}-{round(float(scale) * 100)}-{lang}"
                        print(f"{size} {mode} {scale} {lang} -> {folder}", flush=True)
                        failures += not render(display, folder, scale, mode, lang, work, size)
        finally:
            stop(processes)
    if args.audit:
        problems = audit(args.out)
        for problem in problems:
            print(f"  layout: {problem}", file=sys.stderr)
        print(f"layout audit: {len(problems)} problem(s)", flush=True)
        failures += len(problems)
    return failures


if __name__ == "__main__":
    sys.exit(main())
