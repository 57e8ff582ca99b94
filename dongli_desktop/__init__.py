"""东丽区2020年政府工作报告: an offline citizen guide (PySide6)."""

__version__ = "0.1.0"
