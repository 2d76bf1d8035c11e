"""Options of quote extraction."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..checks import check_config, config_error


@dataclass(frozen=True)
class QuoteConfig:
    """Options of quote extraction.

    ``cues``: the cue lexicon (a shipped name or a path to a user's file, same columns);
    ``single_marks``: pair single curly marks ‘…’ too; ``indirect``: find reported
    speech; ``min_direct_words``: shorter marked spans need a cue to count as speech;
    ``guess_from_context``: attribute a quote without a cue to the speaker before it;
    ``content_with_that``: start reported content at "that" (as PolNeAR spans do).

    >>> QuoteConfig().single_marks
    True
    """

    cues: str | Path = "quote_cues.tsv"
    single_marks: bool = True
    indirect: bool = True
    min_direct_words: int = 4
    guess_from_context: bool = True
    content_with_that: bool = False

    def __post_init__(self) -> None:
        """Raise now for a value of the wrong type."""
        check_config(self)
        if self.min_direct_words < 0:
            raise config_error(self, "min_direct_words", "must be 0 or more")
