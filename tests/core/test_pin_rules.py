"""The admin PIN's rules at their edges, answers decided by hand before the code ran (issue 22: the survivors of
``make mutation MODULES=pin``): the stored hash's bounds one by one, the PIN lengths, the lock-out's clock."""

from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path

import pytest

from dongli_desktop.core import pin
from dongli_desktop.core.pin import PinFormatError, PinLimiter, check_pin_format, hash_pin, parse_hash, verify_pin


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def stored(n: object = 2**16, r: object = 8, p: object = 1, salt: bytes = b"s" * 16, digest: bytes = b"d" * 32,
           scheme: str = "scrypt") -> str:
    return f"{scheme}${n}${r}${p}${b64(salt)}${b64(digest)}"


def test_new_hashes_use_the_documented_scrypt_parameters_and_a_16_byte_salt():
    parts = hash_pin("123456789").split("$")
    assert parts[:4] == ["scrypt", "65536", "8", "1"]  # N = 2**16, r = 8, p = 1 (SECURITY.md, "Admin PIN")
    assert len(base64.b64decode(parts[4])) == 16 and len(base64.b64decode(parts[5])) == 32


@pytest.mark.parametrize(("n", "r", "p", "valid"), [
    (2**14, 8, 1, True), (2**13, 8, 1, False), (2**17, 8, 1, True), (2**18, 1, 1, False), (3 * 2**14, 8, 1, False),
    (2**14, 16, 1, True), (2**14, 17, 1, False), (2**14, 0, 1, False), (2**14, 1, 1, True),
    (2**14, 8, 4, True), (2**14, 8, 5, False), (2**14, 8, 0, False),
    (2**17, 8, 2, False),  # N·r·p over 2**17·8: too much work, though each number is in its range
    (2**16, 16, 1, True), (2**17, 16, 1, False),
])
def test_the_work_a_stored_hash_may_ask_for(n, r, p, valid):
    assert (parse_hash(stored(n, r, p)) is not None) is valid


@pytest.mark.parametrize(("salt", "digest", "valid"), [
    (8, 16, True), (7, 16, False), (64, 64, True), (65, 32, False), (16, 15, False), (16, 65, False),
])
def test_the_salt_and_digest_lengths_a_stored_hash_may_have(salt, digest, valid):
    assert (parse_hash(stored(salt=b"s" * salt, digest=b"d" * digest)) is not None) is valid


def test_malformed_hashes_are_refused_without_an_error():
    good = stored()
    assert parse_hash(good) is not None
    assert parse_hash("$".join(good.split("$")[:5])) is None  # five parts
    assert parse_hash(stored(scheme="bcrypt")) is None and parse_hash(stored(scheme="zcrypt")) is None
    salt = b64(b"s" * 16)
    assert parse_hash(good.replace(salt, salt[:4] + "*" + salt[4:])) is None  # not base64
    digest = b64(b"d" * 32)
    assert parse_hash(good.replace(digest, digest[:4] + "*" + digest[4:])) is None
    assert parse_hash(good + "$") is None and parse_hash(None) is None and parse_hash(123) is None


def test_a_hash_of_512_characters_is_read_and_one_more_is_not():
    base = stored()
    width = len(str(2**16)) + 512 - len(base)  # the work factor written with leading zeros
    exactly = stored(n=str(2**16).zfill(width))
    assert len(exactly) == 512 and parse_hash(exactly) is not None
    assert parse_hash(stored(n=str(2**16).zfill(width + 1))) is None


def test_pin_lengths():
    check_pin_format("1" * 9)
    check_pin_format("1" * 12)
    for bad in ("1" * 8, "1" * 13, "12345678a", "１２３４５６７８９"):
        with pytest.raises(PinFormatError):
            check_pin_format(bad)
    assert verify_pin("1234", hash_pin("1234"))  # a 4-digit PIN set by an older version still opens
    with pytest.raises(PinFormatError):
        hash_pin("123")


def test_only_ascii_digits_are_checked_against_the_hash():
    """Full-width digits are digits to Python, not to the pad: a hash of them (which no version made) opens
    nothing."""
    wide = "１２３４５６７８９"
    salt = b"s" * 16
    digest = hashlib.scrypt(wide.encode(), salt=salt, n=2**14, r=8, p=1, dklen=32)
    assert not verify_pin(wide, stored(2**14, 8, 1, salt, digest))


def test_a_hash_at_the_largest_allowed_work_verifies():
    salt = b"s" * 16
    digest = hashlib.scrypt(b"123456789", salt=salt, n=2**17, r=8, p=1, dklen=32, maxmem=2**28)
    assert verify_pin("123456789", stored(2**17, 8, 1, salt, digest))


class Clock:
    def __init__(self, now: float = 1000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def test_three_free_tries_then_a_lock_that_runs_from_the_refusal():
    clock = Clock()
    limiter = PinLimiter(clock=clock, state_path=None)
    assert limiter.lock_length == 0.0
    for _ in range(2):
        assert not limiter.attempt("123456789", None)
        assert limiter.wait_seconds() == 0
    assert not limiter.attempt("123456789", None)
    assert limiter.wait_seconds() == 30.0
    clock.now += 10
    assert limiter.wait_seconds() == 20.0


def test_a_damaged_state_locks_for_the_longest_lock_from_now(tmp_path: Path):
    state = tmp_path / "pin-lockout.json"
    state.write_text("{not json", encoding="utf-8")
    clock = Clock()
    limiter = PinLimiter(clock=clock, state_path=state)
    assert limiter.wait_seconds() == 600.0
    clock.now += 300
    assert limiter.wait_seconds() == 300.0


def test_a_state_file_of_4096_bytes_is_read(tmp_path: Path):
    state = tmp_path / "pin-lockout.json"
    text = json.dumps({"failures": 1, "locked_until": 0.0, "lock_length": 0.0})
    state.write_text(text + " " * (pin.MAX_STATE_BYTES - len(text)), encoding="utf-8")
    assert state.stat().st_size == 4096
    limiter = PinLimiter(clock=Clock(), state_path=state)
    assert (limiter.failures, limiter.wait_seconds()) == (1, 0)


def test_a_pin_of_twelve_digits_opens_and_one_of_thirteen_never_does():
    assert verify_pin("123456789012", hash_pin("123456789012"))
    salt = b"s" * 16
    digest = hashlib.scrypt(b"1234567890123", salt=salt, n=2**14, r=8, p=1, dklen=32)
    assert not verify_pin("1234567890123", stored(2**14, 8, 1, salt, digest))  # a hash no version made


@pytest.mark.parametrize("state", [
    {"failures": True, "locked_until": 0, "lock_length": 0},
    {"failures": "1", "locked_until": 0, "lock_length": 0},
    {"failures": 1.0, "locked_until": 0, "lock_length": 0},
    {"failures": -1, "locked_until": 0, "lock_length": 0},
    {"failures": 0, "locked_until": True, "lock_length": 0},
    {"failures": 0, "locked_until": "0", "lock_length": 0},
    {"failures": 0, "locked_until": -1, "lock_length": 0},
    {"failures": 0, "locked_until": float("inf"), "lock_length": 0},
    {"failures": 0, "locked_until": 0, "lock_length": float("nan")},
    {"failures": 0, "locked_until": 0, "lock_length": False},
    {"failures": 0, "locked_until": 0, "lock_length": -0.5},
    {"failures": 0, "locked_until": 0},
])
def test_each_wrong_value_in_the_state_locks_for_the_longest_lock(tmp_path: Path, state: dict):
    """A state the app never writes (a bool, a string, a negative, an infinite or missing value) is damage, not a
    count: the pad stays locked for the longest lock, from now."""
    path = tmp_path / "pin-lockout.json"
    path.write_text(json.dumps(state), encoding="utf-8")  # json writes inf and nan as Infinity and NaN
    assert PinLimiter(clock=Clock(), state_path=path).wait_seconds() == 600.0


def test_a_state_the_app_wrote_is_read_back(tmp_path: Path):
    path = tmp_path / "pin-lockout.json"
    path.write_text(json.dumps({"failures": 2, "locked_until": 0, "lock_length": 0.0}), encoding="utf-8")
    limiter = PinLimiter(clock=Clock(), state_path=path)
    assert limiter.wait_seconds() == 0 and limiter.failures == 2
    assert not limiter.attempt("123456789", None)  # the third free try used up: locked from the refusal
    assert limiter.wait_seconds() == 30.0


# -- the 35 survivors of the pin run of 4 December, read one by one (docs/MUTATION.md) ---------------------------
@pytest.mark.parametrize(("n", "r", "p", "valid"), [
    (2**16, 8, 2, True),  # N·r·p exactly 2**17·8, 64 MiB
    (2**16, 8, 4, False),  # N·r·p twice the bound, though N·r alone is within it
    (2**16, 9, 2, False),  # 9/8 of the bound: not a power of two over it
    (2**15, 16, 2, True), (2**15, 16, 3, False), (2**14, 16, 4, True),
])
def test_the_work_bound_counts_p(n, r, p, valid):
    assert (parse_hash(stored(n, r, p)) is not None) is valid


def test_every_hash_within_the_work_bound_fits_the_memory_scrypt_is_given():
    """The memory bound follows from the work bound (128·r·N ≤ 128·N·r·p ≤ 2**27), so no separate check: every
    parameter set a stored hash may name needs at most MAX_MEMORY, and the checks pass scrypt twice that."""
    accepted = [(n, r, p) for n in (2**k for k in range(13, 19)) for r in range(0, 18) for p in range(0, 6)
                if parse_hash(stored(n, r, p)) is not None]
    assert len(accepted) > 20
    assert max(128 * r * n for n, r, _ in accepted) == pin.MAX_MEMORY


@pytest.mark.parametrize("field", [1, 2, 3])
@pytest.mark.parametrize("written", ["６５５３６", "٦٥٥٣٦", "+65536", "65_536", " 65536", "65536 "])
def test_the_numbers_of_a_hash_are_ascii_digits_only(field: int, written: str):
    """int() reads all of these as 65536 (or the r and p below); a hash no version wrote is refused."""
    value = {1: written, 2: written.replace("65536", "8").replace("６５５３６", "８").replace("٦٥٥٣٦", "٨")
             .replace("65_536", "0_8"), 3: written.replace("65536", "1").replace("６５５３６", "１")
             .replace("٦٥٥٣٦", "١").replace("65_536", "0_1")}[field]
    parts = stored().split("$")
    assert parse_hash("$".join(parts)) is not None
    parts[field] = value
    assert parse_hash("$".join(parts)) is None


def test_a_parsed_hash_is_a_value():
    parsed = parse_hash(stored())
    assert parsed is not None
    with pytest.raises(AttributeError):
        parsed.n = 2**20  # type: ignore[misc]


def test_a_crash_during_the_check_that_locks_leaves_that_lock_recorded(tmp_path: Path, monkeypatch):
    """The third wrong try is recorded with its lock before the slow check; a power cut during the check leaves
    the pad locked for 30 s from then, and open again after."""
    path = tmp_path / "pin-lockout.json"
    clock = Clock()
    limiter = PinLimiter(clock=clock, state_path=path)
    for _ in range(2):
        assert not limiter.attempt("123456789", None)

    def power_cut(pin_: str, stored_: str | None) -> bool:
        raise KeyboardInterrupt

    monkeypatch.setattr(pin, "verify_pin", power_cut)
    with pytest.raises(KeyboardInterrupt):
        limiter.attempt("123456789", stored())
    restarted = PinLimiter(clock=clock, state_path=path)
    assert restarted.wait_seconds() == 30.0
    clock.now += 30
    assert restarted.wait_seconds() == 0


@pytest.mark.parametrize("wrong_tries", [3, 4, 5])
def test_every_lock_runs_from_its_refusal(monkeypatch, wrong_tries: int):
    """The check takes 2 s (scrypt on a slow kiosk); each lock, the first and the doubled ones after it, is its
    full length once the refusal is shown."""
    clock = Clock()

    def slow_check(pin_: str, stored_: str | None) -> bool:
        clock.now += 2
        return False

    monkeypatch.setattr(pin, "verify_pin", slow_check)
    limiter = PinLimiter(clock=clock, state_path=None)
    for _ in range(wrong_tries):
        clock.now += limiter.wait_seconds()
        assert not limiter.attempt("123456789", stored())
    assert limiter.wait_seconds() == 30.0 * 2 ** (wrong_tries - 3)


def test_half_a_second_left_is_still_locked():
    clock = Clock()
    limiter = PinLimiter(clock=clock, state_path=None)
    salt = b"s" * 16
    right = stored(2**14, 8, 1, salt, hashlib.scrypt(b"123456789", salt=salt, n=2**14, r=8, p=1, dklen=32))
    for _ in range(3):
        assert not limiter.attempt("987654321", right)
    clock.now += 29.5
    assert limiter.wait_seconds() == 0.5
    assert not limiter.attempt("123456789", right)  # the right PIN, half a second early
    clock.now += 0.5
    assert limiter.attempt("123456789", right)


def test_the_right_pin_leaves_a_state_of_zeros(tmp_path: Path):
    """After the right PIN the record is as a fresh kiosk's: no failures, no lock, no lock length."""
    path = tmp_path / "pin-lockout.json"
    salt = b"s" * 16
    right = stored(2**14, 8, 1, salt, hashlib.scrypt(b"123456789", salt=salt, n=2**14, r=8, p=1, dklen=32))
    clock = Clock()
    limiter = PinLimiter(clock=clock, state_path=path)
    for _ in range(3):
        assert not limiter.attempt("987654321", right)
    clock.now += 30
    assert limiter.attempt("123456789", right)
    assert json.loads(path.read_text(encoding="utf-8")) == {"failures": 0, "locked_until": 0.0, "lock_length": 0.0}
    assert not limiter.attempt("987654321", right)
    assert json.loads(path.read_text(encoding="utf-8")) == {"failures": 1, "locked_until": 0.0, "lock_length": 0.0}


def test_a_fresh_kiosks_first_wrong_try_records_one_failure_and_no_lock(tmp_path: Path):
    path = tmp_path / "pin-lockout.json"
    assert not PinLimiter(clock=Clock(), state_path=path).attempt("987654321", stored())
    assert json.loads(path.read_text(encoding="utf-8")) == {"failures": 1, "locked_until": 0.0, "lock_length": 0.0}
