"""PyInstaller entry script: the frozen app starts exactly like ``python -m dongli_desktop``.

On Linux, before Qt (and so fontconfig) loads: a system without /etc/fonts/fonts.conf (a minimal Debian
has no fontconfig-config) gets the bundle's own fonts.conf, so fontconfig finds a configuration and prints
no "Fontconfig error" on every start. A system configuration, or a FONTCONFIG_FILE already set, wins.
"""

import os
import sys
from pathlib import Path

SYSTEM_FONTS_CONF = Path("/etc/fonts/fonts.conf")


def use_bundled_fontconfig(bundle: Path, system_conf: Path = SYSTEM_FONTS_CONF) -> None:
    """Point FONTCONFIG_FILE at the bundle's fonts.conf when the system has none and none is set."""
    bundled = bundle / "fontconfig" / "fonts.conf"
    if sys.platform.startswith("linux") and "FONTCONFIG_FILE" not in os.environ and not system_conf.exists() \
            and bundled.is_file():
        os.environ["FONTCONFIG_FILE"] = str(bundled)


if __name__ == "__main__":
    use_bundled_fontconfig(Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parent)))
    from dongli_desktop.__main__ import main

    sys.exit(main())
