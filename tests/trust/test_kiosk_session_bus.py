"""Red-team pass 4: the session bus belongs to the kiosk user, whose shell can replace it with its own (kill the
user's dbus-daemon, listen at the same address). Qt's accessibility bridge talks to it with blocking calls while
the app starts: a bus that accepts and never answers hung the kiosk start for good (no READY, no watchdog ping,
a restart loop under systemd). A hostile bus could also drive every control through AT-SPI. So a kiosk uses no
session bus unless the root-owned unit environment opts in (``KIOSK_SESSION_BUS=1``, for a screen reader),
accepting that risk (core/hardening.py, SECURITY.md)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from dongli_desktop.core.hardening import SESSION_BUS_OPT_IN, x_client_environment
from tests.trust.test_kiosk_speech_socket import silent_server
from tests.trust.test_kiosk_x_files import HANG_CEILING, ROOT, xvfb  # noqa: F401 (xvfb is a fixture)


def test_a_given_session_bus_is_used_only_when_the_unit_opts_in(tmp_path: Path):
    given = {"DBUS_SESSION_BUS_ADDRESS": "unix:path=/run/user/1000/bus", "AT_SPI_BUS_ADDRESS": "unix:path=/x"}
    changes = x_client_environment(given, str(tmp_path))
    assert changes["DBUS_SESSION_BUS_ADDRESS"] == "disabled:" and changes["AT_SPI_BUS_ADDRESS"] == ""
    opted = x_client_environment({**given, SESSION_BUS_OPT_IN: "1"}, str(tmp_path))
    assert "DBUS_SESSION_BUS_ADDRESS" not in opted and "AT_SPI_BUS_ADDRESS" not in opted


def test_a_silent_session_bus_does_not_hang_the_kiosk(tmp_path: Path, xvfb: str):  # noqa: F811
    server, _ = silent_server(tmp_path / "bus")
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("XDG_", "DBUS_", "AT_SPI", "DONGLI_KIOSK")) and k != "FONTCONFIG_FILE"}
    env.update(DISPLAY=xvfb, QT_QPA_PLATFORM="xcb", HOME=str(tmp_path),
               DBUS_SESSION_BUS_ADDRESS=f"unix:path={tmp_path / 'bus'}")
    try:
        result = subprocess.run([sys.executable, "-m", "dongli_desktop", "--kiosk", "--kiosk-config", "/dev/null",
                                 "--quit-when-ready"], cwd=ROOT, env=env, capture_output=True, text=True,
                                timeout=HANG_CEILING, check=False)
    finally:
        server.close()
    assert result.returncode == 0, result.stderr[-2000:]
