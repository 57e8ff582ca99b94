"""What trusted content costs: ``python bench/verify_start.py [--reps N]``.

1. Start-up with installed, verified content (the app checks the TUF signature chain, the file's length and
   SHA-256, and opens it safely before showing it) against the same start-up with ``--db`` on the same file
   (no verification). Interleaved runs, medians; the difference must stay within 10 % of start-up.
2. The verification alone (``choose_database()``) in a fresh interpreter, imports included.
3. Update time of the shipped database from a local nginx (Debian's nginx-light): a fresh client's
   ``content update`` in-process, and as the command a systemd timer runs (interpreter start included).

Throwaway publisher keys are made in a temporary folder; the app is pointed at their root the way an
administrator would provision ``/etc/dongli-desktop/trust/`` (here by replacing ``machine_trust_dir``).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

APP = ("import sys; from pathlib import Path; from dongli_desktop.core import trust; "
       "anchor = Path(sys.argv.pop(1)); trust.machine_trust_dir = lambda: anchor; "
       "from tools.run_app import main; sys.exit(main(['--timing', 'once', *sys.argv[1:]]))")
AT_CALL_SITE = "import dongli_desktop.ui.app, dongli_desktop.ui.main_window; "  # what is loaded when app.py calls
VERIFY = ("import sys, time; t = time.perf_counter(); from pathlib import Path; "
          "from dongli_desktop.core.content import choose_database; "
          "p, notes = choose_database(Path(sys.argv[1]), Path(sys.argv[2])); "
          "print(json.dumps({'seconds': time.perf_counter() - t, 'path': str(p), 'notes': notes}))")


def first_frame_and_ready(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    start = time.time()
    out = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120, cwd=ROOT, check=True).stdout
    data = json.loads(out.split("dongli-timing ", 1)[1].splitlines()[0])
    return data["first_frame"] - start, data["ready"] - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=7)
    args = parser.parse_args()

    from dongli_desktop.core import content
    from dongli_desktop.publish import Publisher
    from tests.trust.helpers import Nginx

    tmp = Path(tempfile.mkdtemp(prefix="verify-bench-"))
    pub = Publisher(tmp / "keys", tmp / "repo")
    pub.init()
    pub.add(ROOT / "db" / "dongli.db", "2020-r1")
    trust_dir = tmp / "trust"
    trust_dir.mkdir()
    (trust_dir / "root.json").write_bytes((pub.meta / "1.root.json").read_bytes())
    data_home = tmp / "xdg"
    content.update(str(pub.repo), base=data_home / "dongli-desktop", trust_dir=trust_dir)
    installed = content.content_dir(data_home / "dongli-desktop") / content.CURRENT

    env = dict(os.environ, XDG_DATA_HOME=str(data_home))
    settings = str(tmp / "s.ini")
    verified = [sys.executable, "-c", APP, str(trust_dir), "--settings", settings]
    unverified = [sys.executable, "-c", APP, str(trust_dir), "--settings", settings, "--db", str(installed)]
    runs: dict[str, list[tuple[float, float]]] = {"verified": [], "unverified": []}
    for _ in range(args.reps):
        runs["verified"].append(first_frame_and_ready(verified, env))
        runs["unverified"].append(first_frame_and_ready(unverified, env))
    med = {k: (statistics.median(r[0] for r in v), statistics.median(r[1] for r in v)) for k, v in runs.items()}

    alone: dict[str, list[float]] = {"cold": [], "call site": []}
    for _ in range(args.reps):
        for kind, prefix in (("cold", "import json; "), ("call site", "import json; " + AT_CALL_SITE)):
            out = subprocess.run([sys.executable, "-c", prefix + VERIFY, str(data_home / "dongli-desktop"),
                                  str(trust_dir)], capture_output=True, text=True, cwd=ROOT, check=True).stdout
            result = json.loads(out)
            assert result["path"] == str(installed) and not result["notes"], result
            alone[kind].append(result["seconds"])

    nginx = Nginx(tmp / "nginx", pub.repo).start()
    try:
        in_process, command = [], []
        for i in range(args.reps):
            base = tmp / f"fresh{i}"
            started = time.perf_counter()
            content.update(nginx.url, base=base, trust_dir=trust_dir)
            in_process.append(time.perf_counter() - started)
            code = ("import sys; from pathlib import Path; from dongli_desktop.core import content; "
                    f"content.update({nginx.url!r}, base=Path({str(tmp / f'cmd{i}')!r}), "
                    f"trust_dir=Path({str(trust_dir)!r}))")
            started = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)
            command.append(time.perf_counter() - started)
    finally:
        nginx.stop()

    size = (ROOT / "db" / "dongli.db").stat().st_size
    frame_v, ready_v = med["verified"]
    frame_u, ready_u = med["unverified"]
    print(f"reps: {args.reps}; database {size / 1024:.0f} KiB")
    print("| measure | verified start | --db (no check) | difference |")
    print("| --- | ---: | ---: | ---: |")
    print(f"| first frame (s) | {frame_v:.3f} | {frame_u:.3f} | {frame_v - frame_u:+.3f} "
          f"({(frame_v - frame_u) / frame_u:+.1%}) |")
    print(f"| overview ready (s) | {ready_v:.3f} | {ready_u:.3f} | {ready_v - ready_u:+.3f} "
          f"({(ready_v - ready_u) / ready_u:+.1%}) |")
    for kind, values in alone.items():
        print(f"choose_database() with verified content, {kind} (tuf import included): median "
              f"{statistics.median(values) * 1000:.1f} ms "
              f"(min {min(values) * 1000:.1f}, max {max(values) * 1000:.1f}); "
              f"{statistics.median(values) / frame_u:.1%} of the unverified first frame")
    print(f"update from nginx, fresh client, in-process: median {statistics.median(in_process) * 1000:.0f} ms; "
          f"as a command: median {statistics.median(command) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
