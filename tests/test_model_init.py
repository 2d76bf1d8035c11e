"""Records with a hand-written ``__init__`` (for speed) behave as dataclass-made ones would."""

from __future__ import annotations

import dataclasses
import inspect
import math

import pytest

from mediakit.model import Mention, Quote, Sentence

RECORDS = [Mention, Quote, Sentence]


def _sample(cls: type) -> dict[str, object]:
    """A value for every field without a default."""
    values: dict[str, object] = {}
    for f in dataclasses.fields(cls):
        if f.default is dataclasses.MISSING:
            values[f.name] = 7 if f.type in ("int", int) else f"{f.name}-value"
    return values


@pytest.mark.parametrize("cls", RECORDS, ids=lambda c: c.__name__)
def test_init_takes_the_fields_with_their_defaults(cls: type) -> None:
    params = list(inspect.signature(cls.__init__).parameters.values())[1:]
    fields = dataclasses.fields(cls)
    assert [p.name for p in params] == [f.name for f in fields]
    for p, f in zip(params, fields, strict=True):
        want = inspect.Parameter.empty if f.default is dataclasses.MISSING else f.default
        if isinstance(want, float) and math.isnan(want):
            assert math.isnan(p.default)
        else:
            assert p.default == want, p.name


@pytest.mark.parametrize("cls", RECORDS, ids=lambda c: c.__name__)
def test_records_are_frozen_dataclasses(cls: type) -> None:
    values = _sample(cls)
    r = cls(**values)
    assert list(vars(r)) == [f.name for f in dataclasses.fields(cls)]
    assert all(getattr(r, k) == v for k, v in values.items())
    assert r == cls(*values.values()) and hash(r) == hash(cls(**values))
    with pytest.raises(dataclasses.FrozenInstanceError):
        r.start = 1  # type: ignore[misc]
    name = next(iter(values))
    assert getattr(dataclasses.replace(r, **{name: "other"}), name) == "other"
    assert repr(dataclasses.replace(r)) == repr(r)
    assert dataclasses.asdict(r).keys() == vars(r).keys()
