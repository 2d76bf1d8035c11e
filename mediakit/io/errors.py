"""The error every reader raises for a source it cannot read as an article."""

from __future__ import annotations

__all__ = ["ReadError"]


class ReadError(ValueError):
    """A source that cannot be read as an article; the message names it and says what to do.

    >>> str(ReadError("a.txt", "the file is empty"))
    'a.txt: the file is empty'
    """

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}" if source else reason)
        self.source = source
        self.reason = reason
