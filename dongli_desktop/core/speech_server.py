"""The kiosk's own speech-dispatcher, started by the app from root-owned configuration only (no Qt here).

Left to itself, speech-dispatcher's client library autospawns a server that takes its configuration and its
output modules from the kiosk user's folders: ``~/.config/speech-dispatcher/speechd.conf`` (``AddModule`` runs any
program), ``~/.config/speech-dispatcher/modules/*-generic.conf`` (``GenericCmdDependency`` goes to a shell at
start) and every executable ``sd_*`` in ``$XDG_DATA_HOME/../libexec/speech-dispatcher-modules`` — also when
``--config-dir`` and ``--module-dir`` are given (seen with speech-dispatcher 0.11.4). The kiosk user's shell
planted a module there that drew a forged banner over the kiosk at every start (issue 19).

So with ``--kiosk`` the app starts the server itself: ``--config-dir`` names a root-owned folder (the kiosk
configuration's ``speech_config_dir``, by default Debian's ``/etc/speech-dispatcher``), the modules come from
speech-dispatcher's own built-in folder, and the server's environment has ``HOME=/nonexistent`` and no
``XDG_*_HOME``, so no path derived from the kiosk user's HOME exists for it or its modules (espeak-ng's
``~/espeak-ng-data``, ALSA's ``~/.asoundrc``, which can load a library, included). It listens on a socket in a
fresh private folder; the app's client library is pointed there (``SPEECHD_ADDRESS``) and its autospawn is
disabled (``SPEECHD_CMD`` names a program that refuses), so no other server is ever started for the app.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import signal
import socket
import stat
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from dongli_desktop.core import safe_files

LOG = logging.getLogger("dongli.speech")
PROGRAM = "/usr/bin/speech-dispatcher"  # what libspeechd itself would run (SPD_SPAWN_CMD)
DEFAULT_CONFIG_DIR = "/etc/speech-dispatcher"  # root-owned: Debian's configuration of the machine
NO_HOME = "/nonexistent"  # as Debian's system users: a HOME that does not exist and only root could make
NO_AUTOSPAWN = "/bin/false"  # libspeechd runs $SPEECHD_CMD to autospawn a server: this one refuses
# The kiosk user's own folders, from which speech-dispatcher would read configuration and modules
USER_FOLDERS = ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME")
IDLE_SECONDS = 30  # the server ends this long after its last client (the app) has gone, even after a SIGKILL
START_CEILING_S = 60.0  # a server that has not started by then will not
MAX_PID_FILE_BYTES = 64
PREFIX = "dongli-speech-"
STALE_AFTER_S = 600  # a private folder this old whose server is gone was left by an app that was killed


@dataclass(frozen=True)
class PrivateServer:
    """A speech-dispatcher of the app's own: its private folder, its root-owned configuration folder."""

    folder: Path
    config_dir: str = DEFAULT_CONFIG_DIR
    program: str = PROGRAM

    @property
    def socket_path(self) -> Path:
        return self.folder / "speechd.sock"

    @property
    def pid_file(self) -> Path:
        return self.folder / "speech-dispatcher.pid"

    def client_environment(self) -> dict[str, str]:
        """What the app's process sets (before any thread starts) so that its client library reaches only
        this server and never autospawns another."""
        return {"SPEECHD_ADDRESS": f"unix_socket:{self.socket_path}", "SPEECHD_CMD": NO_AUTOSPAWN}

    def server_environment(self, environ: dict[str, str]) -> dict[str, str]:
        """The server's environment: the app's, without the kiosk user's folders. Its runtime files (the log
        where the configuration says "default") go into the private folder."""
        env = {k: v for k, v in environ.items() if k not in USER_FOLDERS and not k.startswith("SPEECHD_")}
        env.update(HOME=NO_HOME, XDG_RUNTIME_DIR=str(self.folder))
        if getattr(sys, "frozen", False):  # PyInstaller points LD_LIBRARY_PATH at the bundle: a system program
            original = environ.get("LD_LIBRARY_PATH_ORIG")  # gets the system's libraries (PyInstaller's advice)
            if original is None:
                env.pop("LD_LIBRARY_PATH", None)
            else:
                env["LD_LIBRARY_PATH"] = original
        return env

    def command(self) -> list[str]:
        return [self.program, "--run-daemon", "--config-dir", self.config_dir,
                "--communication-method", "unix_socket", "--socket-path", str(self.socket_path),
                "--pid-file", str(self.pid_file), "--timeout", str(IDLE_SECONDS)]

    def listening(self) -> bool:
        """Whether a server accepts connections on the private socket."""
        with socket.socket(socket.AF_UNIX) as probe:
            probe.settimeout(5)
            try:
                probe.connect(str(self.socket_path))
            except OSError:
                return False
        return True

    def start(self) -> str | None:
        """Start the server (slow: call it off the GUI thread); None once it listens, else why it does not.

        ``--run-daemon`` returns when the server has loaded its modules and listens. Started already: nothing."""
        if self.listening():
            return None
        remove_stale(self.folder.parent, keep=self.folder)
        if not os.path.isfile(self.program):
            return f"{self.program} is not installed"
        try:
            done = subprocess.run(self.command(), env=self.server_environment(dict(os.environ)), cwd="/",
                                  stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                  timeout=START_CEILING_S, check=False)
        except (OSError, subprocess.SubprocessError) as exc:
            return f"speech-dispatcher did not start ({exc})"
        if done.returncode != 0 or not self.listening():
            said = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
            return f"speech-dispatcher did not start (exit {done.returncode}) {said[0][:200]}".rstrip()
        LOG.info("speech-dispatcher started with %s (socket %s)", self.config_dir, self.socket_path)
        return None

    def stop(self) -> None:
        """End the server (if it runs) and remove the private folder. Never raises."""
        with contextlib.suppress(OSError, ValueError, safe_files.UnsafeFileError):
            pid = int(safe_files.read_bounded(self.pid_file, MAX_PID_FILE_BYTES).split()[0])
            if pid > 1:
                os.kill(pid, signal.SIGTERM)
        shutil.rmtree(self.folder, ignore_errors=True)


def prepare(config_dir: str = DEFAULT_CONFIG_DIR) -> PrivateServer:
    """A private server in a fresh folder (``mkdtemp``: 0700, a new unpredictable name); nothing runs yet."""
    return PrivateServer(Path(tempfile.mkdtemp(prefix=PREFIX)), config_dir)


def remove_stale(parent: Path, keep: Path, now: float | None = None) -> None:
    """Remove the private folders of earlier runs that were killed (SIGTERM leaves no time to clean up; under
    systemd, PrivateTmp= does it): ours, older than STALE_AFTER_S, with no server listening. Never raises."""
    import time

    now = time.time() if now is None else now
    with contextlib.suppress(OSError):
        for folder in parent.glob(f"{PREFIX}*"):
            with contextlib.suppress(OSError):
                info = folder.lstat()
                if (folder == keep or not stat.S_ISDIR(info.st_mode) or info.st_uid != os.geteuid()
                        or now - info.st_mtime < STALE_AFTER_S or PrivateServer(folder).listening()):
                    continue
                shutil.rmtree(folder, ignore_errors=True)
