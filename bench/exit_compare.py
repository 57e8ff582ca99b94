"""Launch to exit of two checkouts, interleaved: ``python bench/exit_compare.py REPS OPTION OLD_DIR NEW_DIR``.

OPTION is ``--quit-when-ready`` or ``--quit-on-first-frame``; each directory is an extracted checkout
(``git archive COMMIT | tar -x -C DIR``), byte-compiled first. Wall clock and the child's CPU time (steadier under
load) are reported as medians. Written for the exit-time change of 5 December (``gc.freeze``, bench/RESULTS.md).
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path


def main() -> int:
    reps, option = int(sys.argv[1]), sys.argv[2]
    trees = {Path(d).name: d for d in sys.argv[3:5]}
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # byte code as a shipped app has it (bench/run.py: compiled_env)
    for tree in trees.values():
        subprocess.run([sys.executable, "-m", "compileall", "-q", "dongli_desktop"], cwd=tree, env=env, check=True,
                       stdout=subprocess.DEVNULL)
    found: dict[str, dict[str, list[float]]] = {name: {"wall": [], "cpu": []} for name in trees}
    for _ in range(reps):
        for name, tree in trees.items():
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "dongli_desktop", option, "--settings", f"/tmp/exit-{name}.ini"],
                           cwd=tree, env=dict(env, PYTHONPATH=tree, XDG_DATA_HOME=f"/tmp/exit-data-{name}"),
                           check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            found[name]["wall"].append(time.perf_counter() - start)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            found[name]["cpu"].append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    print(f"load {os.getloadavg()[0]:.2f}; {reps} interleaved starts each, {option}, median s")
    for name, values in found.items():
        print(f"{name:12} wall {statistics.median(values['wall']):.3f}  cpu {statistics.median(values['cpu']):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
