"""Kiosk configuration, PIN hashes, rate limiting and the supervisor: no Qt."""

from __future__ import annotations

import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dongli_desktop.core.config import KioskConfig, dump_config, load_config
from dongli_desktop.core.pin import PinFormatError, PinLimiter, hash_pin, verify_pin
from dongli_desktop.core.supervise import backoff, supervise


def write(tmp_path, text: str):
    path = tmp_path / "kiosk.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_are_safe():
    config = KioskConfig()
    assert config.pin_hash is None and config.idle_timeout == 120 and config.warning_seconds >= 20


def test_valid_file(tmp_path):
    pin = hash_pin("2468")
    config = load_config(write(tmp_path, f'idle_timeout = 60\nwarning_seconds = 25\nstart_page = "search"\n'
                                         f'attract = false\nfont_scale = 1.75\npages = ["search", "overview"]\n'
                                         f'pin_hash = "{pin}"\n'))
    assert config.problems == ()
    assert (config.idle_timeout, config.warning_seconds, config.start_page, config.attract, config.font_scale) == (
        60, 25, "search", False, 1.75)
    assert config.pages == ("overview", "search")
    assert verify_pin("2468", config.pin_hash)


GOOD = {"idle_timeout": "77", "warning_seconds": "25", "start_page": "'glossary'", "attract": "false",
        "font_scale": "1.25", "pages": "['overview', 'glossary']", "large_mode": "true"}
KEPT = {"idle_timeout": 77, "warning_seconds": 25, "start_page": "glossary", "attract": False, "font_scale": 1.25,
        "pages": ("overview", "glossary"), "large_mode": True}


@pytest.fixture(scope="module")
def good_hash() -> str:
    return hash_pin("2468")


@pytest.mark.parametrize(
    ("key", "bad", "needle"),
    [
        ("idle_timeout", "-5", "idle_timeout"),
        ("idle_timeout", "'soon'", "idle_timeout"),
        ("idle_timeout", "true", "idle_timeout"),
        ("warning_seconds", "5", "warning_seconds"),
        ("start_page", "'desktop'", "start_page"),
        ("attract", "'yes'", "attract"),
        ("font_scale", "9", "font_scale"),
        ("pages", "[]", "pages"),
        ("pages", "['overview', 'shell']", "pages"),
        ("pin_hash", "'1234'", "pin_hash"),
        ("unlocked", "true", "unknown setting"),
    ],
)
def test_a_bad_value_falls_back_alone(tmp_path, good_hash, key, bad, needle):
    """The bad value gets its safe default and a message; every good value beside it is kept."""
    lines = {**GOOD, "pin_hash": f"'{good_hash}'", key: bad}
    config = load_config(write(tmp_path, "\n".join(f"{k} = {v}" for k, v in lines.items()) + "\n"))
    assert any(needle in p for p in config.problems), config.problems
    defaults = KioskConfig()
    if hasattr(defaults, key):
        assert getattr(config, key) == getattr(defaults, key)
    for other, value in KEPT.items():
        if other != key:
            assert getattr(config, other) == value, other
    assert config.pin_hash == (None if key == "pin_hash" else good_hash)


@pytest.mark.parametrize("text", ["idle_timeout = ", "\x00\x01", "[[", "pin_hash = 'x'\n[["])
def test_an_unreadable_file_gives_the_locked_defaults(tmp_path, good_hash, text):
    body = "\n".join(f"{k} = {v}" for k, v in GOOD.items()) + f"\npin_hash = '{good_hash}'\n" + text
    config = load_config(write(tmp_path, body))
    assert any("cannot read" in p for p in config.problems), config.problems
    assert config == KioskConfig(source=config.source, problems=config.problems)


def test_bad_encoding(tmp_path):
    path = tmp_path / "kiosk.toml"
    path.write_bytes("start_page = '首页'".encode("gbk"))
    assert load_config(path).problems


def test_missing_named_file(tmp_path):
    config = load_config(tmp_path / "nope.toml")
    assert config.problems and config.pin_hash is None


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_text_loads_without_raising(tmp_path_factory, text):
    path = tmp_path_factory.mktemp("cfg") / "kiosk.toml"
    path.write_bytes(text.encode("utf-8", "replace"))
    config = load_config(path)
    assert isinstance(config, KioskConfig)
    assert config.warning_seconds >= 20 and config.pages


def test_dump_round_trips(tmp_path):
    config = KioskConfig(idle_timeout=90, pages=("overview", "search"), pin_hash=hash_pin("1357"))
    loaded = load_config(write(tmp_path, dump_config(config)))
    assert loaded.problems == () and loaded.idle_timeout == 90 and loaded.pages == ("overview", "search")
    assert verify_pin("1357", loaded.pin_hash)


def test_pin_hash_is_salted_and_never_holds_the_pin():
    a, b = hash_pin("123456"), hash_pin("123456")
    assert a != b and "123456" not in a
    assert verify_pin("123456", a) and not verify_pin("123457", a)
    assert not verify_pin("123456", None) and not verify_pin("123456", "scrypt$x$y$z$!!$??")


@pytest.mark.parametrize("pin", ["", "12", "abcd", "1234567890123", "１２３４"])
def test_pin_format(pin):
    with pytest.raises(PinFormatError):
        hash_pin(pin)


def test_limiter_locks_out_after_wrong_tries():
    now = [1000.0]
    stored = hash_pin("2468")
    limiter = PinLimiter(clock=lambda: now[0])
    assert not limiter.attempt("0000", stored) and not limiter.attempt("1111", stored)
    assert limiter.wait_seconds() == 0
    assert not limiter.attempt("2222", stored)
    assert limiter.wait_seconds() == 30
    assert not limiter.attempt("2468", stored)  # locked: even the right PIN is refused
    now[0] += 31
    assert not limiter.attempt("3333", stored)
    assert limiter.wait_seconds() == 60  # doubles
    now[0] += 61
    assert limiter.attempt("2468", stored) and limiter.failures == 0


def test_backoff_doubles_and_caps():
    assert [backoff(n) for n in (1, 2, 3, 4, 10)] == [1, 2, 4, 8, 60]


def test_supervisor_restarts_until_clean_exit(tmp_path):
    counter = tmp_path / "runs"
    script = ("import pathlib, sys; p = pathlib.Path(sys.argv[1]); n = int(p.read_text() or 0) if p.exists() else 0; "
              "p.write_text(str(n + 1)); sys.exit(0 if n >= 2 else 3)")
    sleeps: list[float] = []
    assert supervise([sys.executable, "-c", script, str(counter)], sleep=sleeps.append) == 0
    assert counter.read_text() == "3" and sleeps == [1, 2]


def test_supervisor_gives_up(tmp_path):
    sleeps: list[float] = []
    assert supervise([sys.executable, "-c", "raise SystemExit(4)"], sleep=sleeps.append, max_restarts=2) == 4
    assert sleeps == [1, 2]
