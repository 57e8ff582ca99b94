"""Apply mutants by hand, one at a time, and say which tests kill them (docs/MUTATION.md).

    python tools/mutation/by_hand.py MODULE "TESTS ..." MUTANTS.json

MUTANTS.json is a list of [old, new] pairs; ``old`` must occur exactly once in MODULE. Each mutant is written
into MODULE, TESTS are run with pytest (stopping at the first failure), and the file is restored afterwards,
also when this is interrupted.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    module, tests, mutants = Path(argv[0]), argv[1].split(), json.loads(Path(argv[2]).read_text(encoding="utf-8"))
    original = module.read_text(encoding="utf-8")
    survived = 0
    try:
        for old, new in mutants:
            if original.count(old) != 1:
                raise SystemExit(f"not found exactly once in {module}: {old!r}")
            module.write_text(original.replace(old, new), encoding="utf-8")
            done = subprocess.run([sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", *tests],
                                  capture_output=True, text=True, check=False)
            survived += done.returncode == 0
            print("SURVIVED" if done.returncode == 0 else "killed  ", new.strip().splitlines()[0][:110], flush=True)
    finally:
        module.write_text(original, encoding="utf-8")
    return 1 if survived else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
