"""The floor: a bare PySide6 window with one label; prints the time of its first paint and RSS."""

import json
import sys
import time

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow


def rss() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        fields = dict(line.split(":", 1) for line in status)
    return float(fields["VmRSS"].split()[0]) / 1024


class Probe(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            t = time.time()
            print("dongli-timing " + json.dumps({"first_frame": t, "ready": t, "rss_ready": rss()}), flush=True)
            QApplication.instance().exit(0)
        return False


app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setCentralWidget(QLabel("东丽区"))
probe = Probe()
app.installEventFilter(probe)  # the first paint of any widget
window.resize(1280, 800)
window.show()
app.exec()
