"""Configuration checked when it is built: a wrong type or shape raises at once, naming the field.

Every configuration class (``AnalysisConfig``, ``QuoteConfig``, ``SentimentConfig``,
``EntityConfig``) calls :func:`check_config` from its ``__post_init__``. It compares each
field with its annotation; a list where a tuple is declared becomes the tuple (the same
value, and hashable, as the caches need); anything else that does not fit raises
``TypeError`` naming the field, what it should be and an example when one is given. A
wrong value of the right type (an unknown kind, thresholds in the wrong order) raises
``ValueError`` through :func:`config_error`. A ``str`` field also takes a path
(``pathlib.Path``), as the file options do.

>>> from dataclasses import dataclass
>>> @dataclass(frozen=True)
... class Demo:
...     pairs: tuple[tuple[str, int], ...] = ()
...     def __post_init__(self) -> None:
...         check_config(self)
>>> Demo(pairs=[["a", 1]]).pairs
(('a', 1),)
>>> Demo(pairs=[("a",)])
Traceback (most recent call last):
...
TypeError: Demo(pairs=...): item 1 ('a',) has 1 part, not 2; pairs must be a tuple of (str, int)
"""

from __future__ import annotations

import dataclasses
import functools
import os
import types
import typing
from collections.abc import Mapping
from typing import Any

__all__ = ["check_config", "config_error"]


def config_error(config: object, name: str, reason: str) -> ValueError:
    """The error for a wrong value of field ``name``: ``Class(name=...): reason``."""
    return ValueError(f"{type(config).__name__}({name}=...): {reason}")


@functools.cache
def _hints(cls: type[Any]) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def check_config(config: Any, *, examples: Mapping[str, str] | None = None) -> None:
    """Check every field of a frozen dataclass against its annotation; tuples from lists.

    ``examples``: per field, a right value to show in the message.
    """
    hints = _hints(type(config))  # type: ignore[arg-type]
    for f in dataclasses.fields(config):
        value = getattr(config, f.name)
        tp = hints.get(f.name, Any)
        fixed = _as_declared(value, tp)
        problem = _mismatch(fixed, tp)
        if problem is not None:
            example = (examples or {}).get(f.name)
            hint = f"{f.name} must be {_describe(tp)}" + (f", e.g. {example}" if example else "")
            raise TypeError(f"{type(config).__name__}({f.name}=...): {problem}; {hint}")
        if fixed is not value:
            object.__setattr__(config, f.name, fixed)


def _as_declared(value: Any, tp: Any) -> Any:
    """Lists (and lists inside) turned into the tuples ``tp`` declares."""
    if typing.get_origin(tp) is tuple and isinstance(value, list | tuple):
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_as_declared(v, args[0]) for v in value)
        if len(args) == len(value):
            return tuple(_as_declared(v, a) for v, a in zip(value, args, strict=True))
        return tuple(value)
    return value


def _mismatch(value: Any, tp: Any, where: str = "") -> str | None:
    """Why ``value`` does not fit ``tp`` (``None`` when it does)."""
    origin = typing.get_origin(tp)
    if tp is Any:
        return None
    if origin in (typing.Union, types.UnionType):
        options = typing.get_args(tp)
        if any(_mismatch(value, a) is None for a in options):
            return None
        return f"{where}{_show(value)} is a {type(value).__name__}"
    if origin is typing.Literal:
        return None if value in typing.get_args(tp) else f"{where}{_show(value)} is not allowed"
    if origin is tuple:
        return _tuple_mismatch(value, typing.get_args(tp), where)
    if tp is float:
        ok = isinstance(value, int | float) and not isinstance(value, bool)
    elif tp is int:
        ok = isinstance(value, int) and not isinstance(value, bool)
    elif tp is str:
        ok = isinstance(value, str | os.PathLike)
    elif isinstance(tp, type):
        ok = isinstance(value, tp)
    else:
        ok = True
    return None if ok else f"{where}{_show(value)} is a {type(value).__name__}"


def _tuple_mismatch(value: Any, args: tuple[Any, ...], where: str) -> str | None:
    if not isinstance(value, tuple):
        return f"{where}{_show(value)} is a {type(value).__name__}, not a tuple"
    if len(args) == 2 and args[1] is Ellipsis:
        for i, v in enumerate(value):
            problem = _mismatch(v, args[0], f"item {i + 1} ")
            if problem is not None:
                return problem
        return None
    if len(value) != len(args):
        n = len(value)
        return f"{where}{_show(value)} has {n} part{'s' if n != 1 else ''}, not {len(args)}"
    for v, a in zip(value, args, strict=True):
        problem = _mismatch(v, a, where)
        if problem is not None:
            return problem
    return None


def _describe(tp: Any) -> str:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        return " or ".join(_describe(a) for a in typing.get_args(tp))
    if origin is tuple:
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            inner = typing.get_args(args[0]) if typing.get_origin(args[0]) is tuple else ()
            if inner:
                return f"a tuple of ({', '.join(_describe(a) for a in inner)})"
            return f"a tuple of {_describe(args[0])}"
        return f"({', '.join(_describe(a) for a in args)})"
    if tp is type(None):
        return "None"
    return getattr(tp, "__name__", str(tp))


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
