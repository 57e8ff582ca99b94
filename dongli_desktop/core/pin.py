"""Admin PIN: salted scrypt hashes (the PIN itself is never stored) and a persistent rate limiter.

The cost and the minimum length come from a measured brute-force rate (``bench/pin_cost.py``; the
reasoning is in SECURITY.md, section "Admin PIN"). The lockout state is kept in a small file that is
written before a PIN is checked, so neither a restart nor a power cut gives fresh tries.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import logging
import math
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from dongli_desktop.core.paths import user_data_dir
from dongli_desktop.core.safe_files import read_bounded, write_atomic

LOG = logging.getLogger("dongli.pin")

# Cost of a new hash: about 0.2 s and 64 MiB per check on the reference machine (bench/pin_cost.py).
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**16, 8, 1
# What a stored hash may ask for. Hashes written by older versions used N = 2**14, so that is the floor;
# the ceiling keeps one check under about a second and 128 MiB (an unbounded N froze the pad for 40 s).
N_RANGE = (2**14, 2**17)
R_RANGE = (1, 16)
P_RANGE = (1, 4)
MAX_WORK = 2**17 * 8  # N * r * p
# bytes: scrypt needs about 128 * r * N, and 128 * r * N <= 128 * N * r * p <= 128 * MAX_WORK: the work bound is
# the memory bound too (tests/core/test_pin_rules.py checks it); scrypt is given twice this
MAX_MEMORY = 128 * MAX_WORK
SALT_BYTES = (8, 64)
DIGEST_BYTES = (16, 64)

PIN_MAX_DIGITS = 12  # what the pad accepts
PIN_MIN_DIGITS = 9  # for a new PIN (kiosk set-pin): see SECURITY.md
LEGACY_MIN_DIGITS = 4  # hashes of shorter PINs set by older versions still verify


class PinFormatError(ValueError):
    """A PIN must be digits only, of an allowed length."""


def check_pin_format(pin: str, min_digits: int = PIN_MIN_DIGITS) -> None:
    """Raise PinFormatError unless ``pin`` is ASCII digits, ``min_digits`` to PIN_MAX_DIGITS long."""
    if not pin.isascii() or not pin.isdigit() or not min_digits <= len(pin) <= PIN_MAX_DIGITS:
        raise PinFormatError(f"the PIN must be {min_digits} to {PIN_MAX_DIGITS} digits")


DOCUMENTED_EXAMPLE = "246813579"  # the example an older KIOSK.md gave: copied verbatim, it is a public PIN


def guessable(pin: str) -> str | None:
    """Why a new PIN of digits is the first a visitor would try (one digit repeated, a run such as 123456789 or
    987654321, the example once printed in KIOSK.md), or None. For ``kiosk set-pin``: the pad still takes any."""
    if len(set(pin)) == 1:
        return "it repeats one digit"
    steps = {(int(b) - int(a)) % 10 for a, b in zip(pin, pin[1:], strict=False)}
    if steps in ({1}, {9}):
        return "its digits run in order"
    if pin == DOCUMENTED_EXAMPLE:
        return "it is the example printed in the kiosk guide"
    return None


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def hash_pin(pin: str, salt: bytes | None = None) -> str:
    """``scrypt$N$r$p$salt$hash`` with a random 16-byte salt.

    Any PIN the pad can enter is accepted here; the minimum for new PINs is enforced by ``kiosk set-pin``.
    """
    check_pin_format(pin, LEGACY_MIN_DIGITS)
    salt = salt or os.urandom(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, dklen=32,
                            maxmem=2 * MAX_MEMORY)
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${_b64(salt)}${_b64(digest)}"


@dataclass(frozen=True)
class ParsedHash:
    n: int
    r: int
    p: int
    salt: bytes
    digest: bytes


def parse_hash(stored: object) -> ParsedHash | None:
    """The parts of a stored hash, or None when it is malformed or asks for too much or too little work."""
    if not isinstance(stored, str) or len(stored) > 512:
        return None
    parts = stored.split("$")
    if len(parts) != 6 or parts[0] != "scrypt" or not all(x.isascii() and x.isdigit() for x in parts[1:4]):
        return None
    n, r, p = (int(x) for x in parts[1:4])
    if not (N_RANGE[0] <= n <= N_RANGE[1] and n & (n - 1) == 0 and R_RANGE[0] <= r <= R_RANGE[1]
            and P_RANGE[0] <= p <= P_RANGE[1] and n * r * p <= MAX_WORK):
        return None
    try:
        salt = base64.b64decode(parts[4], validate=True)
        digest = base64.b64decode(parts[5], validate=True)
    except ValueError:
        return None
    if not (SALT_BYTES[0] <= len(salt) <= SALT_BYTES[1] and DIGEST_BYTES[0] <= len(digest) <= DIGEST_BYTES[1]):
        return None
    return ParsedHash(n, r, p, salt, digest)


def is_valid_hash(stored: object) -> bool:
    return parse_hash(stored) is not None


def verify_pin(pin: str, stored: str | None) -> bool:
    """True only for the right PIN; a missing, malformed or out-of-bounds hash accepts nothing."""
    if not stored:
        return False
    parsed = parse_hash(stored)
    if parsed is None:
        LOG.error("the stored PIN hash is malformed or its scrypt parameters are out of bounds; admin exit disabled")
        return False
    if not pin.isascii() or not pin.isdigit() or len(pin) > PIN_MAX_DIGITS:
        return False
    actual = hashlib.scrypt(pin.encode(), salt=parsed.salt, n=parsed.n, r=parsed.r, p=parsed.p,
                            dklen=len(parsed.digest), maxmem=2 * MAX_MEMORY)
    return hmac.compare_digest(actual, parsed.digest)


MAX_STATE_BYTES = 4096  # the state is three numbers


def default_state_path() -> Path:
    """Where the kiosk keeps its PIN lockout state (the kiosk user's data folder)."""
    return user_data_dir() / "kiosk" / "pin-lockout.json"


def _write_durably(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically and fsync file and folder, so a power cut keeps old or new.

    The temporary file is new and unpredictable (a private ``mkdtemp`` folder, ``O_EXCL|O_NOFOLLOW``): the
    folder belongs to the kiosk user, whose shell planted a FIFO at the old fixed name ``<name>.tmp`` (the
    GUI thread hung at the first PIN try) or a link there (followed and truncated; red-team pass 5)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, data)


@dataclass
class PinLimiter:
    """After ``free`` wrong tries, each further wrong try locks the pad for longer (doubling, capped).

    The state lives in ``state_path`` (default: ``default_state_path()``; None keeps it in memory only)
    and is recorded *before* each check, so a crash or power cut during a check counts as a wrong try.
    ``locked_until`` is wall-clock time; a clock set back never lengthens a lock beyond its own length.
    A state file that exists but cannot be read means "locked for max_lock", never "fresh"; a check whose
    failure cannot be recorded is not made.
    """

    free: int = 3
    base_lock: float = 30.0
    max_lock: float = 600.0
    clock: Callable[[], float] = time.time
    state_path: Path | None = field(default_factory=default_state_path)
    failures: int = 0
    locked_until: float = 0.0
    lock_length: float = 0.0

    def __post_init__(self) -> None:
        if self.state_path is not None:
            self._load(self.state_path)

    # -- state file ----------------------------------------------------------------------
    def _load(self, path: Path) -> None:
        try:  # a regular file only, never through a link, at most 4 KB: a FIFO or /dev/zero cannot stall start
            raw = read_bounded(path, MAX_STATE_BYTES)
        except FileNotFoundError:
            return
        except OSError as exc:
            self._lock_as_corrupt(f"cannot read {path}: {exc.strerror}")
            return
        try:
            state = json.loads(raw.decode("utf-8"))
            failures, until, length = state["failures"], state["locked_until"], state["lock_length"]
            if (isinstance(failures, bool) or not isinstance(failures, int) or failures < 0
                    or not all(isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v) and v >= 0
                               for v in (until, length))):
                raise ValueError("values out of range")
        except (ValueError, TypeError, KeyError, RecursionError):
            self._lock_as_corrupt(f"{path} is damaged")
            return
        self.failures, self.locked_until, self.lock_length = failures, float(until), min(float(length), self.max_lock)

    def _lock_as_corrupt(self, why: str) -> None:
        LOG.error("PIN lockout state: %s; the pad stays locked for %.0f s", why, self.max_lock)
        self.failures = max(self.failures, self.free)
        self.lock_length = self.max_lock
        self.locked_until = self.clock() + self.max_lock

    def _save(self) -> bool:
        if self.state_path is None:
            return True
        state = {"failures": self.failures, "locked_until": self.locked_until, "lock_length": self.lock_length}
        try:
            _write_durably(self.state_path, json.dumps(state).encode("utf-8"))
        except OSError as exc:
            LOG.error("cannot record the PIN lockout state in %s: %s", self.state_path, exc.strerror)
            return False
        return True

    # -- checks ----------------------------------------------------------------------------
    def wait_seconds(self) -> float:
        """Seconds until the pad accepts a try again (never more than the current lock's length)."""
        return min(self.lock_length, max(0.0, self.locked_until - self.clock()))

    def attempt(self, pin: str, stored: str | None) -> bool:
        """Check a PIN unless locked out; a locked pad rejects even the right PIN."""
        if self.wait_seconds() > 0:
            return False
        before = (self.failures, self.locked_until, self.lock_length)
        self.failures += 1  # recorded as wrong until proven right
        if self.failures >= self.free:
            self.lock_length = min(self.max_lock, self.base_lock * 2 ** min(self.failures - self.free, 32))
            self.locked_until = self.clock() + self.lock_length
        if not self._save():
            self.failures, self.locked_until, self.lock_length = before
            return False
        if verify_pin(pin, stored):
            self.failures, self.locked_until, self.lock_length = 0, 0.0, 0.0
            self._save()
            return True
        if self.failures >= self.free:
            # the lock runs from the refusal the person sees, not from before the (slow) scrypt check
            self.locked_until = self.clock() + self.lock_length
            self._save()
        return False
