"""The promise tracker and the edition picker as a person uses them: a real X session with openbox.

The page and the picker are not wired into the main window yet, so this module is also the small program
the session runs (``python -m tests.session.test_tracker_session DB... --size WxH [--large]``): a window
with the bundled font and the app's stylesheet, the picker above the page, picking an edition shows it on
the page; every ``sourceRequested`` and ``editionChosen`` is printed as one JSON line for the test to read.
The test finds controls by accessible name (AT-SPI), clicks them with xdotool, checks what the page shows,
that the numbers lead to their exact words, and that controls are finger-sized; screenshots are saved in
the test's temporary folder (``--basetemp`` keeps them).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from dongli_desktop.core.repository import Report
from tests.conftest import SHIPPED_DB
from tests.session.harness import (
    APP_PYTHON,
    ROOT,
    AppProcess,
    Control,
    XSession,
    wait_until,
)

pytestmark = pytest.mark.screenshot

TARGET_LINK = "净增国家高新技术企业，2020年目标102家，查看原文"
RESULT_LINK = "净增国家高新技术企业，2021年报告的结果96家，查看原文"
ONE_EDITION = ("现在还不能判断示例区2021年政府工作报告定下的目标是否达到：2021年的目标，要等回顾2021年的报告"
               "（通常是示例区2022年的政府工作报告）收进本程序后才能判断；更晚年份的目标，要等回顾那一年的报告。")
GDP_ANSWER = "目标是4.5%，东丽区2021年政府工作报告写的结果是3.6%。没有达到目标。"


def run_window(argv: list[str]) -> int:
    """The program the session runs: picker + tracker page on the given editions (and the bundled one)."""
    from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

    from dongli_desktop.core.editions import list_editions
    from dongli_desktop.ui import speech, theme
    from dongli_desktop.ui.pages.tracker import TrackerPage
    from dongli_desktop.ui.style import app_font, load_fonts, stylesheet
    from dongli_desktop.ui.widgets.edition_picker import EditionPicker

    parser = argparse.ArgumentParser()
    parser.add_argument("db", nargs="*", type=Path)
    parser.add_argument("--size", default="1280x800")
    parser.add_argument("--large", action="store_true")
    args = parser.parse_args(argv)
    speech.PREFERRED_ENGINES = ("mock",)  # Qt's silent engine
    app = QApplication([sys.argv[0]])
    app.setFont(app_font(load_fonts(), 1.0, args.large))
    app.setStyleSheet(stylesheet(1.0, large=args.large, colours=theme.use("normal")))
    catalogue = list_editions(args.db, bundled=SHIPPED_DB)
    window = QWidget()
    window.setWindowTitle("tracker")
    picker = EditionPicker(catalogue, simple=args.large)
    page = TrackerPage(catalogue, simple=args.large)
    layout = QVBoxLayout(window)
    layout.addWidget(picker)
    layout.addWidget(page, 1)

    def say(**fields: object) -> None:
        print(json.dumps(fields, ensure_ascii=False, default=str), flush=True)

    def chosen(edition) -> None:
        page.show_edition(edition)
        say(event="edition", district=edition.document.district, year=edition.document.year)

    picker.editionChosen.connect(chosen)
    page.sourceRequested.connect(lambda s: say(event="source", side=s.side, path=str(s.path),
                                               paragraph_id=s.ref.paragraph_id, glossary_id=s.ref.glossary_id,
                                               spans=s.ref.spans))
    width, height = (int(v) for v in args.size.split("x"))
    window.resize(width, height)
    window.show()
    say(event="ready")
    return app.exec()


def start_window(session: XSession, *args: str) -> AppProcess:
    folder = session.folder / "tracker"
    (folder / "data").mkdir(parents=True, exist_ok=True)
    env = dict(session.env, QT_QPA_PLATFORM="xcb", XDG_DATA_HOME=str(folder / "data"),
               QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1", QT_ACCESSIBILITY="1")
    log = folder / "app.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen([str(APP_PYTHON), "-m", "tests.session.test_tracker_session", *args], cwd=ROOT,
                                env=env, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                start_new_session=True)
    app = AppProcess(session, proc, log)
    session.apps.append(app)  # ended by the session's close()
    return app


def events(app: AppProcess, kind: str) -> list[dict]:
    found = []
    for line in app.output().splitlines():
        if line.startswith("{"):
            data = json.loads(line)
            if data.get("event") == kind:
                found.append(data)
    return found


def quoted(event: dict) -> str:
    report = Report.open(Path(event["path"]))
    try:
        (start, end), = event["spans"]
        return report.paragraph(event["paragraph_id"]).text[start:end]
    finally:
        report.close()


def showing(session: XSession, app: AppProcess, *names: str) -> set[str]:
    """Which of ``names`` are showing controls of ``app`` (exact accessible names)."""
    return {name for name, found in session.controls(app, *names).items() if found}


def scroll_to(session: XSession, app: AppProcess, name: str) -> Control:
    """The control called ``name``, after turning the mouse wheel over the page until it is on the screen."""
    return session.scroll_into_view(session.named(app, name), f"a control named {name!r}")


@pytest.mark.parametrize(("width", "height", "large"), [(1280, 800, False), (1920, 1080, False), (1280, 800, True)])
def test_tracker_and_edition_switch(make_session, tmp_path, dongli_2021_db, three_parts_db, width, height, large):
    session = make_session(width, height)
    app = start_window(session, str(dongli_2021_db), str(three_parts_db), "--size", f"{width}x{height}",
                       *(["--large"] if large else []))
    wid = app.wait_window()
    session.maximize(wid)
    wait_until(lambda: session.geometry(wid) is not None and session.geometry(wid).w >= width - 20, 10, 0.1,
               "the maximised window")
    touch = 60 if large else 44
    suffix = f"{width}x{height}{'-large' if large else ''}"

    # The newest edition held is another district's only one: the page says what can be judged, and when.
    session.control(app, ONE_EDITION, role="label", timeout=20)
    session.screenshot(tmp_path / f"tracker-one-edition-{suffix}.png")

    # Switch to 东丽区's 2021 edition in the picker: its results are set against the 2020 targets.
    # ("latest" marks only the newest of one district's editions: 示例区's only one is not marked)
    picker = session.control(app, "示例区2021年政府工作报告", role="combo box")
    assert picker.h >= touch, picker
    session.click(*picker.center)
    item = session.control(app, "东丽区2021年政府工作报告（最新）", role="list item")
    assert item.h >= touch, item
    session.screenshot(tmp_path / f"picker-open-{suffix}.png")
    session.click(*item.center)
    wait_until(lambda: events(app, "edition"), 10, 0.1, "the edition switch")
    assert events(app, "edition")[-1] == {"event": "edition", "district": "东丽区", "year": 2021}
    chip = session.control(app, "未达到 4")
    assert chip.h >= touch, chip
    # Was the 2020 GDP target met? The row says so in one sentence, with both numbers as the reports write them.
    answer = scroll_to(session, app, GDP_ANSWER)
    assert session.screen.contains(answer), answer
    session.screenshot(tmp_path / f"tracker-{suffix}.png")

    # Only the targets that were not met, then both numbers of one of them lead to their exact words.
    met = "国家高新技术企业总数 · 2020年目标：已达到"  # the 2021 target's card has the same measure
    not_met = ("地区生产总值增长：未达到", "净增国家高新技术企业：未达到")
    assert showing(session, app, met, *not_met) == {met, *not_met}
    session.click(*chip.center)
    wait_until(lambda: showing(session, app, met, *not_met) == set(not_met), 10, 0.3, "only the rows not met")
    link = scroll_to(session, app, TARGET_LINK)
    assert link.h >= touch, link
    session.screenshot(tmp_path / f"tracker-not-met-{suffix}.png")
    session.click(*link.center)
    target = wait_until(lambda: events(app, "source"), 10, 0.1, "the target link's signal")[0]  # type: ignore[index]
    assert (target["side"], Path(target["path"])) == ("target", SHIPPED_DB)
    assert quoted(target) == "净增国家高新技术企业102家"
    session.click(*scroll_to(session, app, RESULT_LINK).center)
    result = wait_until(lambda: events(app, "source")[1:], 10, 0.1, "the result link's signal")[0]  # type: ignore[index]
    assert (result["side"], Path(result["path"])) == ("result", dongli_2021_db)
    assert quoted(result) == "净增国家高新技术企业96家"

    # The rule, in plain words, one touch away.
    assert "判断规则" not in showing(session, app, "判断规则")
    session.click(*scroll_to(session, app, "怎样算达到？").center)
    wait_until(lambda: showing(session, app, "判断规则"), 10, 0.3, "the rule")
    session.screenshot(tmp_path / f"tracker-rule-{suffix}.png")
    assert app.proc.poll() is None and "Traceback" not in app.output(), app.output()[-2000:]


def test_the_app_answers_whether_the_gdp_target_was_met(make_session, tmp_path, dongli_2021_db):
    """The whole app, as a resident starts it with the fictional 2021 edition installed: from the navigation
    to the tracker, where the 2020 GDP target's row says in words that it was not met, and why."""
    extra = tmp_path / "editions"
    extra.mkdir()
    shutil.copy(dongli_2021_db, extra / "dongli_2021.db")
    session = make_session(1280, 800)
    app = session.start_app("--db", str(SHIPPED_DB), "--editions", str(extra), "--size", "1240x720")
    wid = app.wait_window()
    session.maximize(wid)
    wait_until(lambda: "东丽区2021年政府工作报告" in session.title(wid), 20, 0.2, "the newest edition's title")
    session.click_control(app, "目标完成情况")
    row = session.control(app, "地区生产总值增长：未达到", timeout=30)
    answer = scroll_to(session, app, GDP_ANSWER)
    assert session.screen.contains(answer) and row.y <= answer.y <= row.y + row.h, (row, answer)
    session.screenshot(tmp_path / "app-tracker-gdp.png")
    assert app.proc.poll() is None and "Traceback" not in app.output(), app.output()[-2000:]


if __name__ == "__main__":
    sys.exit(run_window(sys.argv[1:]))
