"""One colour language for the HTML views, the tables and the plots.

* **Tone** has a diverging pair of its own and nothing else uses it: red for negative, blue
  for positive (the ends of ColorBrewer's RdBu scheme, which stays distinct for the common
  forms of colour blindness), a mid grey for neutral; :data:`TONE_CMAP` is the same scale
  for heatmaps and shaded tables.
* **Speakers** and **entity kinds** take colours from :data:`PALETTE` and
  :data:`KIND_COLOURS`, which keep clear of the tone hues: greens, ochres and purples only
  (at least :data:`TONE_HUE_MARGIN` degrees of hue away from red and blue), so a coloured
  quote never reads as a tone.
* **Unattributed** quotes are dark grey; the rest lumped together as **other** is a light
  grey (plots hatch it too), so the two never look alike.

A bottom-layer module (it imports nothing of mediakit): views may use it, stages need not.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable

__all__ = [
    "KIND_COLOURS",
    "OTHER_COLOUR",
    "PALETTE",
    "TONE_CMAP",
    "TONE_COLOURS",
    "TONE_HUE_MARGIN",
    "UNATTRIBUTED_COLOUR",
    "speaker_colours",
]

#: Colour per tone sign: ColorBrewer RdBu's dark red and dark blue, and a neutral grey.
TONE_COLOURS: dict[str, str] = {"-": "#b2182b", "0": "#969696", "+": "#2166ac"}
#: The matplotlib colour map with the same ends, for heatmaps and shaded tables.
TONE_CMAP = "RdBu"
#: Degrees of hue every speaker and kind colour keeps from the two tone hues (tested).
TONE_HUE_MARGIN = 30

#: Colours for speakers and labels (ColorBrewer Dark2/PRGn/BrBG without reds and blues):
#: stable by name, see :func:`speaker_colours`.
PALETTE: tuple[str, ...] = (
    "#1b9e77",
    "#e6ab02",
    "#984ea3",
    "#66a61e",
    "#a6761d",
    "#bc80bd",
    "#01665e",
    "#dfc27d",
    "#6a3d9a",
    "#80cdc1",
)
#: Quotes nobody is named for.
UNATTRIBUTED_COLOUR = "#595959"
#: Everybody outside the top speakers of a chart, lumped together.
OTHER_COLOUR = "#d0d0d0"
#: Colour per mention kind (also told apart by the underline: solid, dashed, dotted).
KIND_COLOURS: dict[str, str] = {
    "person": "#7b3294",
    "place": "#1b9e77",
    "organisation": "#a6761d",
}


def speaker_colours(names: Iterable[str], *, grey: Iterable[str] = ("",)) -> dict[str, str]:
    """A colour per name: stable by name, distinct within one view while the palette lasts.

    Each name hashes to a preferred colour; names are placed in sorted order and a name whose
    colour is taken moves to the next free one. Names in ``grey`` (the empty name, i.e.
    unattributed) are dark grey.

    >>> colours = speaker_colours(["Ana Veld", "Boris Tamm", ""])
    >>> colours[""]
    '#595959'
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
