"""One command, one table: ``python bench/run.py [--reps N] [--bundles]`` (or ``make bench``).

Everything is measured side by side in the same run, several repetitions each, medians reported:
start-up against the bare-Qt and pyqtgraph floors, memory, search latency on the shipped database and
on a 100x copy, page switches and chart renders, the database build, and (with --bundles) bundle sizes.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sqlite3
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

QUERIES = ["养", "医", "养老", "教育", "就业", "幼儿园", "高新技术企业", "老年日间照料中心", "PM2.5", "5G", "8890",
           "yanglao", "yl", "jiaoyu", "教育 学校", "还迁 群众", "不存在的内容", '"*()', "AND OR NOT"]


def timed_start(command: list[str], env: dict[str, str]) -> dict[str, float]:
    start = time.time()
    out = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120, cwd=ROOT,
                         check=True).stdout
    data = json.loads(out.split("dongli-timing ", 1)[1].splitlines()[0])
    result = {"first_frame": data["first_frame"] - start, "ready": data["ready"] - start,
              "rss_ready": data["rss_ready"]}
    for key in ("rss_visited", "rss_peak"):
        if key in data:
            result[key] = data[key]
    return result


def outside(command: list[str], env: dict[str, str]) -> dict[str, float]:
    """Seen from outside: seconds from launch to exit and the peak RSS (MB), for a program that quits by itself
    (``--quit-on-first-frame``, ``--quit-when-ready``, or a floor that exits at its first paint)."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError(f"{command} exited {proc.returncode}")
    return {"exit": seconds, "peak_rss": usage.ru_maxrss / 1024}


def medians(runs: list[dict[str, float]]) -> dict[str, float]:
    return {k: statistics.median(r[k] for r in runs) for k in runs[0]}


def compiled_env() -> dict[str, str]:
    """The children's environment, with the app's byte code compiled first: a shipped app (PyInstaller, or a
    pip install) starts from compiled byte code, so a start-up measured under PYTHONDONTWRITEBYTECODE (set
    in some shells) would time compiling ~60 modules from source, which the floors never pay."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    subprocess.run([sys.executable, "-m", "compileall", "-q", "dongli_desktop", "tools", "bench"], cwd=ROOT,
                   env=env, check=True)
    return env


def startup(reps: int) -> dict[str, dict[str, float]]:
    env = compiled_env()
    settings = Path(tempfile.mkdtemp()) / "s.ini"
    app = [sys.executable, "-m", "dongli_desktop", "--settings", str(settings)]
    probed = [sys.executable, "-m", "tools.run_app", "--settings", str(settings)]  # with tools/probes/timing.py
    runs: dict[str, list] = {"bare": [], "pyqtgraph": [], "app": [], "app_visit": [], "bare_out": [],
                             "pyqtgraph_out": [], "app_first_out": [], "app_ready_out": []}
    for _ in range(reps):  # interleaved, so drift hits all alike
        runs["bare"].append(timed_start([sys.executable, "bench/floor_bare.py"], env))
        runs["pyqtgraph"].append(timed_start([sys.executable, "bench/floor_pyqtgraph.py"], env))
        runs["app"].append(timed_start(probed + ["--timing", "once"], env))
        runs["app_visit"].append(timed_start(probed + ["--timing", "visit"], env))
        runs["bare_out"].append(outside([sys.executable, "bench/floor_bare.py"], env))
        runs["app_first_out"].append(outside(app + ["--quit-on-first-frame"], env))
        runs["pyqtgraph_out"].append(outside([sys.executable, "bench/floor_pyqtgraph.py"], env))
        runs["app_ready_out"].append(outside(app + ["--quit-when-ready"], env))
    return {k: medians(v) for k, v in runs.items()}


def scaled_copy(source: Path, factor: int, target: Path) -> Path:
    """The same content ``factor`` times: synthetic copies of every paragraph and note, FTS rebuilt."""
    shutil.copy(source, target)
    conn = sqlite3.connect(target)
    n = conn.execute("SELECT max(id) FROM paragraphs").fetchone()[0]
    g = conn.execute("SELECT max(id) FROM glossary").fetchone()[0]
    cols = "section_id, position, lead, text, source_start, source_end, line, folded"
    for k in range(1, factor):
        conn.execute(f"INSERT INTO paragraphs (id, {cols}) SELECT id + ?, {cols} FROM paragraphs WHERE id <= ?",
                     (k * n, n))
        conn.execute("INSERT INTO glossary (id, number, term, definition, source_start, source_end, folded) "
                     "SELECT id + ?, number, term, definition, source_start, source_end, folded FROM glossary "
                     "WHERE id <= ?",
                     (k * g, g))
    conn.execute("INSERT INTO paragraphs_fts(paragraphs_fts) VALUES ('rebuild')")
    conn.execute("INSERT INTO glossary_fts(glossary_fts) VALUES ('rebuild')")
    conn.commit()
    conn.close()
    return target


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def search_latency(path: Path, rounds: int) -> dict[str, float]:
    from dongli_desktop.core.repository import Report

    report = Report.open(path)
    times = []
    for _ in range(rounds):
        for q in QUERIES:
            t = time.perf_counter()
            report.search(q)
            times.append((time.perf_counter() - t) * 1000)
    report.close()
    return {"p50_ms": percentile(times, 0.5), "p99_ms": percentile(times, 0.99), "max_ms": max(times), "n": len(times)}


def ui_timings(reps: int) -> dict[str, dict[str, float]]:
    from PySide6.QtWidgets import QApplication

    from dongli_desktop.cli import PAGES, build_parser
    from dongli_desktop.core import charts
    from dongli_desktop.ui.app import create_window
    from dongli_desktop.ui.widgets.chart import ChartView

    QApplication.instance() or QApplication([])
    settings = Path(tempfile.mkdtemp()) / "s.ini"
    window, _ = create_window(build_parser().parse_args(["--settings", str(settings), "--size", "1280x800"]))
    window.show()
    for name in PAGES:
        window.show_page(name)
        QApplication.processEvents()
    window.page("overview").build_charts()
    switch: dict[str, list[float]] = {name: [] for name in PAGES}
    for _ in range(reps):
        for name in PAGES:
            window.show_page("overview" if name != "overview" else "search")
            QApplication.processEvents()
            t = time.perf_counter()
            window.show_page(name)
            window.repaint()
            QApplication.processEvents()
            switch[name].append((time.perf_counter() - t) * 1000)
    report = window.report
    chart_data = {
        "growth": charts.growth_chart(report), "hightech": charts.hightech_path(report),
        "topics": charts.topic_counts(report), "area": charts.area_chart(report, report.areas("review")[0].id),
    }
    render: dict[str, list[float]] = {k: [] for k in chart_data}
    view = ChartView("bench", "x", {})
    view.resize(900, 600)
    view.show()
    for _ in range(reps):
        for key, data in chart_data.items():
            t = time.perf_counter()
            view.set_chart(data)
            view.repaint()
            QApplication.processEvents()
            render[key].append((time.perf_counter() - t) * 1000)
    return {"page_switch_ms": {k: statistics.median(v) for k, v in switch.items()},
            "chart_render_ms": {k: statistics.median(v) for k, v in render.items()}}


def db_build(reps: int) -> float:
    times = []
    for _ in range(reps):
        out = Path(tempfile.mkdtemp()) / "d.db"
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "db.build", "--output", str(out)], cwd=ROOT, check=True,
                       capture_output=True)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def bundle_sizes() -> dict[str, float]:
    work = Path(tempfile.mkdtemp())
    hello = work / "hello.py"
    hello.write_text("import sys\nfrom PySide6.QtWidgets import QApplication, QLabel, QMainWindow\n"
                     "app = QApplication(sys.argv)\nw = QMainWindow()\nw.setCentralWidget(QLabel('hello'))\nw.show()\n",
                     encoding="utf-8")
    pyi = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN"]
    subprocess.run(pyi + ["--distpath", str(work / "d1"), "--workpath", str(work / "b1"), "--specpath", str(work),
                          "--onedir", str(hello)], check=True, cwd=work)
    subprocess.run(pyi + ["--distpath", str(work / "d2"), "--workpath", str(work / "b2"), str(ROOT / "build.spec")],
                   check=True, cwd=ROOT)
    subprocess.run([sys.executable, str(ROOT / "packaging" / "finish.py"), str(work / "d2" / "dongli-desktop")],
                   check=True)

    def size(folder: Path) -> float:
        return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6

    return {"hello_world_mb": size(work / "d1" / "hello"), "app_mb": size(work / "d2" / "dongli-desktop")}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reps", type=int, default=7)
    parser.add_argument("--bundles", action="store_true", help="also build both PyInstaller bundles (minutes)")
    parser.add_argument("--json", type=Path, help="also write the raw results here")
    parser.add_argument("--startup-only", action="store_true", help="only the start-up and memory rows (seconds)")
    args = parser.parse_args()
    results: dict = {"machine": f"{platform.node()} {platform.machine()} {os.cpu_count()} cores, "
                                f"Python {platform.python_version()}, load {os.getloadavg()[0]:.2f}",
                     "date": time.strftime("%Y-%m-%d %H:%M")}
    results["startup"] = startup(args.reps)
    if args.startup_only:
        print_startup(results)
        if args.json:
            args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
        return 0
    shipped = ROOT / "db" / "dongli.db"
    big = scaled_copy(shipped, 100, Path(tempfile.mkdtemp()) / "x100.db")
    results["search_1x"] = search_latency(shipped, 20)
    results["search_100x"] = search_latency(big, 10)
    from bench.fuzz_search import fuzz

    worst, query, mean = fuzz(shipped, 3000)
    results["fuzz_1x"] = {"worst_ms": worst, "mean_ms": mean, "worst_query_chars": len(query)}
    worst, query, mean = fuzz(big, 300)
    results["fuzz_100x"] = {"worst_ms": worst, "mean_ms": mean, "worst_query_chars": len(query)}
    results.update(ui_timings(args.reps))
    results["db_build_s"] = db_build(3)
    if args.bundles:
        results["bundles"] = bundle_sizes()
    print_table(results)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    return 0


def print_startup(r: dict) -> None:
    s = r["startup"]
    bare, pg_floor, app, visit = s["bare"], s["pyqtgraph"], s["app"], s["app_visit"]
    rows = [
        ("first painted frame (s)", app["first_frame"], bare["first_frame"], "bare Qt", "≤ 1.5x"),
        ("first frame, launch to exit (s)", s["app_first_out"]["exit"], s["bare_out"]["exit"], "bare Qt", "≤ 1.5x"),
        ("overview complete with charts (s)", app["ready"], pg_floor["ready"], "pyqtgraph chart", "≤ 1.2x"),
        ("overview complete, launch to exit (s)", s["app_ready_out"]["exit"], s["pyqtgraph_out"]["exit"],
         "pyqtgraph chart", "≤ 1.2x"),
        ("peak RSS when ready (MB)", s["app_ready_out"]["peak_rss"], s["pyqtgraph_out"]["peak_rss"],
         "pyqtgraph chart", "≤ floor + 15 MB"),
        ("RSS at start (MB)", app["rss_ready"], bare["rss_ready"], "bare Qt", ""),
        ("RSS after every page (MB)", visit["rss_visited"], pg_floor["rss_ready"], "pyqtgraph chart",
         "≤ floor + 40 MB"),
    ]
    print(f"machine: {r['machine']}; date {r['date']}")
    print(f"{'measure':38} {'app':>9} {'floor':>9} {'ratio':>7} {'diff':>8}  floor / target")
    for name, value, floor, fname, goal in rows:
        print(f"{name:38} {value:9.3f} {floor:9.3f} {value / floor:7.2f} {value - floor:+8.3f}  {fname} {goal}")


def print_table(r: dict) -> None:
    print_startup(r)
    for key, label in (("search_1x", "shipped"), ("search_100x", "100x")):
        q = r[key]
        print(f"search {label:7} p50 {q['p50_ms']:.2f} ms  p99 {q['p99_ms']:.2f} ms  max {q['max_ms']:.2f} ms  "
              f"({q['n']} queries)")
    for key, label in (("fuzz_1x", "shipped"), ("fuzz_100x", "100x")):
        f = r[key]
        print(f"hostile-input search {label:7} mean {f['mean_ms']:.2f} ms  worst {f['worst_ms']:.2f} ms "
              f"(query of {f['worst_query_chars']} chars)")
    print("page switch (ms): " + ", ".join(f"{k} {v:.1f}" for k, v in r["page_switch_ms"].items()))
    print("chart render (ms): " + ", ".join(f"{k} {v:.1f}" for k, v in r["chart_render_ms"].items()))
    print(f"database build: {r['db_build_s']:.2f} s")
    if "bundles" in r:
        b = r["bundles"]
        print(f"bundle: app {b['app_mb']:.1f} MB vs PySide6 hello world {b['hello_world_mb']:.1f} MB "
              f"(ratio {b['app_mb'] / b['hello_world_mb']:.2f})")


if __name__ == "__main__":
    sys.exit(main())
