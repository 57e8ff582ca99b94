"""Admin PIN: salted scrypt hashes (the PIN itself is never stored) and a rate limiter."""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field

SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
PIN_DIGITS = (4, 12)


class PinFormatError(ValueError):
    """A PIN must be 4 to 12 digits."""


def check_pin_format(pin: str) -> None:
    if not pin.isascii() or not pin.isdigit() or not PIN_DIGITS[0] <= len(pin) <= PIN_DIGITS[1]:
        raise PinFormatError(f"the PIN must be {PIN_DIGITS[0]} to {PIN_DIGITS[1]} digits")


def hash_pin(pin: str, salt: bytes | None = None) -> str:
    """``scrypt$N$r$p$salt$hash`` with a random 16-byte salt."""
    check_pin_format(pin)
    salt = salt or os.urandom(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, dklen=32)
    enc = lambda b: base64.b64encode(b).decode("ascii")  # noqa: E731
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${enc(salt)}${enc(digest)}"


def verify_pin(pin: str, stored: str | None) -> bool:
    """True only for the right PIN; a missing or malformed hash accepts nothing."""
    if not stored:
        return False
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = base64.b64decode(digest, validate=True)
        actual = hashlib.scrypt(pin.encode(), salt=base64.b64decode(salt, validate=True), n=int(n), r=int(r),
                                p=int(p), dklen=len(expected))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, expected)


def is_valid_hash(stored: object) -> bool:
    if not isinstance(stored, str):
        return False
    parts = stored.split("$")
    return len(parts) == 6 and parts[0] == "scrypt" and all(parts[1:4]) and all(x.isdigit() for x in parts[1:4])


@dataclass
class PinLimiter:
    """After ``free`` wrong tries, each further wrong try locks the pad for longer (doubling, capped)."""

    free: int = 3
    base_lock: float = 30.0
    max_lock: float = 600.0
    clock: Callable[[], float] = time.monotonic
    failures: int = 0
    locked_until: float = field(default=0.0)

    def wait_seconds(self) -> float:
        return max(0.0, self.locked_until - self.clock())

    def attempt(self, pin: str, stored: str | None) -> bool:
        """Check a PIN unless locked out; a locked pad rejects even the right PIN."""
        if self.wait_seconds() > 0:
            return False
        if verify_pin(pin, stored):
            self.failures = 0
            return True
        self.failures += 1
        if self.failures >= self.free:
            lock = min(self.max_lock, self.base_lock * 2 ** (self.failures - self.free))
            self.locked_until = self.clock() + lock
        return False
