"""Issue 20 item 10: the chart series shown together stay apart for colour-blind readers, in both themes.

Each colour is passed through the Machado, Oliveira and Fernandes (2009) simulation of protanopia,
deuteranopia and tritanopia at full severity (colour-science's ``matrix_cvd_Machado2009``, on linear sRGB),
then compared in CIELAB with CIEDE2000. colour-science is the well-kept reference implementation of both
(the older daltonlens has had no release since 2021); it needs numpy only, which the app has already.
"""

from __future__ import annotations

import itertools
import warnings

import numpy as np
import pytest

from dongli_desktop.ui import theme

with warnings.catch_warnings():  # colour-science tells at import which optional packages (SciPy …) it lacks
    warnings.simplefilter("ignore")
    import colour

MIN_DELTA_E = 20.0  # CIEDE2000: 20 is a difference of colour name, far above "just noticeable" (≈ 2)
VISIONS = ("normal", "Protanomaly", "Deuteranomaly", "Tritanomaly")
THEMES = list(theme.THEMES.values())


def lab(hex_colour: str, vision: str) -> np.ndarray:
    """The CIELAB colour a reader with ``vision`` (full severity) sees for an sRGB ``#rrggbb``."""
    rgb = colour.models.eotf_sRGB(np.array([int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]))
    if vision != "normal":
        with warnings.catch_warnings():  # its note on how tritanomaly is modelled
            warnings.simplefilter("ignore")
            rgb = np.clip(colour.blindness.matrix_cvd_Machado2009(vision, 1.0) @ rgb, 0, 1)
    xyz = colour.RGB_to_XYZ(rgb, colour.RGB_COLOURSPACES["sRGB"], apply_cctf_decoding=False)
    return colour.XYZ_to_Lab(xyz)


def delta_e(first: str, second: str, vision: str) -> float:
    return float(colour.delta_E(lab(first, vision), lab(second, vision), method="CIE 2000"))


@pytest.mark.parametrize("vision", VISIONS)
@pytest.mark.parametrize("colours", THEMES, ids=[t.name for t in THEMES])
def test_series_shown_together_stay_apart(colours, vision):
    """Seen: green (done) vs brown (planned) in 民生实事 was a poor pair (ΔE 8 for deuteranopia), and in
    高对比度 the two became nearly the same dark tone (ΔE 2)."""
    close = []
    for group in theme.SERIES_TOGETHER:
        for first, second in itertools.combinations(group, 2):
            distance = delta_e(colours[first], colours[second], vision)
            if distance < MIN_DELTA_E:
                close.append((first, second, round(distance, 1)))
    assert close == []


def test_the_simulation_tells_a_known_confusion_pair():
    """The check can fail: pure red and green, far apart for normal vision, merge for a deuteranope."""
    assert delta_e("#ff0000", "#00ff00", "normal") > 60
    assert delta_e("#d62728", "#2ca02c", "Deuteranomaly") < 15
