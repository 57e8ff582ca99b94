"""How fast can someone who has the PIN hash try PINs on this machine? (Not a test: a measurement.)

Runs scrypt with r=8, p=1 at several N on every core at once (one process per core, as an attacker
would), reports guesses per second and how long an exhaustive search of d-digit PINs takes, and the
smallest length whose exhaustive search takes at least TARGET_YEARS at the cost the app uses.

    python bench/pin_cost.py            # about half a minute on 2 cores
"""

from __future__ import annotations

import hashlib
import math
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dongli_desktop.core import pin

TARGET_YEARS = 1.0  # an exhaustive offline search on the kiosk-class machine must take at least this long
YEAR = 365.25 * 24 * 3600


def guesses(n: int, seconds: float) -> int:
    """Hash PIN guesses with cost ``n`` for about ``seconds``; return how many were done."""
    salt = os.urandom(16)
    done = 0
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        hashlib.scrypt(f"{done:09d}".encode(), salt=salt, n=n, r=8, p=1, dklen=32, maxmem=2**28)
        done += 1
    return done


def rate(n: int, workers: int, seconds: float = 4.0) -> float:
    """Guesses per second with ``workers`` processes in parallel."""
    with ProcessPoolExecutor(workers) as pool:
        started = time.perf_counter()
        total = sum(pool.map(guesses, [n] * workers, [seconds] * workers))
        return total / (time.perf_counter() - started)


def human(seconds: float) -> str:
    for unit, size in (("years", YEAR), ("days", 86400), ("hours", 3600), ("min", 60)):
        if seconds >= size:
            return f"{seconds / size:,.1f} {unit}"
    return f"{seconds:,.0f} s"


def main() -> None:
    cores = os.cpu_count() or 1
    print(f"machine: {os.uname().machine}, {cores} cores; scrypt r=8 p=1")
    print(f"| N | one check | guesses/s on {cores} cores | 4 digits | 6 digits | 8 digits | 9 digits | 10 digits |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    rates = {}
    for n in (2**14, 2**15, 2**16, 2**17):
        single = rate(n, 1, 2.0)
        rates[n] = rate(n, cores)
        cells = " | ".join(human(10**d / rates[n]) for d in (4, 6, 8, 9, 10))
        print(f"| 2^{int(math.log2(n))} | {1000 / single:.0f} ms | {rates[n]:.1f} | {cells} |")
    chosen = rates[pin.SCRYPT_N]
    needed = math.ceil(math.log10(TARGET_YEARS * YEAR * chosen))
    print(f"\nthe app uses N=2^{int(math.log2(pin.SCRYPT_N))}: {chosen:.1f} guesses/s here; an exhaustive search of at "
          f"least {TARGET_YEARS:g} year needs {needed} digits; the app requires {pin.PIN_MIN_DIGITS} "
          f"({human(10**pin.PIN_MIN_DIGITS / chosen)} for all, half that on average)")


if __name__ == "__main__":
    main()
