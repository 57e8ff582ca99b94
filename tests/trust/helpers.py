"""Shared pieces of the trust tests: editions, a throwaway publisher, a client runner, an nginx server."""

from __future__ import annotations

import json
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dongli_desktop.core import content
from dongli_desktop.core.errors import DatabaseError
from dongli_desktop.publish import Publisher
from tests.conftest import ROOT, SHIPPED_DB

ALLOWED_TOP = {"dongli.db", "previous.db", "signed", "tuf", "status.json", ".lock"}
ALLOWED_TUF = {"root_history", "root.json", "timestamp.json", "snapshot.json", "targets.json"}


def make_edition(folder: Path, marker: str) -> Path:
    """A copy of the shipped database told apart by a meta row (a different file, same schema)."""
    path = folder / f"{marker}.db"
    shutil.copy(SHIPPED_DB, path)
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO meta VALUES ('test_marker', ?)", (marker,))
    conn.commit()
    conn.close()
    return path


def alter(path: Path, *statements: str) -> Path:
    """Run SQL ``statements`` on the database at ``path`` (to make a hostile edition); returns ``path``."""
    conn = sqlite3.connect(path)
    for sql in statements:
        conn.execute(sql)
    conn.commit()
    conn.close()
    return path


def marker_of(path: Path) -> str | None:
    conn = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'test_marker'").fetchone()
    finally:
        conn.close()
    return row[0] if row else None


class Site:
    """A throwaway publisher (keys, repository) and the trust folder its clients are provisioned with."""

    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        self.publisher = Publisher(tmp / "keys", tmp / "repo")
        self.publisher.init()
        self.trust = tmp / "trust"
        self.trust.mkdir()
        shutil.copy(self.publisher.meta / "1.root.json", self.trust / "root.json")

    @property
    def repo(self) -> Path:
        return self.publisher.repo

    def publish(self, marker: str, check: bool = True) -> Path:
        db = make_edition(self.tmp, marker)
        self.publisher.add(db, marker, check=check)
        return db

    def update(self, base: Path, source: str | None = None, **kwargs) -> content.UpdateResult:
        return content.update(source or str(self.repo), base=base, trust_dir=self.trust, **kwargs)

    def installed(self, base: Path, *markers: str) -> None:
        """Publish each edition in turn and let the client at ``base`` take it (the last is current, the one before
        it previous)."""
        for marker in markers:
            self.publish(marker)
            self.update(base)

    def shown(self, base: Path) -> str | None:
        """The marker of the edition the app would show (None: the bundled database)."""
        path, _ = content.choose_database(base, self.trust)
        return None if path == SHIPPED_DB else marker_of(path)


def refuse_to_open(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """content opens every database as before but the file called ``name``, which fails its checks."""
    real = content.connect_readonly

    def connect(path: Path, data: bytes | None = None) -> sqlite3.Connection:
        if path.name == name:
            raise DatabaseError(path, "a column of the wrong type")
        return real(path, data=data)

    monkeypatch.setattr(content, "connect_readonly", connect)


def stray_files(base: Path) -> list[str]:
    """Anything in a client's content folder that a finished update should not leave behind."""
    folder = content.content_dir(base)
    stray = [p.name for p in folder.iterdir() if p.name not in ALLOWED_TOP] if folder.exists() else []
    if (folder / "signed").exists():
        stray += [f"signed/{p.name}" for p in (folder / "signed").iterdir()
                  if not (p.name.startswith("targets.") and p.name.endswith(".json")) and p.name != "roots"]
    if (folder / "signed" / "roots").exists():
        stray += [f"signed/roots/{p.name}" for p in (folder / "signed" / "roots").iterdir()
                  if not p.name.endswith(".root.json")]
    if (folder / "tuf").exists():
        stray += [f"tuf/{p.name}" for p in (folder / "tuf").iterdir() if p.name not in ALLOWED_TUF]
    return stray


CLIENT = """
import json, sys
from pathlib import Path
from dongli_desktop.core import content
base, trust, source, timeout, deadline = sys.argv[1:6]
try:
    r = content.update(source, base=Path(base), trust_dir=Path(trust), socket_timeout=float(timeout),
                       file_deadline=float(deadline))
    print(json.dumps({"ok": True, "changed": r.changed, "edition": r.edition}))
except content.ContentError as exc:
    print(json.dumps({"ok": False, "error": str(exc)}))
"""


def client_process(base: Path, trust: Path, source: str, timeout: float = 2.0, deadline: float = 10.0,
                   env: dict[str, str] | None = None) -> subprocess.Popen:
    """An updater in its own process (as the systemd timer runs it)."""
    return subprocess.Popen([sys.executable, "-c", CLIENT, str(base), str(trust), source, str(timeout),
                             str(deadline)], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=env)


def client_result(proc: subprocess.Popen, timeout: float = 60) -> dict:
    out, err = proc.communicate(timeout=timeout)
    assert "Traceback" not in err, err
    return json.loads(out.strip().splitlines()[-1])


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Nginx:
    """Debian's nginx on 127.0.0.1:<free port>, serving ``root`` with a configuration of our own."""

    def __init__(self, workdir: Path, root: Path, extra: str = "") -> None:
        self.dir, self.root, self.extra = workdir, root, extra
        self.dir.mkdir(parents=True, exist_ok=True)
        self.proc: subprocess.Popen | None = None
        self.port = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> Nginx:
        for _attempt in range(5):
            self.port = free_port()
            user = "user root root;" if os.geteuid() == 0 else ""
            temp = " ".join(f"{kind}_temp_path {self.dir}/{kind};"
                            for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
            (self.dir / "nginx.conf").write_text(f"""
{user}
worker_processes 1;
error_log {self.dir}/error.log warn;
events {{ worker_connections 256; }}
http {{
  access_log off;
  {temp}
  default_type application/octet-stream;
  server {{
    listen 127.0.0.1:{self.port};
    root {self.root};
    {self.extra}
  }}
}}
""", encoding="utf-8")
            self.proc = subprocess.Popen(["nginx", "-p", str(self.dir), "-c", str(self.dir / "nginx.conf"), "-g",
                                          f"daemon off; pid {self.dir}/nginx.pid;"],
                                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            deadline = time.monotonic() + 5
            while time.monotonic() < deadline and self.proc.poll() is None:
                with socket.socket() as s:
                    if s.connect_ex(("127.0.0.1", self.port)) == 0:
                        return self
                time.sleep(0.05)
            self.stop()
        raise RuntimeError(f"nginx did not start: {(self.dir / 'error.log').read_text(errors='replace')}")

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        if self.proc is not None and self.proc.stderr:
            self.proc.stderr.close()
        self.proc = None
