"""The About box's content status in a kiosk reads only the machine's folder, never the kiosk user's own
content folder (where a planted 511 MB file made About use 1.1 GB)."""

from __future__ import annotations

from pathlib import Path

from dongli_desktop.core import content


def _recording(monkeypatch) -> list[Path]:
    read: list[Path] = []
    original = content._choose_in

    def spy(folder: Path, trust_dir, notes):
        read.append(folder)
        return original(folder, trust_dir, notes)

    monkeypatch.setattr(content, "_choose_in", spy)
    return read


def _plant(monkeypatch, tmp_path: Path) -> Path:
    monkeypatch.setattr(content, "system_content_dir", lambda: tmp_path / "no-system-folder")
    planted = content.content_dir() / content.CURRENT
    planted.parent.mkdir(parents=True, exist_ok=True)
    planted.write_bytes(b"\0" * 4096)  # stands in for the planted huge file
    return planted


def test_kiosk_status_never_reads_the_users_content_folder(monkeypatch, tmp_path: Path):
    _plant(monkeypatch, tmp_path)
    read = _recording(monkeypatch)
    status = content.content_status(kiosk=True)
    assert content.content_dir() not in read and status.source == "bundled"


def test_desktop_status_still_reads_the_users_content_folder(monkeypatch, tmp_path: Path):
    _plant(monkeypatch, tmp_path)
    read = _recording(monkeypatch)
    content.content_status()
    assert content.content_dir() in read


def test_the_kiosk_about_box_asks_for_the_kiosk_status(qtbot, monkeypatch, tmp_path: Path):
    from dongli_desktop.core.paths import bundled_database
    from dongli_desktop.core.repository import Report
    from dongli_desktop.ui.dialogs import AboutDialog

    _plant(monkeypatch, tmp_path)
    read = _recording(monkeypatch)
    report = Report.open(bundled_database())
    try:
        dialog = AboutDialog(report.document, kiosk=True)
        qtbot.addWidget(dialog)
        text = dialog.content_status_text()  # what a staff refresh of the status would read
    finally:
        report.close()
    assert content.content_dir() not in read and "随程序安装的版本" in text
