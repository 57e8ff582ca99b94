"""The chart floor: PySide6 plus pyqtgraph showing one bar chart; first paint time and RSS."""

import json
import os
import sys
import time

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow


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
plot = pg.PlotWidget()
plot.addItem(pg.BarGraphItem(x=[1, 2, 3, 4], height=[4, 2.4, 25, 7.1], width=0.6))
window.setCentralWidget(plot)
probe = Probe()
app.installEventFilter(probe)  # the first paint of any widget
window.resize(1280, 800)
window.show()
app.exec()
