"""Worst-case search latency over random hostile input (a benchmark, not a test).

Usage: python bench/fuzz_search.py [--n 5000] [--db PATH]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# Run as a plain script: the checkout must be on sys.path (above) before these imports.
from dongli_desktop.core.repository import Report  # noqa: E402
from tests.core.test_search import HOSTILE_TOKENS  # noqa: E402


def random_query(rng: random.Random, corpus: str) -> str:
    kind = rng.random()
    if kind < 0.4:
        return "".join(rng.choice(HOSTILE_TOKENS) for _ in range(rng.randint(1, 20)))
    if kind < 0.7:
        start = rng.randrange(len(corpus) - 10)
        return corpus[start : start + rng.randint(1, 8)]
    if kind < 0.9:
        return "".join(chr(rng.randint(32, 0x2FFFF)) for _ in range(rng.randint(1, 40)))
    return "".join(chr(rng.randint(0x4E00, 0x9FFF)) for _ in range(rng.randint(1, 10_000)))


def fuzz(db: Path, n: int, seed: int = 1) -> tuple[float, str, float]:
    report = Report.open(db)
    corpus = "".join(p.text for s in report.sections for p in report.paragraphs(s.id))
    rng = random.Random(seed)
    worst, worst_q, total = 0.0, "", 0.0
    for _ in range(n):
        q = random_query(rng, corpus)
        t = time.perf_counter()
        report.search(q)
        dt = (time.perf_counter() - t) * 1000
        total += dt
        if dt > worst:
            worst, worst_q = dt, q
    return worst, worst_q, total / n


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=5000)
    parser.add_argument("--db", type=Path, default=ROOT / "db" / "dongli.db")
    args = parser.parse_args()
    worst, query, mean = fuzz(args.db, args.n)
    print(f"{args.n} random queries on {args.db.name}: mean {mean:.2f} ms, worst {worst:.2f} ms for {query[:40]!r}"
          f"{'…' if len(query) > 40 else ''} ({len(query)} chars)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
