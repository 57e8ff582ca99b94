"""The admin PIN: bounded scrypt parameters and a lockout that survives restarts, power cuts and damage."""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
import threading

import pytest

from dongli_desktop.core import pin as pinmod
from dongli_desktop.core.pin import PinLimiter, hash_pin, is_valid_hash, verify_pin
from tests.conftest import ROOT

STORED = hash_pin("246813579")


def forged(n: int, r: int = 8, p: int = 1, salt: bytes = b"s" * 16, digest: bytes = b"d" * 32) -> str:
    def enc(b: bytes) -> str:
        return base64.b64encode(b).decode()

    return f"scrypt${n}${r}${p}${enc(salt)}${enc(digest)}"


@pytest.mark.parametrize(
    "stored",
    [forged(2**24), forged(2**20), forged(2**17, r=16), forged(2**16, p=64), forged(2**14, r=10**6),
     forged(3 * 2**14), forged(2**4), forged(2**14, salt=b""), forged(2**14, digest=b"d" * 4096),
     forged(2**14, r=0), "scrypt$16384$8$1$" + "A" * 600 + "$AAAA"],
)
def test_out_of_range_parameters_are_no_valid_hash(stored, caplog, monkeypatch):
    """A hash that asks for too much (or too little) work is rejected before scrypt runs."""
    assert not is_valid_hash(stored)
    called = []
    monkeypatch.setattr(pinmod.hashlib, "scrypt", lambda *a, **k: called.append(1))
    assert not verify_pin("246813579", stored)
    assert called == []
    assert "out of bounds" in caplog.text


def test_hashes_from_older_versions_still_verify():
    old = hashlib_scrypt_hash("1234", n=2**14)
    assert is_valid_hash(old) and verify_pin("1234", old) and not verify_pin("1235", old)


def hashlib_scrypt_hash(pin: str, n: int) -> str:
    salt = os.urandom(16)
    return forged(n, salt=salt, digest=pinmod.hashlib.scrypt(pin.encode(), salt=salt, n=n, r=8, p=1, dklen=32))


def test_new_hashes_use_the_measured_cost():
    n, r, p = (int(x) for x in STORED.split("$")[1:4])
    assert (n, r, p) == (pinmod.SCRYPT_N, pinmod.SCRYPT_R, pinmod.SCRYPT_P) and n >= 2**16


def limiter(path, now):
    return PinLimiter(clock=lambda: now[0], state_path=path)


def test_lockout_survives_a_restart(tmp_path):
    now = [1_000_000.0]
    state = tmp_path / "state.json"
    first = limiter(state, now)
    for wrong in ("000000000", "111111111", "222222222"):
        assert not first.attempt(wrong, STORED)
    assert first.wait_seconds() == 30
    restarted = limiter(state, now)  # a crash, a supervisor restart or a power cycle
    assert restarted.wait_seconds() == 30
    assert not restarted.attempt("246813579", STORED)
    now[0] += 31
    assert not restarted.attempt("333333333", STORED)
    assert limiter(state, now).wait_seconds() == 60  # the doubling continues across restarts


def test_a_check_is_recorded_before_it_is_made(tmp_path, monkeypatch):
    """A power cut during the (slow) scrypt check must not give a free try."""
    now = [1_000_000.0]
    state = tmp_path / "state.json"
    seen = []

    def cut_power(pin, stored):
        seen.append(json.loads(state.read_text())["failures"])
        raise KeyboardInterrupt  # the process dies mid-check

    monkeypatch.setattr(pinmod, "verify_pin", cut_power)
    pad = limiter(state, now)
    with pytest.raises(KeyboardInterrupt):
        pad.attempt("246813579", STORED)
    assert seen == [1]
    assert limiter(state, now).failures == 1


def test_right_pin_clears_the_record(tmp_path):
    now = [1_000_000.0]
    state = tmp_path / "state.json"
    pad = limiter(state, now)
    assert not pad.attempt("000000000", STORED)
    assert pad.attempt("246813579", STORED)
    assert limiter(state, now).failures == 0


@pytest.mark.parametrize("damage", [b"", b"{", b"\xff\xfe", b'{"failures": -1, "locked_until": 0, "lock_length": 0}',
                                    b'{"failures": "x", "locked_until": 0, "lock_length": 0}', b"[]", b"null",
                                    b'{"failures": 0, "locked_until": NaN, "lock_length": 0}', b"0" * 10_000,
                                    b"[" * 4000])
def test_damaged_state_means_locked_not_fresh(tmp_path, damage, caplog):
    now = [1_000_000.0]
    state = tmp_path / "state.json"
    state.write_bytes(damage)
    pad = limiter(state, now)
    assert pad.wait_seconds() == pad.max_lock
    assert not pad.attempt("246813579", STORED)
    assert "stays locked" in caplog.text


def test_unreadable_state_means_locked(tmp_path):
    now = [1_000_000.0]
    state = tmp_path / "state.json"
    state.mkdir()  # reading it fails with an OSError other than "missing"
    assert limiter(state, now).wait_seconds() > 0


def test_missing_state_is_a_fresh_kiosk(tmp_path):
    pad = limiter(tmp_path / "never-written.json", [1_000_000.0])
    assert pad.wait_seconds() == 0 and pad.attempt("246813579", STORED)


def test_a_clock_set_back_does_not_lock_for_longer_than_the_lock(tmp_path):
    now = [1_000_000.0]
    state = tmp_path / "state.json"
    pad = limiter(state, now)
    for wrong in ("000000000", "111111111", "222222222"):
        pad.attempt(wrong, STORED)
    now[0] = 0.0  # the real-time clock lost power: it reads 1970
    assert limiter(state, now).wait_seconds() == 30


def test_a_check_that_cannot_be_recorded_is_not_made(tmp_path, monkeypatch):
    now = [1_000_000.0]
    (tmp_path / "ro").mkdir()
    pad = limiter(tmp_path / "ro" / "state.json", now)
    monkeypatch.setattr(pinmod, "_write_durably", lambda *a: (_ for _ in ()).throw(OSError(28, "No space left")))
    assert not pad.attempt("246813579", STORED)


def test_state_write_is_fsynced_and_atomic(tmp_path, monkeypatch):
    synced = []
    real = os.fsync
    monkeypatch.setattr(pinmod.os, "fsync", lambda fd: synced.append(fd) or real(fd))
    pad = limiter(tmp_path / "state.json", [1_000_000.0])
    pad.attempt("000000000", STORED)
    assert len(synced) >= 2  # the file and its folder
    assert sorted(p.name for p in tmp_path.iterdir()) == ["state.json"]  # no temp file left behind


def test_default_state_lives_in_the_user_data_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    pad = PinLimiter()
    pad.attempt("000000000", STORED)
    assert json.loads((tmp_path / "dongli-desktop" / "kiosk" / "pin-lockout.json").read_text())["failures"] == 1


def test_the_lock_runs_from_the_refusal_not_from_before_the_slow_check(tmp_path, monkeypatch):
    """scrypt takes a while (seconds on a loaded machine): the person is told 30 s at the refusal, not 25."""
    now = [1_000_000.0]
    real_verify = pinmod.verify_pin

    def slow_verify(pin, stored):
        now[0] += 5.0  # the check's own duration, on the limiter's clock
        return real_verify(pin, stored)

    monkeypatch.setattr(pinmod, "verify_pin", slow_verify)
    pad = limiter(tmp_path / "state.json", now)
    for wrong in ("000000000", "111111111", "222222222"):
        assert not pad.attempt(wrong, STORED)
    assert pad.wait_seconds() == 30
    assert limiter(tmp_path / "state.json", now).wait_seconds() == 30  # and so says the recorded state


def test_restarted_process_is_still_locked(tmp_path):
    """Two real processes: the second starts with the first's lock (the same state, still running)."""
    env = dict(os.environ, XDG_DATA_HOME=str(tmp_path))
    code = ("import json, sys; from dongli_desktop.core.pin import PinLimiter; l = PinLimiter(); "
            "[l.attempt(p, sys.argv[1]) for p in sys.argv[2:]]; "
            "print(json.dumps([l.failures, l.locked_until, l.lock_length, l.wait_seconds()]))")

    def run(*pins: str) -> list[float]:
        result = subprocess.run(check=False, args=[sys.executable, "-c", code, STORED, *pins], cwd=ROOT, env=env,
                                capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout)

    failures, until, length, wait = run("000000000", "111111111", "222222222")
    assert (failures, length) == (3, 30.0) and 0 < wait <= 30
    again = run()
    assert again[:3] == [3, until, 30.0]  # the very lock the first process recorded
    assert 0 < again[3] <= wait  # still running (the ceiling: the 30 s lock itself)


HANG_CEILING = 60  # seconds: only a ceiling for a hang, never a timing margin


def test_a_fifo_planted_at_the_old_temp_name_does_not_hang_a_pin_try(tmp_path):
    """Red-team pass 5: the state was written through the fixed name ``<state>.tmp`` opened with a blocking
    O_CREAT|O_TRUNC: a FIFO there hung the GUI thread at the first PIN try (the watchdog then killed the kiosk)."""
    state = tmp_path / "pin-lockout.json"
    fifo = tmp_path / "pin-lockout.json.tmp"
    os.mkfifo(fifo)
    pad = limiter(state, [1_000_000.0])
    done = threading.Event()
    worker = threading.Thread(target=lambda: (pad.attempt("000000000", STORED), done.set()), daemon=True)
    worker.start()
    finished = done.wait(HANG_CEILING)
    if not finished:  # let the hung writer go before failing
        os.close(os.open(fifo, os.O_RDONLY | os.O_NONBLOCK))
    assert finished, "a PIN try hung on a FIFO planted at the temporary name"
    assert json.loads(state.read_text())["failures"] == 1  # and the try was recorded


def test_a_link_planted_at_the_old_temp_name_is_not_followed(tmp_path):
    state = tmp_path / "pin-lockout.json"
    victim = tmp_path / "victim.txt"
    victim.write_text("the kiosk user's own file\n", encoding="utf-8")
    (tmp_path / "pin-lockout.json.tmp").symlink_to(victim)
    pad = limiter(state, [1_000_000.0])
    assert not pad.attempt("000000000", STORED)
    assert victim.read_text(encoding="utf-8") == "the kiosk user's own file\n"  # not truncated, not written
    assert json.loads(state.read_text())["failures"] == 1
    assert not state.is_symlink()
