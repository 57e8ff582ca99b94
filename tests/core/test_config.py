"""Kiosk config errors of any kind (depth, size, encoding, file type, value types) give safe, locked defaults."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from dongli_desktop.core.config import MAX_CONFIG_BYTES, KioskConfig, load_config
from dongli_desktop.core.pin import hash_pin
from tests.conftest import ROOT

PIN_LINE = f'pin_hash = "{hash_pin("24681357")}"\n'


def write(tmp_path, data: bytes):
    path = tmp_path / "kiosk.toml"
    path.write_bytes(data)
    return path


def assert_safe_defaults(config: KioskConfig) -> None:
    assert config.pin_hash is None  # still locked: no admin exit
    assert (config.idle_timeout, config.start_page, config.pages) == (120, "overview", KioskConfig.pages)
    assert config.problems and "safe defaults" in config.problems[0]


@pytest.mark.parametrize("depth", [1_000, 100_000])
def test_deeply_nested_config_gives_safe_defaults(tmp_path, depth):
    data = (PIN_LINE + "x = " + "[" * depth + "]" * depth + "\n").encode()
    assert_safe_defaults(load_config(write(tmp_path, data[:MAX_CONFIG_BYTES])))


def test_deeply_nested_tables_give_safe_defaults(tmp_path):
    data = PIN_LINE + "y = " + "{a = " * 5_000 + "1" + "}" * 5_000 + "\n"
    assert_safe_defaults(load_config(write(tmp_path, data.encode())))


def test_oversized_config_gives_safe_defaults(tmp_path):
    data = PIN_LINE.encode() + b"# padding\n" * (MAX_CONFIG_BYTES // 10 + 1)
    config = load_config(write(tmp_path, data))
    assert_safe_defaults(config)
    assert "larger than" in config.problems[0]


@pytest.mark.parametrize("data", ["start_page = '首页'\n".encode("gbk"), b"\xef\xbb\xbf\xff" + PIN_LINE.encode(),
                                  "idle_timeout = 60\n".encode("utf-16")])
def test_wrong_encoding_gives_safe_defaults(tmp_path, data):
    assert_safe_defaults(load_config(write(tmp_path, data)))


def test_a_folder_in_place_of_the_file_gives_safe_defaults(tmp_path):
    path = tmp_path / "kiosk.toml"
    path.mkdir()
    assert_safe_defaults(load_config(path))


def test_a_fifo_is_not_read(tmp_path):
    """A named pipe would block the kiosk's start for ever; it is refused without reading."""
    path = tmp_path / "kiosk.toml"
    os.mkfifo(path)
    code = "import sys; from pathlib import Path; from dongli_desktop.core.config import load_config; " \
           "print(load_config(Path(sys.argv[1])).problems)"
    result = subprocess.run(check=False, args=[sys.executable, "-c", code, str(path)], cwd=ROOT, capture_output=True,
                            text=True, timeout=5)
    assert "safe defaults" in result.stdout


@pytest.mark.parametrize("text", ["font_scale = nan", "font_scale = inf", "idle_timeout = 99999999999999999999",
                                  "pages = [[['overview']]]", "start_page = {a = 1}", "large_mode = 1",
                                  "attract = []", "pin_hash = 12", "[pin_hash]\nx = 1", "pages = 'overview'",
                                  "warning_seconds = 30.5", "idle_timeout = 1979-05-27"])
def test_wrong_types_give_the_default_for_that_value(tmp_path, text):
    config = load_config(write(tmp_path, text.encode()))
    assert config.problems
    key = text.split("=")[0].strip(" [").split("]")[0]
    assert getattr(config, key) == getattr(KioskConfig(), key)


def test_symlink_to_nowhere_gives_safe_defaults(tmp_path):
    path = tmp_path / "kiosk.toml"
    path.symlink_to(tmp_path / "gone.toml")
    assert_safe_defaults(load_config(path))


def test_kiosk_with_a_deep_config_starts_locked(tmp_path):
    """The whole app: the kiosk starts (exit 0 when ready) instead of dying with RecursionError."""
    config = write(tmp_path, (PIN_LINE + "x = " + "[" * 100_000 + "\n").encode()[:MAX_CONFIG_BYTES])
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(tmp_path / "data"))
    result = subprocess.run(check=False, args=[sys.executable, "-m", "tools.run_app", "--tts-engine", "mock",
                                               "--kiosk", "--kiosk-config",
                                               str(config), "--quit-when-ready", "--size", "1024x768",
                                               "--settings", str(tmp_path / "s.ini")],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    log = (tmp_path / "data" / "dongli-desktop" / "logs" / "dongli-desktop.log").read_text(encoding="utf-8")
    assert "nested too deeply" in log and "admin exit disabled" in log


@pytest.mark.parametrize(("text", "start", "problem"), [
    ("start_page = 'search'\npages = ['overview', 'glossary']\n", "overview",
     "start_page search is not among pages; using overview"),
    ("start_page = 'tracker'\npages = ['glossary', 'search']\n", "glossary",
     "start_page tracker is not among pages; using glossary"),
    ("pages = ['search', 'glossary']\n", "glossary", None),  # the default start page is not shown
    ("start_page = 'desktop'\npages = ['search', 'glossary']\n", "glossary", "start_page must be one of"),
    ("start_page = 'search'\npages = ['glossary', 'search']\n", "search", None),
    ("start_page = 'desktop'\n", "overview", "start_page must be one of"),
])
def test_the_start_page_is_always_one_of_the_pages(tmp_path, text, start, problem):
    """A start page that is unknown or not shown is replaced by the first page shown, and the file is told of."""
    config = load_config(write(tmp_path, text.encode()))
    assert config.start_page == start and config.start_page in config.pages
    if problem is None:
        assert config.problems == ()
    else:
        assert any(problem in p for p in config.problems), config.problems


def test_every_setting_has_a_check():
    """A new field of KioskConfig must get a check, else a file setting it is told the setting is unknown."""
    from dataclasses import fields

    from dongli_desktop.core.config import CHECKS

    assert set(CHECKS) == {f.name for f in fields(KioskConfig)} - {"source", "problems"}


EXAMPLE = ROOT / "resources" / "kiosk" / "kiosk.example.toml"


def test_the_example_file_states_the_defaults_and_ranges(tmp_path):
    """resources/kiosk/kiosk.example.toml shows staff the defaults and the allowed ranges: they hold."""
    import re

    from dongli_desktop.core.config import SCALES

    text = EXAMPLE.read_text(encoding="utf-8")
    config, defaults = load_config(EXAMPLE), KioskConfig()
    assert config.problems == ()
    for key in ("idle_timeout", "warning_seconds", "start_page", "attract", "font_scale", "pages"):
        assert getattr(config, key) == getattr(defaults, key), key  # pages: a copied example hid the tracker
    listed = re.search(r"^start_page = .*# (.*)$", text, re.MULTILINE)
    assert listed and tuple(listed.group(1).split(", ")) == defaults.pages
    scales = re.search(r"^font_scale = .*# (.*)$", text, re.MULTILINE)
    assert scales and tuple(float(s) for s in re.split(r", | or ", scales.group(1))) == SCALES
    for key in ("idle_timeout", "warning_seconds"):
        found = re.search(rf"^{key} = .*\((\d+)-(\d+)\)$", text, re.MULTILINE)
        assert found, key
        low, high = map(int, found.groups())
        for value, allowed in ((low, True), (low - 1, False), (high, True), (high + 1, False)):
            got = load_config(write(tmp_path, f"{key} = {value}\n".encode()))
            assert (getattr(got, key) == value, not got.problems) == (allowed, allowed), (key, value)


def test_a_file_of_defaults_dumps_to_nothing(tmp_path):
    """Values read back equal to the defaults (new objects, not the same ones) are not written out."""
    from dongli_desktop.core.config import dump_config

    text = "".join(line for line in EXAMPLE.read_text(encoding="utf-8").splitlines(keepends=True)
                   if not line.startswith("pages"))
    config = load_config(write(tmp_path, (text + "pages = " + repr(list(KioskConfig.pages)) + "\n").encode()))
    assert config.problems == ()
    assert dump_config(config) == dump_config(KioskConfig())
    assert dump_config(KioskConfig()).count("\n") == 1


def test_a_file_of_exactly_64_kb_is_read_whole_and_one_byte_more_is_refused(tmp_path):
    tail = b"idle_timeout = 60\n"
    padding = b"#" * 99 + b"\n"
    body = padding * ((64 * 1024 - len(tail)) // len(padding))
    exact = b"#" * (64 * 1024 - len(body) - len(tail) - 1) + b"\n" + body + tail
    assert len(exact) == 64 * 1024
    config = load_config(write(tmp_path, exact))
    assert (config.idle_timeout, config.problems) == (60, ())
    config = load_config(write(tmp_path, b"#" + exact))
    assert_safe_defaults(config)
    assert "larger than 64 KB" in config.problems[0]


def test_the_system_file_is_the_documented_one(monkeypatch, tmp_path):
    from pathlib import Path

    from dongli_desktop.core.config import system_config_path

    monkeypatch.setattr(sys, "platform", "linux")
    assert system_config_path() == Path("/etc/dongli-desktop/kiosk.toml")
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("PROGRAMDATA", str(tmp_path))
    assert system_config_path() == tmp_path / "dongli-desktop" / "kiosk.toml"


def test_every_setting_round_trips_through_dump(tmp_path):
    import tomllib

    from dongli_desktop.core.config import dump_config

    config = KioskConfig(idle_timeout=90, warning_seconds=25, start_page="search", attract=False, font_scale=1.25,
                         pages=("overview", "search"), pin_hash=hash_pin("13579"), large_mode=True)
    loaded = load_config(write(tmp_path, dump_config(config).encode()))
    assert loaded.problems == ()
    assert loaded == KioskConfig(**{**config.__dict__, "source": loaded.source})
    odd = KioskConfig(start_page='a "quoted" \\ page')
    assert tomllib.loads(dump_config(odd))["start_page"] == odd.start_page


@pytest.mark.parametrize(("data", "needle"), [
    ("start_page = '首页'\n".encode("gbk"), "is not UTF-8 text (invalid continuation byte at byte 14)"),
    (("x = " + "[" * 100_000 + "]" * 100_000 + "\n").encode()[:MAX_CONFIG_BYTES], "nested too deeply"),
    (b"[[", "cannot read"),
])
def test_the_log_says_why_a_file_was_not_used(tmp_path, data, needle):
    config = load_config(write(tmp_path, data))
    assert_safe_defaults(config)
    assert needle in config.problems[0], config.problems


@pytest.mark.parametrize("error", [ValueError, TypeError, MemoryError])
def test_any_parser_failure_is_named(tmp_path, monkeypatch, error):
    """tomllib documents only TOMLDecodeError; any other failure of it still gives a message and defaults."""
    import tomllib

    def broken(text: str) -> dict[str, object]:
        raise error("boom")

    monkeypatch.setattr(tomllib, "loads", broken)
    config = load_config(write(tmp_path, b"idle_timeout = 60\n"))
    assert_safe_defaults(config)
    assert f"cannot read {tmp_path / 'kiosk.toml'}: {error.__name__}" in config.problems[0]


def test_an_unexpected_failure_still_gives_the_locked_defaults(tmp_path, monkeypatch):
    from dongli_desktop.core import config as config_module

    def broken(raw: object) -> object:
        raise RuntimeError("boom")

    monkeypatch.setattr(config_module, "_check", broken)
    config = load_config(write(tmp_path, b"idle_timeout = 60\n"))
    assert_safe_defaults(config)
    assert "RuntimeError" in config.problems[0]


def test_a_missing_file_is_a_problem_only_when_named(tmp_path, monkeypatch):
    from dongli_desktop.core import config as config_module

    named = load_config(tmp_path / "gone.toml")
    assert_safe_defaults(named)
    assert f"config file {tmp_path / 'gone.toml'} does not exist" in named.problems[0]
    monkeypatch.setattr(config_module, "system_config_path", lambda: tmp_path / "none.toml")
    assert load_config(None) == KioskConfig()
    (tmp_path / "none.toml").write_text("idle_timeout = 60\n", encoding="utf-8")
    system = load_config(None)
    assert (system.idle_timeout, system.source, system.problems) == (60, str(tmp_path / "none.toml"), ())


@pytest.mark.parametrize("pages", ["[]", "'overview'", "['overview', 7]", "[['overview']]", "{overview = 1}"])
def test_pages_must_be_a_non_empty_list_of_page_names(tmp_path, pages):
    config = load_config(write(tmp_path, f"idle_timeout = 60\npages = {pages}\n".encode()))
    assert config.pages == KioskConfig.pages and config.idle_timeout == 60  # the rest of the file is kept
    assert len(config.problems) == 1 and config.problems[0].startswith("pages must be a non-empty list"), config


def test_an_empty_file_gives_every_default(tmp_path):
    """大字模式 is switched on only by ``large_mode = true`` (README); everything else keeps its safe default."""
    config = load_config(write(tmp_path, b""))
    assert config == KioskConfig(source=str(tmp_path / "kiosk.toml"))
    assert config.large_mode is False and config.attract is True and config.pin_hash is None
    assert load_config(write(tmp_path, b"large_mode = true\n")).large_mode is True


def test_a_file_that_cannot_be_opened_is_named_in_the_message(tmp_path):
    path = tmp_path / "kiosk.toml"
    path.symlink_to(tmp_path / "gone.toml")
    config = load_config(path)
    assert_safe_defaults(config)
    assert config.problems[0].startswith(f"cannot read {path}: No such file or directory"), config.problems


def test_true_is_no_font_scale_and_an_unknown_setting_stops_nothing(tmp_path):
    config = load_config(write(tmp_path, b"unlocked = true\nfont_scale = true\nidle_timeout = 60\n"))
    assert (config.font_scale, config.idle_timeout) == (KioskConfig.font_scale, 60)
    assert [p.split(" ")[0] for p in config.problems] == ["unknown", "font_scale"], config.problems


def test_a_loaded_config_cannot_be_changed_by_accident():
    from dataclasses import FrozenInstanceError

    with pytest.raises(FrozenInstanceError):
        KioskConfig().pin_hash = "x"  # type: ignore[misc]
