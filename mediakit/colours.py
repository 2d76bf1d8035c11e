"""Colours shared by the HTML views and the plots, so a speaker looks the same in both.

A bottom-layer module (it imports nothing of mediakit): views may use it, stages need not.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable

__all__ = ["KIND_COLOURS", "PALETTE", "TONE_COLOURS", "UNATTRIBUTED_COLOUR", "speaker_colours"]

#: Colours for speakers and labels (Tableau 10): stable by name, see :func:`speaker_colours`.
PALETTE: tuple[str, ...] = (
    "#4e79a7",
    "#f28e2b",
    "#e15759",
    "#76b7b2",
    "#59a14f",
    "#edc948",
    "#b07aa1",
    "#ff9da7",
    "#9c755f",
    "#bab0ac",
)
UNATTRIBUTED_COLOUR = "#8c8c8c"
#: Colour per mention kind.
KIND_COLOURS: dict[str, str] = {
    "person": "#1f77b4",
    "place": "#2ca02c",
    "organisation": "#d62728",
}
#: Colour per tone sign.
TONE_COLOURS: dict[str, str] = {"-": "#c0392b", "0": "#7f8c8d", "+": "#1e8449"}


def speaker_colours(names: Iterable[str], *, grey: Iterable[str] = ("",)) -> dict[str, str]:
    """A colour per name: stable by name, distinct within one view while the palette lasts.

    Each name hashes to a preferred colour; names are placed in sorted order and a name whose
    colour is taken moves to the next free one. Names in ``grey`` (the empty name, i.e.
    unattributed) are grey.

    >>> colours = speaker_colours(["Ana Veld", "Boris Tamm", ""])
    >>> colours[""]
    '#8c8c8c'
    >>> colours["Ana Veld"] != colours["Boris Tamm"]
    True
    >>> speaker_colours(["Ana Veld"])["Ana Veld"] == speaker_colours(["Ana Veld", "Zed"])["Ana Veld"]
    True
    """
    greys = set(grey)
    out: dict[str, str] = {}
    used: set[int] = set()
    for name in sorted({str(n) for n in names}):
        if name in greys:
            out[name] = UNATTRIBUTED_COLOUR
            continue
        slot = zlib.crc32(name.encode("utf-8")) % len(PALETTE)
        if len(used) < len(PALETTE):
            while slot in used:
                slot = (slot + 1) % len(PALETTE)
        used.add(slot)
        out[name] = PALETTE[slot]
    return out
