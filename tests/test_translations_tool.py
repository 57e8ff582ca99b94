"""The translation files and tools/translations.py: every translation is reachable at run time and keeps its
placeholders; the tool names strings lupdate cannot attribute to a context (they would never be translated)."""

from __future__ import annotations

import importlib.util
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from tests.conftest import ROOT

TS = ROOT / "resources" / "translations" / "dongli_en.ts"


def load_tool():
    spec = importlib.util.spec_from_file_location("translations_tool", ROOT / "tools" / "translations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def write_ts(path: Path, contexts: dict[str, list[tuple[str, int]]]) -> Path:
    body = []
    for name, messages in contexts.items():
        body.append(f"<context>\n    <name>{name}</name>")
        for source, line in messages:
            body.append(f'    <message>\n        <location filename="../../dongli_desktop/ui/x.py" line="{line}"/>\n'
                        f"        <source>{source}</source>\n        <translation>t</translation>\n    </message>")
        body.append("</context>")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="en">\n'
                    + "\n".join(body) + "\n</TS>\n", encoding="utf-8")
    return path


def test_messages_without_a_context_are_named_with_their_place(tmp_path):
    ts = write_ts(tmp_path / "x.ts", {"MainWindow": [("首页", 10)], "": [("{year}年实际", 21), ("{year}年", 38)]})
    assert load_tool().without_context(ts) == ["dongli_desktop/ui/x.py:21 {year}年实际",
                                               "dongli_desktop/ui/x.py:38 {year}年"]


def test_messages_all_in_named_contexts_give_nothing(tmp_path):
    ts = write_ts(tmp_path / "x.ts", {"MainWindow": [("首页", 10)], "Years": [("{year}年", 38)]})
    assert load_tool().without_context(ts) == []


def test_every_shipped_translation_is_reachable_at_run_time():
    """A message under no context is looked up under its wrapper's context at run time and never found."""
    assert load_tool().without_context(TS) == []


def test_every_translation_keeps_the_placeholders_of_its_source():
    """A lost or misspelt {placeholder} would show the wrong words, or raise KeyError in str.format."""
    placeholder = re.compile(r"\{\w*\}")
    wrong = []
    for message in ET.parse(TS).getroot().iter("message"):
        source, text = message.findtext("source") or "", message.findtext("translation") or ""
        if sorted(placeholder.findall(source)) != sorted(placeholder.findall(text)):
            wrong.append((source, text))
    assert wrong == []


def test_pending_translations_fill_only_unfinished_messages_of_their_context(tmp_path):
    ts = tmp_path / "x.ts"
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="en">\n'
                  "<context><name>A</name>\n"
                  '<message><source>首页</source><translation type="unfinished"></translation></message>\n'
                  '<message><source>关于</source><translation>About (kept)</translation></message>\n'
                  "</context>\n<context><name>B</name>\n"
                  '<message><source>首页</source><translation type="unfinished"></translation></message>\n'
                  "</context>\n</TS>\n", encoding="utf-8")
    filled = load_tool().fill(ts, {("A", "首页"): "Home", ("A", "关于"): "About (new)"})
    assert filled == 1
    root = ET.parse(ts).getroot()
    found = {(c.findtext("name"), m.findtext("source")): m.find("translation")
             for c in root.iter("context") for m in c.iter("message")}
    assert found[("A", "首页")].text == "Home" and "type" not in found[("A", "首页")].attrib
    assert found[("A", "关于")].text == "About (kept)"
    assert found[("B", "首页")].get("type") == "unfinished"
