"""The wrapping flow layout remembers its height for a width (the first layout asks for the same widths
hundreds of times) and forgets it when an item changes: never a stale height that cuts text off."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton

from dongli_desktop.ui.widgets.flow import FlowWidget


def test_a_changed_or_added_item_is_measured_again(qtbot):
    flow = FlowWidget(spacing=10)
    qtbot.addWidget(flow)
    first = QPushButton("教育")
    flow.add(first)
    flow.show()
    one_line = flow.heightForWidth(400)
    assert flow.heightForWidth(400) == one_line  # the remembered height
    first.setText("民生实事：教育、养老、就业、医疗" * 3)  # wider than the flow: it goes on a line of its own
    second = QPushButton("养老")
    flow.add(second)
    second.show()  # added after the flow was shown
    assert flow.heightForWidth(400) > one_line
    taller = flow.heightForWidth(400)
    second.hide()  # a hidden item takes no room
    assert flow.heightForWidth(400) < taller


def test_a_wrapped_label_grows_the_flow_when_its_text_grows(qtbot):
    flow = FlowWidget()
    qtbot.addWidget(flow)
    label = QLabel("东丽区")
    label.setWordWrap(True)
    flow.add(label)
    flow.show()
    short = flow.heightForWidth(200)
    label.setText("东丽区" * 40)
    assert flow.heightForWidth(200) > short
