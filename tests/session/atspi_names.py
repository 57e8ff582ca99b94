"""Print every accessible-name change of the running app as it happens (AT-SPI events, not polling).

Run with the system Python inside the session's D-Bus:
    /usr/bin/python3 tests/session/atspi_names.py APP_PID SECONDS
Prints ``ready`` once listening, then one JSON object a line: {"role", "name"} for each control of the
app whose accessible name changed; ends after SECONDS. A state that lasts less than a poll (a short text
read aloud by a fast engine) is still seen.
"""

from __future__ import annotations

import json
import sys

import pyatspi
from gi.repository import GLib

EVENT = "object:property-change:accessible-name"


def main(argv: list[str]) -> int:
    pid, seconds = int(argv[0]), float(argv[1])

    def changed(event) -> None:
        try:
            source = event.source
            if source.get_application().get_process_id() != pid:
                return
            print(json.dumps({"role": source.getRoleName(), "name": source.name or ""}, ensure_ascii=False),
                  flush=True)
        except Exception:  # noqa: BLE001, S110 (a node may vanish while we read it)
            pass

    pyatspi.Registry.registerEventListener(changed, EVENT)
    GLib.idle_add(lambda: print("ready", flush=True) and False)
    GLib.timeout_add(int(seconds * 1000), lambda: pyatspi.Registry.stop() and False)
    pyatspi.Registry.start()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
