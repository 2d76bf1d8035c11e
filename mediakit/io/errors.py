"""The errors every reader raises for a source it cannot read as an article.

Each is a ``ReadError`` (a ``ValueError``) whose message names the source and says what to
do, and also the built-in exception Python users expect to catch: a missing file is a
``FileNotFoundError``, a folder where a file was expected an ``IsADirectoryError``, an
unreadable file a ``PermissionError``, bytes that do not decode a ``UnicodeDecodeError``.

>>> err = ReadFileNotFoundError("a.txt", "no such file; check the path")
>>> isinstance(err, FileNotFoundError), isinstance(err, ReadError), str(err)
(True, True, 'a.txt: no such file; check the path')
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "ReadDecodeError",
    "ReadError",
    "ReadFileNotFoundError",
    "ReadIsADirectoryError",
    "ReadPermissionError",
]


class ReadError(ValueError):
    """A source that cannot be read as an article; the message names it and says what to do.

    >>> str(ReadError("a.txt", "the file is empty"))
    'a.txt: the file is empty'
    """

    def __init__(self, source: str, reason: str) -> None:
        self.message = f"{source}: {reason}" if source else reason
        super().__init__(self.message)
        self.source = source
        self.reason = reason

    def __str__(self) -> str:
        return self.message

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.source, self.reason))


class _OSReadError(ReadError):
    """A ReadError that is also an ``OSError``, with its ``filename`` set."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(source, reason)
        self.filename = source or None


class ReadFileNotFoundError(_OSReadError, FileNotFoundError):
    """No file or folder at the path given (also a ``FileNotFoundError``)."""


class ReadIsADirectoryError(_OSReadError, IsADirectoryError):
    """A folder where one file was expected (also an ``IsADirectoryError``)."""


class ReadPermissionError(_OSReadError, PermissionError):
    """A file the user may not read (also a ``PermissionError``)."""


class ReadDecodeError(ReadError, UnicodeDecodeError):
    """Bytes that do not decode in the encoding used (also a ``UnicodeDecodeError``).

    >>> try:
    ...     b"caf\\xe9".decode("utf-8")
    ... except UnicodeDecodeError as exc:
    ...     err = ReadDecodeError.of("a.txt", "cannot be decoded as utf-8", exc)
    >>> isinstance(err, UnicodeDecodeError), err.start, str(err)
    (True, 3, 'a.txt: cannot be decoded as utf-8')
    """

    def __init__(
        self,
        source: str,
        reason: str,
        encoding: str = "utf-8",
        data: bytes = b"",
        start: int = 0,
        end: int = 0,
        why: str = "",
    ) -> None:
        UnicodeDecodeError.__init__(self, encoding, data, start, end, why or reason)
        self.message = f"{source}: {reason}" if source else reason
        self.source = source
        self.reason = reason

    @classmethod
    def of(cls, source: str, reason: str, exc: UnicodeDecodeError) -> ReadDecodeError:
        """The error for ``source`` carrying the details of the codec's ``exc``."""
        return cls(source, reason, exc.encoding, exc.object, exc.start, exc.end, exc.reason)

    def __reduce__(self) -> tuple[Any, ...]:
        why = self.args[4] if len(self.args) > 4 else ""
        details = (self.encoding, self.object, self.start, self.end, why)
        return (type(self), (self.source, self.reason, *details))
