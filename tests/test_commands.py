"""Staff commands: ``kiosk set-pin`` writes only a salted hash, edits the file in place, keeps it private."""

from __future__ import annotations

import os
import stat
import subprocess
import sys

import pytest

from dongli_desktop.core.config import load_config
from dongli_desktop.core.pin import PIN_MIN_DIGITS, verify_pin
from tests.conftest import ROOT

GOOD_PIN = "802417395"


def set_pin(config, pin: str, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(check=False,
                          args=[sys.executable, "-m", "dongli_desktop", "kiosk", "set-pin", "--stdin",
                                "--config", str(config), *extra],
                          cwd=ROOT, input=pin + "\n", capture_output=True, text=True, timeout=60)


def test_set_pin_writes_a_hash_and_keeps_settings(tmp_path):
    config = tmp_path / "kiosk.toml"
    config.write_text('idle_timeout = 45\nstart_page = "search"\n', encoding="utf-8")
    result = set_pin(config, GOOD_PIN)
    assert result.returncode == 0, result.stderr
    text = config.read_text(encoding="utf-8")
    assert GOOD_PIN not in text
    loaded = load_config(config)
    assert loaded.problems == () and loaded.idle_timeout == 45 and loaded.start_page == "search"
    assert verify_pin(GOOD_PIN, loaded.pin_hash) and not verify_pin("802417396", loaded.pin_hash)


def test_set_pin_keeps_comments_unknown_keys_and_layout(tmp_path):
    config = tmp_path / "kiosk.toml"
    original = ('# Service centre 3, second floor\n'
                'idle_timeout = 45   # staff asked for a short timeout\n'
                'pin_hash = "scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="\n'
                'future_setting = "kept"\n'
                '\n'
                '# pages shown to visitors\n'
                'pages = ["overview", "search"]\n')
    config.write_text(original, encoding="utf-8")
    assert set_pin(config, GOOD_PIN).returncode == 0
    text = config.read_text(encoding="utf-8")
    for kept in ("# Service centre 3, second floor", "# staff asked for a short timeout", 'future_setting = "kept"',
                 "# pages shown to visitors", 'pages = ["overview", "search"]'):
        assert kept in text
    assert text.count("pin_hash") == 1 and "AAAAAAAAAAAAAAAAAAAAAA==" not in text
    assert text.splitlines()[2].startswith("pin_hash = ")  # edited where it was, not appended
    assert verify_pin(GOOD_PIN, load_config(config).pin_hash)


def test_set_pin_refuses_a_file_it_cannot_parse(tmp_path):
    config = tmp_path / "kiosk.toml"
    broken = b'# hand-edited\nidle_timeout = 45\nstart_page = "search\n'
    config.write_bytes(broken)
    result = set_pin(config, GOOD_PIN)
    assert result.returncode == 1 and "nothing written" in result.stderr
    assert "Traceback" not in result.stderr
    assert config.read_bytes() == broken


def test_set_pin_refuses_a_config_nested_too_deeply(tmp_path):
    config = tmp_path / "kiosk.toml"
    deep = ("x = " + "[" * 100_000 + "]" * 100_000 + "\n").encode()
    config.write_bytes(deep[:60_000])  # under the size limit, still far too deep for any parser
    result = set_pin(config, GOOD_PIN)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert config.read_bytes() == deep[:60_000]


def test_new_config_is_readable_by_owner_and_group_only(tmp_path):
    config = tmp_path / "etc" / "kiosk.toml"
    result = set_pin(config, GOOD_PIN, "--group", str(os.getgid()))
    assert result.returncode == 0, result.stderr
    info = config.stat()
    assert stat.S_IMODE(info.st_mode) == 0o640 and info.st_gid == os.getgid()
    assert verify_pin(GOOD_PIN, load_config(config).pin_hash)


def test_existing_world_readable_config_becomes_private(tmp_path):
    config = tmp_path / "kiosk.toml"
    config.write_text("idle_timeout = 60\n", encoding="utf-8")
    config.chmod(0o644)
    assert set_pin(config, GOOD_PIN).returncode == 0
    assert stat.S_IMODE(config.stat().st_mode) == 0o640


def test_unknown_group_writes_nothing(tmp_path):
    config = tmp_path / "kiosk.toml"
    result = set_pin(config, GOOD_PIN, "--group", "no-such-group-here")
    assert result.returncode == 1 and "no group" in result.stderr
    assert not config.exists()


def test_bad_pin_writes_nothing(tmp_path):
    config = tmp_path / "kiosk.toml"
    result = set_pin(config, "12ab")
    assert result.returncode == 1 and f"{PIN_MIN_DIGITS} to 12 digits" in result.stderr
    assert not config.exists()


def test_short_pin_is_refused(tmp_path):
    """A PIN shorter than the measured minimum (SECURITY.md) is refused, even if it is all digits."""
    config = tmp_path / "kiosk.toml"
    result = set_pin(config, "4" * (PIN_MIN_DIGITS - 1))
    assert result.returncode == 1 and not config.exists()
    assert PIN_MIN_DIGITS >= 8


@pytest.mark.parametrize(("pin", "why"), [
    ("111111111", "repeats one digit"), ("000000000000", "repeats one digit"),
    ("123456789", "run in order"), ("987654321", "run in order"), ("890123456", "run in order"),
    ("246813579", "the example printed in the kiosk guide"),
])
def test_set_pin_refuses_the_pins_anyone_would_try_first(tmp_path, pin, why):
    """Admin pass of 5 December: 111111111, 123456789 and KIOSK.md's own example were accepted; an admin who
    copied the guide's line set a public PIN. Decided before running: each is refused with the reason, nothing
    is written; a PIN with a repeat or a short run inside it is not (GOOD_PIN, 112358132)."""
    config = tmp_path / "kiosk.toml"
    result = set_pin(config, pin)
    assert result.returncode == 1 and why in result.stderr and "nothing written" in result.stderr, result.stderr
    assert not config.exists()
    for fine in (GOOD_PIN, "112358132", "123456780"):
        assert set_pin(config, fine).returncode == 0


def test_set_pin_says_the_kiosk_reads_the_pin_at_its_next_start(tmp_path):
    result = set_pin(tmp_path / "kiosk.toml", GOOD_PIN)
    assert result.returncode == 0 and "systemctl restart dongli-kiosk.service" in result.stdout


def test_set_pin_without_a_terminal_or_stdin_says_how_to_give_the_pin(tmp_path):
    """Run from a script without --stdin and with nothing on standard input, it said "the PIN must be 9 to 12
    digits" (admin pass): there was no PIN at all, and no prompt to give one."""
    result = subprocess.run([sys.executable, "-m", "dongli_desktop", "kiosk", "set-pin", "--config",
                             str(tmp_path / "kiosk.toml")], cwd=ROOT, stdin=subprocess.DEVNULL, capture_output=True,
                            text=True, timeout=60, check=False)
    assert result.returncode == 1 and "not a terminal" in result.stderr and "--stdin" in result.stderr, result.stderr


def test_a_first_update_by_hand_before_the_service_ran_says_to_start_it_once(tmp_path, monkeypatch, capsys):
    """Admin pass of 5 December: KIOSK.md's "run it by hand as the updater" on a fresh install said only
    "Permission denied (/var/lib/dongli-content); nothing changed": the folder did not exist yet, since systemd
    makes it when dongli-content-update.service first runs. The message now says so and what to run."""
    from dongli_desktop.commands import build_command_parser
    from dongli_desktop.commands.content import content_command
    from dongli_desktop.core import content

    missing = tmp_path / "var-lib-dongli-content"
    monkeypatch.setattr(content, "system_base", lambda: missing)

    def refused(*_args, **_kwargs):
        raise PermissionError(13, "Permission denied", str(missing))

    monkeypatch.setattr(content, "update", refused)
    args = build_command_parser().parse_args(["content", "update", "--machine", "--from", str(tmp_path / "repo")])
    assert content_command(args) == 1
    said = capsys.readouterr().err
    assert "Permission denied" in said and "does not exist yet" in said
    assert "systemctl start dongli-content-update.service" in said
    missing.mkdir()  # once it exists, a refusal is only what it is
    assert content_command(args) == 1
    assert "does not exist yet" not in capsys.readouterr().err
