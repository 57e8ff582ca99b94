"""Per-module kill rates from cosmic-ray sessions: python tools/mutation/summary.py build/mutation/*.sqlite

Mutants left out by the operator filter (see run.sh) are not counted; ones not yet run are shown as pending.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path


def summary(session: Path) -> str:
    conn = sqlite3.connect(f"file:{session}?mode=ro", uri=True)
    try:
        total = conn.execute("SELECT count(*) FROM work_items").fetchone()[0]
        outcomes = dict(conn.execute("SELECT coalesce(test_outcome, worker_outcome), count(*) FROM work_results "
                                     "GROUP BY 1").fetchall())
        survivors = conn.execute(
            "SELECT s.start_pos_row, s.operator_name FROM work_results w JOIN mutation_specs s ON s.job_id = w.job_id "
            "WHERE w.test_outcome = 'SURVIVED' ORDER BY 1").fetchall()
    finally:
        conn.close()
    killed = outcomes.get("KILLED", 0) + outcomes.get("INCOMPETENT", 0)
    survived = outcomes.get("SURVIVED", 0)
    skipped = outcomes.get("SKIPPED", 0)
    other = sum(outcomes.values()) - killed - survived - skipped  # the worker itself failed (timeouts too)
    pending = total - sum(outcomes.values())
    rate = f"{100 * killed / (killed + survived):.1f} %" if killed + survived else "n/a"
    lines = [f"{session.stem}: {killed} killed, {survived} survived ({rate} killed), {pending} pending, "
             f"{skipped} left out by the filter" + (f", {other} abnormal" if other else "")]
    lines += [f"  survived: line {row} {op.removeprefix('core/')}" for row, op in survivors]
    return "\n".join(lines)


if __name__ == "__main__":
    print("\n".join(summary(Path(p)) for p in sys.argv[1:]))
