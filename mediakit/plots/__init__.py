"""Plots shaped like seaborn's: a long DataFrame in, ``ax=None``, keyword options, the Axes out.

Every function draws on ``ax`` (or the current Axes), sets a title and axis labels, and
returns the Axes; none calls ``plt.show()``. Empty input draws an empty Axes saying
"no data" instead of raising. Colours match the HTML views: one colour per speaker, stable
by name, and the same colours for person, place and organisation.

The functions take the row tables of an ``Analysis`` (one quote or mention per row) and
also tables already counted, such as ``mediakit.compare``'s or ``tabulate_mentions``'s:
a count column (``n_quotes``, ``n_words``, ``n_mentions``, ``mentions``) weighs each row,
``mean_compound`` stands in for ``compound`` and ``period`` for ``published``.

The parts import one way: ``_common`` (palette, Axes and "no data" helpers, reading tables)
<- ``counts``, ``tone``, ``time``, ``network`` (the plots) <- this package. Only ``_axes``
imports pyplot, and only when no Axes is given, so ``import mediakit.plots`` stays light.

>>> import matplotlib.pyplot as plt
>>> import pandas as pd
>>> fig, ax = plt.subplots()
>>> mentions = pd.DataFrame({"entity": ["Port Kessel", "Ana Veld", "Ana Veld"], "kind": ["place", "person", "person"]})
>>> mentions_bar(mentions, ax=ax).get_title()
'Mentions by entity'
>>> plt.close(fig)
"""

from __future__ import annotations

from ._common import KIND_COLOURS as KIND_COLOURS
from ._common import PALETTE as PALETTE
from ._common import UNATTRIBUTED_COLOUR as UNATTRIBUTED_COLOUR
from ._common import _colours as _colours
from .counts import mentions_bar, share_of_voice
from .network import cooccurrence_network
from .time import mentions_over_time, tone_over_time
from .tone import speaker_entity_heatmap, tone_by_quote, tone_by_speaker

__all__ = [
    "cooccurrence_network",
    "mentions_bar",
    "mentions_over_time",
    "share_of_voice",
    "speaker_entity_heatmap",
    "tone_by_quote",
    "tone_by_speaker",
    "tone_over_time",
]
